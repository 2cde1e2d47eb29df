// Browser mode: the same handler table served on 127.0.0.1 only. Every API call needs the
// random per-start token; the Host header must name this server (against DNS rebinding);
// there are no CORS headers, so other sites' pages cannot read responses.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_OPEN_PATH, TOKEN_FORM_FIELD, TOKEN_META_NAME } from '../../shared/contract/transport-protocol.ts';
import type { Workspace } from '../app/workspace.ts';

export interface LoopbackServer {
  url: string;
  /**
   * The URL to open: carries the token in the fragment, which browsers never send to servers.
   * Never printed nor passed on a command line: `tillit serve` writes it into a redirect file
   * readable only by the user (open-file.ts).
   */
  appUrl: string;
  /** Where the redirect file posts the token (HTTP_OPEN_PATH): no token in any URL. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  workspace: Workspace;
  port?: number;
  /** Folder with the built renderer (index.html + assets). */
  staticDir: string;
  /** For tests: a fixed token. */
  token?: string;
}

const MAX_BODY_BYTES = 80 * 1024 * 1024;
/** The redirect file's form: one token field. */
const MAX_OPEN_BODY_BYTES = 4096;
/** The one-time code /open hands the browser, in a cookie, to fetch the app page with the token. */
const OPEN_COOKIE = 'tillit-open';
const OPEN_CODE_LIFETIME_MS = 60_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameToken(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function errorEnvelope(code: 'unauthorized' | 'bad-request' | 'not-found', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

async function readBody(req: http.IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const staticRoot = path.resolve(options.staticDir);
  const eventStreams = new Set<http.ServerResponse>();
  let port = 0;

  const unsubscribe = options.workspace.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of eventStreams) res.write(frame);
  });

  const hostAllowed = (host: string | undefined): boolean => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const serveStatic = (pathname: string, res: http.ServerResponse): void => {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(staticRoot, relative);
    if (!file.startsWith(staticRoot + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(fs.existsSync(path.join(staticRoot, 'index.html')) ? 'Not found' : 'The app is not built: run `npm run build` first.');
      return;
    }
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS });
    fs.createReadStream(file).pipe(res);
  };

  /**
   * The redirect file's form (open-file.ts) posts the token here. The answer is a redirect
   * (303) to the app with a one-time code in a short-lived cookie; the app's page, fetched
   * with that code, carries the token in a meta tag, which the page moves into
   * sessionStorage. So the token is in no URL, and no POST body stays in the browser's
   * session history (Chromium's session files keep a page's form data for a resubmit: the
   * token was found there). The form comes from a file:// page, whose Origin is "null";
   * without the right token nothing is given away.
   */
  const openCodes = new Map<string, number>(); // one-time code → expiry (ms)
  const openWithToken = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    let given: string | null = null;
    try {
      given = new URLSearchParams(await readBody(req, MAX_OPEN_BODY_BYTES)).get(TOKEN_FORM_FIELD);
    } catch {
      // Too large: refused below like a wrong token.
    }
    if (!sameToken(given, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
      res.end('Wrong or missing token: open the file Tillit named when it started (an old one holds an old token).');
      return;
    }
    const code = randomBytes(24).toString('hex');
    openCodes.set(code, Date.now() + OPEN_CODE_LIFETIME_MS);
    res.writeHead(303, {
      Location: '/',
      'Set-Cookie': `${OPEN_COOKIE}=${code}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${OPEN_CODE_LIFETIME_MS / 1000}`,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end();
  };

  /** The app's page for a browser that brings a one-time code from /open: with the token, once. */
  const serveOpenedApp = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const code = /(?:^|;\s*)tillit-open=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (code === undefined) return false;
    const expires = openCodes.get(code);
    openCodes.delete(code);
    const clear = `${OPEN_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;
    const index = path.join(staticRoot, 'index.html');
    if (expires === undefined || expires < Date.now() || !fs.existsSync(index)) {
      res.writeHead(expires === undefined || expires < Date.now() ? 401 : 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Set-Cookie': clear, ...SECURITY_HEADERS });
      res.end(fs.existsSync(index) ? 'This link was used already: open the file Tillit named when it started again.' : 'The app is not built: run `npm run build` first.');
      return true;
    }
    const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
    const page = fs.readFileSync(index, 'utf8');
    const html = /<head>/i.test(page) ? page.replace(/<head>/i, `<head>\n    ${meta}`) : `${meta}\n${page}`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Set-Cookie': clear, ...SECURITY_HEADERS });
    res.end(html);
    return true;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Forbidden: unexpected Host header');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    if (url.pathname === HTTP_OPEN_PATH && req.method === 'POST' && (origin === undefined || origin === 'null' || origin === `http://127.0.0.1:${port}`)) {
      await openWithToken(req, res);
      return;
    }
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      sendJson(res, 403, errorEnvelope('unauthorized', 'Requests from other sites are refused.'));
      return;
    }
    if (url.pathname === HTTP_EVENTS_PATH && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        sendJson(res, 401, errorEnvelope('unauthorized', 'Missing or wrong token.'));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }
    if (url.pathname.startsWith(HTTP_API_PREFIX)) {
      const auth = req.headers.authorization ?? '';
      if (!sameToken(auth.startsWith('Bearer ') ? auth.slice(7) : null, token)) {
        sendJson(res, 401, errorEnvelope('unauthorized', 'Missing or wrong token: open Tillit with the file it named when it started.'));
        return;
      }
      if (req.method !== 'POST') {
        sendJson(res, 405, errorEnvelope('bad-request', 'Use POST for API calls.'));
        return;
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
      } catch (error) {
        sendJson(res, 400, errorEnvelope('bad-request', `The request body is not valid JSON (${(error as Error).message}).`));
        return;
      }
      const method = url.pathname.slice(HTTP_API_PREFIX.length);
      sendJson(res, 200, await options.workspace.dispatch(method, payload));
      return;
    }
    if (req.method === 'GET') {
      if ((url.pathname === '/' || url.pathname === '/index.html') && serveOpenedApp(req, res)) return;
      serveStatic(url.pathname, res);
      return;
    }
    sendJson(res, 404, errorEnvelope('not-found', 'Not found.'));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        appUrl: `${url}#token=${token}`,
        openUrl: `${url}${HTTP_OPEN_PATH.slice(1)}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const res of eventStreams) res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
