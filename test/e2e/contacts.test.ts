// The contacts screen as a bakery owner meets it in the first hour, in headless Chromium
// against the real store: the first view (most recently added first, "mailable until" in the
// user's language or a dash), adding a contact by typing, refusing one already stored,
// editing details with provenance, search by full name, unsubscribing (the button goes, the
// status says when), a remembered sort order, and axe-core with zero violations on the
// contacts list, the detail, the Review and the Export screens, in English and Norwegian.
// Screenshots at 1366×768 go to test-results/.

import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tillitJson } from '../helpers/cli.ts';
import { tempDbPath, tempDir } from '../helpers/temp.ts';
import { axeViolations as axe, launchChromium, screenshotPath, startServe, type ServeProcess } from './harness.ts';

const VIEWPORT = { width: 1366, height: 768 };

const dir = tempDir('tillit-e2e-contacts-');
const dbPath = tempDbPath(dir);
let server: ServeProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

// Customers from the till (a purchase: implicit consent for two years, so a date in the
// "mailable until" column), the shop's shared mailbox and newsletter sign-ups.
const CSV = [
  'E-post;Fornavn;Etternavn;Firma',
  'ola@nordmann.no;Ola;Nordmann;Bakeriet AS',
  'kari@example.no;Kari;Hansen;',
  'post@bakeri.no;;;Bakeri AS',
  'per.olsen@example.no;Per;Olsen;Olsen Eiendom',
].join('\r\n');

async function shot(target: Page, name: string): Promise<void> {
  await target.evaluate(() => window.scrollTo(0, 0));
  await target.screenshot({ path: screenshotPath(name) });
}

async function newPage(locale: string): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly refuses.
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale, bypassCSP: true });
  const p = await ctx.newPage();
  await p.goto(server.appUrl);
  return { context: ctx, page: p };
}

const rowEmails = (p: Page): Promise<string[]> => p.getByTestId('contact-row').locator('.col-email').allTextContents();
const focusedTestId = (p: Page): Promise<string | null> => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

