// The import screen in the real UI, in headless Chromium at 1366×768, against `tillit serve`
// on a real workspace (issue 11): a 20,000-row file whose warnings all show, a typo fixed in
// the preview and stored fixed, a warning accepted, a merge conflict decided per field, the
// consent forecast said before the import and again in the report, all warned rows
// downloaded; then the same steps in Norwegian, with five vCard files chosen together. axe-core
// checks every step (zero violations) and each step is photographed in both languages.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tillitJson } from '../helpers/cli.ts';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { axeViolations, launchChromium, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const dir = tempDir('tillit-e2e-import-');
const dbPath = tempDbPath(dir);
let server: ServeProcess;
let browser: Browser;

/**
 * 20,000 rows with warned rows spread through them: typos every 997 rows and on the last row,
 * role addresses every 1,499, disposable ones every 2,003. Row 2 (the first data row) is a
 * stored contact with another surname and company. Rows are numbered as in a spreadsheet.
 */
function bigFile(): { csv: string; typo: number[]; role: number[]; disposable: number[] } {
  const typo: number[] = [];
  const role: number[] = [];
  const disposable: number[] = [];
  const lines = ['E-post,Fornavn,Etternavn,Firma,Påmeldt'];
  for (let i = 1; i <= 20_000; i++) {
    const row = i + 1;
    let email = `person${i}@example.no`;
    let last = `Etternavn${i}`;
    let company = `Bakeri ${i % 50}`;
    if (i === 1) [email, last, company] = ['ola@nordmann.no', 'Normann', 'Konditoriet'];
    else if (i === 20_000) email = 'anne@gmial.com';
    else if (i % 997 === 0) email = `kunde${i}@gmial.com`;
    else if (i % 1499 === 0) email = `info@firma${i}.no`;
    else if (i % 2003 === 0) email = `kunde${i}@mailinator.com`;
    if (email.endsWith('@gmial.com')) typo.push(row);
    else if (email.startsWith('info@')) role.push(row);
    else if (email.endsWith('@mailinator.com')) disposable.push(row);
    lines.push(`${email},${i === 1 ? 'Ola' : `Fornavn${i}`},${last},${company},`);
  }
  return { csv: `${lines.join('\n')}\n`, typo, role, disposable };
}

async function newPage(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: only so that axe-core can be injected (the app's policy allows no inline script).
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale, acceptDownloads: true, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.appUrl);
  return { context, page };
}

/** axe-core on the whole page: no violations of any rule. */
async function expectNoAxeViolations(page: Page, step: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, step).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function countOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

async function csvLines(download: Promise<import('playwright-core').Download>): Promise<string[]> {
  const file = await (await download).path();
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
}

