// The renderer's one way to the store: the contract client over Electron IPC (the preload's
// window.tillit) or, in browser mode, over loopback HTTP with the per-start token.

import { createClient, type ApiClient, type Transport } from '../../shared/contract/client.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, TOKEN_HASH_KEY } from '../../shared/contract/transport-protocol.ts';

declare global {
  interface Window {
    tillit?: Transport;
  }
}

const TOKEN_STORAGE_KEY = 'tillit-token';

/** Takes the token from #token=… once, keeps it for this tab, and clears the address bar. */
function browserToken(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = params.get(TOKEN_HASH_KEY);
  if (fromHash) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export class MissingTokenError extends Error {}

function httpTransport(token: string | null): Transport {
  return {
    async invoke(method, input) {
      if (!token) throw new MissingTokenError('no token');
      const response = await fetch(`${HTTP_API_PREFIX}${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) throw new MissingTokenError('unauthorized');
      return (await response.json()) as Envelope<unknown>;
    },
    subscribe(listener) {
      if (!token) return () => {};
      const source = new EventSource(`${HTTP_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
      const names = ['import.progress', 'contacts.changed'];
      const handlers = names.map((name) => {
        const handler = (event: MessageEvent<string>): void => listener(name, JSON.parse(event.data) as unknown);
        source.addEventListener(name, handler);
        return handler;
      });
      return () => {
        names.forEach((name, i) => source.removeEventListener(name, handlers[i]!));
        source.close();
      };
    },
  };
}

export const transportKind: 'ipc' | 'http' = window.tillit ? 'ipc' : 'http';
export const api: ApiClient = createClient(window.tillit ?? httpTransport(browserToken()));
