// The sandboxed preload: one narrow object on window — invoke a contract method, subscribe
// to events. Never ipcRenderer itself.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope } from '../../shared/contract/envelope.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, PRELOAD_GLOBAL } from '../../shared/contract/transport-protocol.ts';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>;
  },
  subscribe(listener: (name: string, payload: unknown) => void): () => void {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown): void => listener(name, payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
