// Just enough ZIP to look inside an .xlsx before handing it to exceljs: the central
// directory (which entries exist — is this a spreadsheet, an OpenDocument file, a Word
// document?) and streams of single entries, so the parts of a workbook can be read in the
// order a streaming reader needs them, without unpacking anything to disk.
//
// A ZIP part can unpack to a thousand times its packed size, and the directory's sizes are
// only claims: every entry is refused when its declared size is over the caller's cap, and
// the inflated bytes are counted as they come, so an entry that unpacks to more than it
// declared (or than the cap) stops there, before the reader ever holds them.

import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export class ZipFormatError extends Error {}

/**
 * An entry over a size cap: 'declared' its directory size is over `limit`; 'inflated' more
 * bytes came out than `limit`; 'lying' more came out than its directory declared (`limit`).
 */
export class ZipSizeError extends ZipFormatError {
  readonly entry: string;
  readonly kind: 'declared' | 'inflated' | 'lying';
  readonly limit: number;
  constructor(entry: string, kind: ZipSizeError['kind'], limit: number) {
    const what = kind === 'lying' ? `more than the ${limit} bytes its header declares` : `more than ${limit} bytes`;
    super(`${entry} unpacks to ${what}`);
    this.entry = entry;
    this.kind = kind;
    this.limit = limit;
  }
}

/** How much an entry may unpack to; `onInflated` sees every inflated chunk's size and may throw (a total across entries). */
export interface ZipEntryLimit {
  maxBytes: number;
  onInflated?: (bytes: number) => void;
}

function checkDeclared(entry: ZipEntry, maxBytes: number): void {
  if (entry.size > maxBytes) throw new ZipSizeError(entry.name, 'declared', maxBytes);
}

/** Passes bytes on while they stay within the entry's declared size and the cap. */
function sizeGuard(entry: ZipEntry, limit: ZipEntryLimit): Transform {
  let inflated = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      try {
        if (inflated > entry.size) throw new ZipSizeError(entry.name, 'lying', entry.size);
        if (inflated > limit.maxBytes) throw new ZipSizeError(entry.name, 'inflated', limit.maxBytes);
        limit.onInflated?.(chunk.length);
      } catch (error) {
        done(error as Error);
        return;
      }
      done(null, chunk);
    },
  });
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The entries of a ZIP file, by name. Throws ZipFormatError when it is not a readable ZIP. */
export async function readZipDirectory(filePath: string): Promise<Map<string, ZipEntry>> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    // The end-of-central-directory record is in the last 22 bytes plus an optional comment.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd === -1) throw new ZipFormatError('no ZIP directory found (the file is damaged or incomplete)');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directoryOffset === 0xffffffff || count === 0xffff) throw new ZipFormatError('ZIP64 archives are not supported');
    if (directoryOffset + directorySize > size) throw new ZipFormatError('the ZIP directory points past the end of the file');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('the ZIP directory is damaged');
      const flags = directory.readUInt16LE(p + 8);
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const name = directory.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // Its packed bytes are read into memory for small parts: they must be in the file.
      if (directory.readUInt32LE(p + 42) + directory.readUInt32LE(p + 20) > size) throw new ZipFormatError(`the ZIP entry ${name} points past the end of the file`);
      entries.set(name, {
        name,
        method: directory.readUInt16LE(p + 10),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        localHeaderOffset: directory.readUInt32LE(p + 42),
        encrypted: (flags & 1) === 1,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

async function dataOffset(filePath: string, entry: ZipEntry): Promise<number> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const header = await readAt(handle, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`the ZIP entry ${entry.name} is damaged`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

function checkSupported(entry: ZipEntry): void {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`${entry.name} uses an unsupported compression method (${entry.method})`);
}

/**
 * One entry's content as a stream of bytes, within `limit` (see sizeGuard); `onPacked` counts
 * the packed bytes read (progress).
 */
export async function openZipEntry(filePath: string, entry: ZipEntry, limit: ZipEntryLimit, onPacked?: (bytesRead: number) => void): Promise<Readable> {
  checkSupported(entry);
  checkDeclared(entry, limit.maxBytes);
  const start = await dataOffset(filePath, entry);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = fs.createReadStream(filePath, { start, end: start + entry.compressedSize - 1 });
  if (onPacked) {
    let read = 0;
    raw.on('data', (chunk) => onPacked((read += chunk.length)));
  }
  const guard = sizeGuard(entry, limit);
  guard.on('close', () => raw.destroy());
  if (entry.method === 0) {
    raw.on('error', (error) => guard.destroy(error));
    return raw.pipe(guard);
  }
  // Small output chunks: a bomb is stopped after at most one of them past the cap.
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  raw.on('error', (error) => inflate.destroy(error));
  inflate.on('error', (error) => guard.destroy(error));
  guard.on('close', () => inflate.destroy());
  return raw.pipe(inflate).pipe(guard);
}

/** One small entry's content (workbook.xml, rels), refusing more than `maxBytes` unpacked, or more than it declares. */
export async function readZipEntry(filePath: string, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  checkSupported(entry);
  checkDeclared(entry, maxBytes);
  const start = await dataOffset(filePath, entry);
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const packed = await readAt(handle, start, entry.compressedSize);
    if (entry.method === 0) {
      if (packed.length > entry.size) throw new ZipSizeError(entry.name, 'lying', entry.size);
      return packed;
    }
    let inflated: Buffer;
    try {
      // One byte over the declared size is enough to know the header lies.
      inflated = zlib.inflateRawSync(packed, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipSizeError(entry.name, 'lying', entry.size);
      throw error;
    }
    if (inflated.length > entry.size) throw new ZipSizeError(entry.name, 'lying', entry.size);
    return inflated;
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    throw new ZipFormatError(`${entry.name} cannot be unpacked (${(error as Error).message})`);
  } finally {
    await handle.close();
  }
}
