/// <reference lib="dom" />
/**
 * The calendar feed page (account menu → Calendar feed), at desktop and phone sizes: a caseworker
 * reads what the feed holds, makes a link (shown once, with Copy) that opens their calendar, makes a
 * new one after a confirmation that the old link stops working (it then opens nothing), and stops the
 * feed. A coalition partner, who is on no case team, has no such menu item. The page has its heading,
 * a main landmark and no serious axe finding.
 *
 * Screenshots land in test/browser/screenshots/calendar-feed-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import { closeAll, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, screenshot, SCREENS, signIn, startWebApp } from '../fixtures/browser.js';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => { await closeAll(browser, t); });

/** What a feed link answers: its status and content type. */
async function fetchFeed(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The link shown on the page. */
const shownUrl = (page: Page) => page.getByTestId('calendar-feed-url').inputValue();

describe.each(SCREENS)('the calendar feed on a $screen', ({ screen, viewport, isMobile }) => {
  test('a caseworker makes a link, sees it, makes a new one after confirming, and stops the feed', async () => {
    await t.sql("DELETE FROM calendar_feed WHERE user_id = (SELECT id FROM app_user WHERE email = $1)", [LOGINS.caseworker]);
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Calendar feed' }).click();
      await page.waitForURL(/#\/calendar-feed$/);
      const card = page.getByTestId('calendar-feed-card');
      await expectVisible(card.getByText('You have no feed link.'));
      await expectVisible(card.getByText(/the case type and the member's initials/));
      expect({ page: 'calendar feed', failing: failing(await axeViolations(page)) }).toEqual({ page: 'calendar feed', failing: [] });
      await expect(page.locator('h1').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByRole('main').count()).resolves.toBe(1);

      // make a link: shown once, with Copy; it opens the caseworker's calendar
      await card.getByRole('button', { name: 'Create feed link' }).click();
      await expectVisible(card.getByTestId('calendar-feed-link'));
      const first = await shownUrl(page);
      expect(first).toMatch(new RegExp(`^${t.url.replace(/\./g, '\\.')}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      await expectVisible(card.getByRole('button', { name: 'Copy' }));
      await expectVisible(card.getByText(/You have a feed link, made/));
      const feed = await fetchFeed(first);
      expect([feed.status, feed.type]).toEqual([200, 'text/calendar; charset=utf-8']);
      expect(feed.text).toContain('BEGIN:VEVENT');
      await noProgress(page, '.MuiSkeleton-root');
      if (isMobile) expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `calendar-feed-${screen}-01-link`);

      // a new link asks first: the old one stops working
      await card.getByRole('button', { name: 'Regenerate link' }).click();
      const dialog = page.getByRole('dialog');
      await expectVisible(dialog.getByText(/Your current link stops working/));
      await screenshot(page, `calendar-feed-${screen}-02-confirm`);
      await dialog.getByRole('button', { name: 'Make new link' }).click();
      await expectHidden(page.getByRole('dialog'));
      await page.waitForFunction((old) => (document.querySelector('[data-testid="calendar-feed-url"]') as HTMLInputElement | null)?.value !== old, first);
      const second = await shownUrl(page);
      expect(second).not.toBe(first);
      expect((await fetchFeed(first)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);
      await screenshot(page, `calendar-feed-${screen}-03-new-link`);

      // stopping asks too, then the link opens nothing
      await card.getByRole('button', { name: 'Stop feed' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Stop feed' }).click();
      await expectVisible(card.getByText('You have no feed link.'));
      await expectHidden(card.getByTestId('calendar-feed-link'));
      expect((await fetchFeed(second)).status).toBe(404);
      expect(problems).toEqual([]);
    });
  });
});

test('a coalition partner, on no case team, has no calendar feed in the account menu', async () => {
  await inSession(openSession(browser, SCREENS[0].viewport), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.coalition);
    await page.getByRole('button', { name: 'Profile' }).click();
    await expectVisible(page.getByRole('menuitem', { name: 'Change password' }));
    await expect(page.getByRole('menuitem', { name: 'Calendar feed' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
