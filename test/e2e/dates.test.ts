// Dates typed as people type them, in English and Norwegian, in headless Chromium against the
// real store: character by character, pasted, and picked; what is stored is read back through
// the contract. Also: the first start, the Help screen, undo that asks first, and axe-core on
// each of these screens (zero violations). Screenshots at 1366×768 in both languages.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDetail, ContactPage, ImportSummary } from '../../src/shared/contract/dto.ts';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { axeViolations as axe, launchChromium, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const dir = tempDir('tillit-e2e-dates-');
let server: ServeProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];
let en: Page;
let nb: Page;

/** Calls the contract over the loopback server, as the page does. */
async function call<T>(method: string, input: unknown): Promise<T> {
  const url = new URL(server.appUrl);
  const token = /token=([^&]+)/.exec(url.hash)![1]!;
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

async function contact(email: string): Promise<ContactDetail> {
  const page = await call<ContactPage>('contacts.list', { search: email });
  return call<ContactDetail>('contacts.get', { id: page.items.find((c) => c.email === email)!.id });
}

async function openPage(locale: string): Promise<Page> {
  // bypassCSP: the app's CSP (rightly) refuses the injected axe-core script.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale, bypassCSP: true });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.appUrl).origin });
  const page = await context.newPage();
  await page.goto(server.appUrl);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

/** Empties a field and types into it key by key, as a person does. */
async function typeInto(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.press('Backspace');
  await field.pressSequentially(text, { delay: 15 });
}

/** The field's message (its role=alert under the input), or null. */
async function fieldError(page: Page, inputId: string): Promise<string | null> {
  const error = page.locator(`#${inputId}-error`);
  return (await error.count()) === 0 ? null : error.textContent();
}

async function stage(page: Page, name: string, csv: string): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, csv);
  await page.getByTestId('nav-import').click();
  if ((await page.getByTestId('import-another').count()) > 0) await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('staged-file').waitFor();
  await page.getByTestId('import-source').selectOption('newsletter-signup');
}

