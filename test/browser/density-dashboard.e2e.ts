/// <reference lib="dom" />
/**
 * The density dashboard and the slice explorer in the built web app served by the real API
 * (Chromium through playwright-core). A secretary's dashboard at desktop (1280×800) and phone
 * (390×844) sizes: every chart and its table, figures as the API gives them, no sideways scroll on the
 * phone. The explorer: two dimensions and a filter, kept in the address, the table, and "Export CSV"
 * downloading the same table (a refused export said plainly, its field messages beside their
 * pickers). A coalition viewer: sites and the trend only on the dashboard, withheld cells said to be
 * withheld in the explorer, and a filter they may not use refused beside its picker.
 *
 * Screenshots land in test/browser/screenshots/density-* (git-ignored).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import {
  closeAll, DESKTOP, escape, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, PHONE, screenshot, signIn,
  startWebApp, windowOverflow,
} from '../fixtures/browser.js';

jest.setTimeout(120_000);

const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root';
const ROW = 'keys { dimension value label } headcount members density suppressed suppression';
const QUERY = `query($by: [SliceDimension!]!, $filter: SliceFilter) { densitySlice(by: $by, filter: $filter) {
  by aggregateOnly minCell rows { ${ROW} } margins { ${ROW} } total { ${ROW} } } }`;
interface Row { keys: { dimension: string; value: string | null; label: string }[]; headcount: number | null; members: number | null; density: number | null; suppressed: boolean; suppression: string | null }
interface Slice { by: string[]; aggregateOnly: boolean; minCell: number; rows: Row[]; margins: Row[]; total: Row }

let t: TestApp;
/** The UK day `n` days ago (YYYY-MM-DD), as the server counts days. */
const dayAgo = async (n: number) => (await t.sql<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'Europe/London')::date - $1::int, 'YYYY-MM-DD') AS d`, [n]))[0].d;
let browser: Browser;
const shot = (page: Page, name: string) => screenshot(page, `density-${name}`);
const pct = (d: number | null) => (d === null ? '—' : `${Math.round(d * 100)}%`);

async function sliceOf(who: keyof typeof LOGINS, by: string[], filter?: Record<string, unknown>): Promise<Slice> {
  const res = await t.as(who)<{ densitySlice: Slice }>(QUERY, { by, filter });
  expect(res.errors).toBeUndefined();
  return res.data!.densitySlice;
}

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeAll(browser, t);
});

/** The dashboard, loaded: every widget out of its skeleton. */
async function dashboard(page: Page, seesWards = true): Promise<void> {
  await page.getByTestId('density-by-site').getByTestId('figures-row').first().waitFor({ state: 'attached' });
  if (seesWards) await expectVisible(page.getByTestId('site-chart'));
  await expectVisible(page.getByTestId('density-trend'));
  if (seesWards) {
    await expectVisible(page.getByTestId('ward-chart'));
    await expectVisible(page.getByTestId('heat-map'));
    await expectVisible(page.getByTestId('gaps-lowest'));
  }
  await noProgress(page, LOADING);
}

/** The heat map's cells agree with the API for a few wards and shifts. */
async function checkHeatMap(page: Page): Promise<void> {
  const heat = await sliceOf('secretary', ['WARD', 'SHIFT_PATTERN']);
  const cells = heat.rows.filter((r) => (r.headcount ?? 0) > 0).slice(0, 3);
  expect(cells.length).toBeGreaterThan(0);
  const table = page.getByRole('region', { name: 'Density by ward and shift pattern' }).getByRole('table');
  for (const c of cells) {
    const cell = table.getByRole('row', { name: new RegExp(`^${escape(c.keys[0].label)}`) }).locator(`td[title="${c.members} members of ${c.headcount} staff"]`);
    await expect(cell.first().textContent()).resolves.toMatch(new RegExp(`^${pct(c.density)}`));
  }
  // the grid is a table: column and row headers
  await expect(table.locator('th[scope="col"]').count()).resolves.toBeGreaterThan(2);
  await expect(table.locator('th[scope="row"]').count()).resolves.toBe(heat.margins.filter((m) => m.keys[0].dimension === 'WARD' && (m.headcount ?? 0) > 0).length);
}

describe('the density dashboard', () => {
  test('a secretary on a desktop: charts, their tables, figures as the API gives them', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Density' }).click();
      await page.waitForURL(/#\/density$/);
      await dashboard(page);
      await shot(page, 'desktop');
      // the charts' tables, the heat-map grid, the colours: nothing a main page must not have
      expect(failing(await axeViolations(page))).toEqual([]);
      await expectVisible(page.getByRole('heading', { name: 'Membership density', level: 1 }));

      // by site: the table (there for screen readers, hidden until asked for) has the API's figures
      const sites = await sliceOf('secretary', ['SITE']);
      const siteTable = page.getByRole('table', { name: 'Density by site', exact: true });
      await expect(siteTable.getByRole('row').count()).resolves.toBe(sites.rows.length + 1);
      for (const s of sites.rows.slice(0, 2)) {
        const row = siteTable.getByRole('row', { name: new RegExp(`^${escape(s.keys[0].label)}`) });
        await expect(row.textContent()).resolves.toBe(`${s.keys[0].label}${s.members!.toLocaleString('en-GB')}${s.headcount!.toLocaleString('en-GB')}${pct(s.density)}`);
      }
      // the chart is a picture with a name, its SVG hidden from screen readers
      await expectVisible(page.getByRole('img', { name: /^Density by site: bar chart/ }));
      // a bar per site with a density (the demo has fewer sites than the chart's 12), each labelled with its percentage
      const barred = sites.rows.filter((r) => r.density !== null);
      expect(sites.rows.length).toBeLessThanOrEqual(12);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="site-chart"] .recharts-bar-rectangle').length === n, barred.length);
      await expect(page.getByTestId('site-chart').locator('.recharts-label-list text').allTextContents().then((l) => l.sort()))
        .resolves.toEqual(barred.map((r) => pct(r.density)).sort());
      await page.getByTestId('density-by-site').getByRole('button', { name: 'Show as table' }).click();
      await expectVisible(siteTable);

      // by ward, and the gaps
      const wards = await sliceOf('secretary', ['WARD']);
      const staffed = wards.rows.filter((r) => (r.headcount ?? 0) > 0);
      await expect(page.getByRole('table', { name: 'Density by ward', exact: true }).getByRole('row').count()).resolves.toBe(staffed.length + 1);
      const lowest = [...staffed].sort((a, b) => (a.density ?? 2) - (b.density ?? 2))[0];
      await expect(page.getByTestId('gaps-lowest').getByRole('listitem').first().textContent()).resolves.toContain(`${lowest.keys[0].label} · wall chart (${pct(lowest.density)})`);
      await expect(page.getByTestId('gaps-lowest').getByRole('link', { name: lowest.keys[0].label, exact: true }).first().getAttribute('href')).resolves.toBe(`#/Wards/${lowest.keys[0].value}/show`);
      await expectVisible(page.getByTestId('gaps-never-spoken'));
      await expectVisible(page.getByTestId('gaps-no-rep'));
      await checkHeatMap(page);

      // the trend: a line, or a plain "no snapshot yet"
      await expectVisible(page.getByTestId('trend-chart').or(page.getByTestId('trend-empty')));
      expect(await windowOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, 'desktop');

      // narrowing to a site: the ward chart is that site's wards
      const site = sites.rows[0];
      await page.getByRole('combobox', { name: 'Site', exact: true }).click();
      await page.getByRole('option', { name: site.keys[0].label, exact: true }).click();
      await page.waitForURL(new RegExp(`site=${site.keys[0].value}`));
      const onSite = (await sliceOf('secretary', ['WARD'], { siteIds: [site.keys[0].value] })).rows.filter((r) => (r.headcount ?? 0) > 0);
      await page.waitForFunction((n) => document.querySelectorAll('table[aria-label="Density by ward"] tbody tr').length === n, onSite.length);
      await noProgress(page, LOADING);
      await shot(page, 'desktop-site');
      expect(problems).toEqual([]);
    });
  });

  test('a secretary on a phone: one column, charts full width, no sideways scroll', async () => {
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/density`);
      await dashboard(page);
      await shot(page, 'phone');
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      expect(failing(await axeViolations(page))).toEqual([]);
      // one column: the site chart and the trend one above the other, each (nearly) the page's width
      const site = await page.getByTestId('density-by-site').boundingBox();
      const trend = await page.getByTestId('density-trend').boundingBox();
      expect(trend!.y).toBeGreaterThan(site!.y + site!.height - 1);
      expect(site!.width).toBeGreaterThan(PHONE.width - 60);
      await checkHeatMap(page);
      await shot(page, 'phone');

      // the explorer fits too: its wide table scrolls inside its own box
      await page.goto(`${t.url}/#/density/explore?by=WARD,SHIFT_PATTERN`);
      await expectVisible(page.getByTestId('slice-row'));
      await noProgress(page, LOADING);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-explorer');
      expect(problems).toEqual([]);
    });
  });
});

