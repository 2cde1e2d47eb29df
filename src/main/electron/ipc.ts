// The IPC binding: one invoke channel into the workspace's dispatcher, sender checked; and
// workspace events forwarded to the app's windows.

import { BrowserWindow, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/transport-protocol.ts';
import type { Workspace } from '../app/workspace.ts';
import { isTrustedSender } from './security-policy.ts';

export function bindIpc(workspace: Workspace, appUrl: () => string): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    const isMainFrame = frame !== null && frame === event.sender.mainFrame;
    if (!isTrustedSender(frame?.url, isMainFrame, appUrl())) {
      return { ok: false, error: { code: 'unauthorized', message: 'IPC from an unexpected frame was refused.' } };
    }
    return workspace.dispatch(method, payload);
  });
  const unsubscribe = workspace.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
