// The Electron shell's security decisions as plain functions (no 'electron' import), so they
// are unit-tested under Node; security.ts, ipc.ts, window.ts and main.ts wire them in.
// Checklist: https://www.electronjs.org/docs/latest/tutorial/security

export interface SecureWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  preload: string;
}

/** The one set of webPreferences every Tillit window gets. */
export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window must not replace the app with the file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Contact data stays on this machine: no spelling service.
    spellcheck: false,
    preload,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The renderer dev server (electron-vite sets ELECTRON_RENDERER_URL in `npm run dev`). Honoured
 * only in an unpackaged app and only for a loopback http(s) URL: otherwise anyone able to set an
 * environment variable could point the window, and the trust IPC gives it, at a foreign site.
 */
export function devServerUrlFrom(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined;
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.username === '' && url.password === '') {
      return url.href;
    }
  } catch {
    // Not a URL: ignored like an unset variable.
  }
  return undefined;
}

/** Same app: the renderer's own file (any hash or query), or the dev server's origin. */
function isSameApp(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') {
      return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
    }
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Navigation of the main frame is allowed only within the app itself (a reload, say). */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isSameApp(url, appUrl);
}

/** Frames: the app has no iframes, so only the main frame may navigate, and only within the app. */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean, appUrl: string): boolean {
  return isMainFrame && isSameApp(url, appUrl);
}

export interface IpcSender {
  /** The sending frame's URL; undefined when the frame is gone (navigated away, destroyed). */
  frameUrl: string | undefined;
  /** The frame is the top-level frame of its web contents. */
  isMainFrame: boolean;
  /** The web contents belongs to a window Tillit created (not a devtools or stray contents). */
  fromAppWindow: boolean;
}

/** IPC is answered only for the main frame of one of our windows, showing our app. */
export function isTrustedSender(sender: IpcSender, appUrl: string): boolean {
  return sender.fromAppWindow && sender.isMainFrame && sender.frameUrl !== undefined && isSameApp(sender.frameUrl, appUrl);
}

/** The one kind of link Tillit hands to the user's browser: plain https, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The content security policy. Production (the built renderer) is strict: nothing inline, no
 * eval, nothing from elsewhere. The dev server additionally needs its HMR websocket and the
 * inline scripts and styles Vite and React refresh inject; that relaxation exists only while
 * a dev server URL is given (never in a packaged app, see devServerUrlFrom).
 */
export function buildCsp(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const websocket = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${websocket}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The same policy for a <meta http-equiv> tag in the built index.html. Headers set from main do
 * not reach pages loaded from file:// (and browser mode serves the same file), so the tag is what
 * protects the built app; frame-ancestors is dropped because browsers ignore it in a meta tag.
 */
export function buildMetaCsp(): string {
  return buildCsp()
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}
