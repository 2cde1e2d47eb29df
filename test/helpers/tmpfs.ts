// A small real filesystem that fills up: a tmpfs mounted for the test (root only). Where
// mounting is refused, the caller skips with this reason printed, so the output says so.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the disk to within `leaveBytes` of full. */
  fill(leaveBytes?: number): void;
  /** Frees what fill() took. */
  free(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeBytes`, or returns why it could not. */
export function mountSmallDisk(sizeBytes: number): SmallDisk | { refused: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-smalldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { refused: `cannot mount a tmpfs for the disk-full test (${stderr || (error as Error).message}); disk-full behaviour not tested here` };
  }
  const filler = path.join(dir, '.filler');
  return {
    dir,
    fill(leaveBytes = 0) {
      const { bavail, bsize } = fs.statfsSync(dir);
      const size = Math.max(0, bavail * bsize - leaveBytes);
      const fd = fs.openSync(filler, 'a');
      try {
        const chunk = Buffer.alloc(64 * 1024);
        let left = size;
        while (left > 0) {
          try {
            left -= fs.writeSync(fd, chunk, 0, Math.min(chunk.length, left));
          } catch {
            break; // full
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
