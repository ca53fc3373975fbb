/// <reference lib="dom" />
/**
 * The caseworker's agenda in the browser, at desktop and phone sizes: the menu's Cases entry carries a
 * red count of the deadlines past on their open cases; the dashboard lists their deadlines for the
 * next 14 days (most overdue first) and their open cases with no next step, each as the API counts
 * them; "All of them" opens the case list filtered the same way.
 *
 * Screenshots land in test/browser/screenshots/case-agenda-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { addDays, ukToday } from '@rollcall/domain';
import type { TestApp } from '../fixtures/app.js';
import { closeAll, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, SCREENS, screenshot, signIn, startWebApp } from '../fixtures/browser.js';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
let stuckName = '';
const counts = { overdue: 0, soon: 0, stuck: 0 };

beforeAll(async () => {
  t = await startWebApp();
  const as = t.as('caseworker');
  // a case of the caseworker's with a deadline two days past and nothing ahead: overdue, and no next step
  const res = await as<{ allContacts: { id: string; fullName: string }[] }>(
    '{ allContacts(perPage: 1, sortField: "lastName", sortOrder: "DESC", filter: { isCurrent: true }) { id fullName } }');
  const member = res.data!.allContacts[0];
  stuckName = member.fullName;
  const kase = await as<{ createCase: { id: string } }>('mutation($c: ID!) { createCase(data: { contactId: $c, type: WHISTLEBLOWING }) { id } }', { c: member.id });
  expect(kase.errors).toBeUndefined();
  const deadline = await as('mutation($c: ID!, $d: String!) { createCaseCustomDeadline(data: { caseId: $c, label: "Send the disclosure", due: $d }) { id } }',
    { c: kase.data!.createCase.id, d: addDays(ukToday(), -2) });
  expect(deadline.errors).toBeUndefined();
  const got = await as<{ overdue: { count: number }; soon: { count: number }; stuck: { count: number } }>(`query($to: String!) {
    overdue: _allCaseDeadlinesMeta(filter: { mine: true, overdue: true }) { count }
    soon: _allCaseDeadlinesMeta(filter: { mine: true, to: $to }) { count }
    stuck: _allCasesMeta(filter: { mine: true, noNextStep: true }) { count } }`, { to: addDays(ukToday(), 14) });
  expect(got.errors).toBeUndefined();
  counts.overdue = got.data!.overdue.count;
  counts.soon = got.data!.soon.count;
  counts.stuck = got.data!.stuck.count;
  expect(counts.overdue).toBeGreaterThan(0);
  expect(counts.stuck).toBeGreaterThan(0);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeAll(browser, t);
});

describe.each(SCREENS)('a caseworker on a $screen', ({ screen: name, viewport, isMobile }) => {
  test("sees the overdue count in the menu, and the dashboard's deadlines and cases with no next step", async () => {
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);
      const deadlines = page.getByTestId('widget-case-deadlines');
      await expectVisible(deadlines.getByTestId('deadlines-total').getByText(String(counts.soon), { exact: true }));
      // overdue first: the first row is past its date, and the subtitle says how many are
      await expectVisible(deadlines.getByTestId('case-deadline-row').first().getByText(/overdue/i));
      await expectVisible(deadlines.getByText(/, \d+ overdue$/));
      const stuck = page.getByTestId('widget-no-next-step');
      await expectVisible(stuck.getByTestId('no-next-step-total').getByText(String(counts.stuck), { exact: true }));
      await expectVisible(stuck.getByRole('link', { name: new RegExp(stuckName) }));
      await noProgress(page, '.MuiLinearProgress-root, .MuiSkeleton-root');
      await screenshot(page, `case-agenda-${name}-1-dashboard`);

      // the menu (a drawer on a phone): Cases, with the count of overdue deadlines
      if (isMobile) await page.getByRole('button', { name: 'Open menu' }).click();
      const badge = page.getByTestId('case-deadlines-badge');
      await expectVisible(badge);
      expect((await badge.innerText()).replace(/\s+/g, ' ').trim()).toBe(`${counts.overdue} overdue deadlines`);
      await screenshot(page, `case-agenda-${name}-2-menu`);
      if (isMobile) await page.keyboard.press('Escape');

      // "All of them": the case list with the same filter
      await stuck.getByRole('link', { name: 'All of them' }).click();
      await page.waitForURL(/#\/Cases\?/);
      await expectVisible(page.getByText(stuckName).first());
      await noProgress(page, '.MuiLinearProgress-root, .MuiSkeleton-root');
      await screenshot(page, `case-agenda-${name}-3-list`);
      expect(problems).toEqual([]);
    });
  });
});
