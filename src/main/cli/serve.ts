// `tillit serve`: browser mode. Opens the workspace, serves the built renderer and the API
// on 127.0.0.1, and prints where it runs and the redirect file that opens it (open-file.ts:
// the token is in that file, readable only by the user, never in a command line or printed).
// It closes cleanly on Ctrl-C, SIGTERM and SIGHUP, and when the process that started it over
// an IPC channel (`npm start`, scripts/start.js) goes away, even killed outright, so no
// orphaned server keeps serving the workspace.
//
// The port is remembered in the workspace: without --port, a restart serves on the same one,
// so the address (the browser's origin) stays the same; when another program holds it, a new
// free port is taken and the output says so.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppInfo } from '../../shared/contract/dto.ts';
import { openWorkspace } from '../app/workspace.ts';
import { filesDirFor } from '../services/context.ts';
import { damagedError } from '../store/open.ts';
import { startLoopbackServer, type LoopbackServer, type LoopbackOptions } from '../server/http.ts';
import { writeOpenFile } from '../server/open-file.ts';
import { readServePort, writeSetting } from '../store/settings.ts';
import type { CliIO } from './main.ts';

export function rendererDir(): string {
  return fileURLToPath(new URL('../../../out/renderer', import.meta.url));
}

/** The line `npm start` looks for to open the browser (scripts/start.js). */
export const OPEN_LINE_PREFIX = 'Open Tillit in your browser with this file (only you can read it): ';

async function listen(options: LoopbackOptions, remembered: number | null, io: CliIO): Promise<LoopbackServer> {
  if (options.port !== undefined || remembered === null) return startLoopbackServer(options);
  try {
    return await startLoopbackServer({ ...options, port: remembered });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    const server = await startLoopbackServer(options);
    io.stdout(`Port ${remembered}, which this workspace used last time, is taken by another program; Tillit uses port ${server.port} this time (the address changes, so the browser starts afresh).\n`);
    return server;
  }
}

/** `port`: undefined uses the workspace's remembered port (or any free one); 0 any free one. */
export async function serve(dbPath: string, port: number | undefined, io: CliIO): Promise<void> {
  const staticDir = rendererDir();
  if (!fs.existsSync(`${staticDir}/index.html`)) {
    io.stderr('tillit: the app is not built yet; run `npm run build` (or `npm run serve`, which builds first).\n');
  }
  const workspace = openWorkspace({ dbPath, importsInWorker: true, quickCheck: true, dailyBackup: true, whenDamaged: 'restore-only' });
  // A damaged workspace opens restore-only: no database to remember the port in.
  const info = await workspace.dispatch('app.info', {});
  const damaged = info.ok && (info.value as AppInfo).damaged === true;
  const db = damaged ? null : workspace.context.db;
  let server: LoopbackServer;
  try {
    server = await listen({ workspace, port, staticDir }, db ? readServePort(db) : null, io);
    if (db && !db.readonly && port !== 0 && readServePort(db) !== server.port) writeSetting(db, 'serve_port', String(server.port));
  } catch (error) {
    workspace.close();
    throw error;
  }
  const openFile = writeOpenFile(filesDirFor(dbPath), server.openUrl, server.token);
  io.stdout(`Tillit is running at ${server.url}\n`);
  io.stdout(`${OPEN_LINE_PREFIX}${openFile.url}\n`);
  io.stdout(`Workspace: ${dbPath}\nPress Ctrl-C to stop.\n`);
  if (damaged) io.stderr(`tillit: ${damagedError(dbPath, []).message} The app opens restore-only.\n`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      for (const signal of signals) process.off(signal, stop);
      process.off('disconnect', stop);
      openFile.remove();
      void server.close().then(() => {
        workspace.close();
        // The channel to the parent would keep this process alive.
        if (process.connected) process.disconnect();
        resolve();
      });
    };
    for (const signal of signals) process.once(signal, stop);
    // Started with an IPC channel (npm start): it closes when the parent exits in any way,
    // SIGKILL included, which no signal handler of the parent could pass on.
    if (process.connected) process.once('disconnect', stop);
  });
}
