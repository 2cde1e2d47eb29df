// Crafted .xlsx files for the reader's caps: a minimal workbook (one sheet, a shared-string
// table) written by hand, whose parts can be zip bombs (a little deflated data that unpacks
// to a lot, made without ever holding the unpacked bytes), lie about their size in the ZIP's
// directory, or nest their XML without end.

import zlib from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A part: its packed (raw deflate) bytes, its real size and CRC, and the size the directory claims. */
export interface CraftedPart {
  name: string;
  packed: Buffer;
  size: number;
  crc: number;
  declaredSize?: number;
}

export function part(name: string, content: string, declaredSize?: number): CraftedPart {
  const data = Buffer.from(content, 'utf8');
  return { name, packed: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data), declaredSize };
}

/** `head`, then `unit` `times` over, then `tail`, deflated piece by piece (never whole in memory). */
export function repeatedPart(name: string, head: string, unit: string, times: number, tail: string, declaredSize?: number): CraftedPart {
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)));
  const block = Buffer.from(unit.repeat(perBlock), 'utf8');
  const pieces: Buffer[] = [Buffer.from(head, 'utf8')];
  for (let left = times; left > 0; left -= perBlock) pieces.push(left >= perBlock ? block : Buffer.from(unit.repeat(left), 'utf8'));
  pieces.push(Buffer.from(tail, 'utf8'));
  // A raw deflate stream may be a run of independently flushed blocks (Z_FULL_FLUSH) ended by
  // a final one, so each piece is deflated on its own and the results joined.
  let crc = 0;
  let size = 0;
  const packed = pieces.map((piece, i) => {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    const last = i === pieces.length - 1;
    return zlib.deflateRawSync(piece, { level: 9, ...(last ? {} : { finishFlush: zlib.constants.Z_FULL_FLUSH }) });
  });
  return { name, packed: Buffer.concat(packed), size, crc, declaredSize };
}

export function zipOf(parts: CraftedPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const nameBytes = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, p.packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + p.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const WORKBOOK = part('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Kunder" sheetId="1" r:id="rId1"/></sheets></workbook>`);
export const WORKBOOK_RELS = part(
  'xl/_rels/workbook.xml.rels',
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
);

/** A sheet whose rows 1..n each hold shared string n-1 in column A. */
export function sheetOf(rows: number): CraftedPart {
  let data = '';
  for (let r = 1; r <= rows; r++) data += `<row r="${r}"><c r="A${r}" t="s"><v>${r - 1}</v></c></row>`;
  return part('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`);
}

export function sharedStringsOf(texts: string[]): CraftedPart {
  return part('xl/sharedStrings.xml', `<sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
}

/** A workbook of a header and two addresses, with `replace` parts swapped in (by name) or added. */
export function craftedXlsx(...replace: CraftedPart[]): Buffer {
  const parts = [WORKBOOK, WORKBOOK_RELS, sheetOf(3), sharedStringsOf(['email', 'ola@example.no', 'kari@example.no'])];
  for (const p of replace) {
    const at = parts.findIndex((q) => q.name === p.name);
    if (at === -1) parts.push(p);
    else parts[at] = p;
  }
  return zipOf(parts);
}

/** The shared-string table as one text of `chars` characters: a few hundred bytes packed per MiB. */
export function hugeTextStrings(chars: number, declaredSize?: number): CraftedPart {
  return repeatedPart('xl/sharedStrings.xml', `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>email</t></si><si><t>`, 'a', chars, '</t></si><si><t>x@example.no</t></si></sst>', declaredSize);
}

/** A sheet whose XML nests `levels` elements inside each other. */
export function nestedSheet(levels: number): CraftedPart {
  return repeatedPart('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData>`, '<x>', levels, '</sheetData></worksheet>');
}