describe('the trend', () => {
  test('an admin with no snapshot yet takes one; days without a snapshot are missing, not zero', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.admin);
      await page.goto(`${t.url}/#/density`);
      const empty = page.getByTestId('trend-empty');
      await expectVisible(empty);
      // one past day snapshotted through the API, today's from the page
      const past = await t.as('admin')('mutation($d: String) { takeDensitySnapshot(day: $d) { days } }', { d: await dayAgo(10) });
      expect(past.errors).toBeUndefined();
      await empty.getByRole('button', { name: 'Take a snapshot now' }).click();
      await expectVisible(page.getByTestId('trend-chart'));
      await expectVisible(page.getByText('Snapshot taken'));
      const trend = await t.as('admin')<{ densityTrend: { points: { day: string; density: number | null }[] } }>(
        '{ densityTrend { points { day density } } }');
      const points = trend.data!.densityTrend.points;
      expect(points).toHaveLength(2);
      // the table lists the two days with a snapshot, not the 88 without
      const rows = page.getByRole('table', { name: 'Density by day (days with a snapshot)' }).getByTestId('figures-row');
      await expect(rows.count()).resolves.toBe(2);
      await expect(rows.first().locator('td').last().textContent()).resolves.toBe(pct(points[1].density));
      await noProgress(page, LOADING);
      await shot(page, 'trend-admin');
      expect(problems).toEqual([]);
    });
  });
});

