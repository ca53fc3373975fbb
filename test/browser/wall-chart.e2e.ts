/// <reference lib="dom" />
/**
 * The wall chart in the built web app served by the real API, in Debian's Chromium through
 * playwright-core: a secretary picks a site on a desktop, narrows the cards by shift, opens the quick
 * log from a card and a person from another; on a tablet (1024×768) the wards scroll sideways; and
 * the print view: in print media the app bar, menu and filters are gone and a title says what is
 * charted, and Chromium's print to PDF (A3 landscape) gives pages.
 *
 * Screenshots and the PDF land in test/browser/screenshots/wall-chart-* (git-ignored).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import {
  closeAll, DESKTOP, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, screenshot, SHOTS, signIn,
  startWebApp, windowOverflow,
} from '../fixtures/browser.js';

const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root';
const TABLET = { width: 1024, height: 768 };

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;
/** The demo trust's busiest site, and what the API says is on it. */
const site = { id: '', name: '', headcount: 0, shift: '', shiftLabel: '', onShift: 0 };

const shot = (page: Parameters<typeof screenshot>[0], name: string) => screenshot(page, `wall-chart-${name}`);

beforeAll(async () => {
  t = await startWebApp();
  const [busiest] = await t.sql(`SELECT s.id, s.name FROM site s JOIN ward w ON w.site_id = s.id JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL
    WHERE s.employer_id = $1 GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`, [t.demoEmployerId]);
  const res = await t.as('secretary')<{ wallChart: { headcount: number; wards: { shifts: { shiftPattern: string; cards: unknown[] }[] }[] } }>(
    'query($s: ID) { wallChart(siteId: $s) { headcount wards { shifts { shiftPattern cards { id } } } } }', { s: busiest.id });
  const chart = res.data!.wallChart;
  // the shift with the fewest people on it, so the filter visibly narrows the chart
  const perShift = new Map<string, number>();
  for (const w of chart.wards) for (const s of w.shifts) perShift.set(s.shiftPattern, (perShift.get(s.shiftPattern) ?? 0) + s.cards.length);
  const [shift, onShift] = [...perShift.entries()].sort((a, b) => a[1] - b[1])[0];
  Object.assign(site, { id: busiest.id, name: busiest.name, headcount: chart.headcount, shift, onShift,
    shiftLabel: { DAYS: 'Days', NIGHTS: 'Nights', LONG_DAYS: 'Long days', ROTATING: 'Rotating', ON_CALL: 'On call' }[shift] ?? shift });
  expect(site.onShift).toBeLessThan(site.headcount);
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeAll(browser, t);
});

