/// <reference lib="dom" />
/**
 * Organising in the built web app served by the real API, in Debian's Chromium through
 * playwright-core, mostly on a 390×844 phone (reps use it between shifts):
 * - the quick log: a conversation logged in at most 8 taps and typings after opening the form, then
 *   checked through the API (the conversation, its assessment in the history, its follow-up); the
 *   server's field error shows on its input;
 * - my patch: the rep's wards, a ward's people, those nobody has spoken to;
 * - follow-ups: overdue first, one tap "Log follow-up", saved, gone from the list;
 * - the contact page: timeline, assessment chart, marking a leader, who looks to whom;
 * - rep coverage, worst first; issue tags for admins (a retired tag is not offered);
 * - a caseworker cannot log; a coalition partner sees none of it.
 *
 * Screenshots land in test/browser/screenshots/organising-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { ukDayPlus } from '../fixtures/dates.js';
import {
  closeAll, DESKTOP, escape, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession,
  overflowOf, PHONE, screenshot, signIn, startWebApp, windowOverflow, type Person, type Session, type Viewport,
} from '../fixtures/browser.js';

/** Loading shows as a progress bar or as skeletons. */
const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root';
/** The most taps and typings a conversation may take to log, once the form is open. */
const QUICK_LOG_BUDGET = 8;

jest.setTimeout(90_000);

let t: TestApp;
let browser: Browser;

/** What the demo data holds for the rep, read through the API before the journeys. */
const demo = {
  /** Nobody has spoken to them yet: the quick log's subject. */
  newPerson: { id: '', fullName: '', lastName: '' } as Person,
  /** Assessed more than once, not a leader: the contact page's subject. */
  assessed: { id: '', fullName: '', lastName: '' } as Person,
};

beforeAll(async () => {
  t = await startWebApp();
  const rep = t.as('rep');
  const me = await rep<{ me: { patchSiteIds: string[] } }>('{ me { patchSiteIds } }');
  const siteId = me.data?.me.patchSiteIds[0];
  if (!siteId) throw new Error(`The demo rep has no patch: ${JSON.stringify(me.errors)}`);
  const people = await rep<{ fresh: Person[]; assessed: (Person & { assessmentHistory: unknown[] })[] }>(
    `query($siteId: ID) {
      fresh: allContacts(page: 0, perPage: 2, sortField: "lastName", sortOrder: "DESC", filter: { siteId: $siteId, isCurrent: true, spokenTo: false }) { id fullName lastName }
      assessed: allContacts(page: 0, perPage: 100, sortField: "lastName", sortOrder: "ASC", filter: { siteId: $siteId, isCurrent: true, assessed: true, leader: false }) { id fullName lastName assessmentHistory { id } }
    }`,
    { siteId },
  );
  const fresh = people.data?.fresh[0];
  const assessed = people.data?.assessed.find((c) => c.assessmentHistory.length >= 2);
  if (!fresh || !assessed) throw new Error(`The demo data lacks organising history: ${JSON.stringify(people.errors)}`);
  demo.newPerson = fresh;
  demo.assessed = assessed;
  // An overdue follow-up for certain (the small demo set may have none): a conversation ten days
  // ago with someone nobody has spoken to since, to follow up three days ago.
  const other = people.data!.fresh[1];
  const overdue = await rep(
    'mutation($data: ConversationCreateInput!) { createConversation(data: $data) { id followUpState } }',
    { data: { contactId: other.id, occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), followUpDate: ukDayPlus(-3), nextStep: 'Bring a membership form' } },
  );
  expect(overdue.data?.createConversation).toMatchObject({ followUpState: 'OVERDUE' });

  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/**
 * A session whose problems leave out the refusals (400) the tests provoke on purpose, which the
 * browser reports as failed requests.
 */
const open = (viewport: Viewport, isMobile = false): Promise<Session> =>
  openSession(browser, viewport, { isMobile, expectedConsoleErrors: /status of 400/ });

/** A screenshot once ripples and fades have settled (a full page from the top: the app bar is fixed). */
async function shot(page: Page, name: string, fullPage = false) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `organising-${name}`, { fullPage });
}

