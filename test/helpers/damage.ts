// Damages a real SQLite file the way a bad disk sector or a crashed copy does: the header of
// one b-tree page overwritten with garbage. PRAGMA quick_check reports it and queries that
// walk the table fail with SQLITE_CORRUPT.

import Database from 'better-sqlite3';
import fs from 'node:fs';

/** Overwrites the first bytes of `table`'s root page (its b-tree page header); returns the page number. */
export function damageBtreePage(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(`${file}${suffix}`) && fs.statSync(`${file}${suffix}`).size > 0 && suffix === '-wal') {
      throw new Error(`${file} has a WAL with pages in it: close every connection first`);
    }
  }
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(24, 0xee), 0, 24, (page - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return page;
}
