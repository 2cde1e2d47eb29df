// Loaded into a tillit child process (`node --import`) by the kill tests: SIGKILLs the
// process at a chosen point, the way a power cut or the task manager would. The app's code
// has no hooks for this; the points are the file and database calls themselves:
//   TILLIT_KILL_AT=fsync:N   before the Nth fsync (a temp file written, not yet flushed)
//   TILLIT_KILL_AT=rename:N  right after the Nth rename into the evidence folder (a file in
//                            place, its row not committed; a backup's renames do not count)
//   TILLIT_KILL_AT=commit:N  before the Nth exec('COMMIT') (an import's whole transaction written)
// Counted per thread: the CLI's import runs in a worker thread, which loads this too.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [point, nth] = (process.env.TILLIT_KILL_AT ?? '').split(':');
const target = Number(nth ?? '1');
let calls = 0;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

if (point === 'fsync') {
  const fsync = fs.fsyncSync;
  fs.fsyncSync = (fd) => {
    if (++calls === target) die();
    fsync(fd);
  };
} else if (point === 'rename') {
  const rename = fs.renameSync;
  fs.renameSync = (from, to) => {
    rename(from, to);
    if (/[\\/]evidence[\\/][0-9a-f]{64}$/.test(String(to)) && ++calls === target) die();
  };
} else if (point === 'commit') {
  const proto = Database.prototype;
  const exec = Object.getOwnPropertyDescriptor(proto, 'exec')!.value as (this: Database.Database, sql: string) => Database.Database;
  proto.exec = function (this: Database.Database, sql: string) {
    if (sql === 'COMMIT' && ++calls === target) die();
    return exec.call(this, sql);
  };
}
syncBuiltinESMExports();