beforeAll(async () => {
  // A stored contact, explicit: the big file's first row brings another surname and company.
  const first = path.join(dir, 'skjema.csv');
  fs.writeFileSync(first, 'E-post;Fornavn;Etternavn;Firma\nola@nordmann.no;Ola;Nordmann;Bakeriet\n');
  tillitJson(dbPath, ['import', first, '--source', 'web-form', '--basis', 'explicit', '--collected-at', '2026-11-01']);
  server = await startServe(dbPath);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the import screen', () => {
  it('a 20,000-row file: every warning counted and listed, a typo fixed, a warning accepted, a conflict decided per field, the forecast said before and after', async () => {
    const { context, page } = await newPage('en-GB');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('dropzone').waitFor();
    await expectNoAxeViolations(page, 'file step');
    await shot(page, 'import-1-file-en');

    const { csv, typo, role, disposable } = bigFile();
    const file = path.join(dir, 'kunder-2024.csv');
    fs.writeFileSync(file, csv);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('staged-file').waitFor();
    expect(await page.getByTestId('staged-file').textContent()).toMatch(/^✓Chosen: kunder-2024\.csv/);
    // Focus went on to the next step, not to the page body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-source');
    await expectNoAxeViolations(page, 'source step');
    await shot(page, 'import-2-source-en');

    await page.getByTestId('import-source').selectOption('purchase');
    await page.getByTestId('import-date').fill('2024-06-01');
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('previewing').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => countOf(page, 'count-rows')).toBe(20_000);

    // The mapping: a vertical list, the sign-up date column recognised as the collection date.
    const mapping = page.getByTestId('column-mapping');
    expect(await mapping.locator('thead th').allTextContents()).toEqual(['Column in the file', 'Values in the file', 'Holds']);
    expect(await page.getByTestId('mapping-4').inputValue()).toBe('collectedAt');
    expect(await page.getByTestId('mapping-0').locator('option:checked').textContent()).toBe('E-mail');

    // Every warning of the file, by kind; the last row's typo is listed.
    expect(await countOf(page, 'warning-count-typo')).toBe(typo.length);
    expect(await countOf(page, 'warning-count-role')).toBe(role.length);
    expect(await countOf(page, 'warning-count-disposable')).toBe(disposable.length);
    const anne = page.locator('[data-testid="warned-row"][data-row="20001"]');
    expect(await anne.textContent()).toContain('anne@gmial.com');

    // What happens to consent, before anything is written.
    const sentence = await page.getByTestId('forecast-sentence').textContent();
    expect(sentence).toContain('dated 2024-06-01: the implicit consent it gave ended on 2026-06-01');
    expect(sentence).toContain('everyone from this file needs re-confirmation');
    // The file has a sign-up date column (empty here): rows with their own date would be judged by it.
    expect(sentence).toContain('Rows with their own source, date or consent in the file are judged by those');
    expect(await countOf(page, 'forecast-explicit')).toBe(1); // the stored contact keeps her opt-in
    expect(await countOf(page, 'forecast-not-permitted')).toBe(role.length);
    expect(await countOf(page, 'forecast-needs-reconfirmation')).toBe(20_000 - 1 - role.length);

    // Download every warned row.
    const warnedRows = typo.length + role.length + disposable.length;
    const lines = await csvLines(Promise.all([page.waitForEvent('download'), page.getByTestId('download-warned').click()]).then(([d]) => d));
    expect(lines).toHaveLength(1 + warnedRows);
    expect(lines.at(-1)).toContain('20001,anne@gmial.com');

    // Fix the typo on the last row; accept the first role address.
    await anne.getByTestId('fix-typo').click();
    await expect.poll(() => page.getByTestId('warning-count-fixed').count(), { timeout: 60_000 }).toBe(1);
    expect(await countOf(page, 'warning-count-typo')).toBe(typo.length - 1);
    await page.locator(`[data-testid="warned-row"][data-row="${role[0]}"]`).getByTestId('accept-warning').click();
    await expect.poll(() => page.getByTestId('warning-count-accepted').count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('previewing').count(), { timeout: 60_000 }).toBe(0);
    expect(await countOf(page, 'warning-count-role')).toBe(role.length - 1);

    // The merge conflict: take the file's company, keep the stored surname.
    const conflicts = page.getByTestId('merge-conflicts');
    expect(await conflicts.textContent()).toContain('stored “Bakeriet”, file “Konditoriet”');
    await page.getByTestId('conflict-company-file').check();
    expect(await page.getByTestId('conflict-lastName-stored').isChecked()).toBe(true);

    // The tables scroll with the keyboard: the region takes focus and the arrow keys move it.
    const region = page.getByRole('region', { name: 'Table: Rows with warnings' });
    await region.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    await expectNoAxeViolations(page, 'preview step');
    await shot(page, 'import-3-preview-en');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
    expect(await countOf(page, 'warning-count-typo')).toBe(typo.length - 1);
    expect(await countOf(page, 'warning-count-role')).toBe(role.length - 1);
    expect(await countOf(page, 'warning-count-disposable')).toBe(disposable.length);
    expect(await page.getByTestId('forecast-sentence').textContent()).toContain('everyone from this file needs re-confirmation');
    expect(await countOf(page, 'forecast-needs-reconfirmation')).toBe(20_000 - 1 - role.length);
    const reportLines = await csvLines(Promise.all([page.waitForEvent('download'), page.getByTestId('download-warned').click()]).then(([d]) => d));
    expect(reportLines).toHaveLength(1 + warnedRows);
    expect(reportLines.at(-1)).toMatch(/^20001,anne@gmail\.com,.*address corrected from anne@gmial\.com,corrected$/);
    await expectNoAxeViolations(page, 'report step');
    await shot(page, 'import-4-report-en');

    // Stored as chosen: the fix, the company taken from the file, the surname kept.
    const ola = tillitJson<{ email: string; lastName: string; company: string }[]>(dbPath, ['list', '--search', 'ola@nordmann.no']);
    expect(ola[0]).toMatchObject({ lastName: 'Nordmann', company: 'Konditoriet' });
    expect(tillitJson<unknown[]>(dbPath, ['list', '--search', 'anne@gmail.com'])).toHaveLength(1);

    // The contacts list filters "has a warning": every open one, not the fixed or accepted.
    await page.getByTestId('view-contacts').click();
    await page.getByTestId('contacts-warned').check();
    await expect.poll(() => page.getByTestId('contacts-count').textContent(), { timeout: 20_000 }).toBe(`${warnedRows - 2} contacts`);
    await shot(page, 'contacts-warned-en');
    await context.close();
  }, 300_000);

  it('in Norwegian, with five vCard files chosen together', async () => {
    const { context, page } = await newPage('nb-NO');
    await page.getByTestId('nav-import').click();
    await page.getByTestId('dropzone').waitFor();
    await expectNoAxeViolations(page, 'file step (nb)');
    await shot(page, 'import-1-file-nb');

    const cards = ['Kari', 'Per', 'Lise', 'Ole', 'Nina'].map((name, i) => {
      const file = path.join(dir, `kort-${i + 1}.vcf`);
      const email = i === 4 ? 'post@firma.no' : `${name.toLowerCase()}@example.no`;
      fs.writeFileSync(file, `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hansen;${name};;;\r\nFN:${name} Hansen\r\nORG:Firma ${name}\r\nEMAIL:${email}\r\nEND:VCARD\r\n`);
      return file;
    });
    await page.getByTestId('import-file').setInputFiles(cards);
    await page.getByTestId('staged-file').waitFor();
    expect(await page.getByTestId('staged-file').textContent()).toMatch(/^✓Valgt: 5 vCard-filer \(/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('import-source');
    await expectNoAxeViolations(page, 'source step (nb)');
    await shot(page, 'import-2-source-nb');

    await page.getByTestId('import-source').selectOption('business-card');
    await page.getByTestId('import-preview').waitFor();
    await expect.poll(() => page.getByTestId('previewing').count()).toBe(0);
    await expect.poll(() => countOf(page, 'count-added')).toBe(5);
    expect(await countOf(page, 'warning-count-role')).toBe(1);
    expect(await page.getByTestId('forecast-sentence').textContent()).toMatch(/^Kilde «Visittkort», datert \d{4}-\d{2}-\d{2}: underforstått samtykke uten fast sluttdato/);
    expect(await page.getByTestId('column-mapping').locator('thead th').allTextContents()).toEqual(['Kolonne i filen', 'Verdier i filen', 'Inneholder']);
    // A vCard's fields by their names, not the reader's keys.
    expect(await page.getByTestId('column-mapping').locator('tbody th').allTextContents()).toContain('Andre e-postadresser');
    await expectNoAxeViolations(page, 'preview step (nb)');
    await shot(page, 'import-3-preview-nb');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').textContent()).toContain('5 vCard-filer på');
    await expectNoAxeViolations(page, 'report step (nb)');
    await shot(page, 'import-4-report-nb');
    await page.getByTestId('view-contacts').click();
    await page.getByTestId('contacts-warned').check();
    // The role address of this import, and the 41 open ones of the first test.
    await expect.poll(() => page.getByTestId('contacts-count').textContent(), { timeout: 20_000 }).toBe('42 kontakter');
    await shot(page, 'contacts-warned-nb');
    await context.close();
  }, 120_000);
});
