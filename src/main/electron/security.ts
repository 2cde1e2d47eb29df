// Hardening of the Electron session and every web contents: no navigation away from the app,
// no new windows (https links go to the browser through one audited function), no webviews,
// no permissions, and a strict CSP on every response.

import { app, session, shell, type WebContents } from 'electron';
import { buildCsp, isAllowedNavigation, isSafeExternalUrl } from './security-policy.ts';

/** The only place Tillit opens anything outside itself. */
export function openExternal(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function hardenSession(devServerUrl?: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const csp = buildCsp(devServerUrl);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

export function hardenContents(contents: WebContents, appUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenContents to every web contents the app ever creates. */
export function hardenAllContents(appUrl: () => string): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl()));
}
