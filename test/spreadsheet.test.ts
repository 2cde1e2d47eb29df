// What a real spreadsheet does with the export's files. LibreOffice Calc (Debian's
// libreoffice-calc-nogui) opens every profile's send-ready file, suppression list and report
// with "evaluate formulas" on, and saves them as flat ODF, which says for each cell whether it
// became a formula. Checked: no cell becomes a formula except a flagged address kept exact on
// the suppression list and in the report; every address is there as the exact text.
// A second file asks LibreOffice's formula compiler about each address the export writes
// exactly, with "=" put in front: it must fail to parse (Err:509, missing operator) — the
// grammar argument of src/shared/export/formula.ts ("@ after an operand cannot parse"), seen
// in a real parser. Where LibreOffice is not installed, the test reports itself skipped.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../src/main/services/exports.ts';
import type { ServiceContext } from '../src/main/services/context.ts';
import { LedgerAppender, type NewEvent } from '../src/main/store/ledger.ts';
import { openStore } from '../src/main/store/open.ts';
import { EXPORT_PROFILES } from '../src/shared/contract/requests.ts';
import { normalizeEmail } from '../src/shared/email/index.ts';
import { isInertAddress } from '../src/shared/export/formula.ts';
import { tempDbPath, tempDir } from './helpers/temp.ts';

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => fs.existsSync(p)) ?? null;
const skipReason = soffice ? null : 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)';
if (skipReason) console.warn(`Spreadsheet test skipped: ${skipReason}.`);

const AS_OF = '2026-02-01';
type Kind = 'explicit' | 'unsubscribed' | 'bounced';
const PEOPLE: { email: string; phone: string; name: string; kind: Kind }[] = [
  { email: '-ola@example.no', phone: '+47 912 34 567', name: '=1+1', kind: 'explicit' },
  { email: '+kari@example.no', phone: '+4791234567', name: '+1+2', kind: 'unsubscribed' },
  { email: '-ola.nordmann@example.no', phone: '-47 (0) 22.33/44-55', name: '-3+4', kind: 'explicit' },
  { email: '+47@example.no', phone: '+47-912', name: '@SUM(1)', kind: 'bounced' },
  { email: '-ødegård@example.no', phone: '=1+1', name: '\uFF1D1+1', kind: 'explicit' },
  { email: '+x_@example.no', phone: '+47 (mobil)', name: '=HYPERLINK("http://x";"y")', kind: 'explicit' },
  { email: '-a{b}@example.no', phone: '', name: ' =1+1', kind: 'unsubscribed' },
  { email: '=eva@example.no', phone: '', name: '\t=1+1', kind: 'unsubscribed' }, // flagged
  { email: '-per-@example.no', phone: '', name: 'Per\n=1+1', kind: 'explicit' }, // flagged
  { email: "-cmd|'/Ccalc'!A0+@example.no", phone: '', name: 'x', kind: 'bounced' }, // flagged
  { email: '=1+@example.no', phone: '', name: 'x', kind: 'explicit' }, // flagged
];

interface OdsCell {
  formula: string | null;
  text: string;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The rows of the first sheet of a flat ODF spreadsheet: each cell's formula (if any) and text. */
function readFods(xml: string): OdsCell[][] {
  const rows: OdsCell[][] = [];
  for (const row of xml.matchAll(/<table:table-row[^>]*>([\s\S]*?)<\/table:table-row>/g)) {
    const cells: OdsCell[] = [];
    for (const cell of row[1]!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attributes = cell[1]!;
      const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? '1');
      const formula = /table:formula="([^"]*)"/.exec(attributes)?.[1] ?? null;
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>|<text:p\/>/g)].map((p) =>
        unescapeXml(
          (p[1] ?? '')
            .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
            .replace(/<text:s\/>/g, ' ')
            .replace(/<text:tab\/>/g, '\t')
            .replace(/<text:line-break\/>/g, '\n')
            .replace(/<[^>]+>/g, ''),
        ),
      );
      const value = { formula: formula === null ? null : unescapeXml(formula), text: paragraphs.join('\n') };
      for (let i = 0; i < Math.min(repeated, 64); i++) cells.push(value);
    }
    rows.push(cells);
  }
  return rows;
}

