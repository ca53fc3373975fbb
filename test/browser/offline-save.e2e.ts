/// <reference lib="dom" />
/**
 * Saving on a bad signal, in the built web app on a phone (Debian's Chromium via playwright-core):
 * - no network: Save says the server could not be reached, with a Retry, and keeps what was typed;
 *   back online, Retry logs it, once;
 * - an answer lost on the way back (the server saved it, the phone never heard): one more tap makes
 *   no second conversation, because every attempt carries the id the form was given when it opened;
 * - a save with no answer times out after 15 s with the same message; closing the form keeps it as a
 *   draft, and when the first attempt lands after all a notification says so;
 * - a draft kept while offline comes back on the next opening and saves as one conversation;
 * - the other create forms send their id too: a membership whose answer was lost is added once.
 * Every count is checked through the API. Screenshots: test/browser/screenshots/offline-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Locator, Page, Request, Route } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  choose, closeAll, escape, expectHidden, expectVisible, launchBrowser, LOGINS, openSession, PHONE, screenshot, signIn,
  startWebApp, type Person, type Session,
} from '../fixtures/browser.js';

const UNREACHABLE = "Couldn't reach the server. Your conversation is kept — tap Retry";
/** A dropped connection, as the browser reports it in the console. */
const NETWORK_ERRORS = /ERR_INTERNET_DISCONNECTED|ERR_FAILED|ERR_ABORTED|Failed to fetch/;

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;
/** People on the rep's patch nobody has spoken to: one per journey, so each count starts at nought. */
let people: Person[] = [];