describe('a rep on a phone', () => {
  let s: Session;

  beforeAll(async () => {
    s = await open(PHONE, true);
    await signIn(s.page, t.url, LOGINS.rep);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test(`logs a conversation in at most ${QUICK_LOG_BUDGET} taps and typings`, async () => {
    const { page } = s;
    const person = demo.newPerson;
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    await expectVisible(dialog.getByRole('group', { name: 'Issues raised' }).getByRole('button').first());
    await shot(page, 'phone-01-quick-log-open');

    // Every tap or typing counts; waiting for the page to answer does not.
    let interactions = 0;
    const act = async (action: () => Promise<unknown>) => {
      interactions++;
      await action();
    };
    await act(() => dialog.getByRole('combobox', { name: 'Person' }).fill(person.lastName));
    await act(() => page.getByRole('option', { name: new RegExp(`^${escape(person.fullName)}\\b`) }).first().click());
    await act(() => dialog.getByRole('group', { name: 'Issues raised' }).getByRole('button', { name: 'Staffing', exact: true }).click());
    await act(() => dialog.getByRole('group', { name: 'AEIOU steps covered' }).getByRole('button', { name: 'Agitate' }).click());
    await expectVisible(dialog.getByText(/^Agitate: /));
    await act(() => dialog.getByRole('button', { name: '2 Supporter' }).click());
    await act(() => dialog.getByRole('group', { name: 'Their answer' }).getByRole('button', { name: 'Yes', exact: true }).click());
    await act(() => dialog.getByRole('group', { name: 'Follow up' }).getByRole('button', { name: '+1 week' }).click());
    await expect(dialog.getByRole('button', { name: '2 Supporter' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await shot(page, 'phone-02-quick-log-filled', true);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await act(() => dialog.getByRole('button', { name: 'Save' }).click());

    await expectVisible(page.getByText(`Conversation with ${person.fullName} logged`));
    await expectHidden(dialog);
    expect(interactions).toBeLessThanOrEqual(QUICK_LOG_BUDGET);

    // The API holds the conversation, the assessment it added to the history, and the follow-up.
    const res = await t.as('rep')<{
      allConversations: { id: string; issueTags: { name: string }[]; aeiouSteps: string[]; assessment: number; answer: string; followUpDate: string; channel: string; type: string }[];
      Contact: { assessment: number; assessmentHistory: { value: number; conversationId: string }[] };
      allFollowUps: { id: string; followUpDate: string }[];
    }>(
      `query($id: ID!) {
        allConversations(page: 0, perPage: 5, sortField: "occurredAt", sortOrder: "DESC", filter: { contactId: $id, mine: true }) {
          id issueTags { name } aeiouSteps assessment answer followUpDate channel type
        }
        Contact(id: $id) { assessment assessmentHistory { value conversationId } }
        allFollowUps(filter: { contactId: $id }) { id followUpDate }
      }`,
      { id: person.id },
    );
    expect(res.errors).toBeUndefined();
    const [logged] = res.data!.allConversations;
    expect(logged).toMatchObject({
      issueTags: [{ name: 'Staffing' }], aeiouSteps: ['AGITATE'], assessment: 2, answer: 'YES',
      followUpDate: ukDayPlus(7), channel: 'IN_PERSON', type: 'ONE_TO_ONE',
    });
    expect(res.data!.Contact.assessment).toBe(2);
    expect(res.data!.Contact.assessmentHistory[0]).toEqual({ value: 2, conversationId: logged.id });
    expect(res.data!.allFollowUps).toEqual([{ id: logged.id, followUpDate: ukDayPlus(7) }]);
  });

  test('sees the wards of their patch, and who on a ward nobody has spoken to', async () => {
    const { page } = s;
    const patch = await t.as('rep')<{ myPatch: { id: string; ward: { name: string }; neverSpokenTo: number; headcount: number }[] }>(
      '{ myPatch { id ward { name } neverSpokenTo headcount } }',
    );
    const wards = patch.data!.myPatch;
    expect(wards.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'My patch' }).click();
    await page.waitForURL(/#\/patch$/);
    const list = page.getByRole('region', { name: 'Wards on my patch' });
    for (const w of wards.slice(0, 3)) await expectVisible(list.getByRole('heading', { name: w.ward.name, exact: true }));
    await expect(list.getByRole('article').count()).resolves.toBe(wards.length);
    await noProgress(page, LOADING);
    await shot(page, 'phone-03-my-patch');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);

    // A ward with people nobody has spoken to (fewer than a page of them).
    const ward = wards.find((w) => w.neverSpokenTo > 0 && w.neverSpokenTo < 50 && w.headcount > w.neverSpokenTo) ?? wards[0];
    await list.getByRole('link', { name: ward.ward.name, exact: true }).click();
    await page.waitForURL(/#\/patch\/[^/?]+/);
    await expectVisible(page.getByRole('heading', { name: ward.ward.name }));
    const rows = page.getByTestId('patch-person');
    await expectVisible(rows.first());
    await expect(rows.count()).resolves.toBe(Math.min(ward.headcount, 50));
    await page.getByRole('group', { name: 'Show only' }).getByRole('button', { name: 'Not yet spoken to' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="patch-person"]').length === n, ward.neverSpokenTo);
    await expect(rows.filter({ has: page.getByTestId('never-spoken-to') }).count()).resolves.toBe(ward.neverSpokenTo);
    await noProgress(page, LOADING);
    await shot(page, 'phone-04-ward-never-spoken-to');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);

    // One tap from a person to the quick log, with them already chosen.
    const first = rows.first();
    const logButton = first.getByRole('button', { name: /^Log conversation with / });
    const name = ((await logButton.getAttribute('aria-label')) ?? '').replace('Log conversation with ', '');
    await logButton.click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe(name);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);
  });

  test('works through follow-ups: overdue first, one tap to log one, and it leaves the list', async () => {
    const { page } = s;
    const open = await t.as('rep')<{ allFollowUps: { contactId: string; contact: { fullName: string }; followUpState: string; daysOverdue: number }[] }>(
      '{ allFollowUps(page: 0, perPage: 1) { contactId contact { fullName } followUpState daysOverdue } }',
    );
    const first = open.data!.allFollowUps[0];
    expect(first.followUpState).toBe('OVERDUE');

    await page.getByRole('button', { name: 'Open menu' }).click();
    await expectVisible(page.getByTestId('overdue-badge'));
    await page.getByRole('menuitem', { name: /^Follow-ups/ }).click();
    await page.waitForURL(/#\/FollowUps/);
    const items = page.getByTestId('follow-up');
    await expectVisible(items.first());
    await expectVisible(page.getByRole('heading', { name: /^Overdue \(\d+\)$/ }));
    // The first is the most overdue, in red words.
    await expectVisible(items.first().getByText(first.contact.fullName));
    await expect(items.first().getByTestId('follow-up-state').textContent()).resolves.toBe(
      `${first.daysOverdue} day${first.daysOverdue === 1 ? '' : 's'} overdue`,
    );
    await noProgress(page, LOADING);
    await shot(page, 'phone-05-follow-ups');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);

    await items.first().getByRole('button', { name: `Log follow-up with ${first.contact.fullName}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe(first.contact.fullName);
    await dialog.getByRole('group', { name: 'AEIOU steps covered' }).getByRole('button', { name: 'Up (follow up)' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(`Conversation with ${first.contact.fullName} logged`));
    await page.getByRole('button', { name: `Log follow-up with ${first.contact.fullName}` }).waitFor({ state: 'detached' });
    const after = await t.as('rep')<{ allFollowUps: unknown[] }>('query($id: ID) { allFollowUps(filter: { contactId: $id }) { id } }', { id: first.contactId });
    expect(after.data!.allFollowUps).toEqual([]);

    // Only the done ones.
    await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Done' }).click();
    await expectVisible(page.getByRole('heading', { name: /^Done \(\d+\)$/ }));
  });

  test('sees rep coverage per ward, worst first', async () => {
    const { page } = s;
    const coverage = await t.as('rep')<{ repCoverage: { ward: { name: string }; status: string }[] }>('{ repCoverage { ward { name } status } }');
    const rows = coverage.data!.repCoverage;
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('menuitem', { name: 'Rep coverage' }).click();
    await page.waitForURL(/#\/coverage$/);
    const cards = page.getByTestId('coverage-ward');
    await expectVisible(cards.first());
    await expect(cards.count()).resolves.toBe(rows.length);
    await expectVisible(cards.first().getByText(rows[0].ward.name));
    const worst = { NO_REP: 'No rep', FAILING: 'Failing (over 1:50)', BELOW_TARGET: 'Below 1:20 target', ON_TARGET: 'On target', NO_STAFF: 'No staff' }[rows[0].status];
    await expect(cards.first().getByTestId('coverage-status').textContent()).resolves.toBe(worst);
    await noProgress(page, LOADING);
    await shot(page, 'phone-06-rep-coverage');
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
  });

  test('every organising page fits the phone', async () => {
    const { page } = s;
    for (const route of ['/Conversations', `/Contacts/${demo.assessed.id}/show`]) {
      await page.goto(`${t.url}/#${route}`);
      await expectVisible(page.locator('#main-content').getByText(/\S/).first());
      await noProgress(page, LOADING);
      expect({ route, overflow: Math.max(0, await overflowOf(page)) }).toEqual({ route, overflow: 0 });
    }
    await shot(page, 'phone-07-contact');
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('a rep on a desktop', () => {
  let s: Session;

  beforeAll(async () => {
    s = await open(DESKTOP);
    await signIn(s.page, t.url, LOGINS.rep);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test("shows the server's refusal on the field it is about", async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    const person = dialog.getByRole('combobox', { name: 'Person' });
    // Before typing: the people the rep spoke to most recently (the quick log's person first).
    await person.click();
    await expectVisible(page.getByRole('option', { name: new RegExp(`^${escape(demo.newPerson.fullName)}\\b`) }));
    await page.getByRole('option').first().click();
    await dialog.getByRole('button', { name: /^How and when/ }).click();
    // Tomorrow is accepted by the browser; the API refuses a conversation in the future.
    await dialog.getByLabel('When').fill(`${ukDayPlus(1)}T10:00`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const error = dialog.getByText('must not be in the future');
    await expectVisible(error);
    // Brought into view, below the dialog's header.
    await page.waitForFunction(
      (el) => { const r = el!.getBoundingClientRect(); return r.top > 60 && r.bottom < window.innerHeight; },
      await error.elementHandle(),
    );
    await shot(page, 'desktop-01-quick-log-server-error');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);
  });

  test('the contact page: timeline, assessment chart, marking a leader and who they look to', async () => {
    const { page } = s;
    const c = demo.assessed;
    await page.goto(`${t.url}/#/Contacts/${c.id}/show`);
    await expectVisible(page.getByRole('heading', { name: c.fullName }));
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expectVisible(timeline.getByTestId('timeline-event').first());
    await expectVisible(timeline.locator('[data-kind="CONVERSATION"]').first().getByText(/Jo Whitehead/));
    await expectVisible(page.getByTestId('assessment-chart'));
    await expect(page.getByTestId('assessment-chart').locator('circle[r="5"]').count()).resolves.toBeGreaterThanOrEqual(2);
    await noProgress(page, LOADING);
    await shot(page, 'desktop-02-contact-timeline-chart', true);

    // Marking a leader asks why.
    const leadership = page.getByRole('region', { name: 'Leadership' });
    await leadership.getByRole('button', { name: 'Mark as leader' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark ${c.fullName} as a leader` });
    await dialog.getByRole('button', { name: 'Mark as leader' }).click();
    await expectVisible(dialog.getByText('Say why: who follows them, what they did'));
    await dialog.getByRole('textbox', { name: 'Why' }).fill('The night staff ask her first; got the rota petition signed');
    await dialog.getByRole('button', { name: 'Mark as leader' }).click();
    await expectHidden(dialog);
    await expectVisible(leadership.getByTestId('leader-flag').getByText('The night staff ask her first; got the rota petition signed'));
    await expectVisible(timeline.locator('[data-kind="LEADER_MARKED"]'));

    // Whom they look to: the person the rep just logged a conversation with.
    await leadership.getByRole('button', { name: 'Add whom they look to' }).click();
    const link = page.getByRole('dialog', { name: `Whom does ${c.fullName} look to?` });
    await link.getByRole('combobox', { name: 'Person' }).fill(demo.newPerson.lastName);
    await page.getByRole('option', { name: new RegExp(`^${escape(demo.newPerson.fullName)}\\b`) }).first().click();
    await link.getByRole('button', { name: 'Add' }).click();
    await expectHidden(link);
    const looksTo = leadership.getByRole('list', { name: 'Looks to' });
    await expectVisible(looksTo.getByText(demo.newPerson.fullName));
    await noProgress(page, LOADING);
    await shot(page, 'desktop-03-contact-leader', true);
    const linked = await t.as('rep')<{ Contact: { leader: boolean; leaders: { id: string }[] } }>('query($id: ID!) { Contact(id: $id) { leader leaders { id } } }', { id: c.id });
    expect(linked.data!.Contact).toEqual({ leader: true, leaders: [{ id: demo.newPerson.id }] });

    // And removed again, after confirming.
    await looksTo.getByRole('button', { name: `Remove ${demo.newPerson.fullName}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expectVisible(leadership.getByText('Nobody recorded yet.'));
  });

  test('desktop views of my patch, follow-ups and rep coverage', async () => {
    const { page } = s;
    for (const [name, route, ready] of [
      ['desktop-04-my-patch', '/patch', () => page.getByRole('region', { name: 'Wards on my patch' }).getByRole('article').first()],
      ['desktop-05-follow-ups', '/FollowUps', () => page.getByTestId('follow-up').first()],
      ['desktop-06-rep-coverage', '/coverage', () => page.getByTestId('coverage-ward').first()],
      ['desktop-07-conversations', '/Conversations', () => page.locator('#main-content tbody tr').first()],
    ] as const) {
      await page.goto(`${t.url}/#${route}`);
      await expectVisible(ready());
      await noProgress(page, LOADING);
      expect({ route, overflow: await windowOverflow(page) }).toEqual({ route, overflow: 0 });
      await shot(page, name);
    }
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('an admin manages issue tags', () => {
  let s: Session;
  const suffix = Date.now().toString(36).slice(-4);
  const tag = `Night transport ${suffix}`;
  const renamed = `Night buses ${suffix}`;

  beforeAll(async () => {
    s = await open(DESKTOP);
    await signIn(s.page, t.url, LOGINS.admin);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  const quickLogOffers = async (page: Page, name: string) => {
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    const issues = dialog.getByRole('group', { name: 'Issues raised' });
    await expectVisible(issues.getByRole('button', { name: 'Staffing', exact: true }));
    const offered = (await issues.getByRole('button', { name, exact: true }).count()) > 0;
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);
    return offered;
  };

  test('adds a tag, renames it, and it is offered on the quick log', async () => {
    const { page } = s;
    await page.getByRole('menuitem', { name: 'Issue tags' }).click();
    await page.waitForURL(/#\/IssueTags/);
    await expectVisible(page.locator('#main-content tbody tr').filter({ hasText: 'Staffing' }));
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill(tag);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/IssueTags(\?.*)?$/);
    await page.locator('#main-content tbody tr').filter({ hasText: tag }).getByRole('link', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill(renamed);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/IssueTags(\?.*)?$/);
    await expectVisible(page.locator('#main-content tbody tr').filter({ hasText: renamed }));
    await shot(page, 'desktop-08-issue-tags');
    expect(await quickLogOffers(page, renamed)).toBe(true);
  });

  test('retires it: no longer offered on the quick log', async () => {
    const { page } = s;
    const row = page.locator('#main-content tbody tr').filter({ hasText: renamed });
    await row.getByRole('button', { name: `Retire ${renamed}` }).click();
    await expectVisible(row.getByText('Retired'));
    expect(await quickLogOffers(page, renamed)).toBe(false);
    const tags = await t.as('admin')<{ allIssueTags: { name: string; active: boolean }[] }>('{ allIssueTags(perPage: 100) { name active } }');
    expect(tags.data!.allIssueTags.find((x) => x.name === renamed)).toEqual({ name: renamed, active: false });
  });

  test('deletes an unused tag after confirming; a used one is refused', async () => {
    const { page } = s;
    const row = page.locator('#main-content tbody tr').filter({ hasText: renamed });
    await row.getByRole('button', { name: `Delete ${renamed}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await row.waitFor({ state: 'detached' });
    const used = page.locator('#main-content tbody tr').filter({ hasText: 'Staffing' });
    await used.getByRole('button', { name: 'Delete Staffing' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expectVisible(page.getByText(/retire it instead/));
    await expectVisible(used);
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('who sees what', () => {
  test('a caseworker reads organising (its branch wards, not "My patch") but has no "Log a conversation" button', () => inSession(open(PHONE, true), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.caseworker);
    await page.getByRole('button', { name: 'Open menu' }).click();
    // the whole branch is not their patch: the page is named for what it is to them
    await expectVisible(page.getByRole('menuitem', { name: 'Branch wards' }));
    await expect(page.getByRole('menuitem', { name: 'My patch' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await page.goto(`${t.url}/#/FollowUps`);
    await expectVisible(page.getByText(/No follow-ups due|Overdue|Due/).first());
    await expect(page.getByRole('button', { name: 'Log a conversation' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Log (follow-up|conversation) with/ }).count()).resolves.toBe(0);
    await shot(page, 'phone-08-caseworker');
    expect(problems).toEqual([]);
  }));

  test("a branch secretary looks at a rep's follow-ups", () => inSession(open(DESKTOP), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.secretary);
    await page.goto(`${t.url}/#/FollowUps`);
    await page.getByLabel('Whose').click();
    await page.getByRole('option', { name: 'Jo Whitehead (workplace rep)' }).click();
    await expectVisible(page.getByTestId('follow-up').first());
    await expectVisible(page.getByText(/days? overdue/).first());
    await shot(page, 'desktop-09-secretary-rep-follow-ups');
    expect(problems).toEqual([]);
  }));

  test('a coalition partner sees none of the organising menus', () => inSession(open(DESKTOP), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.coalition);
    await expectVisible(page.getByRole('menuitem', { name: 'Wards' }));
    for (const name of ['My patch', 'Branch wards', /^Follow-ups/, 'Conversations', 'Rep coverage', 'Issue tags', 'Contacts']) {
      await expect(page.getByRole('menuitem', { name }).count()).resolves.toBe(0);
    }
    await expect(page.getByRole('button', { name: 'Log a conversation' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }));
});
