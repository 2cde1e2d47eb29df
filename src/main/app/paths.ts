// Where a workspace lives by default: the OS user-data folder, the same one Electron's
// app.getPath('userData') gives for productName "Tillit", so the CLI and the app share it.

import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Tillit';
export const DB_FILE_NAME = 'tillit.sqlite';

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** --db beats TILLIT_DB beats the user-data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.TILLIT_DB) return path.resolve(env.TILLIT_DB);
  return path.join(userDataDir(), DB_FILE_NAME);
}
