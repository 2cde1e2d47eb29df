// Electron main (built to out/main/index.js, package.json "main"): one instance, the workspace
// in the user-data folder (productName "Tillit": the folder the CLI uses) or TILLIT_DB, hardened
// windows, the menu, the IPC binding. Everything with logic in it lives outside this folder or
// in the pure modules beside this one.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, dialog, Menu } from 'electron';
import { DB_FILE_NAME } from '../app/paths.ts';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { bindIpc, sendToAppWindows } from './ipc.ts';
import { buildMenuTemplate, MENU_COMMAND_EVENT, type MenuCommand } from './menu.ts';
import { hardenAllContents, hardenSession } from './security.ts';
import { devServerUrlFrom } from './security-policy.ts';
import { createMainWindow, getAppWindows } from './window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const preloadPath = path.join(here, '../preload/index.cjs');
const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const isDev = devServerUrl !== undefined;
const appUrl = (): string => devServerUrl ?? pathToFileURL(rendererFile).href;

let workspace: Workspace | null = null;
let unbindIpc: (() => void) | null = null;

function openMainWindow(): void {
  createMainWindow({ rendererFile, devServerUrl, preloadPath });
}

function focusMainWindow(): void {
  const [window] = getAppWindows();
  if (!window) {
    if (app.isReady() && workspace) openMainWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function showAbout(): void {
  const [window] = getAppWindows();
  const options = {
    type: 'info' as const,
    title: 'About Tillit',
    message: `Tillit ${app.getVersion()}`,
    detail: `Consent-first contact lists, kept on this computer.\n\nWorkspace: ${workspace?.dbPath ?? '(none)'}\nElectron ${process.versions.electron ?? '?'}, Chromium ${process.versions.chrome ?? '?'}, Node ${process.versions.node}`,
    buttons: ['OK'],
  };
  const shown = window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  shown.catch(() => {});
}

function sendMenuCommand(command: MenuCommand): void {
  focusMainWindow();
  sendToAppWindows(MENU_COMMAND_EVENT, { command });
}

function closeWorkspace(): void {
  unbindIpc?.();
  unbindIpc = null;
  workspace?.close();
  workspace = null;
}

function start(): void {
  const dbPath = process.env.TILLIT_DB ? path.resolve(process.env.TILLIT_DB) : path.join(app.getPath('userData'), DB_FILE_NAME);
  try {
    workspace = openWorkspace({ dbPath, dailyBackup: true, whenDamaged: 'restore-only' });
  } catch (error) {
    // A damaged file, or one made by a newer Tillit: say so and stop rather than show an empty app.
    dialog.showErrorBox('Tillit cannot open its workspace', `${dbPath}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
    return;
  }
  hardenSession(devServerUrl);
  unbindIpc = bindIpc(workspace, appUrl);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, isDev, onCommand: sendMenuCommand, onAbout: showAbout })));
  openMainWindow();
}

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Tillit has the workspace open; it is told (second-instance) and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  hardenAllContents(appUrl);
  app.whenReady().then(start, (error: unknown) => {
    console.error('Tillit could not start:', error);
    app.exit(1);
  });
  app.on('activate', focusMainWindow); // macOS: the dock icon reopens the window
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', closeWorkspace);
}
