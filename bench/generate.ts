// A deterministic generator of messy contact CSVs for the benchmark: duplicates in other
// case and spacing, invalid and role addresses, quoted multi-line fields, non-ASCII names.
// Same seed, same bytes.

import fs from 'node:fs';

/** mulberry32: a tiny, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ola', 'Kari', 'Per', 'Ingrid', 'Bjørn', 'Åse', 'Øystein', 'Siri', 'Håkon', 'Marit', 'José', 'Zoë', 'Mikael', 'Aino', 'Jürgen', 'Chloé'];
const LAST = ['Nordmann', 'Hansen', 'Ødegård', 'Æsøy', 'Johansen', 'Larsen', 'Berg', 'Dahl', 'Müller', 'García', 'Lindqvist', 'Strøm'];
const COMPANIES = ['Bakeriet AS', 'Eiendom & Co', 'Kirkens Bymisjon', 'Fjord "Fisk" AS', 'Nordlys, Lys og Lampe', 'Solberg Regnskap', ''];
const CITIES = ['Oslo', 'Bergen', 'Trondheim', 'Tromsø', 'Ålesund', 'Bodø', 'Stavanger'];
const DOMAINS = ['gmail.com', 'online.no', 'hotmail.com', 'bakeriet.no', 'example.org', 'firma.no', 'yahoo.no'];
const ROLES = ['post', 'info', 'salg', 'support', 'kontakt'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GenerateOptions {
  rows: number;
  seed: number;
  /** Offset for the generated address numbers, so a second file can overlap or not. */
  firstId?: number;
}

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[øØ]/g, 'o').replace(/[æÆ]/g, 'ae').toLowerCase();
}

/** The person behind address number `id`: a pure function of (seed, id), so duplicates can refer back. */
function person(seed: number, id: number): { first: string; last: string; email: string } {
  const rand = prng(seed * 7919 + id);
  const first = pick(rand, FIRST);
  const last = pick(rand, LAST);
  return { first, last, email: `${ascii(first)}.${ascii(last)}.${id}@${pick(rand, DOMAINS)}` };
}

/** Writes the CSV and returns its size in bytes. */
export function generateContactsCsv(file: string, options: GenerateOptions): number {
  const rand = prng(options.seed);
  const fd = fs.openSync(file, 'w');
  let buffer = 'email,first_name,last_name,company,phone,city,country,note\r\n';
  let bytes = 0;
  const firstId = options.firstId ?? 0;
  for (let i = 0; i < options.rows; i++) {
    const id = firstId + i;
    const { first, last, email: clean } = person(options.seed, id);
    let email = clean;
    const roll = rand();
    if (roll < 0.05 && i > 10) {
      // The same address as an earlier row, in other case and with stray spaces.
      email = `  ${person(options.seed, firstId + Math.floor(rand() * i)).email.toUpperCase()} `;
    } else if (roll < 0.07) {
      email = clean.replace('@', '@@'); // invalid
    } else if (roll < 0.08) {
      email = `${pick(rand, ROLES)}@company${id}.no`; // role address
    } else if (roll < 0.085) {
      email = ''; // missing
    }
    const note = rand() < 0.03 ? 'Met at the fair.\nWants the "spring" newsletter, not prices' : '';
    const phone = `+47 ${String(40000000 + Math.floor(rand() * 9999999))}`;
    buffer += [email, first, last, pick(rand, COMPANIES), phone, pick(rand, CITIES), 'Norge', note].map(csvCell).join(',') + '\r\n';
    if (buffer.length > 1 << 20) {
      bytes += fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  bytes += fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return bytes;
}
