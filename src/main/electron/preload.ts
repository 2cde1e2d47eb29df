// The sandboxed preload (bundled to CommonJS: out/preload/index.cjs). It puts one narrow object
// on window, shaped like the contract's Transport: invoke a method, subscribe to events. Never
// ipcRenderer itself, never the IPC event object, nothing else from Node or Electron.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Transport } from '../../shared/contract/client.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, PRELOAD_GLOBAL } from '../../shared/contract/transport-protocol.ts';

const MAX_METHOD_LENGTH = 200;

const transport: Transport = {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return Promise.reject(new TypeError('tillit.invoke: method must be a non-empty string'));
    }
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>;
  },
  subscribe(listener: (name: string, payload: unknown) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('tillit.subscribe: listener must be a function');
    // The renderer gets the event's name and payload only, not the IpcRendererEvent (whose sender is ipcRenderer).
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, transport);
