// readRecords streams: memory holds one batch and one chunk of the file, never the file.
// Checked three ways: batch sizes, how far ahead of the consumer the file is read, and the
// heap still retained after garbage collection while a ~50 MB file is read.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords, readSource, sniffFile, sniffSource } from './index.ts';
import type { ByteSource } from './source.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-memory-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeCsv(file: string, rows: number): number {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'email,first name,last name,company,note\r\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `person${i}@example.no,Åse ${i},Ødegård,"Bakeri ${i % 100}, Oslo","Notat med ""sitat"" og æøå,\r\nlinje ${i}"\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return fs.statSync(file).size;
}

/** A source of `chunks` identical CSV chunks that counts how many were handed out. */
function countingSource(chunks: number): ByteSource & { pulled: number } {
  const header = Buffer.from('email,name\n');
  const body = Buffer.from(Array.from({ length: 100 }, (_, i) => `p${i}@example.no,Person ${i}\n`).join(''));
  const source = {
    name: 'counted.csv',
    size: header.length + body.length * chunks,
    pulled: 0,
    head: (n: number) => Promise.resolve(Buffer.concat([header, body]).subarray(0, n)),
    async *chunks() {
      source.pulled++;
      yield header;
      for (let i = 0; i < chunks; i++) {
        source.pulled++;
        await Promise.resolve();
        yield body;
      }
    },
  };
  return source;
}

describe('bounded memory', () => {
  it.each([1, 7, 1000, 5000])('yields batches of at most %i records', async (batchSize) => {
    const source = countingSource(60);
    const sniff = await sniffSource(source, { encoding: 'utf-8' });
    const sizes: number[] = [];
    for await (const batch of readSource(source, sniff, { batchSize })) sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(6000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(batchSize);
    expect(sizes.slice(0, -1).every((n) => n === batchSize)).toBe(true);
  });

  it('clamps batch sizes to 1–5000', async () => {
    const source = countingSource(60);
    const sniff = await sniffSource(source, { encoding: 'utf-8' });
    const sizes: number[] = [];
    for await (const batch of readSource(source, sniff, { batchSize: 1e9 })) sizes.push(batch.length);
    expect(sizes).toEqual([5000, 1000]);
  });

  it('reads the file only as far as the consumer has got', async () => {
    const source = countingSource(10_000); // 1,000,000 records
    const sniff = await sniffSource(source, { encoding: 'utf-8' });
    const reader = readSource(source, sniff, { batchSize: 250 });
    await reader.next();
    await reader.next();
    // Two batches of 250 records are 5 chunks of 100; a few more may be in flight.
    expect(source.pulled).toBeLessThanOrEqual(8);
    await reader.return(undefined);
  });

  it('ends early when the signal aborts', async () => {
    const source = countingSource(10_000);
    const sniff = await sniffSource(source, { encoding: 'utf-8' });
    const controller = new AbortController();
    let batches = 0;
    for await (const _ of readSource(source, sniff, { batchSize: 100, signal: controller.signal })) {
      batches++;
      if (batches === 3) controller.abort();
    }
    expect(batches).toBe(3);
    expect(source.pulled).toBeLessThan(10);
  });

  it('reads a ~50 MB file retaining a few MB at most, reporting progress to the end', async () => {
    const file = path.join(dir, 'big.csv');
    const size = writeCsv(file, 450_000);
    expect(size).toBeGreaterThan(45 * 2 ** 20);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    let retained = 0;
    let rssPeak = rss0;
    let rows = 0;
    let batches = 0;
    let lastLine = 0;
    let bytes = 0;
    const sniff = await sniffFile(file);
    for await (const batch of readRecords(file, sniff, { onBytes: (read, total) => { bytes = read; expect(total).toBe(size); } })) {
      rows += batch.length;
      lastLine = batch[batch.length - 1]!.rowNumber;
      if (++batches % 20 === 0) {
        gc();
        const m = process.memoryUsage();
        retained = Math.max(retained, m.heapUsed - heap0);
        rssPeak = Math.max(rssPeak, m.rss);
      }
    }
    fs.rmSync(file);
    expect(rows).toBe(450_000);
    expect(lastLine).toBe(2 + 449_999); // spreadsheet rows: each two-line note is one row
    expect(bytes).toBe(size);
    // One batch (2,000 records) and a chunk are ~1–2 MB; the file is ~50 MB.
    expect(retained).toBeLessThan(16 * 2 ** 20);
    expect(rssPeak - rss0).toBeLessThan(size);
    console.info(`memory: ${(size / 2 ** 20).toFixed(1)} MB file, ${rows} rows; peak retained heap +${(retained / 2 ** 20).toFixed(1)} MB, RSS +${((rssPeak - rss0) / 2 ** 20).toFixed(1)} MB`);
  }, 60_000);
});
