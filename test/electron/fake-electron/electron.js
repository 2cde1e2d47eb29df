// A stand-in for the 'electron' module, just big enough to boot the BUILT main process
// (out/main/index.js) under plain Node where the Electron binary cannot be downloaded. It records
// what main asks of Electron (window options, handlers, menu, sends) so that a test can drive the
// real bundle: the real workspace, the real IPC handler, the real security handlers.
// Loaded through ./register.js, which maps the specifier 'electron' to this file.

import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate } from 'node:timers';

export const record = {
  sandboxEnabled: false,
  singleInstanceLockRequested: false,
  errorBoxes: [],
  messageBoxes: [],
  openedExternally: [],
  /** @type {unknown[]} */
  applicationMenu: null,
  session: {
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    devicePermissionHandler: null,
    displayMediaRequestHandler: null,
    headersReceivedListener: null,
    events: [],
  },
};

let nextId = 1;

class FakeFrame {
  constructor(url, parent, frameTreeNodeId) {
    this.url = url;
    this.parent = parent;
    this.frameTreeNodeId = frameTreeNodeId;
  }
}

export class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.url = '';
    this.sent = [];
    this.windowOpenHandler = null;
    this.destroyed = false;
    this.mainFrame = new FakeFrame('', null, this.id * 100);
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, ...args) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
  /** The page finished loading url: the main frame now shows it. */
  loaded(url) {
    this.url = url;
    this.mainFrame.url = url;
  }
}

const windows = new Set();

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.destroyed = false;
    this.minimized = false;
    this.calls = [];
    windows.add(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return [...windows];
  }
  static fromWebContents(contents) {
    return [...windows].find((w) => w.webContents === contents) ?? null;
  }
  loadFile(file) {
    this.calls.push(['loadFile', file]);
    setImmediate(() => {
      this.webContents.loaded(new URL(`file://${path.resolve(file)}`).href);
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }
  loadURL(url) {
    this.calls.push(['loadURL', url]);
    setImmediate(() => {
      this.webContents.loaded(url);
      this.emit('ready-to-show');
    });
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.calls.push(['restore']);
  }
  show() {
    this.calls.push(['show']);
  }
  focus() {
    this.calls.push(['focus']);
  }
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    windows.delete(this);
    this.emit('closed');
    if (windows.size === 0) app.emit('window-all-closed');
  }
}

class FakeApp extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.ready = false;
    this.readyPromise = new Promise((resolve) => {
      // Like Electron: ready comes after the main script has run.
      setImmediate(() => {
        this.ready = true;
        this.emit('ready');
        resolve();
      });
    });
  }
  enableSandbox() {
    record.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    record.singleInstanceLockRequested = true;
    return true;
  }
  whenReady() {
    return this.readyPromise;
  }
  isReady() {
    return this.ready;
  }
  getPath(name) {
    if (name !== 'userData') throw new Error(`fake electron: getPath(${name}) is not faked`);
    return process.env.FAKE_ELECTRON_USER_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-fake-userdata-'));
  }
  getVersion() {
    return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).version;
  }
  quit() {
    setImmediate(() => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      this.emit('before-quit', event);
      this.emit('will-quit', event);
      if (!event.defaultPrevented) this.exit(0);
    });
  }
  exit(code = 0) {
    this.emit('quit');
    process.exit(code);
  }
}

export const app = new FakeApp();

class FakeIpcMain {
  constructor() {
    this.handlers = new Map();
  }
  handle(channel, handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel) {
    this.handlers.delete(channel);
  }
}

export const ipcMain = new FakeIpcMain();

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.applicationMenu = menu?.template ?? null;
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record.errorBoxes.push({ title, content });
  },
  showMessageBox(...args) {
    record.messageBoxes.push(args.at(-1));
    return Promise.resolve({ response: 0, checkboxChecked: false });
  },
};

export const shell = {
  openExternal(url) {
    record.openedExternally.push(url);
    return Promise.resolve();
  },
};

class FakeSession extends EventEmitter {
  constructor() {
    super();
    this.webRequest = {
      onHeadersReceived(listener) {
        record.session.headersReceivedListener = listener;
      },
    };
  }
  setPermissionRequestHandler(handler) {
    record.session.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler) {
    record.session.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler) {
    record.session.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler) {
    record.session.displayMediaRequestHandler = handler;
  }
  on(event, listener) {
    record.session.events.push(event);
    return super.on(event, listener);
  }
}

export const session = { defaultSession: new FakeSession() };

export const contextBridge = {
  exposeInMainWorld() {
    throw new Error('fake electron: contextBridge belongs to the preload');
  },
};

export const ipcRenderer = {};

export default { app, BrowserWindow, ipcMain, Menu, dialog, shell, session, contextBridge, ipcRenderer };
