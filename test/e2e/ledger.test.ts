// The consent ledger in the app, as a user meets it after someone changed the workspace with
// the sqlite3 shell: a banner that says what was found and the two ways on; Settings shows
// the ledger's state and anchor; accepting the present state asks for a reason, typed key by
// key, and records it. English and Norwegian at 1366×768, axe-core with zero violations.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tillit } from '../helpers/cli.ts';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { axeViolations, launchChromium, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const VIEWPORT = { width: 1366, height: 768 };
const dir = tempDir('tillit-e2e-ledger-');
const dbPath = tempDbPath(dir);
let server: ServeProcess;
let browser: Browser;

beforeAll(async () => {
  const csv = path.join(dir, 'kunder.csv');
  fs.writeFileSync(csv, 'email,first name\nola@example.no,Ola\nkari@example.no,Kari\n');
  expect(tillit(dbPath, ['import', csv, '--source', 'web-form', '--collected-at', '2026-01-05']).status).toBe(0);
  const proof = path.join(dir, 'sheet.txt');
  fs.writeFileSync(proof, 'signed paper sheet');
  expect(tillit(dbPath, ['consent', 'add', 'kari@example.no', '--source', 'newsletter-signup', '--date', '2026-02-01', '--evidence', proof]).status).toBe(0);
  // Behind the app's back: the evidence's wording changed with the sqlite3 shell.
  execFileSync('sqlite3', [dbPath], { input: "UPDATE evidence SET text = 'She agreed to everything' WHERE file_name = 'sheet.txt';\n" });
  server = await startServe(dbPath);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.appUrl);
  return page;
}

describe('a broken ledger in the app', () => {
  it.each([
    ['en-GB', 'en', /Evidence \d+ was changed after it was recorded/, /Restore a backup/, 'Broken'],
    ['nb-NO', 'nb', /Bevis \d+ er endret, lagt til eller fjernet utenfor Tillit/, /Gjenopprett en sikkerhetskopi/, 'Brutt'],
  ])('%s: the banner says what was found and offers the two ways on; Settings shows the ledger', async (locale, lang, found, restore, state) => {
    const page = await open(locale);
    const banner = page.getByTestId('ledger-broken');
    await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await banner.textContent()).toMatch(found);
    expect(await banner.getByRole('button', { name: restore }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`ledger-01-broken-${lang}`) });

    await banner.getByRole('button', { name: restore }).click(); // leads to Settings, where backups are
    const section = page.getByTestId('ledger-section');
    await section.scrollIntoViewIfNeeded();
    expect(await section.getByTestId('ledger-state').textContent()).toBe(state);
    expect(await section.getByTestId('ledger-anchor').textContent()).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`ledger-02-settings-${lang}`) });
    await page.context().close();
  }, 120_000);

  it('accepting the present state asks why (typed key by key), records it, and lifts the banner', async () => {
    const page = await open('en-GB');
    const banner = page.getByTestId('ledger-broken');
    await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(true);
    await banner.getByRole('button', { name: /Accept the present state/ }).click();
    const dialog = page.getByTestId('accept-baseline');
    const confirm = dialog.getByRole('button', { name: 'Accept and record' });
    expect(await confirm.isDisabled()).toBe(true); // no reason yet
    await dialog.getByLabel(/Why do you accept it/).pressSequentially('Checked the paper sheet: the new wording is what she signed');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('ledger-03-accept-en') });
    await confirm.click();
    await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(false);
    await page.context().close();
    const verify = tillit(dbPath, ['verify']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/a break was accepted as a new baseline on .*: Checked the paper sheet/);
  }, 120_000);
});
