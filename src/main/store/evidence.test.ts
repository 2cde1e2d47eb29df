// Evidence files are written so that nothing partial is ever left: under the file's name
// only complete bytes with that hash, and no temp file after success or failure.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp.ts';
import { evidenceDir, storeEvidenceFile } from './evidence.ts';

const dir = tempDir('tillit-evidence-');
let n = 0;
function filesDir(): string {
  n += 1;
  return path.join(dir, `files-${n}`);
}
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('storeEvidenceFile', () => {
  it.each([
    ['bytes', (d: Buffer, _f: string) => ({ fileName: 'proof.txt', data: d })],
    ['a file on disk', (d: Buffer, f: string) => {
      const source = path.join(f, '..', `source-${n}.csv`);
      fs.writeFileSync(source, d);
      return { fileName: 'kunder.csv', path: source };
    }],
  ])('stores %s under its hash and leaves no temp file', (_what, input) => {
    const files = filesDir();
    const data = Buffer.from('email\nola@example.no\n');
    const stored = storeEvidenceFile(files, input(data, files));
    expect(stored).toEqual({ sha256: sha(data), size: data.length });
    expect(fs.readdirSync(evidenceDir(files))).toEqual([sha(data)]);
    expect(fs.readFileSync(path.join(evidenceDir(files), stored.sha256))).toEqual(data);
  });

  it('replaces a torn file left under the name by an earlier write, and reuses an intact one', () => {
    const files = filesDir();
    const data = Buffer.from('a scanned sign-up sheet'.repeat(100));
    const target = path.join(evidenceDir(files), sha(data));
    fs.mkdirSync(evidenceDir(files), { recursive: true });
    fs.writeFileSync(target, data.subarray(0, 100)); // a write cut off half-way
    storeEvidenceFile(files, { fileName: 'sheet.txt', data });
    expect(fs.readFileSync(target)).toEqual(data);

    const inode = fs.statSync(target).ino;
    fs.utimesSync(target, new Date(2020, 0, 1), new Date(2020, 0, 1));
    storeEvidenceFile(files, { fileName: 'sheet.txt', data });
    expect(fs.statSync(target).ino).toBe(inode); // reused, not rewritten
    // …and touched, so the start-up sweep sees a file in use, not an old orphan.
    expect(Date.now() - fs.statSync(target).mtimeMs).toBeLessThan(60_000);
    expect(fs.readdirSync(evidenceDir(files))).toEqual([sha(data)]);
  });

  it('removes its temp file when the write fails, and says what failed', () => {
    const files = filesDir();
    const source = path.join(dir, 'a-folder-not-a-file');
    fs.mkdirSync(source, { recursive: true });
    expect(() => storeEvidenceFile(files, { fileName: 'x.csv', path: source })).toThrow(/EISDIR|illegal operation on a directory/);
    expect(fs.readdirSync(evidenceDir(files))).toEqual([]);
  });
});
