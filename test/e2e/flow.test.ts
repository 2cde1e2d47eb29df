// The whole flow in the real UI, against the real store, in headless Chromium:
// import a CSV → see statuses → record an opt-in with a scanned proof → unsubscribe
// someone → export a generic CSV with only the mailable → check review and settings.
// Screenshots of each screen go to test-results/.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { launchChromium, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const dir = tempDir('tillit-e2e-');
let server: ServeProcess;
let browser: Browser;
let page: Page;

const CSV = [
  'E-post;Fornavn;Etternavn;Firma',
  'ola@nordmann.no;Ola;Nordmann;Bakeriet AS',
  'kari@example.no;Kari;Hansen;',
  'per.olsen@example.no;Per;Olsen;Olsen Eiendom',
  'ikke-en-adresse;Feil;Rad;',
].join('\r\n');

// A 1×1 PNG: the "scan" of the paper sign-up sheet.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function shot(name: string): Promise<void> {
  // From the top: a full-page capture of a scrolled window draws the sticky bars mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

async function openContact(email: string): Promise<void> {
  await page.getByTestId('contact-row').filter({ hasText: email }).click();
  await page.getByTestId('contact-detail').getByRole('heading', { name: email }).waitFor();
}

beforeAll(async () => {
  server = await startServe(tempDbPath(dir));
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  // As a user does: the redirect file tillit serve named, which sends the browser on with the token.
  await page.goto(server.openFileUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Tillit in the browser', () => {
  it('opens from the redirect file, starts on a helpful empty state and removes the token from the address bar', async () => {
    await page.getByTestId('contacts-empty').waitFor();
    expect(page.url()).toBe(server.appUrl.split('#')[0]);
    expect(page.url()).not.toContain('token=');
    await shot('01-contacts-empty');
  });

  it('imports a Norwegian semicolon CSV with a preview of every row first', async () => {
    const file = path.join(dir, 'kunder.csv');
    fs.writeFileSync(file, CSV);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('staged-file').waitFor();
    await page.getByTestId('import-source').selectOption('event-booth');
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('count-rows').textContent()).toBe('4');
    expect(await page.getByTestId('count-added').textContent()).toBe('3');
    expect(await page.getByTestId('count-rejected').textContent()).toBe('1');
    expect(await page.getByTestId('detected').textContent()).toMatch(/csv.*;/);
    await expect.poll(() => page.getByTestId('preview-rows').textContent()).toMatch(/no @ sign/);
    await shot('02-import-preview');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    await shot('03-import-report');
  });

  it('lists the contacts with their consent status', async () => {
    await page.getByTestId('view-contacts').click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(3);
    const statuses = await page.getByTestId('contact-row').getByTestId('status-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['implicit', 'implicit', 'implicit']);
    await shot('04-contacts');
  });

  it('records an explicit opt-in with a scanned sign-up sheet, and the status changes', async () => {
    await openContact('ola@nordmann.no');
    // Each detail says which import set it.
    const company = page.getByTestId('contact-fields').locator('dd').filter({ hasText: 'Bakeriet AS' });
    await expect.poll(() => company.locator('.field-source').textContent()).toMatch(/^from kunder\.csv, imported \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByTestId('action-opt-in').click();
    const scan = path.join(dir, 'pameldingsark.png');
    fs.writeFileSync(scan, PNG);
    await page.getByTestId('record-source').selectOption('newsletter-signup');
    await page.getByTestId('record-basis').selectOption('explicit');
    await page.getByTestId('record-file').setInputFiles(scan);
    await page.getByTestId('record-wording').fill('Ja takk, send meg nyhetsbrevet fra Bakeriet');
    await page.getByTestId('record-submit').click();
    const detail = page.getByTestId('contact-detail');
    await expect.poll(() => detail.getByTestId('status-badge').first().getAttribute('data-status')).toBe('explicit');
    await expect.poll(() => detail.getByTestId('timeline-event').count()).toBe(2);
    await detail.getByTestId('evidence-link').filter({ hasText: 'pameldingsark.png' }).click();
    await expect.poll(() => page.getByTestId('evidence-view').locator('img').count()).toBe(1);
    await page.getByTestId('evidence-view').waitFor();
    await shot('05-contact-detail-explicit');
  });

  it('unsubscribes someone, with the reason shown in plain language', async () => {
    await openContact('kari@example.no');
    await page.getByTestId('action-unsubscribe').click();
    await page.getByTestId('record-submit').click();
    const detail = page.getByTestId('contact-detail');
    await expect.poll(() => detail.getByTestId('status-badge').first().getAttribute('data-status')).toBe('unsubscribed');
    expect(await detail.getByTestId('explanation').textContent()).toMatch(/cannot mail this person: they unsubscribed/);
    await shot('06-contact-unsubscribed');
  });

  it('exports a generic CSV with only the contacts mailable today', async () => {
    await page.getByTestId('nav-export').click();
    await page.getByTestId('profile-generic').check();
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-result').waitFor();
    expect(await page.getByTestId('export-included').textContent()).toMatch(/^2 /);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-export').click()]);
    const content = fs.readFileSync(await download.path(), 'utf8');
    expect(content).toContain('ola@nordmann.no');
    expect(content).toContain('per.olsen@example.no');
    expect(content).not.toContain('kari@example.no');
    await shot('07-export');
  });

  it('shows review groups and settings', async () => {
    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-suppressed').waitFor();
    await expect.poll(() => page.getByTestId('review-suppressed').textContent()).toContain('kari@example.no');
    await shot('08-review');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-brand').waitFor();
    await shot('09-settings');
  });

  it('records evidence for a whole selection in one step, with one scan for all', async () => {
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('filter-implicit').click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1); // per.olsen (ola is explicit, kari unsubscribed)
    await page.getByTestId('filter-implicit').click();
    await page.getByTestId('select-all').click();
    await page.getByTestId('bulk-record').click();
    await page.getByTestId('record-source').selectOption('event-booth');
    await page.getByTestId('record-basis').selectOption('explicit');
    await page.getByTestId('record-file').setInputFiles(path.join(dir, 'pameldingsark.png'));
    await page.getByTestId('record-submit').click();
    await page.getByText('Recorded for 3 contacts.').waitFor();
    // Kari unsubscribed earlier today: a later explicit opt-in lifts that (rule 3).
    await expect
      .poll(() => page.getByTestId('contact-row').getByTestId('status-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
      .toEqual(['explicit', 'explicit', 'explicit']);
    await shot('065-bulk-recorded');
  });

  it('corrects an event by voiding it with a reason, and erases a person on request', async () => {
    await openContact('per.olsen@example.no');
    const detail = page.getByTestId('contact-detail');
    await detail.getByTestId('correct-event').last().click(); // the bulk opt-in
    await detail.getByTestId('correction-reason').fill('Per was not at the stand; wrong sheet');
    await detail.getByTestId('void-event').click();
    await expect.poll(() => detail.getByTestId('status-badge').first().getAttribute('data-status')).toBe('implicit');
    await expect.poll(() => detail.getByTestId('timeline').textContent()).toContain('Correction: Per was not at the stand');
    await shot('10-correction');

    await openContact('kari@example.no');
    await detail.getByTestId('erase-start').click();
    await detail.getByTestId('erase-reason').fill('Asked by phone to be forgotten');
    await detail.getByTestId('erase-confirm').click();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(2);
  });

  it('a very dirty file: the preview says it holds the first 10,000 rejected rows, the report downloads every one', async () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => `ikke-adresse-${i};Rad ${i}`);
    const file = path.join(dir, 'skitten.csv');
    fs.writeFileSync(file, ['E-post;Navn', 'god@example.no;God', ...rows].join('\r\n'));
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('staged-file').waitFor();
    await page.getByTestId('import-source').selectOption('web-form');
    await page.getByTestId('import-preview').waitFor();
    // 10,051 rows: seconds on a machine shared with other builds.
    await expect.poll(() => page.getByTestId('count-rejected').textContent(), { timeout: 30_000 }).toBe('10,050');
    expect(await page.getByTestId('rejected-partial').textContent()).toContain('10,050 rows are rejected in all');
    expect(await page.getByTestId('download-rejected').textContent()).toBe('Download the first 10,000 rejected rows (CSV)');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    const report = page.getByTestId('import-report');
    expect(await report.getByTestId('download-rejected').textContent()).toBe('Download rejected rows (CSV)');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('download-rejected').click()]);
    const lines = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 10_050);
    expect(lines.at(-1)).toContain('ikke-adresse-10049;Rad 10049');
    await shot('11-import-report-dirty');
  });

  it('shows how far the preview and then the import of a big file have got', async () => {
    const file = path.join(dir, 'stor.csv');
    const rows = Array.from({ length: 200_000 }, (_, i) => `kunde${i}@firma${i % 300}.no;Kunde ${i};Etternavn ${i};Firma ${i % 900} AS`);
    fs.writeFileSync(file, ['E-post;Fornavn;Etternavn;Firma', ...rows].join('\r\n'));
    await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('staged-file').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-source').selectOption('purchase');
    await page.getByTestId('preview-progress').waitFor({ timeout: 30_000 });
    await shot('12-preview-progress');
    await expect.poll(() => page.getByTestId('count-rows').textContent(), { timeout: 60_000 }).toBe('200,000');
    expect(await page.getByTestId('preview-progress').count()).toBe(0);
    // The commit shows its step, how far, how fast and a Cancel.
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-progress').waitFor();
    await expect.poll(() => page.getByTestId('progress-step').textContent(), { timeout: 30_000 }).toMatch(/Reading and saving rows|Saving contacts/);
    await shot('14-import-progress');
    await page.getByTestId('import-report').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-report').textContent()).toContain('200,000');
    // Undoing 200,000 contacts takes seconds, in the import worker: the button says so meanwhile.
    // It asks first, with the counts.
    await page.getByTestId('import-report').getByTestId('undo-import').click();
    const dialog = page.getByTestId('undo-dialog');
    await expect.poll(() => dialog.getByTestId('undo-counts').textContent(), { timeout: 30_000 }).toContain('200,000 contacts will be removed');
    const undoButton = dialog.getByTestId('undo-confirm');
    await undoButton.click();
    await expect.poll(() => undoButton.textContent()).toBe('Undoing…');
    expect(await undoButton.isDisabled()).toBe(true);
    await shot('17-undoing');
    await expect.poll(() => dialog.getByTestId('undo-result').textContent(), { timeout: 60_000 }).toContain('200,000 contacts removed');
    await dialog.getByTestId('undo-close').click();
    await page.getByTestId('import-undone').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('history-row').first().textContent()).toContain('Undone');
  }, 180_000);

  it('speaks Norwegian to a Norwegian browser, the import screen included', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nb-NO' });
    const norsk = await context.newPage();
    await norsk.goto(server.appUrl);
    await norsk.getByTestId('nav-import').click();
    await norsk.getByRole('heading', { name: 'Importer en liste' }).waitFor();
    expect(await norsk.getByTestId('nav-contacts').textContent()).toContain('Kontakter');
    await norsk.screenshot({ path: screenshotPath('13-import-nb'), fullPage: true });
    // Main's messages about rows come in Norwegian too.
    const file = path.join(dir, 'norsk.csv');
    fs.writeFileSync(file, 'E-post;Navn\nikke-en-adresse;Feil\npost@bakeri.no;Post\n');
    if (await norsk.getByTestId('import-another').count()) await norsk.getByTestId('import-another').click();
    await norsk.getByTestId('import-file').setInputFiles(file);
    await norsk.getByTestId('import-source').selectOption('event-booth');
    await expect.poll(() => norsk.getByTestId('preview-rows').textContent()).toContain('rad 2: «ikke-en-adresse» mangler @.');
    expect(await norsk.getByTestId('preview-rows').textContent()).toContain('fellesadresse (delt postkasse)');
    expect(await norsk.getByTestId('rejected-rows').textContent()).toContain('mangler @');
    await norsk.screenshot({ path: screenshotPath('13b-preview-nb'), fullPage: true });
    await context.close();
  });

  it('takes several vCard files at once as one import, and says why it will not join other files', async () => {
    const cards = ['anne', 'bjorn'].map((name) => {
      const file = path.join(dir, `${name}.vcf`);
      fs.writeFileSync(file, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${name}@kortapp.no\r\nEND:VCARD\r\n`);
      return file;
    });
    const csv = path.join(dir, 'liste.csv');
    fs.writeFileSync(csv, 'email\nx@example.no\n');
    await page.getByTestId('nav-import').click();
    if (await page.getByTestId('import-another').count()) await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles([cards[0]!, csv]);
    await expect.poll(() => page.getByTestId('upload-error').textContent()).toContain('not all vCards');
    await page.getByTestId('import-file').setInputFiles(cards);
    await expect.poll(() => page.getByTestId('staged-file').textContent()).toContain('2 vCard files');
    await page.getByTestId('import-source').selectOption('business-card');
    await expect.poll(() => page.getByTestId('count-added').textContent()).toBe('2');
  });

  it('warns before the same file is imported a second time, and asks to confirm', async () => {
    const file = path.join(dir, 'kunder-kopi.csv');
    fs.writeFileSync(file, CSV); // the same bytes as kunder.csv, under another name
    await page.getByTestId('nav-import').click();
    if (await page.getByTestId('import-another').count()) await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('staged-file').textContent()).toContain('kunder-kopi.csv');
    await page.getByTestId('import-source').selectOption('event-booth');
    const warning = page.getByTestId('already-imported');
    await expect.poll(() => warning.textContent()).toMatch(/This file was imported before.*kunder\.csv, imported \d{4}-\d{2}-\d{2}/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-again').check();
    expect(await page.getByTestId('import-commit').isEnabled()).toBe(true);
    await shot('15-import-again');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').textContent()).toMatch(/3/);
  });

  it('a file whose e-mail column is not recognised: the mapping says so, and choosing the column fixes it', async () => {
    const file = path.join(dir, 'kontakter.csv');
    // Outlook-style "Name <address>" cells under an unknown header: not recognised as addresses.
    fs.writeFileSync(file, 'Navn;Kontakt\r\nOla Nordmann;Ola Nordmann <ola.n@bakeriet.no>\r\nKari Hansen;Kari Hansen <kari.h@bakeriet.no>\r\n');
    if (await page.getByTestId('import-another').count()) await page.getByTestId('import-another').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByTestId('staged-file').textContent()).toContain('kontakter.csv');
    await page.getByTestId('import-source').selectOption('purchase');
    await expect.poll(() => page.getByTestId('mapping-problem').textContent()).toContain('No column is marked as the e-mail address (columns: Navn, Kontakt)');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await shot('16-mapping-problem');
    await page.getByTestId('mapping-1').selectOption('email');
    await expect.poll(() => page.getByTestId('count-added').textContent()).toBe('2');
    expect(await page.getByTestId('mapping-problem').count()).toBe(0);
  });

  it('keeps the language chosen in Settings in the workspace: another browser opens in it', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-language').selectOption('nb');
    await page.getByRole('heading', { name: 'Innstillinger' }).waitFor();
    await expect.poll(() => page.getByTestId('settings-language').inputValue()).toBe('nb');
    await shot('18-settings-language-nb');
    // Another browser: no localStorage of this one, an English locale.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    const other = await context.newPage();
    await other.goto(server.appUrl);
    await expect.poll(() => other.getByTestId('nav-contacts').textContent(), { timeout: 10_000 }).toContain('Kontakter');
    await other.getByTestId('nav-settings').click();
    expect(await other.getByTestId('settings-language').inputValue()).toBe('nb');
    await other.screenshot({ path: screenshotPath('18b-other-browser-nb'), fullPage: true });
    // Back to English, chosen there: this browser follows on its next load.
    await other.getByTestId('settings-language').selectOption('en');
    await other.getByRole('heading', { name: 'Settings' }).waitFor();
    await shot('18c-settings-language-en-before-reload');
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-contacts').textContent(), { timeout: 10_000 }).toContain('Contacts');
    await page.getByTestId('nav-settings').click();
    await shot('18d-settings-language-en');
    await context.close();
  });

  it('refuses a page opened without the token', async () => {
    const other = await browser.newPage();
    await other.goto(server.appUrl.split('#')[0] ?? server.appUrl);
    await other.getByTestId('token-missing').waitFor();
    await other.close();
  });
});
