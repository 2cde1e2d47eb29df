// Browser mode's loopback server: token on every call, Host header checked, no CORS,
// errors in envelopes — exercised over real HTTP against a real workspace file.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../src/main/app/workspace.ts';
import { startLoopbackServer, type LoopbackServer } from '../src/main/server/http.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const dir = tempDir();
let workspace: Workspace;
let server: LoopbackServer;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP so the test controls every header, Host included. */
function request(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = (): Record<string, string> => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tillit</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the static folder');
  workspace = openWorkspace({ dbPath: tempDbPath(dir), importsInWorker: false });
  server = await startLoopbackServer({ workspace, staticDir });
});

afterAll(async () => {
  await server.close();
  workspace.close();
});

describe('loopback server', () => {
  it('listens on 127.0.0.1 only and prints an app URL carrying the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.appUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers a call with the token in an ok envelope', async () => {
    const reply = await request('POST', '/api/app.info', auth(), '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { policy: 'default', contactCount: 0 } });
  });

  it('refuses a call without the token (401) and changes nothing', async () => {
    const body = JSON.stringify({ brand: 'Evil Corp' });
    const noToken = await request('POST', '/api/settings.update', { 'Content-Type': 'application/json' }, body);
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrongToken = await request('POST', '/api/settings.update', { Authorization: `Bearer ${'0'.repeat(48)}` }, body);
    expect(wrongToken.status).toBe(401);
    const info = JSON.parse((await request('POST', '/api/app.info', auth(), '{}')).body) as { value: { brand: string | null } };
    expect(info.value.brand).toBeNull();
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await request('POST', '/api/app.info', { ...auth(), Host: 'evil.example:80' }, '{}')).status).toBe(403);
    expect((await request('POST', '/api/app.info', { ...auth(), Origin: 'https://evil.example' }, '{}')).status).toBe(403);
  });

  it('sends no CORS headers, even to a preflight', async () => {
    const preflight = await request('OPTIONS', '/api/app.info', { Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const call = await request('POST', '/api/app.info', auth(), '{}');
    expect(call.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('validates payloads as unknown input and explains what is wrong', async () => {
    const bad = JSON.parse((await request('POST', '/api/contacts.list', auth(), JSON.stringify({ limit: 'all', asOf: '2026-02-30' }))).body) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(bad.error.message).toMatch(/limit/);
    expect(bad.error.message).toMatch(/asOf: must be a date/);
    const unknown = JSON.parse((await request('POST', '/api/contacts.drop', auth(), '{}')).body) as { error: { code: string } };
    expect(unknown.error.code).toBe('unknown-method');
    const notJson = await request('POST', '/api/app.info', auth(), '{oops');
    expect(notJson.status).toBe(400);
  });

  it('keeps errors from services in the envelope with their code', async () => {
    const reply = JSON.parse((await request('POST', '/api/contacts.get', auth(), JSON.stringify({ id: 999 }))).body) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(reply).toEqual({ ok: false, error: { code: 'not-found', message: 'No contact with id 999.' } });
  });

  it('serves the app with a CSP and refuses paths outside the static folder', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await request('GET', '/../secret.txt')).body).not.toContain('outside the static folder');
    expect((await request('GET', '/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers the redirect file\'s form (Origin "null", from file://) with a redirect and a one-time code; the app page it opens carries the token once, and nothing without it', async () => {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded', Host: `127.0.0.1:${server.port}` };
    const opened = await request('POST', '/open', { ...form, Origin: 'null' }, `token=${server.token}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    expect(opened.body).not.toContain(server.token);
    const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^tillit-open=[0-9a-f]{48}$/);
    expect(cookie).not.toContain(server.token);
    const page = await request('GET', '/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain(`<meta name="tillit-token" content="${server.token}" />`);
    expect(page.body).toContain('<title>Tillit</title>');
    // The code works once.
    const again = await request('GET', '/', { Cookie: cookie });
    expect(again.status).toBe(401);
    expect(again.body).not.toContain(server.token);
    for (const [origin, body] of [
      ['null', 'token=wrong'],
      ['null', ''],
      ['https://evil.example', `token=${server.token}`],
    ] as const) {
      const refused = await request('POST', '/open', { ...form, Origin: origin }, body);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.body).not.toContain(server.token);
      expect(refused.headers['set-cookie']).toBeUndefined();
    }
  });

  it('streams events only with the token', async () => {
    expect((await request('GET', '/api/events')).status).toBe(401);
    const events: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          if (chunk.includes('event: contacts.changed')) {
            req.destroy();
            resolve();
          }
        });
        // Once connected, cause a change.
        void request('POST', '/api/settings.update', auth(), JSON.stringify({ brand: 'Bakeriet' }));
      });
      req.on('error', (error) => (events.join('').includes('contacts.changed') ? resolve() : reject(error)));
    });
    expect(events.join('')).toContain('data: {"reason":"settings"}');
  });
});
