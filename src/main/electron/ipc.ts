// The IPC binding: one invoke channel into the workspace's dispatcher, answered only for the
// main frame of our own window showing our app; and workspace events pushed to our windows.

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../api/dispatch.ts';
import type { Envelope } from '../../shared/contract/envelope.ts';
import type { EventName } from '../../shared/contract/events.ts';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/transport-protocol.ts';
import { isTrustedSender, type IpcSender } from './security-policy.ts';
import { getAppWindows, isAppWebContents } from './window.ts';

/** What the binding needs of a workspace (see src/main/app/workspace.ts). */
export interface IpcWorkspace {
  dispatch: Dispatch;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

const UNAUTHORIZED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Tillit refused a request from a frame that is not its own window.' },
};

function describeSender(event: IpcMainInvokeEvent): IpcSender {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId,
    fromAppWindow: isAppWebContents(event.sender),
  };
}

/** Sends an event to every open Tillit window. */
export function sendToAppWindows(name: string, payload: unknown): void {
  for (const window of getAppWindows()) {
    if (!window.webContents.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  }
}

export function bindIpc(workspace: IpcWorkspace, appUrl: () => string): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(describeSender(event), appUrl())) return UNAUTHORIZED;
    try {
      return await workspace.dispatch(method, payload);
    } catch (error) {
      // dispatch answers with envelopes; this is the net under it, so the renderer never sees a bare rejection.
      return { ok: false, error: { code: 'internal', message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` } };
    }
  });
  const unsubscribe = workspace.subscribe((name, payload) => sendToAppWindows(name, payload));
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