describe('LibreOffice Calc opening the export files with formulas evaluated', () => {
  const dir = tempDir('tillit-spreadsheet-');
  const files: { profile: string; file: 'send-ready' | 'suppression' | 'report'; name: string }[] = [];

  beforeAll(() => {
    if (!soffice) return;
    const db = openStore(tempDbPath(dir));
    db.transaction(() => {
      const insert = db.prepare('INSERT INTO contacts (id, email, email_key, first_name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const events: NewEvent[] = [];
      PEOPLE.forEach((p, i) => {
        insert.run(i + 1, p.email, normalizeEmail(p.email), p.name, p.phone, AS_OF, AS_OF);
        events.push({ contactId: i + 1, kind: 'opt-in', date: '2026-01-01', source: 'web-form', basis: 'explicit' });
        if (p.kind === 'unsubscribed') events.push({ contactId: i + 1, kind: 'withdrawal', date: '2026-01-10' });
        if (p.kind === 'bounced') events.push({ contactId: i + 1, kind: 'hard-bounce', date: '2026-01-10' });
      });
      new LedgerAppender(db, `${AS_OF}T00:00:00.000Z`).append(events);
    })();
    const ctx: ServiceContext = { db, dbPath: '', filesDir: '', emit: () => undefined, today: () => AS_OF, now: () => `${AS_OF}T12:00:00.000Z` };
    for (const profile of EXPORT_PROFILES) {
      const result = runExport(ctx, profile, AS_OF);
      for (const [file, csv] of [['send-ready', result.csv], ['suppression', result.suppressionCsv], ['report', result.reportCsv]] as const) {
        const name = `${profile}-${file}`;
        fs.writeFileSync(path.join(dir, `${name}.csv`), csv);
        files.push({ profile, file, name });
      }
    }
    db.close();
    // Every address the export writes exactly, as a formula: LibreOffice's compiler must refuse each.
    const inert = PEOPLE.map((p) => p.email).filter(isInertAddress);
    fs.writeFileSync(path.join(dir, 'probe.csv'), `probe\r\n${inert.map((a) => `=${a}`).join('\r\n')}\r\n`);

    const profileDir = `file://${path.join(dir, 'lo-profile')}`;
    // Field separator, quote, UTF-8, from line 1, …, detect special numbers, …, evaluate formulas: on.
    const infilter = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';
    const run = (args: string[]): void => {
      const result = spawnSync(soffice, [`-env:UserInstallation=${profileDir}`, '--headless', `--infilter=${infilter}`, ...args], { encoding: 'utf8', timeout: 170_000 });
      if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
    };
    run(['--convert-to', 'fods', '--outdir', path.join(dir, 'fods'), ...files.map((f) => path.join(dir, `${f.name}.csv`))]);
    // "Save cell contents as shown": the probe's cells as LibreOffice shows them (Err:509 and the like).
    run(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false', '--outdir', path.join(dir, 'shown'), path.join(dir, 'probe.csv')]);
  }, 180_000);

  it('turns no cell into a formula except a flagged address on the suppression list and in the report; every address stays exact', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const flagged = new Set(PEOPLE.map((p) => p.email).filter((e) => !isInertAddress(e)));
    const seen = new Set<string>();
    for (const { file, name } of files) {
      const [header, ...rows] = readFods(fs.readFileSync(path.join(dir, 'fods', `${name}.fods`), 'utf8'));
      expect(header![0]!.formula).toBeNull();
      for (const row of rows) {
        if (row.every((c) => c.text === '' && c.formula === null)) continue;
        const [address, ...rest] = row;
        for (const cell of rest) expect(cell.formula, `${name}: ${JSON.stringify(cell)}`).toBeNull();
        // The report's last row states the ledger's anchor, with no address.
        if (file === 'report' && address!.text === '' && rest[0]?.text === 'ledger-anchor') continue;
        if (address!.formula !== null) {
          // The one exception, and never in a send-ready file: "=eva@…" is a formula cell (an error) in LibreOffice.
          expect(file).not.toBe('send-ready');
          expect(flagged.has(address!.formula.replace(/^of:/, ''))).toBe(true);
          seen.add(address!.formula.replace(/^of:/, ''));
          continue;
        }
        expect(PEOPLE.some((p) => p.email === address!.text), `${name}: ${address!.text}`).toBe(true);
        if (file === 'send-ready') expect(flagged.has(address!.text)).toBe(false);
        seen.add(address!.text);
      }
    }
    expect([...seen].sort()).toEqual(PEOPLE.map((p) => p.email).sort());
  });

  it('cannot compile any address the export writes exactly, even with "=" in front (Err:509: the @ after an operand)', (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const shown = fs.readFileSync(path.join(dir, 'shown', 'probe.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const inert = PEOPLE.map((p) => p.email).filter(isInertAddress);
    expect(shown).toHaveLength(inert.length);
    for (const [i, cell] of shown.entries()) expect(cell, `=${inert[i]}`).toBe('Err:509');
  });
});
