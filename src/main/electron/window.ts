// The window factory: every Tillit window is created here, with the one set of hardened
// webPreferences, and remembered so IPC can tell our windows from any other web contents.

import { BrowserWindow, type WebContents } from 'electron';
import { secureWebPreferences } from './security-policy.ts';

export interface RendererLocation {
  /** The built renderer, out/renderer/index.html (used when there is no dev server). */
  rendererFile: string;
  /** The electron-vite dev server, already vetted by devServerUrlFrom. */
  devServerUrl: string | undefined;
  /** The bundled, CommonJS, sandbox-compatible preload: out/preload/index.cjs. */
  preloadPath: string;
}

const appWindows = new Set<BrowserWindow>();

export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Tillit',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(location.preloadPath),
  });
  appWindows.add(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => appWindows.delete(window));
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Tillit: the window's renderer stopped (${details.reason}, exit code ${details.exitCode}).`);
  });
  const loaded = location.devServerUrl ? window.loadURL(location.devServerUrl) : window.loadFile(location.rendererFile);
  loaded.catch((error: unknown) => {
    console.error(`Tillit: the window could not load the app: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** The windows this factory made and that are still open. */
export function getAppWindows(): BrowserWindow[] {
  return [...appWindows].filter((window) => !window.isDestroyed());
}

/** Whether a web contents is one of our windows' (not devtools, not a stray contents). */
export function isAppWebContents(contents: WebContents): boolean {
  return getAppWindows().some((window) => !window.webContents.isDestroyed() && window.webContents.id === contents.id);
}