describe('the slice explorer', () => {
  test('a secretary picks two dimensions and a filter, sees the table, and exports it', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/density`);
      await page.getByRole('link', { name: 'Slice explorer' }).click();
      await page.waitForURL(/#\/density\/explore/);
      await expectVisible(page.getByTestId('slice-table'));
      await page.getByRole('combobox', { name: 'Group by' }).click();
      await page.getByRole('option', { name: 'Ward type', exact: true }).click();
      await page.getByRole('combobox', { name: 'And by' }).click();
      await page.getByRole('option', { name: 'Shift pattern', exact: true }).click();
      await page.waitForURL(/by=WARD_TYPE,SHIFT_PATTERN/);
      await page.getByRole('combobox', { name: 'Staff groups' }).click();
      await page.getByRole('option', { name: 'Nursing and Midwifery Registered' }).click();
      await page.keyboard.press('Escape');
      await page.waitForURL(/staffGroups=NURSING_MIDWIFERY_REGISTERED/);
      await noProgress(page, LOADING);

      const filter = { staffGroups: ['NURSING_MIDWIFERY_REGISTERED'] };
      const s = await sliceOf('secretary', ['WARD_TYPE', 'SHIFT_PATTERN'], filter);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="slice-row"]').length === n, s.rows.length);
      await expect(page.getByTestId('slice-margin').count()).resolves.toBe(s.margins.length);
      const first = s.rows[0];
      const row = page.getByTestId('slice-row').first();
      await expect(row.locator('th, td').nth(0).textContent()).resolves.toBe(first.keys[0].label);
      await expect(row.locator('th, td').nth(1).textContent()).resolves.toBe(first.keys[1].label);
      await expect(row.locator('td').nth(1).textContent()).resolves.toBe(String(first.headcount));
      await expect(row.locator('td').nth(2).textContent()).resolves.toBe(String(first.members));
      await expect(row.locator('td').nth(3).textContent()).resolves.toBe(pct(first.density));
      await expect(page.getByTestId('slice-total').locator('td').nth(1).textContent()).resolves.toBe(String(s.total.headcount));
      await expectVisible(page.getByRole('region', { name: 'Density by ward type and shift pattern' }));
      await shot(page, 'explorer');
      expect(failing(await axeViolations(page))).toEqual([]);

      // the address keeps the view: opening it again shows the same table
      const url = page.url();
      await page.goto(`${t.url}/#/density`);
      await page.goto(url);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="slice-row"]').length === n, s.rows.length);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('slice-export').click()]);
      expect(download.suggestedFilename()).toMatch(/^density-ward-type-shift-pattern-\d{4}-\d{2}-\d{2}\.csv$/);
      const records: string[][] = parse(await readFile((await download.path())!, 'utf8'), { bom: true });
      expect(records[0].slice(0, 5)).toEqual(['Ward type', 'Shift pattern', 'Headcount', 'Members', 'Density']);
      expect(records[0].at(-1)).toBe('Withheld');
      expect(records).toHaveLength(1 + s.rows.length + s.margins.length + 1);
      expect(records[1].slice(0, 4)).toEqual([first.keys[0].label, first.keys[1].label, String(first.headcount), String(first.members)]);
      await expectVisible(page.getByText(`Downloaded ${download.suggestedFilename()}`));
      const [audit] = await t.sql("SELECT after FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'DensitySlice' AND actor_email = $1", [LOGINS.secretary]);
      expect(audit.after).toMatchObject({ by: ['WARD_TYPE', 'SHIFT_PATTERN'], filter });
      expect(problems).toEqual([]);
    });
  });

  test('an export the server refuses: its field messages beside their pickers, and each refusal said plainly', async () => {
    await inSession(openSession(browser, DESKTOP, { expectedConsoleErrors: /status of (400|429)/ }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/density/explore?by=SITE&staffGroups=NURSING_MIDWIFERY_REGISTERED`);
      await expectVisible(page.getByTestId('slice-table'));
      await noProgress(page, LOADING);
      const refusals = [
        { status: 400, body: { message: 'Bad input', code: 'BAD_USER_INPUT', fields: { staffGroups: 'is not a staff group the export knows' } } },
        { status: 429, body: { message: 'ThrottlerException: Too Many Requests', code: 'TOO_MANY_REQUESTS' } },
      ];
      await page.route('**/export/density-slice.csv', (route) => {
        const r = refusals.shift()!;
        return route.fulfill({ status: r.status, contentType: 'application/json', body: JSON.stringify(r.body) });
      });
      await page.getByTestId('slice-export').click();
      await expectVisible(page.getByText('The export was refused: see the highlighted choices'));
      await expectVisible(page.locator('[data-field="staffGroups"]').getByText('is not a staff group the export knows'));
      await page.getByTestId('slice-export').click();
      await expectVisible(page.getByText('Too many exports in a minute: please wait a moment'));
      expect(refusals).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  test('a coalition viewer: sites and the trend on the dashboard, withheld cells said to be withheld, a filter they may not use refused beside it', async () => {
    // a table with cells withheld for them
    let by: string[] = [];
    for (const pair of [['SITE', 'STAFF_GROUP'], ['EMPLOYER', 'STAFF_GROUP'], ['WARD_TYPE', 'STAFF_GROUP'], ['SITE', 'WARD_TYPE']]) {
      if ((await sliceOf('coalition', pair)).rows.some((r) => r.suppressed)) { by = pair; break; }
    }
    expect(by).not.toEqual([]);
    const s = await sliceOf('coalition', by);
    await inSession(openSession(browser, DESKTOP, { expectedConsoleErrors: /status of 400/ }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.coalition);
      await page.getByRole('menuitem', { name: 'Density' }).click();
      await page.waitForURL(/#\/density$/);
      await dashboard(page, false);
      await noProgress(page, LOADING);
      const sites = await sliceOf('coalition', ['SITE']);
      const siteTable = page.getByRole('table', { name: 'Density by site', exact: true });
      await expect(siteTable.getByTestId('figures-row').count()).resolves.toBe(sites.rows.length);
      for (const r of sites.rows) {
        const row = siteTable.getByRole('row', { name: new RegExp(`^${escape(r.keys[0].label)}`) });
        await expect(row.textContent()).resolves.toMatch(r.suppressed ? /withheld/ : new RegExp(`${pct(r.density)}$`));
      }
      await expect(page.getByTestId('density-by-ward').count()).resolves.toBe(0);
      await expect(page.getByTestId('density-heat-map').count()).resolves.toBe(0);
      await expect(page.getByTestId('density-gaps').count()).resolves.toBe(0);
      await shot(page, 'coalition-dashboard');

      await page.goto(`${t.url}/#/density/explore?by=${by.join(',')}`);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="slice-row"]').length === n, s.rows.length);
      const withheld = s.rows.filter((r) => r.suppressed).length;
      await expect(page.getByTestId('slice-row').getByTestId('withheld-cell').count()).resolves.toBe(withheld);
      await expect(page.getByTestId('withheld-cell').first().textContent()).resolves.toMatch(/^withheld/);
      await expect(page.getByTestId('slice-chart').getByText('withheld', { exact: true }).count()).resolves.toBe(withheld);
      await expectVisible(page.getByTestId('coalition-filter-note'));
      // only their dimensions are offered
      await page.getByRole('combobox', { name: 'Group by' }).click();
      await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['Employer', 'Site', 'Ward type', 'Staff group', 'Union']);
      await page.keyboard.press('Escape');
      await shot(page, 'coalition-explorer');
      expect(failing(await axeViolations(page))).toEqual([]);

      // a filter the API refuses them: its message beside its picker
      await page.goto(`${t.url}/#/density/explore?by=SITE&shiftPatterns=NIGHTS`);
      const picker = page.locator('[data-field="shiftPatterns"]');
      await expectVisible(picker.getByText(/SHIFT_PATTERN is not available to aggregate-only viewers/));
      await shot(page, 'coalition-refused');
      expect(problems).toEqual([]);
    });
  });
});