describe('wall chart', () => {
  test('a secretary charts a site on a desktop, narrows it by shift, quick-logs from a card and opens a person', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Wall chart' }).click();
      await page.waitForURL(/#\/wall-chart/);
      await expectVisible(page.getByRole('status', { name: 'Choose a site' }));
      await shot(page, 'desktop-01-choose');
      await page.getByRole('combobox', { name: 'Site', exact: true }).click();
      await page.getByRole('option', { name: site.name, exact: true }).click();
      await page.waitForURL(new RegExp(`site=${site.id}`));
      const cards = page.getByTestId('wallchart-card');
      await expectVisible(cards.first());
      await noProgress(page, LOADING);
      await expect(cards.count()).resolves.toBe(site.headcount);
      await expectVisible(page.getByRole('heading', { name: `Wall chart · ${site.name}` }));
      // every card says its assessment and membership in words, not colour alone
      const first = cards.first();
      await expect(first.getByTestId('wallchart-assessment').textContent()).resolves.toMatch(/^(\d · \w+|Not assessed)/);
      await expect(first.getByRole('list', { name: 'Marks' }).textContent()).resolves.toMatch(/Member|Non-member/);
      await shot(page, 'desktop-02-site');

      // a shift filter narrows the cards, and is kept in the address
      await page.getByRole('group', { name: 'Shift' }).getByRole('button', { name: site.shiftLabel, exact: true }).click();
      await page.waitForURL(new RegExp(`shift=${site.shift}`));
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="wallchart-card"]').length === n, site.onShift);
      await expect(cards.count()).resolves.toBe(site.onShift);
      await shot(page, 'desktop-03-filtered');
      // the address alone brings the same chart back
      await page.reload();
      await expectVisible(cards.first());
      await noProgress(page, LOADING);
      await expect(cards.count()).resolves.toBe(site.onShift);
      await expect(page.getByRole('group', { name: 'Shift' }).getByRole('button', { name: site.shiftLabel, exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');

      // one tap from a card to the quick log, with the person already chosen; once logged, the card is no longer "never spoken to"
      const fresh = cards.filter({ hasText: 'Never spoken to' }).first();
      const logButton = fresh.getByRole('button', { name: /^Log conversation with / });
      const name = ((await logButton.getAttribute('aria-label')) ?? '').replace('Log conversation with ', '');
      await logButton.click();
      const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
      await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe(name);
      await shot(page, 'desktop-04-quick-log');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expectVisible(page.getByText(`Conversation with ${name} logged`));
      await expectHidden(dialog);
      const logged = cards.filter({ has: page.getByRole('link', { name, exact: true }) });
      await expectVisible(logged.getByText(/^Last spoken to /));
      await expect(logged.getByText('Never spoken to').count()).resolves.toBe(0);

      // a card's name opens the person
      const second = cards.nth(1);
      const person = (await second.getByRole('link').textContent())!;
      await second.getByRole('link').click();
      await page.waitForURL(/#\/Contacts\/[^/]+\/show/);
      await expectVisible(page.getByRole('heading', { name: new RegExp(person) }));
      expect(problems).toEqual([]);
    });
  });

  test('on a tablet the wards scroll sideways, not the page', async () => {
    await inSession(openSession(browser, TABLET, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/wall-chart?site=${site.id}`);
      await expectVisible(page.getByTestId('wallchart-card').first());
      await noProgress(page, LOADING);
      await shot(page, 'tablet-01-site');
      const columns = page.getByRole('region', { name: 'Wards' });
      const [scroll, client] = await columns.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scroll).toBeGreaterThan(client);
      expect(await windowOverflow(page)).toBeLessThanOrEqual(0);
      // marks in words, a name for every button and link, enough contrast on every assessment colour
      expect(failing(await axeViolations(page))).toEqual([]);
      // the ward's page leads to its own chart
      const ward = await t.sql('SELECT id, name FROM ward WHERE site_id = $1 ORDER BY name LIMIT 1', [site.id]);
      await page.goto(`${t.url}/#/Wards/${ward[0].id}/show`);
      await page.getByRole('link', { name: 'Wall chart' }).click();
      await page.waitForURL(new RegExp(`wall-chart\\?ward=${ward[0].id}`));
      await expectVisible(page.getByRole('heading', { name: `Wall chart · ${site.name} · ${ward[0].name}` }));
      await expect(page.getByTestId('wallchart-column').count()).resolves.toBe(1);
      expect(problems).toEqual([]);
    });
  });

  test('prints on A3 landscape: only the chart, with a title, on pages of their own', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/wall-chart?site=${site.id}`);
      await expectVisible(page.getByTestId('wallchart-card').first());
      await noProgress(page, LOADING);
      await expectVisible(page.getByRole('button', { name: 'Print' }));
      await expectHidden(page.getByTestId('wallchart-print-title'));

      await page.emulateMedia({ media: 'print' });
      await expectVisible(page.getByTestId('wallchart-print-title'));
      await expect(page.getByTestId('wallchart-print-title').textContent()).resolves.toContain(`Wall chart: ${site.name}`);
      // the app bar, the menu, the filters and the buttons are not printed
      await expectHidden(page.locator('header'));
      await expectHidden(page.locator('.RaSidebar-root'));
      await expectHidden(page.getByTestId('wallchart-filters'));
      await expectHidden(page.getByRole('button', { name: 'Print' }));
      await expectHidden(page.getByRole('combobox', { name: 'Site', exact: true }));
      // the columns wrap to the paper rather than scroll, and the assessment colours are kept
      const wrap = await page.locator('.wallchart-columns').evaluate((el) => [getComputedStyle(el).flexWrap, getComputedStyle(el).printColorAdjust]);
      expect(wrap).toEqual(['wrap', 'exact']);
      await expect(page.locator('.wallchart-card').first().evaluate((el) => getComputedStyle(el).breakInside)).resolves.toBe('avoid');
      await shot(page, 'print-01-media');

      const file = path.join(SHOTS, 'wall-chart-print.pdf');
      await page.pdf({ path: file, format: 'A3', landscape: true, printBackground: true });
      const pdf = readFileSync(file).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
      expect(pages).toBeGreaterThan(0);
      // a site's chart is a few sheets (a long ward runs onto more), not a sheet per ward or per few cards
      expect(pages).toBeLessThanOrEqual(Math.ceil(site.headcount / 10));
      // every page A3 landscape: 420 × 297 mm is about 1191 × 842 points, wider than high
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(boxes.length).toBe(pages);
      for (const [w, h] of boxes) expect([Math.round(w / 10), Math.round(h / 10)]).toEqual([119, 84]);
      try {
        // the first page as a picture to look at, where poppler is installed
        execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(SHOTS, 'wall-chart-print-page')], { stdio: 'ignore' });
      } catch {
        // not installed: the print-media screenshot shows the same
      }
      expect(problems).toEqual([]);
    });
  });
});