beforeAll(async () => {
  server = await startServe(tempDbPath(dir));
  browser = await launchChromium();
  en = await openPage('en-GB');
  nb = await openPage('nb-NO');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('first start, help', () => {
  it('asks three questions on a new workspace, in Norwegian for a Norwegian browser', async () => {
    await nb.getByTestId('first-start').waitFor();
    expect(await nb.getByTestId('first-start').textContent()).toContain('Velkommen til Tillit');
    await nb.getByTestId('first-country').selectOption('no');
    expect(await nb.getByTestId('first-policy').inputValue()).toBe('eu-soft-opt-in');
    expect(await axe(nb)).toEqual([]);
    await shot(nb, 'dates-01-first-start-nb');
  });

  it('suggests the policy by country, lets the user change it, and saves brand and policy', async () => {
    await en.getByTestId('first-start').waitFor();
    expect(await axe(en)).toEqual([]);
    await shot(en, 'dates-02-first-start-en');
    await en.getByTestId('first-brand').pressSequentially('Bakeriet på hjørnet', { delay: 5 });
    await en.getByTestId('first-country').selectOption('ca');
    expect(await en.getByTestId('first-policy').inputValue()).toBe('casl');
    await en.getByTestId('first-country').selectOption('other');
    expect(await en.getByTestId('first-policy').inputValue()).toBe('default');
    await en.getByTestId('first-country').selectOption('se');
    expect(await en.getByTestId('first-policy').inputValue()).toBe('eu-soft-opt-in');
    await en.getByTestId('first-save').click();
    await en.getByTestId('first-start').waitFor({ state: 'detached' });
    expect(await call('app.info', {})).toMatchObject({ brand: 'Bakeriet på hjørnet', policy: 'eu-soft-opt-in' });
    // Answered: it does not come back, in this window or another (the workspace has a brand now).
    await en.reload();
    await en.getByTestId('contacts-empty').waitFor();
    expect(await en.getByTestId('first-start').count()).toBe(0);
  });

  it('Help explains the statuses, what counts as consent and which policy fits whom, in both languages', async () => {
    for (const [page, lang, words] of [
      [en, 'en', ['Explicit consent', 'They bought something from your brand within the last two years', 'An attendee list from the organiser', 'For a business in Canada']],
      [nb, 'nb', ['Eksplisitt samtykke', 'De har kjøpt noe av merkevaren din i løpet av de siste to årene', 'En deltakerliste fra arrangøren', 'For en bedrift i Canada']],
    ] as const) {
      await page.reload();
      await page.getByTestId('nav-help').click();
      const help = page.getByTestId('help');
      await help.waitFor();
      const text = (await help.textContent()) ?? '';
      for (const word of words) expect(text, lang).toContain(word);
      expect(await axe(page), lang).toEqual([]);
      await shot(page, `dates-03-help-${lang}`);
    }
  });
});

describe('date fields', () => {
  it('Collected on (English): yyyy-mm-dd typed key by key is stored; 03/12/2024 is refused as ambiguous, not guessed', async () => {
    await stage(en, 'nyhetsbrev.csv', 'E-post;Fornavn\nanne@example.no;Anne\nbjorn@example.no;Bjørn\n');
    const field = en.getByTestId('import-date');
    await en.getByTestId('import-preview').waitFor();
    expect(await field.getAttribute('placeholder')).toBe('yyyy-mm-dd');

    await typeInto(field, '03/12/2024');
    expect(await field.inputValue()).toBe('03/12/2024'); // never rewritten under the fingers
    expect(await fieldError(en, 'import-date')).toMatch(/could be two dates \(2024-12-03 or 2024-03-12\)/);
    expect(await en.getByTestId('import-commit').count()).toBe(0); // nothing to commit with a doubtful date

    await typeInto(field, '2024-02-31');
    expect(await fieldError(en, 'import-date')).toMatch(/“2024-02-31” is not a date in the calendar/);
    await typeInto(field, '2099-01-01');
    expect(await fieldError(en, 'import-date')).toMatch(/2099-01-01 has not come yet/);
    await typeInto(field, '2024-12');
    await field.blur();
    expect(await fieldError(en, 'import-date')).toMatch(/The date is not finished/);
    expect(await en.getByTestId('import-commit').count()).toBe(0);

    await typeInto(field, '2024-12-03');
    expect(await fieldError(en, 'import-date')).toBeNull();
    expect(await axe(en)).toEqual([]);
    await en.getByTestId('import-commit').click();
    await en.getByTestId('import-report').waitFor();
    expect((await contact('anne@example.no')).events.map((e) => e.date)).toEqual(['2024-12-03']);
  });

  it('Collected on (Norwegian): 03.12.2024 typed key by key is 3 December 2024; 31.02.2024 and a future date are refused', async () => {
    await nb.reload();
    await stage(nb, 'kunder-nb.csv', 'E-post;Fornavn\ncecilie@example.no;Cecilie\n');
    const field = nb.getByTestId('import-date');
    expect(await field.getAttribute('placeholder')).toBe('dd.mm.åååå');
    await typeInto(field, '31.02.2024');
    expect(await fieldError(nb, 'import-date')).toMatch(/«31\.02\.2024» er ikke en dato i kalenderen/);
    await typeInto(field, '01.01.2099');
    expect(await fieldError(nb, 'import-date')).toMatch(/01\.01\.2099 har ikke kommet ennå/);
    await typeInto(field, '03.12.20');
    await field.blur();
    expect(await fieldError(nb, 'import-date')).toMatch(/Datoen er ikke ferdig skrevet/);
    await typeInto(field, '03/12/2024'); // Norwegian order: day first
    expect(await fieldError(nb, 'import-date')).toBeNull();
    await typeInto(field, '03.12.2024');
    expect(await field.inputValue()).toBe('03.12.2024');
    await nb.getByTestId('import-preview').waitFor();
    expect(await axe(nb)).toEqual([]);
    await shot(nb, 'dates-04-import-date-nb');
    await nb.getByTestId('import-commit').click();
    await nb.getByTestId('import-report').waitFor();
    expect((await contact('cecilie@example.no')).events.map((e) => e.date)).toEqual(['2024-12-03']);
  });

  it('a pasted date and a picked date are stored the same way', async () => {
    await stage(nb, 'limt.csv', 'E-post\ndag@example.no\n');
    const field = nb.getByTestId('import-date');
    await nb.evaluate(() => navigator.clipboard.writeText(' 5.11.2024 '));
    await field.click();
    await field.press('ControlOrMeta+A');
    await field.press('ControlOrMeta+V');
    expect(await field.inputValue()).toBe(' 5.11.2024 ');
    expect(await fieldError(nb, 'import-date')).toBeNull();
    // The calendar button opens the browser's own picker; what it picks lands in the text field.
    await nb.getByTestId('import-date-picker').fill('2024-10-07');
    expect(await field.inputValue()).toBe('07.10.2024');
    await nb.getByTestId('import-preview').waitFor();
    await nb.getByTestId('import-commit').click();
    await nb.getByTestId('import-report').waitFor();
    expect((await contact('dag@example.no')).events.map((e) => e.date)).toEqual(['2024-10-07']);
  });

  it('the bulk evidence date (English and Norwegian) is stored exactly as typed', async () => {
    for (const [page, lang, typed] of [
      [en, 'en', '2024-12-03'],
      [nb, 'nb', '3.12.2024'],
    ] as const) {
      await page.getByTestId('nav-contacts').click();
      const email = lang === 'en' ? 'anne@example.no' : 'cecilie@example.no';
      await page.getByTestId('contacts-search').fill(email);
      await expect.poll(() => page.getByTestId('contact-row').count()).toBe(1);
      await page.getByTestId('contact-row').filter({ hasText: email }).getByTestId('row-checkbox').check();
      await page.getByTestId('bulk-record').click();
      const dialog = page.getByTestId('bulk-dialog');
      await dialog.getByTestId('record-kind').selectOption('reconfirmation');
      const field = dialog.getByTestId('record-date');
      await typeInto(field, lang === 'en' ? '2099-12-03' : '03.12.2099');
      const id = await field.getAttribute('id');
      expect(await fieldError(page, id!)).toMatch(lang === 'en' ? /has not come yet/ : /har ikke kommet ennå/);
      await typeInto(field, lang === 'en' ? '2024-12' : '3.12.');
      await dialog.getByTestId('record-submit').click();
      expect(await fieldError(page, id!)).toMatch(lang === 'en' ? /not finished/ : /ikke ferdig skrevet/);
      await typeInto(field, typed);
      expect(await axe(page), lang).toEqual([]);
      await shot(page, `dates-05-bulk-date-${lang}`);
      await dialog.getByTestId('record-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const stored = await contact(lang === 'en' ? 'anne@example.no' : 'cecilie@example.no');
      expect(stored.events.filter((e) => e.kind === 'reconfirmation').map((e) => e.date)).toEqual(['2024-12-03']);
      await page.getByTestId('contacts-search').fill('');
    }
  });

  it('Status as of: typing never rewrites the field, and only a whole date changes the list', async () => {
    for (const [page, lang, typed] of [
      [en, 'en', '2030-06-15'],
      [nb, 'nb', '15.06.2030'],
    ] as const) {
      await page.getByTestId('nav-contacts').click();
      const field = page.getByTestId('as-of');
      await field.click();
      await field.press('ControlOrMeta+A');
      await field.press('Backspace');
      for (let i = 1; i <= typed.length; i++) {
        await field.press(typed[i - 1]!);
        expect(await field.inputValue(), `${lang} after ${i} keys`).toBe(typed.slice(0, i));
        if (i < typed.length) expect(await page.getByTestId('as-of-today').count(), `${lang} after ${i} keys`).toBe(0);
      }
      await page.getByTestId('as-of-today').waitFor();
      await page.waitForTimeout(500);
      expect(await axe(page), lang).toEqual([]);
      await shot(page, `dates-06-as-of-${lang}`);
      await page.getByTestId('as-of-today').click();
      // Back to today, set from outside: now the field shows it, in the language's pattern.
      const today = (await call<{ today: string }>('app.info', {})).today;
      const [y, m, d] = today.split('-');
      await expect.poll(() => field.inputValue()).toBe(lang === 'en' ? today : `${d}.${m}.${y}`);
    }
  });

  it('Mailable on (export): a half-typed date is not silently replaced by today', async () => {
    await en.getByTestId('nav-export').click();
    const field = en.getByTestId('export-as-of');
    await typeInto(field, '2024-1');
    await en.getByTestId('export-run').click();
    expect(await fieldError(en, 'export-as-of')).toMatch(/The date is not finished/);
    expect(await en.getByTestId('export-result').count()).toBe(0);
    await typeInto(field, '2025-01-31');
    expect(await axe(en)).toEqual([]);
    await shot(en, 'dates-07-export-en');
    await en.getByTestId('export-run').click();
    await en.getByTestId('export-result').waitFor();
    expect(await en.getByTestId('export-result').textContent()).toContain('2025-01-31');
  });
});

describe('undo asks first', () => {
  it('names the file and date and counts who is removed and changed back; Keep it changes nothing; then shows what was undone', async () => {
    const [latest] = await call<ImportSummary[]>('imports.list', {});
    for (const [page, lang] of [
      [nb, 'nb'],
      [en, 'en'],
    ] as const) {
      await page.getByTestId('nav-import').click();
      await page.getByTestId(`history-undo-${latest!.id}`).click();
      const dialog = page.getByTestId('undo-dialog');
      await dialog.getByTestId('undo-counts').waitFor();
      const text = (await dialog.textContent()) ?? '';
      expect(text).toContain('limt.csv');
      expect(text).toMatch(lang === 'en' ? /collected on 2024-10-07/ : /samlet inn 07\.10\.2024/);
      expect(text).toMatch(lang === 'en' ? /1 contact will be removed/ : /1 kontakt blir fjernet/);
      expect(text).toMatch(lang === 'en' ? /0 contacts stay but are changed back/ : /0 kontakter blir stående/);
      expect(await axe(page), lang).toEqual([]);
      await shot(page, `dates-08-undo-confirm-${lang}`);
      if (lang === 'nb') {
        await dialog.getByTestId('undo-cancel').click();
        await dialog.waitFor({ state: 'detached' });
        expect((await call<ImportSummary[]>('imports.list', {}))[0]!.state).toBe('committed');
      }
    }
    const dialog = en.getByTestId('undo-dialog');
    await dialog.getByTestId('undo-confirm').click();
    // The undo runs in the import worker: seconds on a busy machine.
    await expect.poll(() => dialog.getByTestId('undo-result').textContent(), { timeout: 30_000 }).toBe('1 contact removed.0 contacts changed back.');
    expect((await call<ImportSummary[]>('imports.list', {}))[0]!.state).toBe('undone');
    expect(await axe(en)).toEqual([]);
    await shot(en, 'dates-09-undo-done-en');
    await dialog.getByTestId('undo-close').click();
  });
});
