import { describe, expect, it } from 'vitest';
import { buildCsp, isAllowedNavigation, isSafeExternalUrl, isTrustedSender, secureWebPreferences } from './security-policy.ts';

const APP = 'file:///opt/tillit/out/renderer/index.html';

describe('window security', () => {
  it('builds web preferences with the sandbox, isolation and no Node', () => {
    expect(secureWebPreferences('/opt/tillit/out/preload/index.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/tillit/out/preload/index.cjs',
    });
  });

  it.each([
    [APP, true],
    [`${APP}#/contacts`, true],
    ['file:///etc/passwd', false],
    ['file:///opt/tillit/out/renderer/other.html', false],
    ['https://evil.example/', false],
    ['http://127.0.0.1:1234/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url, APP)).toBe(allowed);
  });

  it('allows only the dev server origin in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('answers IPC only from the main frame showing the app', () => {
    expect(isTrustedSender(APP, true, APP)).toBe(true);
    expect(isTrustedSender(APP, false, APP)).toBe(false); // a subframe
    expect(isTrustedSender('https://evil.example/', true, APP)).toBe(false);
    expect(isTrustedSender(undefined, true, APP)).toBe(false);
  });

  it.each([
    ['https://www.electronjs.org/docs', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@example.com', false],
    ['smb://share/x', false],
  ])('opens %s externally: %s', (url, allowed) => {
    expect(isSafeExternalUrl(url)).toBe(allowed);
  });

  it('has a strict content security policy', () => {
    const csp = buildCsp();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(buildCsp('http://localhost:5173')).toContain('ws://localhost:5173');
  });
});