beforeAll(async () => {
  const csv = path.join(dir, 'kasse.csv');
  fs.writeFileSync(csv, CSV);
  tillitJson(dbPath, ['import', csv, '--source', 'purchase', '--collected-at', '2026-06-15']);
  server = await startServe(dbPath);
  browser = await launchChromium();
  ({ context, page } = await newPage('en-GB'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the contacts screen in the first hour', () => {
  it('first view: most recently added first, "mailable until" as a date in the user\'s language or a dash, no axe violations', async () => {
    await expect.poll(() => page.getByTestId('contact-row').count(), { timeout: 30_000 }).toBe(4);
    expect(await page.getByTestId('contacts-sort').inputValue()).toBe('added');
    expect(await rowEmails(page)).toEqual(['per.olsen@example.no', 'post@bakeri.no', 'kari@example.no', 'ola@nordmann.no']);
    const expires = await page.getByTestId('contact-row').locator('.col-expires').allTextContents();
    // Purchases on 2026-06-15 count for two years: the last day is 14 June 2028. The shared
    // mailbox may never be mailed: no date, a dash (read out as "no end date").
    expect(expires).toEqual(['14 Jun 2028', '—no end date', '14 Jun 2028', '14 Jun 2028']);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c01-contacts-en');
  });

  it('adds a contact typed by hand; the form opens under the button with focus in it', async () => {
    await page.getByTestId('add-contact').click();
    const form = page.getByTestId('add-contact-form');
    await form.waitFor();
    expect(await focusedTestId(page)).toBe('add-email');
    const button = await page.getByTestId('add-contact').boundingBox();
    const box = await form.boundingBox();
    expect(box!.y).toBeGreaterThan(button!.y);
    expect(box!.y - (button!.y + button!.height)).toBeLessThan(80); // right under it, not at the bottom of the page
    await page.getByTestId('add-email').pressSequentially('ingrid.lovas@bakeriet.no');
    await page.getByTestId('add-first-name').pressSequentially('Ingrid');
    await page.getByTestId('add-last-name').pressSequentially('Løvås');
    await page.getByTestId('add-company').pressSequentially('Bakeriet');
    await page.getByTestId('add-phone').pressSequentially('+47 912 34 567');
    await page.getByTestId('add-tags').pressSequentially('kunde, vip');
    await page.getByTestId('add-edited-by').pressSequentially('Kari');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c02-add-contact-en');
    await page.getByTestId('add-submit').click();
    const detail = page.getByTestId('contact-detail');
    await detail.getByRole('heading', { name: 'ingrid.lovas@bakeriet.no' }).waitFor();
    // No consent until one is recorded.
    expect(await detail.getByTestId('status-badge').first().getAttribute('data-status')).toBe('needs-reconfirmation');
    expect(await detail.getByTestId('timeline-empty').count()).toBe(1);
    await expect.poll(() => rowEmails(page).then((e) => e[0])).toBe('ingrid.lovas@bakeriet.no');
    const name = detail.getByTestId('contact-fields').locator('dd').filter({ hasText: 'Ingrid Løvås' });
    expect(await name.getByTestId('field-edited').textContent()).toMatch(/^edited by Kari, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('refuses an address already stored, and offers to open that contact', async () => {
    await page.getByTestId('detail-close').click();
    await page.getByTestId('add-contact').click();
    await page.getByTestId('add-email').pressSequentially('OLA@nordmann.no');
    await page.getByTestId('add-submit').click();
    await expect.poll(() => page.locator('#add-email-error').textContent()).toBe('ola@nordmann.no is already a contact (id 1); open it to change its details or record consent.');
    expect(await page.getByTestId('add-email').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('add-open-existing').click();
    await page.getByTestId('contact-detail').getByRole('heading', { name: 'ola@nordmann.no' }).waitFor();
    expect(await page.getByTestId('add-contact-form').count()).toBe(0);
  });

  it('edits details in place: each change says who and when, the timeline is untouched', async () => {
    const detail = page.getByTestId('contact-detail');
    const eventsBefore = await detail.getByTestId('timeline-event').count();
    await detail.getByTestId('action-edit').click();
    expect(await focusedTestId(page)).toBe('edit-firstName');
    const company = detail.getByTestId('edit-company');
    await company.fill('');
    await company.pressSequentially('Bakeriet Nordmann AS');
    await detail.getByTestId('edit-phone').pressSequentially('+47 900 11 222');
    await detail.getByTestId('edit-edited-by').fill('');
    await detail.getByTestId('edit-edited-by').pressSequentially('Per');
    expect(await axe(page)).toEqual([]);
    await detail.getByTestId('edit-save').click();
    await expect.poll(() => detail.getByTestId('detail-notice').textContent()).toBe('Saved: Company, Phone.');
    const companyRow = detail.getByTestId('contact-fields').locator('dd').filter({ hasText: 'Bakeriet Nordmann AS' });
    expect(await companyRow.getByTestId('field-edited').textContent()).toMatch(/^edited by Per, /);
    // The name still says which import it came from.
    expect(await detail.getByTestId('contact-fields').locator('dd').filter({ hasText: 'Ola Nordmann' }).textContent()).toMatch(/from kasse\.csv, imported /);
    await detail.getByTestId('edit-history').locator('summary').click();
    expect(await detail.getByTestId('edit-history').textContent()).toMatch(/Per changed Company from “Bakeriet AS” to “Bakeriet Nordmann AS”/);
    expect(await detail.getByTestId('timeline-event').count()).toBe(eventsBefore);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c03-contact-edited-en');
  });

  it('finds a person by full name, hers first', async () => {
    await page.getByTestId('detail-close').click();
    await page.getByTestId('contacts-search').pressSequentially('Ingrid Løvås');
    await expect.poll(() => rowEmails(page)).toEqual(['ingrid.lovas@bakeriet.no']);
    await page.getByTestId('contacts-search').fill('');
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(5);
  });

  it('unsubscribes: the form opens under the button, then the button is gone and the status says when', async () => {
    await page.getByTestId('contact-row').filter({ hasText: 'kari@example.no' }).click();
    const detail = page.getByTestId('contact-detail');
    await detail.getByRole('heading', { name: 'kari@example.no' }).waitFor();
    expect(await detail.getByTestId('action-bounce').textContent()).toBe('Record a bounce');
    expect(await detail.getByTestId('action-opt-in').textContent()).toBe('Record an opt-in');
    const unsubscribe = detail.getByTestId('action-unsubscribe');
    await unsubscribe.click();
    const form = detail.getByTestId('record-form');
    await form.waitFor();
    const button = await unsubscribe.boundingBox();
    const box = await form.boundingBox();
    expect(box!.y - (button!.y + button!.height)).toBeLessThan(80); // under the row of action buttons
    expect(box!.y).toBeLessThan(VIEWPORT.height); // in view, where the user is looking
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="record-form"]') !== null)).toBe(true);
    await detail.getByTestId('record-submit').click();
    await expect.poll(() => detail.getByTestId('status-badge').first().getAttribute('data-status')).toBe('unsubscribed');
    expect(await detail.getByTestId('action-unsubscribe').count()).toBe(0);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    expect(await detail.getByTestId('status-since').textContent()).toBe(` Unsubscribed on ${today}.`);
    // In view: the panel is back at its top, where the status is (not scrolled past it).
    const since = await detail.getByTestId('status-since').boundingBox();
    const panel = await detail.boundingBox();
    expect(since!.y).toBeGreaterThanOrEqual(panel!.y);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c04-contact-unsubscribed-en');
  });

  it('remembers the sort order the user chose', async () => {
    await page.getByTestId('detail-close').click();
    await page.getByTestId('contacts-sort').selectOption('name');
    await expect.poll(() => rowEmails(page).then((e) => e[0])).toBe('post@bakeri.no'); // no last name sorts first
    await page.reload();
    await expect.poll(() => page.getByTestId('contact-row').count()).toBe(5);
    expect(await page.getByTestId('contacts-sort').inputValue()).toBe('name');
    await page.getByTestId('contacts-sort').selectOption('added');
  });

  it('Review and Export have no axe violations', async () => {
    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-suppressed').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c05-review-en');
    await page.getByTestId('nav-export').click();
    await page.getByTestId('profile-generic').check();
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('export-run').click();
    await page.getByTestId('export-result').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'c06-export-en');
    await context.close();
  });

  it('in Norwegian: the same screens, dates in Norwegian, no axe violations', async () => {
    const norsk = await newPage('nb-NO');
    const p = norsk.page;
    await expect.poll(() => p.getByTestId('contact-row').count(), { timeout: 30_000 }).toBe(5);
    expect(await p.getByTestId('contact-row').filter({ hasText: 'ola@nordmann.no' }).locator('.col-expires').textContent()).toBe('14. juni 2028');
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c01-contacts-nb');
    await p.getByTestId('add-contact').click();
    await p.getByTestId('add-email').pressSequentially('ola@nordmann');
    await p.getByTestId('add-submit').click();
    await expect.poll(() => p.locator('#add-email-error').textContent()).toBe('«ola@nordmann» er ikke en brukbar e-postadresse.');
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c02-add-contact-nb');
    await p.getByTestId('add-cancel').click();
    await p.getByTestId('contact-row').filter({ hasText: 'kari@example.no' }).click();
    const detail = p.getByTestId('contact-detail');
    await detail.getByTestId('status-since').waitFor();
    expect(await detail.getByTestId('status-since').textContent()).toMatch(/^ Meldte seg av \d{1,2}\. \S+ \d{4}\.$/);
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c04-contact-unsubscribed-nb');
    await p.getByTestId('contact-row').filter({ hasText: 'ola@nordmann.no' }).click();
    await detail.getByRole('heading', { name: 'ola@nordmann.no' }).waitFor();
    await detail.getByTestId('action-edit').click();
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c03-contact-edit-nb');
    await p.getByTestId('nav-review').click();
    await p.getByTestId('review-suppressed').waitFor();
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c05-review-nb');
    await p.getByTestId('nav-export').click();
    await p.getByTestId('profile-generic').check();
    await p.getByTestId('export-run').click();
    await p.getByTestId('export-result').waitFor();
    expect(await axe(p)).toEqual([]);
    await shot(p, 'c06-export-nb');
    await norsk.context.close();
  });
});
