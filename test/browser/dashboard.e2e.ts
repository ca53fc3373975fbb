/// <reference lib="dom" />
/**
 * The dashboard and rep coverage in the built web app served by the real API, in Debian's Chromium
 * through playwright-core:
 * - rep coverage as the branch secretary: the Site filter offers the branch's real sites, picking one
 *   shows only its wards (as the API counts them), no request is refused and the top-bar loading
 *   indicator stops (nothing left pending);
 * - the secretary's dashboard at 1280×800 and 390×844: density by site (a bar chart with a table
 *   beside it), the worst-covered wards, overdue follow-ups across the branch by rep and recent
 *   joiners, each figure checked against the API;
 * - the rep's, caseworker's and coalition partner's dashboards: named for what they are to that role.
 *
 * Screenshots land in test/browser/screenshots/dashboard-*.png (git-ignored).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  DESKTOP, expectVisible, inSession, launchBrowser, openSession, SHOTS, signIn, startWebApp, type Session, type Viewport,
} from '../fixtures/browser.js';

const LOGINS = {
  rep: 'rep@unison.example',
  secretary: 'secretary@unison.example',
  caseworker: 'caseworker@unison.example',
  coalition: 'coalition@unison.example',
} as const;

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A screenshot with animations finished (no fixed wait), the full page from the top. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `dashboard-${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Watches the page's GraphQL traffic: how many requests are still pending, and every error an
 * answer carried (a refused `perPage` arrives as an error in a 200 or 400 answer).
 */
function watchGraphql(page: Page): { pending: () => number; errors: string[] } {
  let pending = 0;
  const errors: string[] = [];
  const isApi = (url: string) => url.endsWith('/graphql');
  page.on('request', (r) => {
    if (isApi(r.url())) pending++;
  });
  page.on('requestfailed', (r) => {
    if (isApi(r.url())) pending--;
  });
  page.on('requestfinished', async (r) => {
    if (!isApi(r.url())) return;
    try {
      const body = (await (await r.response())?.json()) as { errors?: { message: string }[] } | undefined;
      for (const e of body?.errors ?? []) errors.push(e.message);
    } catch {
      // not JSON: nothing to collect
    } finally {
      pending--;
    }
  });
  return { pending: () => pending, errors };
}

/** Waits until no GraphQL request is pending and react-admin's top-bar indicator is gone. */
async function settled(page: Page, pending: () => number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.waitForFunction(() => !document.querySelector('.app-loader'));
    if (pending() === 0) {
      // still nothing pending and no indicator once the page has rendered what came back
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (pending() === 0 && !(await page.locator('.app-loader').count())) return;
    }
    if (Date.now() > deadline) throw new Error(`${pending()} GraphQL request(s) still pending`);
    await page.waitForEvent('requestfinished', { timeout: 5_000 }).catch(() => undefined);
  }
}

const open = (viewport: Viewport, isMobile = false): Promise<Session> => openSession(browser, viewport, { isMobile });

describe('rep coverage as the branch secretary', () => {
  test('filters by a real site of the branch, and nothing is left loading', async () => {
    const all = await t.as('secretary')<{ repCoverage: { id: string; ward: { name: string; site: { id: string; name: string } } }[] }>(
      '{ repCoverage { id ward { name site { id name } } } }',
    );
    const rows = all.data!.repCoverage;
    const sites = [...new Map(rows.map((r) => [r.ward.site.id, r.ward.site.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
    expect(sites.length).toBeGreaterThan(1);
    // the site with the fewest wards, so the filter visibly narrows the list
    const [siteId, siteName] = [...sites].sort((a, b) => rows.filter((r) => r.ward.site.id === a[0]).length - rows.filter((r) => r.ward.site.id === b[0]).length)[0];
    const expected = rows.filter((r) => r.ward.site.id === siteId).map((r) => r.ward.name);

    await inSession(open(DESKTOP), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Rep coverage' }).click();
      await page.waitForURL(/#\/coverage$/);
      await expectVisible(page.getByTestId('coverage-ward'));
      await expect(page.getByTestId('coverage-ward').count()).resolves.toBe(rows.length);

      await page.getByRole('combobox', { name: 'Site' }).click();
      const options = page.getByRole('listbox').getByRole('option');
      await expectVisible(options.nth(1));
      await expect(options.allTextContents()).resolves.toEqual(['All sites', ...sites.map(([, name]) => name)]);
      await page.getByRole('option', { name: siteName, exact: true }).click();
      await expect(page.getByRole('combobox', { name: 'Site' }).textContent()).resolves.toBe(siteName);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="coverage-ward"]').length === n, expected.length);
      const shown = await page.getByTestId('coverage-ward').evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? ''));
      expect(shown.sort()).toEqual([...expected].sort());

      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      expect(problems).toEqual([]);
      await shot(page, 'desktop-rep-coverage-site');
    });
  });
});

