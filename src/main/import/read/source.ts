// Where a reader's bytes come from. Files in the app; in tests, bytes in memory cut into
// chunks at chosen offsets, so that "the same bytes in any chunking give the same records"
// can be tested directly.

import fs from 'node:fs';
import path from 'node:path';
import { LIMITS } from './limits.ts';

export interface ByteSource {
  /** The file name used in messages. */
  readonly name: string;
  readonly size: number;
  /** The first `bytes` bytes (fewer if the file is shorter). */
  head(bytes: number): Promise<Uint8Array>;
  /** The whole content, in order, in chunks; not held in memory. */
  chunks(): AsyncIterable<Uint8Array>;
}

export function fileSource(filePath: string, size = fs.statSync(filePath).size): ByteSource {
  return {
    name: path.basename(filePath),
    size,
    async head(bytes) {
      const handle = await fs.promises.open(filePath, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(bytes, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    chunks: () => fs.createReadStream(filePath, { highWaterMark: LIMITS.chunkBytes }) as AsyncIterable<Buffer>,
  };
}

/** Bytes in memory, delivered in chunks cut at `cuts` (sorted offsets), for tests. */
export function memorySource(name: string, bytes: Uint8Array, cuts: readonly number[] = []): ByteSource {
  return {
    name,
    size: bytes.length,
    head: (n) => Promise.resolve(bytes.subarray(0, n)),
    async *chunks() {
      let start = 0;
      for (const cut of [...cuts, bytes.length]) {
        if (cut <= start || cut > bytes.length) continue;
        yield bytes.subarray(start, cut);
        start = cut;
      }
      await Promise.resolve();
    },
  };
}
