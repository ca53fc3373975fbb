/// <reference lib="dom" />
/**
 * The import wizard (issue 14) in the built web app served by the real API, in Debian's Chromium
 * through playwright-core: only branch secretaries and admins see Imports; a secretary uploads the
 * sample ESR staff export, every column comes back mapped with no manual change, the page survives a
 * reload (it reads the run from the address), and cancelling asks first and changes nothing. On a
 * phone the steps fit the screen.
 *
 * Screenshots land in test/browser/screenshots/import-*.png (git-ignored).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  choose, closeAll, DESKTOP, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, PHONE,
  screenshot, signIn, startWebApp,
} from '../fixtures/browser.js';

jest.setTimeout(120_000);

const SAMPLE_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import-esr-sample.csv');
const SAMPLE = readFileSync(SAMPLE_PATH);
/** What each column of the sample must be imported as, in the file's order. */
const SAMPLE_MAPPING = [
  'employeeNumber', 'assignmentNumber', 'lastName', 'firstName', 'organisation', 'location', 'jobTitle', 'staffGroup', 'grade',
  'contractType', 'wte', 'startDate', 'workEmail',
];

let t: TestApp;
let browser: Browser;
/** The secretary's employer, as the New import form offers it. */
let employerName = '';

beforeAll(async () => {
  t = await startWebApp();
  const res = await t.as('secretary')<{ allEmployers: { name: string }[] }>('{ allEmployers(perPage: 10, sortField: "name") { name } }');
  employerName = res.data?.allEmployers.find((e) => /riverside/i.test(e.name))?.name ?? res.data?.allEmployers[0]?.name ?? '';
  if (!employerName) throw new Error('The secretary has no employer to import into');
  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** From the Imports page to a new run's columns step: the sample uploaded as the employer's staff list. */
async function uploadSample(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: 'Imports' }).click();
  await expectVisible(page.getByTestId('import-list'));
  await page.getByRole('link', { name: 'New import' }).click();
  await choose(page, page, 'Employer', employerName);
  await page.getByTestId('import-file').setInputFiles({ name: 'esr-staff-in-post.csv', mimeType: 'text/csv', buffer: SAMPLE });
  await expectVisible(page.getByTestId('import-file-name').getByText(/esr-staff-in-post\.csv/));
  await page.getByRole('button', { name: 'Upload' }).click();
  await expectVisible(page.getByTestId('import-mapping'));
  const id = /#\/imports\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id!;
}

interface Counts { rowsTotal: number; created: number; updated: number; unchanged: number; refused: number; review: number; status: string }

/** The run's counts as the API gives them to the secretary. */
async function countsOf(id: string): Promise<Counts> {
  const res = await t.as('secretary')<{ importRun: Counts }>(
    'query($id: ID!) { importRun(id: $id) { rowsTotal created updated unchanged refused review status } }', { id });
  if (!res.data) throw new Error(`importRun: ${JSON.stringify(res.errors)}`);
  return res.data.importRun;
}

/** The count chips read what the API counted. */
async function expectCounts(page: Page, c: Counts): Promise<void> {
  const chips = page.getByTestId('import-counts');
  await expectVisible(chips.getByTestId('import-count-CREATE').getByText(`New people: ${c.created}`));
  await expectVisible(chips.getByTestId('import-count-UPDATE').getByText(`Updated: ${c.updated}`));
  await expectVisible(chips.getByTestId('import-count-UNCHANGED').getByText(`Unchanged: ${c.unchanged}`));
  await expectVisible(chips.getByTestId('import-count-REFUSED').getByText(`Refused: ${c.refused}`));
  await expectVisible(chips.getByTestId('import-count-REVIEW').getByText(`To review: ${c.review}`));
}

async function mappingOnScreen(page: Page): Promise<string[]> {
  return Promise.all(SAMPLE_MAPPING.map((_, i) => page.getByTestId(`import-map-${i}`).inputValue()));
}

