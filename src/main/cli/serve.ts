// `tillit serve`: browser mode. Opens the workspace, serves the built renderer and the API
// on 127.0.0.1, prints the URL (with its token), and closes cleanly on Ctrl-C.

import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppInfo } from '../../shared/contract/dto.ts';
import { openWorkspace } from '../app/workspace.ts';
import { damagedError } from '../store/open.ts';
import { startLoopbackServer } from '../server/http.ts';
import type { CliIO } from './main.ts';

export function rendererDir(): string {
  return fileURLToPath(new URL('../../../out/renderer', import.meta.url));
}

export async function serve(dbPath: string, port: number, io: CliIO): Promise<void> {
  const staticDir = rendererDir();
  if (!fs.existsSync(`${staticDir}/index.html`)) {
    io.stderr('tillit: the app is not built yet; run `npm run build` (or `npm run serve`, which builds first).\n');
  }
  const workspace = openWorkspace({ dbPath, importsInWorker: true, quickCheck: true, dailyBackup: true, whenDamaged: 'restore-only' });
  const server = await startLoopbackServer({ workspace, port, staticDir });
  io.stdout(`Tillit is running at ${server.appUrl}\n`);
  io.stdout(`Workspace: ${dbPath}\nPress Ctrl-C to stop.\n`);
  const info = await workspace.dispatch('app.info', {});
  if (info.ok && (info.value as AppInfo).damaged) io.stderr(`tillit: ${damagedError(dbPath, []).message} The app opens restore-only.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(() => {
        workspace.close();
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
