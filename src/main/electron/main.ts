// Electron main: single instance, the workspace in the user-data folder (productName "Tillit",
// the same folder the CLI uses) or TILLIT_DB,
// a hardened window, the menu, IPC. Everything else lives outside this folder.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { openWorkspace, type Workspace } from '../app/workspace.ts';
import { DB_FILE_NAME } from '../app/paths.ts';
import { APP_VERSION } from '../services/settings.ts';
import { bindIpc } from './ipc.ts';
import { hardenAllContents, hardenSession, openExternal } from './security.ts';
import { secureWebPreferences } from './security-policy.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(here, '../renderer/index.html');
const appUrl = (): string => devServerUrl ?? pathToFileURL(rendererFile).href;

let workspace: Workspace | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Tillit',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  return window;
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [{ role: 'quit' }] },
    { role: 'editMenu' },
    { label: 'View', submenu: app.isPackaged ? [{ role: 'togglefullscreen' }] : [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Tillit',
          click: () => void dialog.showMessageBox({ message: `Tillit ${APP_VERSION}`, detail: `Workspace: ${workspace?.dbPath ?? ''}` }),
        },
        { label: 'Electron security checklist', click: () => openExternal('https://www.electronjs.org/docs/latest/tutorial/security') },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  hardenAllContents(appUrl);
  void app.whenReady().then(() => {
    const dbPath = process.env.TILLIT_DB ? path.resolve(process.env.TILLIT_DB) : path.join(app.getPath('userData'), DB_FILE_NAME);
    try {
      workspace = openWorkspace({ dbPath, importsInWorker: true });
    } catch (error) {
      dialog.showErrorBox('Tillit cannot open its workspace', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    hardenSession(devServerUrl);
    bindIpc(workspace, appUrl);
    buildMenu();
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => workspace?.close());
}
