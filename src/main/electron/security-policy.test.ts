import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  buildMetaCsp,
  devServerUrlFrom,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  type IpcSender,
} from './security-policy.ts';

const APP = 'file:///opt/tillit/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('web preferences', () => {
  const prefs = secureWebPreferences('/opt/tillit/out/preload/index.cjs');

  it('sandboxes and isolates the renderer, with no Node anywhere', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and experiments off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/opt/tillit/out/preload/index.cjs',
    });
  });

  it('sets nothing that weakens the window', () => {
    const risky = ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'webgl', 'plugins', 'enableRemoteModule'];
    for (const key of risky) expect(prefs).not.toHaveProperty(key);
  });
});

describe('navigation', () => {
  it.each([
    [APP, true],
    [`${APP}#/contacts`, true],
    [`${APP}?x=1`, true],
    ['file:///etc/passwd', false],
    ['file:///opt/tillit/out/renderer/other.html', false],
    ['file://evil-host/opt/tillit/out/renderer/index.html', false],
    ['https://evil.example/', false],
    ['http://evil.example/index.html', false],
    ['http://127.0.0.1:1234/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:file:///x', false],
    ['about:blank', false],
    ['chrome://settings', false],
    ['not a url', false],
    ['', false],
  ])('of the app window to %s is allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url, APP)).toBe(allowed);
  });

  it('stays on the dev server origin in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation(APP, DEV)).toBe(false);
  });

  it('lets no subframe navigate, not even to the app', () => {
    expect(isAllowedFrameNavigation(APP, true, APP)).toBe(true);
    expect(isAllowedFrameNavigation(APP, false, APP)).toBe(false);
    expect(isAllowedFrameNavigation('https://evil.example/', true, APP)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const trusted: IpcSender = { frameUrl: `${APP}#/import`, isMainFrame: true, fromAppWindow: true };

  it('answers the main frame of our window showing the app', () => {
    expect(isTrustedSender(trusted, APP)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'http://localhost:5173/' }, DEV)).toBe(true);
  });

  it.each<[string, Partial<IpcSender>]>([
    ['a subframe', { isMainFrame: false }],
    ['a foreign page', { frameUrl: 'https://evil.example/' }],
    ['another local file', { frameUrl: 'file:///tmp/evil.html' }],
    ['a data: page', { frameUrl: 'data:text/html,hi' }],
    ['a frame that is gone', { frameUrl: undefined }],
    ['a web contents that is not our window', { fromAppWindow: false }],
  ])('refuses %s', (_what, change) => {
    expect(isTrustedSender({ ...trusted, ...change }, APP)).toBe(false);
  });
});

describe('external links', () => {
  it.each([
    ['https://www.electronjs.org/docs', true],
    ['https://example.com/a?b=c#d', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['https://user:pass@example.com', false],
    ['smb://share/x', false],
    ['ms-msdt:/id', false],
    ['mailto:a@example.com', false],
    ['not a url', false],
  ])('opens %s in the browser: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });
});

describe('dev server URL', () => {
  it('is honoured only unpackaged and only on loopback', () => {
    expect(devServerUrlFrom('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFrom('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrlFrom('https://evil.example/', false)).toBeUndefined();
    expect(devServerUrlFrom('http://localhost.evil.example/', false)).toBeUndefined();
    expect(devServerUrlFrom('file:///tmp/evil.html', false)).toBeUndefined();
    expect(devServerUrlFrom('garbage', false)).toBeUndefined();
    expect(devServerUrlFrom(undefined, false)).toBeUndefined();
  });
});

describe('content security policy', () => {
  const directives = (csp: string): Map<string, string> =>
    new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));

  it('is strict for the built app', () => {
    const csp = directives(buildCsp());
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(buildCsp()).not.toMatch(/unsafe-|\*|http:|https:/);
  });

  it('opens only what the dev server needs, and only in development', () => {
    const csp = directives(buildCsp('http://localhost:5173/'));
    expect(csp.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('default-src')).toBe("'self'");
  });

  it('has a meta-tag form without the directive browsers ignore there', () => {
    expect(buildMetaCsp()).toBe(buildCsp().replace("; frame-ancestors 'none'", ''));
    expect(buildMetaCsp()).not.toContain('"');
  });
});
