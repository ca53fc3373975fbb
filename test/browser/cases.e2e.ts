/// <reference lib="dom" />
/**
 * A caseworker's casework in the browser, at desktop and phone sizes: from a member's page they open a
 * case ("Open a case" fills in the member), add a disciplinary hearing in the case page's dialog, and
 * see the hearing's s.10 postponement deadline on the case page (with the rule's explanation and the
 * days left, as the API computes it) and on their dashboard; they add a note, which shows with their
 * name; they add a deadline of their own. The API's field errors show on the create and edit forms' inputs. The case list, the case page and the contact page have a level-one heading, a main landmark
 * and no serious axe finding.
 *
 * Screenshots land in test/browser/screenshots/cases-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { addDays, ukToday } from '@rollcall/domain';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import { choose, DESKTOP, expectValue, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, PHONE, screenshot, signIn, startWebApp } from '../fixtures/browser.js';

jest.setTimeout(180_000);

let t: TestApp;
let browser: Browser;
let caseworkerName = '';
const members: { id: string; fullName: string }[] = [];

beforeAll(async () => {
  t = await startWebApp();
  const res = await t.as('caseworker')<{ me: { displayName: string }; allContacts: { id: string; fullName: string }[] }>(
    '{ me { displayName } allContacts(perPage: 2, sortField: "lastName", sortOrder: "ASC", filter: { isCurrent: true }) { id fullName } }',
  );
  expect(res.errors).toBeUndefined();
  caseworkerName = res.data!.me.displayName;
  members.push(...res.data!.allContacts);
  expect(members).toHaveLength(2);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The page has its level-one heading and main landmark, and axe finds nothing serious. */
async function accessible(page: Page, name: string): Promise<void> {
  await noProgress(page, '.MuiLinearProgress-root, .MuiSkeleton-root');
  await expect(page.locator('h1').count()).resolves.toBeGreaterThan(0);
  await expect(page.getByRole('main').count()).resolves.toBe(1);
  expect({ page: name, failing: failing(await axeViolations(page)) }).toEqual({ page: name, failing: [] });
}

