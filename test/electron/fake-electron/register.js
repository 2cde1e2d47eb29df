// `node --import ./register.js out/main/index.js` (through child_process.fork): the built main
// process runs against the fake 'electron' in ./electron.js, and this driver answers the parent
// test's commands over the fork IPC channel: inspect what main set up, invoke the IPC handler as
// different senders, fire navigation and window-open events, click menu items, quit.

import { registerHooks } from 'node:module';
import { setTimeout } from 'node:timers/promises';

const fakeUrl = new URL('./electron.js', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: fakeUrl, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const fake = await import(fakeUrl);
const { app, BrowserWindow, FakeWebContents, ipcMain, record } = fake;

const INVOKE_CHANNEL = 'tillit:invoke';

function firstWindow() {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) throw new Error('no window');
  return window;
}

function serializable(value) {
  return JSON.parse(JSON.stringify(value ?? null));
}

function cancellable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

function findMenuItem(items, id) {
  for (const item of items ?? []) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? findMenuItem(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function sessionAnswers() {
  const s = record.session;
  let permissionRequest = 'no handler';
  s.permissionRequestHandler?.(null, 'media', (granted) => (permissionRequest = granted), {});
  let displayMedia = 'no handler';
  s.displayMediaRequestHandler?.({}, (streams) => (displayMedia = streams));
  let headers = null;
  s.headersReceivedListener?.(
    { url: 'http://localhost/', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } },
    (response) => (headers = response.responseHeaders),
  );
  return {
    permissionRequest,
    permissionCheck: s.permissionCheckHandler ? s.permissionCheckHandler(null, 'clipboard-read', 'file://', {}) : 'no handler',
    devicePermission: s.devicePermissionHandler ? s.devicePermissionHandler({ deviceType: 'usb' }) : 'no handler',
    displayMedia,
    events: s.events,
    headers,
  };
}

function senderEvent(kind) {
  const window = firstWindow();
  const contents = window.webContents;
  const appUrl = contents.getURL();
  switch (kind) {
    case 'app':
      return { sender: contents, senderFrame: contents.mainFrame };
    case 'subframe':
      return { sender: contents, senderFrame: { url: appUrl, parent: contents.mainFrame, frameTreeNodeId: contents.mainFrame.frameTreeNodeId + 1 } };
    case 'foreign-url':
      return { sender: contents, senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' } };
    case 'gone':
      return { sender: contents, senderFrame: null };
    case 'other-contents': {
      const other = new FakeWebContents();
      other.loaded(appUrl);
      return { sender: other, senderFrame: other.mainFrame };
    }
    default:
      throw new Error(`unknown sender kind ${kind}`);
  }
}

const commands = {
  state() {
    return {
      sandboxEnabled: record.sandboxEnabled,
      singleInstanceLockRequested: record.singleInstanceLockRequested,
      errorBoxes: record.errorBoxes,
      windows: BrowserWindow.getAllWindows().map((w) => ({ options: serializable(w.options), calls: w.calls, url: w.webContents.getURL() })),
      menu: serializable(record.applicationMenu),
      session: sessionAnswers(),
      webContentsCreatedListeners: app.listenerCount('web-contents-created'),
      contentsEvents: firstWindow().webContents.eventNames(),
      hasWindowOpenHandler: typeof firstWindow().webContents.windowOpenHandler === 'function',
      ipcChannels: [...ipcMain.handlers.keys()],
    };
  },
  async invoke({ sender, method, payload }) {
    const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
    if (!handler) throw new Error('no invoke handler');
    return handler(senderEvent(sender), method, payload);
  },
  navigate({ url, event = 'will-navigate', isMainFrame = true }) {
    const contents = firstWindow().webContents;
    const e = cancellable();
    if (event === 'will-frame-navigate') {
      Object.assign(e, { url, isMainFrame, isSameDocument: false, frame: null });
      contents.emit(event, e);
    } else {
      contents.emit(event, e, url);
    }
    return { prevented: e.defaultPrevented };
  },
  open({ url }) {
    const before = record.openedExternally.length;
    const decision = firstWindow().webContents.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
    return { decision, openedExternally: record.openedExternally.slice(before) };
  },
  attachWebview() {
    const e = cancellable();
    firstWindow().webContents.emit('will-attach-webview', e, {}, {});
    return { prevented: e.defaultPrevented };
  },
  menu({ id }) {
    const item = findMenuItem(record.applicationMenu, id);
    if (!item?.click) throw new Error(`no menu item ${id}`);
    item.click();
    return { messageBoxes: record.messageBoxes };
  },
  sent() {
    return firstWindow().webContents.sent;
  },
  secondInstance() {
    const window = firstWindow();
    window.minimized = true;
    app.emit('second-instance', {}, [], process.cwd(), {});
    return { calls: window.calls };
  },
  quit() {
    app.quit();
    return {};
  },
};

process.on('message', (message) => {
  const { id, command, args } = message;
  Promise.resolve()
    .then(() => commands[command](args ?? {}))
    .then(
      (result) => process.send({ id, result: serializable(result) }),
      (error) => process.send({ id, error: error instanceof Error ? error.stack : String(error) }),
    );
});

// Tell the test when the window is up (or that start-up failed, with what main said).
void (async () => {
  for (let i = 0; i < 500; i += 1) {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.webContents.getURL()) return process.send({ ready: true });
    if (record.errorBoxes.length > 0) return process.send({ ready: false, errorBoxes: record.errorBoxes });
    await setTimeout(20);
  }
  process.send({ ready: false, errorBoxes: record.errorBoxes, timeout: true });
})();
