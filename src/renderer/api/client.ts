// The renderer's one way to the store: the contract client over Electron IPC (the preload's
// window.tillit) or, in browser mode, over loopback HTTP with the per-start token.

import { createClient, type ApiClient, type Transport } from '../../shared/contract/client.ts';
import { createHttpTransport, takeToken } from './http-transport.ts';

declare global {
  interface Window {
    /** Set by the Electron preload (PRELOAD_GLOBAL); absent in browser mode. */
    tillit?: Transport;
  }
}

const unauthorizedListeners = new Set<() => void>();

/** Called when the loopback server refuses this page (no token, or a stale one). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function selectTransport(): Transport {
  if (window.tillit) return window.tillit;
  return createHttpTransport(takeToken(), () => unauthorizedListeners.forEach((listener) => listener()));
}

export const transportKind: 'ipc' | 'http' = window.tillit ? 'ipc' : 'http';
export const api: ApiClient = createClient(selectTransport());
