// Killing `tillit backup` or `tillit restore` at any step (a real child process, SIGKILL, no
// clean-up) leaves a usable workspace: either the old one or the restored one, whole, with a
// ledger that verifies; no half backup is listed, and the next command works.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnchors } from '../src/main/store/anchors.ts';
import { backupsDirFor, listBackups } from '../src/main/store/backup.ts';
import { BIN, tillit, tillitJson } from './helpers/cli.ts';
import { tempDir } from './helpers/temp.ts';

const dir = tempDir('tillit-backup-kill-');

interface Contact {
  email: string;
}

/** Runs the command with a crash point; it must die by its own SIGKILL there. */
async function killedAt(step: string, db: string, args: string[]): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TILLIT_TEST_CRASH_AT: step } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
  expect({ step, code, signal, stderr }).toEqual({ step, code: null, signal: 'SIGKILL', stderr: '' });
}

const emails = (db: string): string[] => tillitJson<Contact[]>(db, ['list']).map((c) => c.email).sort();

/** One workspace: an import, a backup of it, then a second import (the state a restore replaces). */
function template(): { db: string; backup: string; old: string[]; current: string[] } {
  const db = path.join(dir, 'template', 'tillit.sqlite');
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const first = path.join(dir, 'first.csv');
  fs.writeFileSync(first, 'email,first_name\nola@nordmann.no,Ola\nkari@example.no,Kari\n');
  tillitJson(db, ['import', first, '--source', 'web-form']);
  const backup = tillitJson<{ backup: string }>(db, ['backup']).backup;
  const second = path.join(dir, 'second.csv');
  fs.writeFileSync(second, 'email\nper@example.no\nliv@example.no\n');
  tillitJson(db, ['import', second, '--source', 'purchase']);
  return { db, backup, old: ['kari@example.no', 'ola@nordmann.no'], current: ['kari@example.no', 'liv@example.no', 'ola@nordmann.no', 'per@example.no'] };
}

/** A copy of the template workspace (closed, so its files are whole) in its own folder. */
function copyOf(source: { db: string; backup: string }, name: string): { db: string; backup: string } {
  const target = path.join(dir, name);
  fs.cpSync(path.dirname(source.db), target, { recursive: true });
  const db = path.join(target, 'tillit.sqlite');
  return { db, backup: path.join(`${db}-files`, path.relative(`${source.db}-files`, source.backup)) };
}

describe('killing a restore', () => {
  const base = template();

  it.each([
    { step: 'restore-staged', after: 'old' },
    { step: 'restore-evidence', after: 'old' },
    { step: 'restore-safety', after: 'old' },
    { step: 'restore-exclusive', after: 'old' },
    { step: 'restore-intent', after: 'old' },
    { step: 'restore-swapped', after: 'new' },
  ] as const)('at $step leaves the $after workspace, whole', async ({ step, after }) => {
    const { db, backup } = copyOf(base, step);
    const headBefore = tillitJson<{ checked: number }>(db, ['verify']).checked;
    await killedAt(step, db, ['restore', backup]);

    expect(emails(db)).toEqual(after === 'new' ? base.old : base.current);
    const verified = tillitJson<{ intact: boolean; checked: number }>(db, ['verify']);
    expect(verified.intact).toBe(true);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.includes('.restoring-'))).toEqual([]);
    expect(fs.existsSync(path.join(`${db}-files`, 'restore-pending.json'))).toBe(false);
    const restoreAnchors = readAnchors(db).filter((a) => a.reason === 'restore');
    if (after === 'new') {
      // The next open finished what the kill interrupted: the restore is logged, once.
      expect(restoreAnchors).toHaveLength(1);
      expect(restoreAnchors[0]!.events).toBe(verified.checked);
    } else {
      expect(restoreAnchors).toHaveLength(0);
      expect(verified.checked).toBe(headBefore);
    }

    // And the next restore works.
    const again = tillit(db, ['restore', backup]);
    expect(again.status, again.stderr).toBe(0);
    expect(emails(db)).toEqual(base.old);
  }, 120_000);
});

describe('killing a backup', () => {
  it.each(['backup-copied', 'backup-before-rename'])('at %s lists no half backup, and the next backup works and tidies up', async (step) => {
    const { db } = copyOf(template(), `backup-${step}`);
    const listed = listBackups(backupsDirFor(db)).map((b) => b.name);
    await killedAt(step, db, ['backup']);
    expect(listBackups(backupsDirFor(db)).map((b) => b.name)).toEqual(listed);
    expect(fs.readdirSync(backupsDirFor(db)).filter((n) => n.startsWith('.partial-'))).toHaveLength(1); // what the kill left
    expect(emails(db)).toHaveLength(4);

    const made = tillitJson<{ name: string }>(db, ['backup']);
    expect(listBackups(backupsDirFor(db)).map((b) => b.name)).toEqual([made.name, ...listed]);
    expect(fs.readdirSync(backupsDirFor(db)).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);
});
