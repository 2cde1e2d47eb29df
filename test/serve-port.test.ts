// `tillit serve` remembers its port in the workspace: a restart serves on the same address
// (the same browser origin); when another program holds that port it takes a free one and
// says so. `--port` still decides when given.

import { spawn } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

interface Run {
  port: number;
  output: string;
}

/** Starts `tillit serve`, waits until it runs, stops it with SIGTERM and waits for its exit. */
async function serveOnce(db: string, args: string[] = []): Promise<Run> {
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tillit serve did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Tillit is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match && output.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`tillit serve exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return { port, output };
}

function occupy(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('tillit serve remembers its port per workspace', () => {
  it('serves on the same port after a restart, and on a new one (saying so) when it is taken', async () => {
    const db = tempDbPath(tempDir('tillit-port-'));
    const first = await serveOnce(db);
    const second = await serveOnce(db);
    expect(second.port).toBe(first.port);
    expect(second.output).not.toContain('is taken');

    const blocker = await occupy(first.port);
    try {
      const third = await serveOnce(db);
      expect(third.port).not.toBe(first.port);
      expect(third.output).toContain(`Port ${first.port}, which this workspace used last time, is taken by another program; Tillit uses port ${third.port} this time`);
      // The new port is the one remembered from now on.
      blocker.close();
      const fourth = await serveOnce(db);
      expect(fourth.port).toBe(third.port);
    } finally {
      blocker.close();
    }
  }, 120_000);

  it('takes --port when given; --port 0 takes any free port and leaves the remembered one alone', async () => {
    const db = tempDbPath(tempDir('tillit-port-'));
    const first = await serveOnce(db);
    const any = await serveOnce(db, ['--port', '0']);
    expect(any.port).not.toBe(first.port);
    expect((await serveOnce(db)).port).toBe(first.port);
  }, 120_000);
});
