/// <reference lib="dom" />
/**
 * The server or its database goes away under a signed-in rep, in the built web app in Debian's
 * Chromium. While /graphql answers 503 SERVICE_UNAVAILABLE (what the API says when PostgreSQL is
 * down), and then while it cannot be reached at all, the rep stays signed in — even across a reload —
 * and a notice says the app is retrying; once the server answers again the notice goes and the page
 * loads its data without the rep doing anything.
 *
 * The outage is played by routing /graphql and /healthz in the browser: the shared test database
 * must stay up for the other test files. Screenshots: test/browser/screenshots/outage-*.png.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page, Route } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  closeAll, DESKTOP, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, openSession, screenshot, signIn,
  startWebApp,
} from '../fixtures/browser.js';

const RETRYING = "Can't reach the server — retrying…";
/** The API's answer while PostgreSQL is down (see test/api/outage.e2e.ts). */
const OUTAGE = JSON.stringify({
  errors: [{ message: "Rollcall can't reach its database; try again shortly", extensions: { code: 'SERVICE_UNAVAILABLE' } }],
});

jest.setTimeout(90_000);

let t: TestApp;
let browser: Browser;
let siteName: string;

beforeAll(async () => {
  t = await startWebApp();
  // A site of the secretary's own branch: the Sites list shows those by default.
  const sites = await t.as('secretary')<{ allSites: { name: string; employerId: string }[] }>(
    '{ allSites(page: 0, perPage: 50, sortField: "name", sortOrder: "ASC") { name employerId } }',
  );
  const site = sites.data?.allSites.find((s) => s.employerId === t.demoEmployerId);
  if (!site) throw new Error(`The demo branch has no site: ${JSON.stringify(sites.errors)}`);
  siteName = site.name;
  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

const answer503 = (route: Route) =>
  route.fulfill({ status: 503, contentType: 'application/graphql-response+json; charset=utf-8', body: OUTAGE });
const health503 = (route: Route) =>
  route.fulfill({ status: 503, contentType: 'application/json; charset=utf-8', body: '{"status":"database unavailable"}' });
const refuse = (route: Route) => route.abort('connectionrefused');

async function stillSignedIn(page: Page): Promise<void> {
  expect(page.url()).not.toContain('/login');
  expect(await page.evaluate(() => localStorage.getItem('rollcall.token'))).toBeTruthy();
  expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
}

describe('a server outage under a signed-in rep', () => {
  test('keeps the session, says it is retrying, and recovers by itself', async () => {
    await inSession(openSession(browser, DESKTOP, {
      // The browser reports the refused requests on the console; the page itself must not fail.
      expectedConsoleErrors: /status of 503|ERR_CONNECTION_REFUSED|ERR_FAILED|Failed to load resource/,
    }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await expect(page.getByText(RETRYING).count()).resolves.toBe(0);

      // The database goes down: every GraphQL request is answered 503.
      await page.route('**/graphql', answer503);
      await page.route('**/healthz', health503);
      await page.getByRole('menuitem', { name: 'Sites' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: RETRYING }));
      await stillSignedIn(page);
      await screenshot(page, 'outage-retrying', { fullPage: false });

      // Then the server itself cannot be reached, and the rep reloads the page: still signed in.
      await page.unrouteAll();
      await page.route('**/graphql', refuse);
      await page.route('**/healthz', refuse);
      await page.reload();
      await expectVisible(page.getByRole('status').filter({ hasText: RETRYING }));
      await stillSignedIn(page);

      // The server is back: the notice goes and the list loads, with no click from the rep.
      await page.unrouteAll();
      await expectHidden(page.getByText(RETRYING));
      await expectVisible(page.getByText(siteName));
      await stillSignedIn(page);
      await screenshot(page, 'outage-recovered', { fullPage: false });
      expect(problems).toEqual([]);
    });
  });
});
