// Hardening of the session and of every web contents: no navigation away from the app, no new
// windows (https links go to the user's browser through the one audited openExternal), no
// webviews, no permissions or devices, and a strict CSP header on every response.

import { app, session, shell, type Session, type WebContents } from 'electron';
import { buildCsp, isAllowedFrameNavigation, isAllowedNavigation, isSafeExternalUrl } from './security-policy.ts';

/** The only place Tillit opens anything outside itself; everything but plain https is dropped. */
export function openExternal(url: string): void {
  if (!isSafeExternalUrl(url)) {
    console.warn(`Tillit: refused to open ${JSON.stringify(url.slice(0, 200))} outside the app (only https links are opened).`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Tillit: could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export function hardenSession(devServerUrl: string | undefined, ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Device choosers: never pick anything.
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // Pages from file:// get no response headers; the built index.html carries the same policy in a
  // meta tag (electron.config.ts writes it). This header covers the dev server and anything else.
  const csp = buildCsp(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

export function hardenContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event.url, event.isMainFrame, appUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenContents to every web contents the app ever creates; call before app is ready. */
export function hardenAllContents(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl));
}
