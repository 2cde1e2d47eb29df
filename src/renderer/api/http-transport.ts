// Browser mode: the contract over loopback HTTP (see transport-protocol.ts). The page is
// opened through the redirect file Tillit writes at start (src/main/server/open-file.ts),
// whose form posts the token; the server's answer carries it in a meta tag, never in a URL.
// (http://127.0.0.1:<port>/#token=… works too.) The token is kept for this tab only, and
// neither the address bar nor the history shows it.

import type { Transport } from '../../shared/contract/client.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { EVENT_NAMES } from '../../shared/contract/events.ts';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, TOKEN_HASH_KEY, TOKEN_META_NAME } from '../../shared/contract/transport-protocol.ts';

const TOKEN_STORAGE_KEY = 'tillit-token';

/** Thrown when the server refuses the token (or there is none): the page needs Tillit's link. */
export class UnauthorizedError extends Error {
  constructor() {
    super('This page needs to be opened with the file Tillit named when it started (it holds the token).');
    this.name = 'UnauthorizedError';
  }
}

/** The server could not be reached, or answered with something that is not an envelope. */
export class ConnectionError extends Error {
  readonly status: number | null;
  constructor(status: number | null, detail: string) {
    super(detail);
    this.name = 'ConnectionError';
    this.status = status;
  }
}

/** Takes the token from the page's meta tag or #token=… once, keeps it in sessionStorage, and cleans the address bar. */
export function takeToken(): string | null {
  const meta = document.querySelector(`meta[name="${TOKEN_META_NAME}"]`);
  const fromPage = meta?.getAttribute('content');
  if (fromPage) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromPage);
    meta!.remove();
    // The page came from POST /open: a reload asks for the app itself.
    history.replaceState(null, '', '/');
    return fromPage;
  }
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = params.get(TOKEN_HASH_KEY);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export function createHttpTransport(token: string | null, onUnauthorized: () => void): Transport {
  return {
    async invoke(method, input) {
      if (!token) {
        onUnauthorized();
        throw new UnauthorizedError();
      }
      let response: Response;
      try {
        response = await fetch(`${HTTP_API_PREFIX}${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        throw new ConnectionError(null, error instanceof Error ? error.message : String(error));
      }
      if (response.status === 401) {
        onUnauthorized();
        throw new UnauthorizedError();
      }
      // Every other answer from Tillit (200, and its own 4xx/5xx) carries an envelope; a proxy
      // or a stopped server may answer something else.
      const text = await response.text();
      try {
        return JSON.parse(text) as Envelope<unknown>;
      } catch {
        throw new ConnectionError(response.status, text.slice(0, 200));
      }
    },
    subscribe(listener) {
      if (!token) return () => {};
      const source = new EventSource(`${HTTP_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
      const handlers = EVENT_NAMES.map((name) => {
        const handler = (event: MessageEvent<string>): void => {
          try {
            listener(name, JSON.parse(event.data) as unknown);
          } catch {
            // A malformed frame is dropped; the next one carries the current state anyway.
          }
        };
        source.addEventListener(name, handler);
        return [name, handler] as const;
      });
      return () => {
        for (const [name, handler] of handlers) source.removeEventListener(name, handler);
        source.close();
      };
    },
  };
}