describe.each([
  ['desktop', DESKTOP, false, 0],
  ['phone', PHONE, true, 1],
] as [string, typeof DESKTOP, boolean, number][])('a caseworker on %s', (name, viewport, isMobile, which) => {
  test('opens a case from a contact, adds a hearing, sees its deadline on the case page and the dashboard, and adds a note', async () => {
    const member = members[which];
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);

      // the member's page: their cases (none yet that the caseworker reads) and "Open a case"
      await page.goto(`${t.url}/#/Contacts/${member.id}/show`);
      const cases = page.getByRole('region', { name: 'Cases' });
      await expectVisible(cases);
      await accessible(page, `${name} contact`);
      await cases.getByRole('link', { name: 'Open a case' }).click();
      await page.waitForURL(/#\/Cases\/create$/);
      // the member is filled in (their name shows once the picker has read them)
      const memberInput = await page.getByRole('combobox', { name: 'Member' }).elementHandle();
      await page.waitForFunction(([input, fullName]) => (input as HTMLInputElement).value === fullName, [memberInput, member.fullName] as const);
      await choose(page, page, 'Type', 'Disciplinary');
      await page.getByRole('textbox', { name: 'Summary (the allegation or issue)' }).fill(`Alleged lateness (${name})`);
      await screenshot(page, `cases-${name}-1-open`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/Cases\/[^/]+\/show$/);
      const caseId = /#\/Cases\/([^/]+)\/show$/.exec(page.url())![1];
      await expectVisible(page.getByTestId('case-summary').getByText(`Alleged lateness (${name})`));
      await expectVisible(page.getByRole('link', { name: member.fullName }));

      // a hearing today (so it is this week's): the case page shows it and its s.10 deadline
      const today = ukToday();
      await page.getByRole('button', { name: 'Add meeting' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a meeting' });
      await expectVisible(dialog);
      await dialog.getByLabel('Date').fill(today);
      await dialog.getByRole('textbox', { name: 'Place' }).fill('Board room');
      await dialog.getByRole('button', { name: 'Add meeting' }).click();
      await dialog.waitFor({ state: 'detached' });
      const meetings = page.getByRole('region', { name: 'Meetings' });
      await expectVisible(meetings.getByTestId('case-meeting').filter({ hasText: 'Board room' }));

      const read = await t.as('caseworker')<{ Case: { deadlines: { rule: string; label: string; due: string; daysLeft: number; explanation: string; meetingId: string | null }[] } }>(
        'query($id: ID!) { Case(id: $id) { deadlines { rule label due daysLeft explanation meetingId } } }', { id: caseId },
      );
      expect(read.errors).toBeUndefined();
      const s10 = read.data!.Case.deadlines.find((d) => d.rule === 'S10_POSTPONEMENT');
      expect(s10).toBeDefined();
      expect(s10!.daysLeft).toBeGreaterThan(0);
      expect(s10!.daysLeft).toBeLessThanOrEqual(14);
      const deadline = page.getByRole('region', { name: 'Deadlines' }).getByTestId('case-deadline').filter({ hasText: s10!.label });
      await expectVisible(deadline);
      await expectVisible(deadline.getByText(s10!.explanation));
      await expectVisible(deadline.getByText(`${s10!.daysLeft} days left`));
      await expectVisible(meetings.getByTestId('case-deadline').filter({ hasText: s10!.label }));

      // a note, with who wrote it
      await page.getByRole('textbox', { name: 'New note' }).fill(`Spoke to the member before the hearing (${name})`);
      await page.getByRole('button', { name: 'Add note' }).click();
      const note = page.getByRole('region', { name: 'Notes' }).getByTestId('case-note').filter({ hasText: `Spoke to the member before the hearing (${name})` });
      await expectVisible(note);
      await expectVisible(note.getByText(caseworkerName, { exact: false }));
      await expect(page.getByRole('textbox', { name: 'New note' }).inputValue()).resolves.toBe('');

      // a deadline set by hand shows among the computed ones, with its days left
      await page.getByRole('button', { name: 'Add deadline' }).click();
      const deadlineDialog = page.getByRole('dialog', { name: 'Add a deadline' });
      await deadlineDialog.getByRole('textbox', { name: 'What is due' }).fill(`Send the rota to HR (${name})`);
      await deadlineDialog.getByRole('textbox', { name: /^Due/ }).fill(addDays(today, 3));
      await deadlineDialog.getByRole('button', { name: 'Add deadline' }).click();
      await deadlineDialog.waitFor({ state: 'detached' });
      await expectVisible(page.getByRole('region', { name: 'Deadlines' }).getByTestId('case-deadline').filter({ hasText: `Send the rota to HR (${name})` }).getByText('3 days left'));
      await accessible(page, `${name} case`);
      await screenshot(page, `cases-${name}-2-case`);

      // the dashboard: the hearing this week, its deadline within 14 days, the case among the open ones
      await page.goto(`${t.url}/#/`);
      const deadlines = page.getByTestId('widget-case-deadlines');
      await expectVisible(deadlines.getByTestId('case-deadline-row').filter({ hasText: member.fullName }).filter({ hasText: s10!.label }));
      await expectVisible(page.getByTestId('widget-case-meetings').getByTestId('case-meeting-row').filter({ hasText: member.fullName }));
      await expectVisible(page.getByTestId('widget-my-cases').getByTestId('my-case-row').filter({ hasText: member.fullName }));
      // overdue first: the rows' days left never go down
      const chips = await deadlines.getByTestId('case-deadline-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
      const daysLeft = chips.map((text) => (/Overdue by (\d+)/.exec(text) ? -Number(/Overdue by (\d+)/.exec(text)![1]) : /Due today/.test(text) ? 0 : Number(/(\d+) days? left/.exec(text)?.[1] ?? NaN)));
      expect(daysLeft).toEqual([...daysLeft].sort((a, b) => a - b));
      await accessible(page, `${name} dashboard`);
      await screenshot(page, `cases-${name}-3-dashboard`);

      // the case list finds it by the member's name; the contact page lists it
      await page.goto(`${t.url}/#/Cases`);
      await page.getByRole('textbox', { name: 'Search cases by member' }).fill(member.fullName);
      await expectVisible(page.locator('#main-content').getByText(member.fullName));
      await accessible(page, `${name} cases`);
      await screenshot(page, `cases-${name}-4-list`);
      await page.goto(`${t.url}/#/Contacts/${member.id}/show`);
      await expectVisible(page.getByRole('region', { name: 'Cases' }).getByTestId('contact-case').filter({ hasText: 'Disciplinary' }));
      await expectVisible(page.getByText('Has an open case'));
      expect(problems).toEqual([]);
    });
  });
});

describe('the case forms', () => {
  test("show the API's field errors on their inputs, and save nothing", async () => {
    const tomorrow = addDays(ukToday(), 1);
    const mine = await t.as('caseworker')<{ allCases: { id: string; openedOn: string }[] }>(
      '{ allCases(perPage: 1, filter: { mine: true, open: true }) { id openedOn } }',
    );
    const open = mine.data!.allCases[0];
    expect(open).toBeDefined();
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);
      await page.goto(`${t.url}/#/Contacts/${members[0].id}/show`);
      await page.getByRole('region', { name: 'Cases' }).getByRole('link', { name: 'Open a case' }).click();
      await page.waitForURL(/#\/Cases\/create$/);
      await choose(page, page, 'Type', 'Grievance');
      await page.getByLabel('Opened on').fill(tomorrow);
      await page.getByRole('button', { name: 'Save' }).click();
      await expectVisible(page.getByText('must not be in the future'));
      await expect(page.getByLabel('Opened on').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(page.url()).toMatch(/#\/Cases\/create$/);

      // The edit page opens at once from what the case page read, and reads the case again. Someone
      // else changes the case meanwhile, and the new reading lands after a date is typed: the new
      // summary shows, and the typed date stays, ready to save.
      await page.goto(`${t.url}/#/Cases/${open.id}/show`);
      await expectVisible(page.getByRole('link', { name: 'Edit' }));
      const summary = `Changed elsewhere ${open.id.slice(0, 8)}`;
      const elsewhere = await t.as('caseworker')('mutation($id: ID!, $summary: String) { updateCase(id: $id, data: { summary: $summary }) { id } }', { id: open.id, summary });
      expect(elsewhere.errors).toBeUndefined();
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/graphql', async (route) => {
        if ((route.request().postData() ?? '').includes('"operationName":"Case"')) await held;
        await route.continue();
      });
      await page.getByRole('link', { name: 'Edit' }).click();
      const closedOn = page.getByLabel('Closed on');
      await expectVisible(closedOn);
      await closedOn.fill(open.openedOn);
      release();
      await expectValue(page.getByRole('textbox', { name: /^Summary/ }), summary);
      await expect(closedOn.inputValue()).resolves.toBe(open.openedOn);
      await expect(page.getByRole('button', { name: 'Save' }).isEnabled()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Save' }).click();
      await expectVisible(page.getByText('only a closed case has a closing date: set status CLOSED'));
      await expect(closedOn.getAttribute('aria-invalid')).resolves.toBe('true');
      await screenshot(page, 'cases-desktop-5-field-error');
      const after = await t.as('caseworker')<{ Case: { closedOn: string | null } }>('query($id: ID!) { Case(id: $id) { closedOn } }', { id: open.id });
      expect(after.data!.Case.closedOn).toBeNull();
      expect(problems).toEqual([]);
    });
  });
});
