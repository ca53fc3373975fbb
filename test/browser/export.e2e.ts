/// <reference lib="dom" />
/**
 * Export, in the built web app served by the real API, in Debian's Chromium through playwright-core:
 * the Wards list searched and the Contacts list filtered by staff group each download every row of
 * their filter (not one page) as CSV in words; the button shows that it is working and a failure is
 * said plainly. The file is captured, parsed and checked against the API's count for the same filter.
 *
 * Screenshots land in test/browser/screenshots/export-*.png (git-ignored).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Browser, Download, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  choose, closeAll, DESKTOP, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, PHONE, SHOTS,
  signIn, startWebApp,
} from '../fixtures/browser.js';

jest.setTimeout(90_000);

let t: TestApp;
let browser: Browser;
/** A word of a ward name that several of the branch's wards share. */
let wardWord = '';

beforeAll(async () => {
  t = await startWebApp();
  const res = await t.as('secretary')<{ allWards: { name: string }[] }>(
    '{ allWards(perPage: 500) { name } }',
  );
  const counts = new Map<string, number>();
  for (const w of res.data?.allWards ?? []) {
    for (const word of w.name.split(/[^A-Za-z]+/).filter((x) => x.length >= 4)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  wardWord = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  if (!wardWord) throw new Error('The demo wards have no name to search by');
  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** The window as it is once the toast and the button have settled (animations finished). */
async function shot(page: Page, name: string): Promise<void> {
  await page.locator('button[aria-label="Export"]:not([disabled])').waitFor();
  await page.screenshot({ path: path.join(SHOTS, `export-${name}.png`), animations: 'disabled' });
}

/** Clicks Export and returns the download, its file name and its parsed rows. */
async function exportList(page: Page): Promise<{ download: Download; header: string[]; rows: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const file = await download.path();
  const records: string[][] = parse(await readFile(file, 'utf8'), { bom: true });
  const header = records[0];
  return { download, header, rows: records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/**
 * Resolves, once the list has loaded with a filter that `matches`, to that filter as the list sent
 * it to the API (allWards, allContacts…): the export must hold exactly what that filter shows.
 */
async function listLoaded(page: Page, plural: string, matches: (filter: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const filterOf = (body: string | null) => {
    if (!body?.includes(`all${plural}(`)) return null;
    const { operationName, variables } = JSON.parse(body) as { operationName?: string; variables?: { filter?: Record<string, unknown> } };
    return operationName === `all${plural}` ? variables?.filter ?? {} : null;
  };
  const response = await page.waitForResponse((r) => {
    const filter = r.url().endsWith('/graphql') ? filterOf(r.request().postData()) : null;
    return !!filter && matches(filter);
  });
  await response.finished();
  return filterOf(response.request().postData())!;
}

async function count(plural: string, type: string, filter: Record<string, unknown>): Promise<number> {
  const res = await t.as('secretary')(`query($f: ${type}Filter) { _all${plural}Meta(filter: $f) { count } }`, { f: filter });
  return res.data?.[`_all${plural}Meta`].count;
}

describe('export on a desktop', () => {
  test('Wards: the searched list, every row of it, in words', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/Wards`);
      await noProgress(page);
      const searched = listLoaded(page, 'Wards', (f) => f.q === wardWord);
      await page.getByRole('textbox', { name: 'Search wards' }).fill(wardWord);
      const filter = await searched;
      await noProgress(page);
      const expected = await count('Wards', 'Ward', filter);
      expect(expected).toBeGreaterThan(0);
      // The list says the same total.
      await expectVisible(page.getByText(new RegExp(`^1-${expected} of ${expected}$`)));

      const { download, header, rows } = await exportList(page);
      expect(download.suggestedFilename()).toMatch(/^wards-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(header).toEqual(['Name', 'Type', 'Site', 'Employer', 'Speciality', 'Headcount', 'Members', 'Density', 'Reps', 'Rep coverage']);
      expect(rows).toHaveLength(expected);
      for (const r of rows) expect(`${r.Name} ${r.Speciality}`.toLowerCase()).toContain(wardWord.toLowerCase());
      expect(rows.every((r) => /^[A-Z][a-z]/.test(r.Type) && r.Site !== '')).toBe(true);
      await expectVisible(page.getByText(`Exported ${expected} ${expected === 1 ? 'row' : 'rows'} to ${download.suggestedFilename()}`));
      await shot(page, 'desktop-wards');
      expect(problems).toEqual([]);
    });
  });

  test('Contacts: filtered by staff group, more rows than one page, with what a secretary may read', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/Contacts`);
      await noProgress(page);
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Staff group' }).click();
      const filtered = listLoaded(page, 'Contacts', (f) => f.staffGroup === 'NURSING_MIDWIFERY_REGISTERED');
      await choose(page, page, 'Staff group', 'Nursing and Midwifery Registered');
      const filter = await filtered;
      expect(filter).toEqual({ staffGroup: 'NURSING_MIDWIFERY_REGISTERED' });
      await noProgress(page);
      const expected = await count('Contacts', 'Contact', filter);
      expect(expected).toBeGreaterThan(25); // more than the page on screen
      await expectVisible(page.getByText(new RegExp(`^1-25 of ${expected}$`)));

      const { download, header, rows } = await exportList(page);
      expect(download.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(header).toEqual(expect.arrayContaining(['First name', 'Last name', 'Staff group', 'Grade', 'Ward', 'Site', 'Personal phone', 'Memberships']));
      expect(rows).toHaveLength(expected);
      expect(new Set(rows.map((r) => r['Staff group']))).toEqual(new Set(['Nursing and Midwifery Registered']));
      expect(rows.some((r) => /^Band \d/.test(r.Grade))).toBe(true);
      // In the list's order (last name), as the first row on screen shows.
      const sorted = [...rows.map((r) => r['Last name'])].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
      expect(rows[0]['Last name']).toBe(sorted[0]);
      await expectVisible(page.getByText(`Exported ${expected} rows to ${download.suggestedFilename()}`));
      await shot(page, 'desktop-contacts');
      expect(problems).toEqual([]);
    });
  });

  test('shows that it is working, and says plainly when the server fails', async () => {
    await inSession(openSession(browser, DESKTOP, { expectedConsoleErrors: /status of 500/ }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/Unions`);
      await noProgress(page);
      // Hold the first request until the button has been seen working, then fail it.
      let release = () => {};
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route('**/export/unions.csv', async (route) => {
        await held;
        await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' }) });
      });
      await page.getByRole('button', { name: 'Export' }).click();
      const working = page.getByRole('button', { name: 'Exporting…' });
      await expectVisible(working);
      expect(await working.isDisabled()).toBe(true);
      release();
      await expectVisible(page.getByText('The server could not export this list: please try again'));
      await expectVisible(page.getByRole('button', { name: 'Export' }));
      await shot(page, 'desktop-failed');
      expect(problems).toEqual([]);
    });
  });
});

describe('export on a phone', () => {
  test('Contacts: the same whole list from the toolbar icon', async () => {
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      const loaded = listLoaded(page, 'Contacts', (f) => f.shiftPattern === 'NIGHTS');
      await page.goto(`${t.url}/#/Contacts?filter=${encodeURIComponent(JSON.stringify({ shiftPattern: 'NIGHTS' }))}`);
      const filter = await loaded;
      await noProgress(page);
      const expected = await count('Contacts', 'Contact', filter);
      const { download, rows } = await exportList(page);
      expect(download.suggestedFilename()).toMatch(/^contacts-/);
      expect(rows).toHaveLength(expected);
      expect(new Set(rows.map((r) => r['Shift pattern']))).toEqual(new Set(['Nights']));
      await expectVisible(page.getByText(/^Exported \d+ rows to contacts-/));
      await shot(page, 'phone-contacts');
      expect(problems).toEqual([]);
    });
  });
});
