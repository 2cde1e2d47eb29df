// A copy of an .xlsx workbook without the rows that hold one address, for erasure on request.
//
// Chosen over a CSV copy of the remaining rows: the copy stays the same kind of file, every
// sheet, style and untouched part is kept as it was (copied still compressed), and the
// original's columns and row numbers still line up with what the import recorded. What
// changes: each sheet row with a cell that holds the address is removed (rows after it keep
// their numbers: a gap, which Excel and the import read as an empty row); a shared string
// that holds it, or that only removed rows used (their name, their note), is emptied in
// place (its index stays, so other cells are unchanged); a
// hyperlink to it (mailto:) is removed with its relationship. Any other part still holding
// the address (a comment, a pivot cache, document properties) is named in `residual`, and
// the caller must not present the copy as clean.

import zlib from 'node:zlib';
import { foldCase } from '../../shared/email/text.ts';
import { mentions } from './redact-file.ts';

export interface RedactedWorkbook {
  data: Buffer;
  removed: number;
  /** Parts that still hold the address after the rewrite. */
  residual: string[];
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  packed: Buffer;
  /** Replaced content (unpacked), when changed. */
  content?: Buffer;
}

export class WorkbookRedactError extends Error {}

export function redactXlsx(bytes: Buffer, emailKey: string): RedactedWorkbook {
  const key = foldCase(emailKey);
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (e: Entry): string => (e.content ?? unpack(e)).toString('utf8');
  const holds = (s: string): boolean => mentions(decodeXml(s), key, false);

  // Shared strings that hold the address (emptied below, with every index kept).
  const matched = new Set<number>();
  const shared = byName.get('xl/sharedStrings.xml');
  const sharedItems = shared ? [...text(shared).matchAll(/<si\b[^>]*\/>|<si\b[^>]*>[\s\S]*?<\/si>/g)].map((m) => m[0]) : [];
  sharedItems.forEach((si, index) => {
    if (holds([...si.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''))) matched.add(index);
  });
  /** Shared strings used by removed rows, and by the rows kept. */
  const usedByRemoved = new Set<number>();
  const usedByKept = new Set<number>();
  const sharedRefs = (row: string): number[] =>
    [...row.matchAll(/<c\b([^>]*?)>([\s\S]*?)<\/c>/g)].filter(([, a]) => /\bt="s"/.test(a!)).map(([, , inner]) => Number(/<v>(\d+)<\/v>/.exec(inner!)?.[1] ?? -1));

  let removed = 0;
  for (const sheet of entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))) {
    const original = text(sheet);
    // Hyperlinks to the address (mailto:…): their relationships, and the cells they sit on.
    const relsName = sheet.name.replace(/^xl\/worksheets\//, 'xl/worksheets/_rels/') + '.rels';
    const rels = byName.get(relsName);
    const dropIds = new Set<string>();
    if (rels) {
      for (const [rel] of text(rels).matchAll(/<Relationship\b[^>]*\/>/g)) {
        if (holds(/\bTarget="([^"]*)"/.exec(rel)?.[1] ?? '')) dropIds.add(/\bId="([^"]*)"/.exec(rel)?.[1] ?? '');
      }
    }
    const linkedCells = new Set<string>();
    for (const [link] of original.matchAll(/<hyperlink\b[^>]*\/>/g)) {
      const id = /\br:id="([^"]*)"/.exec(link)?.[1];
      if ((id !== undefined && dropIds.has(id)) || holds(link)) linkedCells.add(/\bref="([A-Z]+\d+)"/.exec(link)?.[1] ?? '');
    }

    const removedCells = new Set<string>();
    let xml = original.replace(/<row\b[^>]*\/>|<row\b[^>]*>[\s\S]*?<\/row>/g, (row) => {
      const cells = [...row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)];
      const hit = cells.some(([, attributes, inner = '']) => {
        if (linkedCells.has(/\br="([A-Z]+\d+)"/.exec(attributes!)?.[1] ?? '')) return true;
        const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (/\bt="s"/.test(attributes!)) return value !== undefined && matched.has(Number(value));
        return holds([...inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('')) || (value !== undefined && holds(value));
      });
      if (!hit) {
        for (const i of sharedRefs(row)) usedByKept.add(i);
        return row;
      }
      for (const i of sharedRefs(row)) usedByRemoved.add(i);
      removed++;
      for (const [, attributes] of cells) {
        const ref = /\br="([A-Z]+\d+)"/.exec(attributes!)?.[1];
        if (ref) removedCells.add(ref);
      }
      return '';
    });
    // The removed rows' hyperlinks go with them, and their relationships.
    xml = xml.replace(/<hyperlink\b[^>]*\/>/g, (link) => {
      const ref = /\bref="([A-Z]+\d+)"/.exec(link)?.[1] ?? '';
      const id = /\br:id="([^"]*)"/.exec(link)?.[1];
      if (!removedCells.has(ref) && !linkedCells.has(ref)) return link;
      if (id !== undefined) dropIds.add(id);
      return '';
    });
    xml = xml.replace(/<hyperlinks>\s*<\/hyperlinks>/, '');
    if (rels && dropIds.size > 0) {
      rels.content = Buffer.from(text(rels).replace(/<Relationship\b[^>]*\/>/g, (rel) => (dropIds.has(/\bId="([^"]*)"/.exec(rel)?.[1] ?? '') ? '' : rel)), 'utf8');
    }
    if (xml !== original) sheet.content = Buffer.from(xml, 'utf8');
  }

  // Empty the shared strings that hold the address, and those only removed rows used (their
  // names, notes): the indexes stay, so no kept cell changes.
  const blank = new Set([...matched, ...[...usedByRemoved].filter((i) => !usedByKept.has(i))]);
  if (shared && blank.size > 0) {
    let index = 0;
    shared.content = Buffer.from(text(shared).replace(/<si\b[^>]*\/>|<si\b[^>]*>[\s\S]*?<\/si>/g, (si) => (blank.has(index++) ? '<si><t></t></si>' : si)), 'utf8');
  }

  const residual = entries.filter((e) => !isBinaryPart(e.name) && holds(text(e))).map((e) => e.name);
  if (entries.every((e) => e.content === undefined)) return { data: bytes, removed: 0, residual };
  return { data: writeZip(entries), removed, residual };
}

function isBinaryPart(name: string): boolean {
  return /\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(name);
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[entity.toLowerCase()]) return named[entity.toLowerCase()]!;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function unpack(entry: Entry): Buffer {
  if (entry.method === 0) return entry.packed;
  if (entry.method === 8) return zlib.inflateRawSync(entry.packed);
  throw new WorkbookRedactError(`${entry.name} uses an unsupported compression method (${entry.method})`);
}

function readZip(bytes: Buffer): Entry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new WorkbookRedactError('no ZIP directory found');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) throw new WorkbookRedactError('the ZIP directory is damaged');
    const flags = bytes.readUInt16LE(p + 8);
    if (flags & 1) throw new WorkbookRedactError('the workbook is encrypted');
    const nameLength = bytes.readUInt16LE(p + 28);
    const local = bytes.readUInt32LE(p + 42);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    entries.push({
      name: bytes.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      crc: bytes.readUInt32LE(p + 16),
      compressedSize,
      size: bytes.readUInt32LE(p + 24),
      packed: bytes.subarray(start, start + compressedSize),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** A new archive: changed parts deflated afresh, the others copied still packed. */
function writeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    let { method, crc, size, packed } = entry;
    if (entry.content) {
      method = 8;
      crc = zlib.crc32(entry.content);
      size = entry.content.length;
      packed = zlib.deflateRawSync(entry.content);
    }
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