describe('imports', () => {
  test('only branch secretaries and admins see Imports', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.rep);
      await expectVisible(page.getByRole('menuitem', { name: 'Dashboard' }));
      expect(await page.getByRole('menuitem', { name: 'Imports' }).count()).toBe(0);
      await page.goto(`${t.url}/#/imports`);
      await expectHidden(page.getByTestId('import-list'));
      expect(problems).toEqual([]);
    });
  });

  test('a secretary uploads the ESR sample: every column mapped, the run read again after a reload, cancelled after asking', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      // A file that is not a list is refused before it is sent.
      await page.getByRole('menuitem', { name: 'Imports' }).click();
      await page.getByRole('link', { name: 'New import' }).click();
      await page.getByTestId('import-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
      await expectVisible(page.getByText('photo.png is not a CSV file or Excel workbook (.csv, .txt, .tsv or .xlsx)'));

      const id = await uploadSample(page);
      expect(await mappingOnScreen(page)).toEqual(SAMPLE_MAPPING);
      await expectVisible(page.getByText('60 rows in esr-staff-in-post.csv', { exact: false }));
      expect(await page.getByTestId('import-missing').count()).toBe(0);
      await screenshot(page, 'import-desktop-columns');

      // The address holds the run: a reload comes back to the same step.
      await page.reload();
      await expectVisible(page.getByTestId('import-mapping'));
      expect(await mappingOnScreen(page)).toEqual(SAMPLE_MAPPING);

      // Leaving out the names is caught before a dry run.
      await page.getByTestId('import-map-2').locator('..').getByRole('combobox').click();
      await page.getByRole('option', { name: 'Not imported' }).click();
      await expectVisible(page.getByTestId('import-missing').getByText('Choose the column with the full name, or the columns with the first name and the last name'));
      expect(await page.getByTestId('import-dry-run').isDisabled()).toBe(true);

      await page.getByTestId('import-cancel').click();
      await expectVisible(page.getByRole('dialog').getByText('Cancel this import?'));
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel import' }).click();
      await expectVisible(page.getByTestId('import-result').getByText('Nothing changed'));
      await expectVisible(page.getByTestId('import-status').getByText('Cancelled: nothing changed'));

      // The history lists it.
      await page.getByRole('link', { name: 'All imports' }).click();
      const row = page.getByTestId('import-run').filter({ has: page.locator(`a[href$="/imports/${id}"]`) });
      await expectVisible(row.getByText('Cancelled: nothing changed'));
      await noProgress(page);
      await screenshot(page, 'import-desktop-history');
      expect(problems).toEqual([]);
    });
  });

  test('a secretary dry-runs the ESR sample, reads the refusals, applies it and sees what it did', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      const id = await uploadSample(page);
      // A location that plainly names a ward of the employer ("<site> · <ward>") comes prefilled; the others are left to the user.
      const locations = page.getByTestId('import-location');
      await expectVisible(locations);
      await page.waitForFunction(() => !document.querySelector('[data-testid="import-locations"] .Mui-disabled'));
      const wardsChosen = await locations.evaluateAll((els) => els.map((el) => (el.querySelector('input') as HTMLInputElement | null)?.value ?? ''));
      expect(wardsChosen.some((v) => v !== '')).toBe(true);
      expect(wardsChosen.some((v) => v === '')).toBe(true);
      await page.getByTestId('import-dry-run').click();
      await expectVisible(page.getByTestId('import-dry-run-result'));
      const dry = await countsOf(id);
      expect(dry.status).toBe('DRY_RUN');
      expect(dry.created + dry.updated + dry.unchanged + dry.refused + dry.review).toBe(60);
      expect(dry.created).toBeGreaterThan(0);
      await expectCounts(page, dry);
      // The rows of the first tab with any (refusals first) are listed with their reasons.
      await expectVisible(page.getByTestId('import-row'));
      await noProgress(page);
      await screenshot(page, 'import-desktop-dry-run');

      if (dry.refused > 0) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-problems').click()]);
        const records: string[][] = parse(await readFile(await download.path(), 'utf8'), { bom: true });
        expect(records[0]).toEqual(['Row', 'Field', 'Reason']);
        expect(records.length - 1).toBeGreaterThanOrEqual(dry.refused);
      }

      // Leavers stay off unless asked for.
      expect(await page.getByRole('checkbox', { name: 'Mark people absent from this list as leavers' }).isChecked()).toBe(false);
      await page.getByTestId('import-apply').click();
      await expectVisible(page.getByTestId('import-result').getByRole('heading', { name: 'Imported' }));
      const applied = await countsOf(id);
      expect(applied.status).toBe('APPLIED');
      expect(applied.created).toBe(dry.created);
      await expectCounts(page, applied);
      await noProgress(page);
      await screenshot(page, 'import-desktop-applied');
      expect(problems).toEqual([]);
    });
  });

  test('an import being applied shows its progress, keeps it through a reload, and is cancelled after asking', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      const id = await uploadSample(page);
      // The run as the API would give it half way through a long apply (30,000 rows): the page draws what it is told.
      let applying = true;
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!applying || !body.includes('"operationName":"importRun"')) return route.continue();
        const response = await route.fetch();
        const json = (await response.json()) as { data: { item: Record<string, unknown> } };
        json.data.item = { ...json.data.item, status: 'APPLYING', rowsTotal: 30000, rowsDone: 15000, ratePerSecond: 1500, secondsLeft: 10 };
        return route.fulfill({ response, json });
      });
      await page.reload();
      const progress = page.getByTestId('import-progress');
      await expectVisible(progress.getByText('15,000 of 30,000 rows (50%)'));
      await expectVisible(progress.getByText('1,500 rows a second'));
      await expectVisible(progress.getByText('10 seconds left'));
      expect(await progress.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('50');
      await screenshot(page, 'import-desktop-progress');
      // A reload finds it again from the address.
      await page.reload();
      await expectVisible(page.getByTestId('import-progress').getByText('15,000 of 30,000 rows (50%)'));
      expect(page.url()).toContain(`/imports/${id}`);

      await page.getByTestId('import-cancel').click();
      const dialog = page.getByRole('dialog');
      await expectVisible(dialog.getByText('The rows imported so far are rolled back: nothing in Rollcall changes.'));
      applying = false;
      await dialog.getByRole('button', { name: 'Cancel import' }).click();
      await expectVisible(page.getByTestId('import-result').getByText('Nothing changed'));
      expect((await countsOf(id)).status).toBe('CANCELLED');
      expect(problems).toEqual([]);
    });
  });

  test("a secretary uploads a petition's sign-ups onto a campaign action: its columns need no change", async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Imports' }).click();
      await page.getByRole('link', { name: 'New import' }).click();
      await choose(page, page, 'What is the list?', 'Campaign participation');
      expect(await page.getByRole('combobox', { name: 'Employer', exact: true }).count()).toBe(0);
      await choose(page, page, 'Campaign', 'Safe staffing now');
      await choose(page, page, 'Action', /./);
      const sheet = Buffer.from('Name,Email,Ward,Signed\nBartek Jones,bartek.jones@nrft.nhs.example,Ward 7B,Yes\n');
      await page.getByTestId('import-file').setInputFiles({ name: 'petition.csv', mimeType: 'text/csv', buffer: sheet });
      await expectVisible(page.getByTestId('import-file-name').getByText(/petition\.csv/));
      await noProgress(page);
      await screenshot(page, 'import-desktop-participation-form');
      await page.getByRole('button', { name: 'Upload' }).click();
      await expectVisible(page.getByTestId('import-mapping'));
      const mapping = await Promise.all([0, 1, 2, 3].map((i) => page.getByTestId(`import-map-${i}`).inputValue()));
      expect(mapping).toEqual(['fullName', 'workEmail', 'ward', 'participated']);
      expect(await page.getByTestId('import-missing').count()).toBe(0);
      const id = /#\/imports\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
      const run = await t.as('secretary')<{ importRun: { kind: string; actionId: string | null } }>('query($id: ID!) { importRun(id: $id) { kind actionId } }', { id });
      expect(run.data?.importRun).toEqual({ kind: 'PARTICIPATION', actionId: expect.any(String) });
      expect(problems).toEqual([]);
    });
  });

  test('on a phone the columns step fits the screen', async () => {
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('button', { name: 'Open menu' }).click();
      await uploadSample(page);
      expect(await mappingOnScreen(page)).toEqual(SAMPLE_MAPPING);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'import-phone-columns');
      await page.getByRole('link', { name: 'All imports' }).click();
      await expectVisible(page.getByTestId('import-run'));
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });
  });
});