beforeAll(async () => {
  t = await startWebApp();
  const rep = t.as('rep');
  const me = await rep<{ me: { patchSiteIds: string[] } }>('{ me { patchSiteIds } }');
  const fresh = await rep<{ allContacts: Person[] }>(
    `query($siteId: ID) { allContacts(page: 0, perPage: 6, sortField: "lastName", sortOrder: "ASC",
      filter: { siteId: $siteId, isCurrent: true, spokenTo: false }) { id fullName lastName } }`,
    { siteId: me.data?.me.patchSiteIds[0] },
  );
  people = fresh.data?.allContacts ?? [];
  if (people.length < 5) throw new Error(`The demo data has too few people on the rep's patch: ${JSON.stringify(fresh.errors)}`);
  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** The rep's conversations with a person, as the API holds them. */
async function conversationsWith(person: Person) {
  const res = await t.as('rep')<{ allConversations: { id: string; nextStep: string | null; assessment: number | null }[]; Contact: { assessmentHistory: { conversationId: string | null }[] } }>(
    `query($id: ID!) {
      allConversations(page: 0, perPage: 50, filter: { contactId: $id }) { id nextStep assessment }
      Contact(id: $id) { assessmentHistory { conversationId } }
    }`,
    { id: person.id },
  );
  expect(res.errors).toBeUndefined();
  return { conversations: res.data!.allConversations, assessments: res.data!.Contact.assessmentHistory };
}

/** Whether a GraphQL request is this mutation. */
function isMutation(request: Request, name: string): boolean {
  if (request.method() !== 'POST') return false;
  const body = request.postDataJSON() as { operationName?: string; query?: string } | null;
  return body?.operationName === name || !!body?.query?.includes(`${name}(`);
}

async function shot(page: Page, name: string) {
  await screenshot(page, `offline-${name}`, { fullPage: false });
}

/** Opens the quick log and fills in a conversation with `person`: an issue, an assessment and a next step. */
async function fillQuickLog(page: Page, person: Person, nextStep: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Log a conversation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
  await dialog.getByRole('combobox', { name: 'Person' }).fill(person.lastName);
  await page.getByRole('option', { name: new RegExp(`^${escape(person.fullName)}\\b`) }).first().click();
  await dialog.getByRole('group', { name: 'Issues raised' }).getByRole('button', { name: 'Staffing', exact: true }).click();
  await dialog.getByRole('button', { name: '2 Supporter' }).click();
  await dialog.getByRole('textbox', { name: 'Next step' }).fill(nextStep);
  return dialog;
}

/** What was typed is all still there. */
async function expectKept(dialog: Locator, person: Person, nextStep: string) {
  await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe(person.fullName);
  await expect(dialog.getByRole('textbox', { name: 'Next step' }).inputValue()).resolves.toBe(nextStep);
  await expect(dialog.getByRole('button', { name: '2 Supporter' }).getAttribute('aria-pressed')).resolves.toBe('true');
  await expect(
    dialog.getByRole('group', { name: 'Issues raised' }).getByRole('button', { name: 'Staffing', exact: true }).getAttribute('aria-pressed'),
  ).resolves.toBe('true');
}

describe('a rep saving on a bad signal, on a phone', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(browser, PHONE, { isMobile: true, expectedConsoleErrors: NETWORK_ERRORS });
    await signIn(s.page, t.url, LOGINS.rep);
  });

  afterEach(async () => {
    await s.context.setOffline(false);
    await s.page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test('with no network, Save says so with a Retry and keeps what was typed; back online, Retry logs it once', async () => {
    const { page, context } = s;
    const person = people[0];
    const nextStep = 'Bring the staffing survey on Friday';
    const dialog = await fillQuickLog(page, person, nextStep);

    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: UNREACHABLE });
    await expectVisible(alert);
    await expectVisible(alert.getByRole('button', { name: 'Retry' }));
    await expectKept(dialog, person, nextStep);
    await shot(page, '01-no-network-retry');

    await context.setOffline(false);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expectVisible(page.getByText(`Conversation with ${person.fullName} logged`, { exact: true }));
    await expectHidden(dialog);
    const { conversations, assessments } = await conversationsWith(person);
    expect(conversations).toEqual([expect.objectContaining({ nextStep, assessment: 2 })]);
    expect(assessments.filter((a) => a.conversationId === conversations[0].id)).toHaveLength(1);
  });

  test('an answer lost on the way back: one more tap makes no second conversation', async () => {
    const { page } = s;
    const person = people[1];
    const nextStep = 'Ask about the rota meeting';
    const dialog = await fillQuickLog(page, person, nextStep);

    // The first save reaches the server and is saved there; its answer never reaches the phone.
    let lost = 0;
    await page.route('**/graphql', async (route: Route) => {
      if (lost === 0 && isMutation(route.request(), 'createConversation')) {
        lost++;
        await route.fetch();
        await route.abort('internetdisconnected');
        return;
      }
      await route.fallback();
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: UNREACHABLE });
    await expectVisible(alert);
    expect((await conversationsWith(person)).conversations).toHaveLength(1);

    // One more tap once the signal is back: the same conversation, not a second.
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expectVisible(page.getByText(`Conversation with ${person.fullName} logged`, { exact: true }));
    await expectHidden(dialog);
    const { conversations, assessments } = await conversationsWith(person);
    expect(conversations).toEqual([expect.objectContaining({ nextStep, assessment: 2 })]);
    expect(assessments).toHaveLength(1);
    await shot(page, '02-lost-answer-logged-once');
  });

  test('a save with no answer times out after 15 s; closing keeps it; when it lands after all, a notification says so', async () => {
    const { page } = s;
    const person = people[2];
    const nextStep = 'Introduce her to the ward steward';
    const dialog = await fillQuickLog(page, person, nextStep);

    // The first save hangs on the way out (a dead signal), until released.
    let held: Route | undefined;
    await page.route('**/graphql', async (route: Route) => {
      if (!held && isMutation(route.request(), 'createConversation')) {
        held = route;
        return;
      }
      await route.fallback();
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: UNREACHABLE });
    await alert.waitFor({ state: 'visible', timeout: 45_000 });
    await expectKept(dialog, person, nextStep);
    await shot(page, '03-timed-out');

    // Closed while the save is still out there: kept, and brought back on the next opening.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    await expectVisible(dialog.getByRole('status').filter({ hasText: `Your unsaved conversation with ${person.fullName} is back` }));
    await expectKept(dialog, person, nextStep);
    await shot(page, '04-draft-back');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);

    // The first attempt lands after all: said once, and the draft is gone.
    expect(held).toBeDefined();
    const answered = page.waitForResponse((r) => r.request() === held!.request());
    await held!.continue();
    await answered;
    await expectVisible(page.getByText(`Conversation with ${person.fullName} logged: it reached the server after the form was closed`));
    await shot(page, '05-landed-late');
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe('');
    await expect(dialog.getByRole('status').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);
    const { conversations } = await conversationsWith(person);
    expect(conversations).toEqual([expect.objectContaining({ nextStep, assessment: 2 })]);
  });

  test('a draft kept while offline comes back on the next opening and saves as one conversation', async () => {
    const { page, context } = s;
    const person = people[3];
    const nextStep = 'Send the petition link';
    const dialog = await fillQuickLog(page, person, nextStep);

    await context.setOffline(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByRole('alert').filter({ hasText: UNREACHABLE }));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expectHidden(dialog);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    await expectVisible(dialog.getByRole('status').filter({ hasText: `Your unsaved conversation with ${person.fullName} is back` }));
    await expectKept(dialog, person, nextStep);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(`Conversation with ${person.fullName} logged`, { exact: true }));
    await expectHidden(dialog);
    const { conversations } = await conversationsWith(person);
    expect(conversations).toEqual([expect.objectContaining({ nextStep, assessment: 2 })]);
  });

  test('a membership whose answer was lost is added once when added again', async () => {
    const { page } = s;
    const person = people[4];
    const known = await t.as('rep')<{ allUnions: { id: string; shortName: string }[]; allMemberships: { unionId: string }[] }>(
      'query($c: ID) { allUnions(perPage: 20) { id shortName } allMemberships(filter: { contactId: $c }) { unionId } }',
      { c: person.id },
    );
    // A union they are not in yet.
    const union = known.data!.allUnions.find((u) => !known.data!.allMemberships.some((m) => m.unionId === u.id))!;
    await page.goto(`${t.url}/#/Contacts/${person.id}/show`);
    await page.getByRole('button', { name: 'Add membership' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a membership' });
    await choose(page, dialog, 'Union', new RegExp(`^${escape(union.shortName)} \\(`));

    // The first attempt is saved by the server; its answer never reaches the phone.
    let lose: ((route: Route) => Promise<void>) | null = async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    };
    let lost!: () => void;
    const answerLost = new Promise<void>((resolve) => (lost = resolve));
    await page.route('**/graphql', async (route: Route) => {
      if (lose && isMutation(route.request(), 'createMembership')) {
        const once = lose;
        lose = null;
        await once(route);
        lost();
        return;
      }
      await route.fallback();
    });
    const add = dialog.getByRole('button', { name: 'Add membership' });
    await add.click();
    await answerLost;
    // Once the form has taken the failure in (the button is enabled again), the same tap again.
    await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled && !el!.querySelector('.MuiCircularProgress-root'), await add.elementHandle());
    await shot(page, '06-membership-answer-lost');
    await add.click();
    await expectHidden(dialog);
    await expectVisible(page.getByText('Membership added'));
    const res = await t.as('rep')<{ allMemberships: { id: string }[] }>(
      'query($c: ID, $u: ID) { allMemberships(filter: { contactId: $c, unionId: $u }) { id } }',
      { c: person.id, u: union.id },
    );
    expect(res.data?.allMemberships).toHaveLength(1);
  });

  test('the browser logged nothing but the dropped connections', () => {
    expect(s.problems).toEqual([]);
  });
});
