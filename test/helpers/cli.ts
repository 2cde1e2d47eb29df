// Runs the real `tillit` command in a child process, as a script would.

import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/tillit.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function tillit(db: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a --json command and parses stdout, failing loudly with stderr if it did not work. */
export function tillitJson<T>(db: string, args: string[]): T {
  const result = tillit(db, [...args, '--json']);
  if (result.status !== 0) throw new Error(`tillit ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
