/// <reference lib="dom" />
/**
 * The rough edges a new rep or secretary met (issue 9), each checked in the built web app served by
 * the real API, in Debian's Chromium through playwright-core, with a screenshot of the result:
 * - messages in words: a validator's message on the quick log (never `@@react-admin@@…`), notices
 *   that name what was saved or deleted, "Not found, or not yours to see" for someone off a patch;
 * - a loading state before data comes, on a slow connection (requests held back), on a phone and
 *   a desktop, for a list and for a record;
 * - sorting on a phone (contacts, wards) and by density on a desktop;
 * - a phone's page title wraps instead of being cut off;
 * - a chosen quick pick looks chosen (filled, a tick, white on blue);
 * - the first thing to fill has the focus (quick log, create forms, a dialog);
 * - the browser tab names the page;
 * - one UK date format, times only where an event has one, "1 member".
 *
 * Screenshots land in test/browser/screenshots/polish-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page, Route } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  closeAll, DESKTOP, escape, expectHidden, expectVisible, launchBrowser, LOGINS, noProgress, openSession, openSignIn, PHONE,
  screenshot, settled, signIn, startWebApp, type Person, type Session,
} from '../fixtures/browser.js';

jest.setTimeout(90_000);

/** Loading shows as a progress bar, skeletons, or the app bar's spinner (a list refetching keeps its rows). */
const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root, [data-testid="app-loading"]';
/** A UK date as the app writes it: "27 Nov 2026". */
const UK_DATE = /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;

let t: TestApp;
let browser: Browser;
const demo = {
  /** A ward of the rep's patch with people on it. */
  ward: { id: '', name: '', headcount: 0 },
  /** The ward with the longest name the secretary sees (for the phone's title). */
  longWard: { id: '', name: '' },
  /** Someone on the rep's patch, and someone off it. */
  onPatch: { id: '', fullName: '', lastName: '' } as Person,
  offPatch: { id: '', fullName: '', lastName: '' } as Person,
  /** A ward with exactly one member among its staff (made by the test). */
  oneMemberWard: '',
  /** A site of the secretary's branch off the rep's patch. */
  siteName: '',
};

beforeAll(async () => {
  t = await startWebApp();
  const rep = t.as('rep');
  const secretary = t.as('secretary');
  const patch = await rep<{ me: { patchSiteIds: string[] }; myPatch: { ward: { id: string; name: string }; headcount: number }[] }>(
    '{ me { patchSiteIds } myPatch { ward { id name } headcount } }',
  );
  const siteIds = patch.data!.me.patchSiteIds;
  const ward = patch.data!.myPatch.find((w) => w.headcount > 0 && w.headcount <= 50);
  if (!ward) throw new Error(`The rep's patch has no ward with people: ${JSON.stringify(patch.errors)}`);
  demo.ward = { id: ward.ward.id, name: ward.ward.name, headcount: ward.headcount };

  const branch = await secretary<{ myPatch: { ward: { id: string; name: string } }[]; sites: { id: string; name: string; employerId: string }[] }>(
    '{ myPatch { ward { id name } } sites: allSites(perPage: 100) { id name employerId } }',
  );
  const longest = [...branch.data!.myPatch].sort((a, b) => b.ward.name.length - a.ward.name.length)[0];
  demo.longWard = longest.ward;
  const offSite = branch.data!.sites.find((s) => s.employerId === t.demoEmployerId && !siteIds.includes(s.id))!;
  demo.siteName = offSite.name;
  const people = await secretary<{ on: Person[]; off: Person[] }>(
    `query($on: ID, $off: ID) {
      on: allContacts(perPage: 1, sortField: "lastName", sortOrder: "ASC", filter: { siteId: $on, isCurrent: true }) { id fullName lastName }
      off: allContacts(perPage: 1, sortField: "lastName", sortOrder: "ASC", filter: { siteId: $off, isCurrent: true }) { id fullName lastName }
    }`,
    { on: siteIds[0], off: offSite.id },
  );
  demo.onPatch = people.data!.on[0];
  demo.offPatch = people.data!.off[0];
  if (!demo.onPatch || !demo.offPatch) throw new Error(`No one on or off the rep's patch: ${JSON.stringify(people.errors)}`);

  // A ward of one person, a member: "1 of 1 is a member".
  const suffix = Date.now().toString(36).slice(-5);
  const made = await secretary<{ createWard: { id: string } }>(
    'mutation($d: WardCreateInput!) { createWard(data: $d) { id } }',
    { d: { name: `Aaa One Member ${suffix}`, type: 'INPATIENT_WARD', siteId: offSite.id } },
  );
  const unions = await secretary<{ allUnions: { id: string; shortName: string }[] }>('{ allUnions(perPage: 50) { id shortName } }');
  const contact = await secretary<{ createContact: { id: string } }>(
    'mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }',
    { d: { firstName: 'Solo', lastName: `Member${suffix}`, staffGroup: 'ESTATES_ANCILLARY', shiftPattern: 'DAYS', contractType: 'SUBSTANTIVE', wardId: made.data!.createWard.id, employerId: t.demoEmployerId } },
  );
  const union = unions.data!.allUnions.find((u) => u.shortName === 'UNISON')!;
  const member = await secretary(
    'mutation($d: MembershipCreateInput!) { createMembership(data: $d) { id } }',
    { d: { contactId: contact.data!.createContact.id, unionId: union.id, status: 'MEMBER', source: 'SELF_REPORTED', joinDate: '2024-06-03' } },
  );
  if (member.errors) throw new Error(`Could not make the one-member ward: ${JSON.stringify(member.errors)}`);
  demo.oneMemberWard = `Aaa One Member ${suffix}`;

  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** A screenshot once ripples and fades have settled. */
async function shot(page: Page, name: string, fullPage = false) {
  await screenshot(page, `polish-${name}`, { fullPage });
}

/**
 * Holds back the API's answers to the named GraphQL operations (a slow connection, made certain):
 * they go on when `release` is called.
 */
async function holdBack(page: Page, operations: string[]) {
  const held: Route[] = [];
  let holding = true;
  let firstHeld: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (firstHeld = resolve));
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (holding && body?.operationName && operations.includes(body.operationName)) {
      held.push(route);
      firstHeld();
    } else {
      await route.fallback();
    }
  });
  return {
    /** Resolves once the page has asked for the data (and is waiting for it). */
    asked: () => asked,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.fallback();
      await page.unroute('**/graphql');
    },
  };
}

/**
 * Waits until the rows' densities ("48%", or "—" where nobody works) come lowest first with the "—"
 * after them: a list keeps its old rows on screen while the new order loads. A phone's rows say
 * "48% · 52 of 108 are members"; a table's density cell is labelled.
 */
async function waitForDensities(page: Page, screen: 'phone' | 'desktop') {
  await page.waitForFunction((screen) => {
    const rows = [...document.querySelectorAll(screen === 'phone' ? '#main-content li' : '#main-content tbody tr')];
    const values = rows.map((row) => {
      const text = screen === 'phone' ? row.textContent ?? '' : row.querySelector('[aria-label="Density"]')?.textContent ?? '';
      const match = (screen === 'phone' ? /(\d+)% ·/ : /^(\d+)%$/).exec(text);
      return match ? Number(match[1]) : null;
    });
    const known = values.filter((v): v is number => v !== null);
    return known.length > 1 && known.every((v, i) => i === 0 || known[i - 1] <= v) && values.slice(0, known.length).every((v) => v !== null);
  }, screen);
}

describe('on a phone (a rep)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(browser, PHONE, { isMobile: true });
    await signIn(s.page, t.url, LOGINS.rep);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test('an empty quick log says what is missing in words', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expectVisible(dialog.getByText('Pick the person you spoke to'));
    await expect(dialog.textContent()).resolves.not.toMatch(/@@react-admin@@|ra\.validation/);
    await shot(page, 'phone-01-quick-log-empty-save');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expectHidden(dialog);
  });

  test('the quick log opens with the Person field focused: typing a name finds them', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    const person = dialog.getByRole('combobox', { name: 'Person' });
    await expect(person.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // No click, no Tab: the keyboard goes straight into the field.
    await page.keyboard.type(demo.onPatch.lastName);
    await expectVisible(page.getByRole('option', { name: new RegExp(`^${escape(demo.onPatch.fullName)}\\b`) }));
    await shot(page, 'phone-02-quick-log-typed');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expectHidden(dialog);
  });

  test('a chosen quick pick looks chosen: filled blue, white text, a tick', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Log a conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
    const followUp = dialog.getByRole('group', { name: 'Follow up' });
    const week = followUp.getByRole('button', { name: '+1 week' });
    await week.click();
    const answer = dialog.getByRole('group', { name: 'Their answer' }).getByRole('button', { name: 'Yes', exact: true });
    await answer.click();
    // Looked at without focus (a focused chip is darker anyway).
    await dialog.getByText('Follow up', { exact: true }).click();
    await expect(week.getAttribute('aria-pressed')).resolves.toBe('true');
    // The chip's colour and the dialog's fade are transitions: read the look once they have ended.
    await settled(page);
    const look = (el: Element) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color, opacity: style.opacity, tick: !!el.querySelector('svg') };
    };
    await expect(week.evaluate(look)).resolves.toEqual({ background: 'rgb(0, 94, 184)', color: 'rgb(255, 255, 255)', opacity: '1', tick: true });
    const other = followUp.getByRole('button', { name: '+2 weeks' });
    await expect(other.evaluate(look)).resolves.toMatchObject({ background: 'rgba(0, 0, 0, 0)', tick: false });
    await expect(answer.evaluate(look)).resolves.toMatchObject({ background: 'rgb(0, 94, 184)', color: 'rgb(255, 255, 255)' });
    await week.scrollIntoViewIfNeeded();
    await shot(page, 'phone-03-quick-pick-chosen');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    // What was typed is kept as a draft only after a save attempt: this one just closes.
    await expectHidden(dialog);
  });

  test("a ward's people show a loading state before the data comes, then the people", async () => {
    const { page } = s;
    const slow = await holdBack(page, ['allContacts']);
    await page.goto(`${t.url}/#/patch/${demo.ward.id}`);
    await slow.asked();
    const loading = page.getByRole('status', { name: 'Loading people…' });
    await expectVisible(loading);
    await expect(page.getByTestId('patch-person').count()).resolves.toBe(0);
    await shot(page, 'phone-04-ward-loading');
    await slow.release();
    await expectVisible(page.getByTestId('patch-person'));
    await expectHidden(loading);
  });

  test('a linked record that is slow shows a progress bar with a name (react-admin\'s own bar included)', async () => {
    const { page } = s;
    const found = await t.as('rep')<{ allConversations: { id: string }[] }>('{ allConversations(perPage: 1) { id } }');
    const id = found.data!.allConversations[0].id;
    // The conversation comes; the person it links to (a reference field's getMany) is held back.
    const slow = await holdBack(page, ['allContacts']);
    await page.goto(`${t.url}/#/Conversations/${id}/show`);
    await slow.asked();
    const bar = page.getByRole('progressbar', { name: 'Loading' });
    await expectVisible(bar.first());
    await expect(page.locator('[role="progressbar"]:not([aria-label]):not([aria-labelledby]):not([aria-hidden="true"])').count()).resolves.toBe(0);
    await slow.release();
    await expectHidden(bar.first());
  });

  test('a ward of the patch is named in the tab', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/patch/${demo.ward.id}`);
    await expectVisible(page.getByTestId('patch-person'));
    await page.waitForFunction((title) => document.title === title, `${demo.ward.name} · My patch · Rollcall`);
    await page.goto(`${t.url}/#/Contacts`);
    await page.waitForFunction(() => document.title === 'Contacts · Rollcall');
    await page.goto(`${t.url}/#/Contacts/${demo.onPatch.id}/show`);
    await page.waitForFunction((title) => document.title === title, `${demo.onPatch.fullName} · Contacts · Rollcall`);
  });

  test('someone off the patch is "Not found, or not yours to see"', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Contacts/${demo.offPatch.id}/show`);
    await expectVisible(page.getByText('Not found, or not yours to see'));
    await expect(page.getByText(/Element does not exist/).count()).resolves.toBe(0);
    await shot(page, 'phone-05-not-yours');
  });

  test('the contact list sorts on a phone: by when they were last spoken to', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Contacts?filter=%7B%7D&order=ASC&sort=lastName`);
    const sort = page.getByTestId('sort-menu');
    await expectVisible(sort);
    await expect(sort.getAttribute('aria-label')).resolves.toBe('Sort: Last name, A to Z');
    await sort.click();
    await page.getByRole('menuitem', { name: 'Last spoken to, oldest first' }).click();
    await page.waitForURL(/sort=lastConversationAt/);
    // The API's order: those spoken to longest ago first, then the never spoken to.
    const api = await t.as('rep')<{ allContacts: { fullName: string }[] }>(
      '{ allContacts(perPage: 3, sortField: "lastConversationAt", sortOrder: "ASC") { fullName } }',
    );
    const first = page.locator('#main-content li').first();
    await expectVisible(first.getByText(api.data!.allContacts[0].fullName));
    await expect(sort.getAttribute('aria-label')).resolves.toBe('Sort: Last spoken to, oldest first');
    await noProgress(page, LOADING);
    await shot(page, 'phone-06-contacts-sorted');
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('on a phone (the branch secretary)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(browser, PHONE, { isMobile: true });
    await signIn(s.page, t.url, LOGINS.secretary);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test('a long ward name wraps in the title: never cut off', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/patch/${demo.longWard.id}`);
    const title = page.locator('#react-admin-title');
    await expect(title.evaluate((el) => el.tagName)).resolves.toBe('H1');
    await page.waitForFunction((name) => document.getElementById('react-admin-title')?.textContent === name, demo.longWard.name);
    const fit = await title.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { clipped: el.scrollWidth > el.clientWidth + 1, ellipsis: getComputedStyle(el).textOverflow, right: box.right <= window.innerWidth };
    });
    expect(fit).toEqual({ clipped: false, ellipsis: 'clip', right: true });
    await shot(page, 'phone-07-long-title');
  });

  test('wards sort by density on a phone, lowest first', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Wards?filter=%7B%22myBranches%22%3Atrue%7D&order=ASC&sort=name`);
    await page.getByTestId('sort-menu').click();
    await page.getByRole('menuitem', { name: 'Density, lowest first' }).click();
    await page.waitForURL(/sort=density/);
    await waitForDensities(page, 'phone');
    await noProgress(page, LOADING);
    const densities = await page.locator('#main-content li').evaluateAll((items) =>
      items.map((li) => /(\d+)% ·/.exec(li.textContent ?? '')?.[1]).map((d) => (d === undefined ? null : Number(d))),
    );
    const known = densities.filter((d): d is number => d !== null);
    expect(known.length).toBeGreaterThan(1);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    // Wards where nobody works ("—") come after those with a density.
    expect(densities.slice(0, known.length)).toEqual(known);
    await shot(page, 'phone-08-wards-by-density');
  });

  test('one member is "1 of 1 is a member"', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Wards?filter=${encodeURIComponent(JSON.stringify({ q: demo.oneMemberWard }))}`);
    const row = page.locator('#main-content li').filter({ hasText: demo.oneMemberWard });
    await expectVisible(row.getByText('100% · 1 of 1 is a member'));
    await expect(row.textContent()).resolves.not.toMatch(/1 members/);
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('on a desktop (the branch secretary)', () => {
  let s: Session;
  const suffix = Date.now().toString(36).slice(-4);
  const wardName = `Aab Polish ${suffix}`;

  beforeAll(async () => {
    s = await openSession(browser, DESKTOP);
    await signIn(s.page, t.url, LOGINS.secretary);
  });

  afterAll(async () => {
    await s?.context.close();
  });

  test('the sign-in page has its own tab title', async () => {
    const other = await openSession(browser, DESKTOP);
    try {
      await openSignIn(other.page, t.url);
      await expect(other.page.title()).resolves.toBe('Sign in · Rollcall');
      await expect(other.page.getByRole('textbox', { name: 'Email' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    } finally {
      await other.context.close();
    }
  });

  test('a new ward: the Name field has the focus, and the notice names the ward', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Wards/create`);
    const name = page.getByRole('textbox', { name: /^Name/ });
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'name');
    await page.keyboard.type(wardName);
    await expect(name.inputValue()).resolves.toBe(wardName);
    await page.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('combobox', { name: /^Site/ }).click();
    await page.getByRole('option', { name: demo.siteName, exact: true }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(`Ward ${wardName} added`));
    await expect(page.getByText(/Element (created|updated)/).count()).resolves.toBe(0);
    await page.waitForFunction((title) => document.title === title, `${wardName} · Wards · Rollcall`);
    await shot(page, 'desktop-01-ward-added');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill(`${wardName} East`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(`Ward ${wardName} East saved`));
  });

  test("a contact's record shows a loading state before it comes", async () => {
    const { page } = s;
    const slow = await holdBack(page, ['Contact']);
    await page.goto(`${t.url}/#/Contacts/${demo.onPatch.id}/show`);
    await slow.asked();
    await expectVisible(page.getByRole('status', { name: 'Loading contact…' }));
    await page.waitForFunction(() => document.title === 'Loading… · Contacts · Rollcall');
    await shot(page, 'desktop-02-contact-loading');
    await slow.release();
    await expectVisible(page.getByRole('heading', { name: demo.onPatch.fullName }).first());
    await expectHidden(page.getByRole('status', { name: 'Loading contact…' }));
  });

  test('the membership dialog opens with the Union focused', async () => {
    const { page } = s;
    await expectVisible(page.getByRole('region', { name: 'Memberships' }).getByRole('button', { name: 'Add membership' }));
    await page.getByRole('region', { name: 'Memberships' }).getByRole('button', { name: 'Add membership' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a membership' });
    await expect(dialog.getByRole('combobox', { name: 'Union' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);
  });

  test('a membership being added survives a change of width (a window resized, a phone turned, a full-page screenshot)', async () => {
    const { page } = s;
    const panel = page.getByRole('region', { name: 'Memberships' });
    await panel.getByRole('button', { name: 'Add membership' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a membership' });
    await dialog.getByRole('textbox', { name: 'Membership number' }).fill('KEEP-ME-1');
    // Narrow (one column of panels) and back (two columns): the panels are moved, not remade.
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => window.innerWidth === 390);
    await page.setViewportSize(DESKTOP);
    await page.waitForFunction(() => window.innerWidth === 1280);
    await expectVisible(dialog);
    await expect(dialog.getByRole('textbox', { name: 'Membership number' }).inputValue()).resolves.toBe('KEEP-ME-1');
    await shot(page, 'desktop-03-dialog-after-resize');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);
  });

  test('dates: one UK format, a membership joined on a day has no time, a conversation has one', async () => {
    const { page } = s;
    const contact = await t.as('secretary')<{ allContacts: Person[] }>(
      '{ allContacts(perPage: 1, sortField: "lastName", sortOrder: "ASC", filter: { q: "Solo" }) { id fullName lastName } }',
    );
    const solo = contact.data!.allContacts[0];
    await t.as('secretary')(
      'mutation($d: ConversationCreateInput!) { createConversation(data: $d) { id } }',
      { d: { contactId: solo.id, occurredAt: '2026-07-14T13:05:00Z', nextStep: 'Bring a form' } },
    );
    await page.goto(`${t.url}/#/Contacts/${solo.id}/show`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const joined = timeline.locator('[data-kind="MEMBERSHIP_JOINED"]');
    await expectVisible(joined);
    // Joined on 3 June 2024: that day, with no time (it had none).
    await expect(joined.textContent()).resolves.toMatch(/Joined UNISON.*3 Jun 2024/);
    await expect(joined.textContent()).resolves.not.toMatch(/\d\d:\d\d/);
    // The conversation at 13:05 UTC in July: 14:05 in London.
    const conversation = timeline.locator('[data-kind="CONVERSATION"]').first();
    await expect(conversation.textContent()).resolves.toMatch(/14 Jul 2026, 14:05/);
    await expect(page.locator('#main-content').textContent()).resolves.not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    await noProgress(page, LOADING);
    await shot(page, 'desktop-04-contact-dates', true);

  });

  test('a conversation corrected: the notice says whose', async () => {
    const { page } = s;
    await page.getByRole('region', { name: 'Timeline' }).locator('[data-kind="CONVERSATION"]').first().getByRole('link').click();
    await page.waitForURL(/\/Conversations\/[^/]+\/show/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Next step' }).fill('Bring two forms');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText(/^Conversation with Solo Member\w+ saved$/));
    await shot(page, 'desktop-05-conversation-saved');
  });

  test('conversations: dates in the one UK format', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Conversations`);
    await expectVisible(page.locator('#main-content tbody tr').first());
    await expect(page.locator('#main-content tbody tr').first().textContent()).resolves.toMatch(UK_DATE);
  });

  test('wards sort by density on a desktop (the column header)', async () => {
    const { page } = s;
    await page.goto(`${t.url}/#/Wards?filter=%7B%22myBranches%22%3Atrue%7D&order=ASC&sort=name`);
    await expectVisible(page.locator('#main-content tbody tr').first());
    await page.locator('#main-content thead').getByText('Density', { exact: true }).click();
    await page.waitForURL(/sort=density/);
    await waitForDensities(page, 'desktop');
    await noProgress(page, LOADING);
    const densities = await page.locator('#main-content tbody tr').evaluateAll((rows) =>
      rows.map((tr) => tr.querySelector('[aria-label="Density"]')?.textContent ?? '').map((d) => (d.endsWith('%') ? Number(d.slice(0, -1)) : null)),
    );
    const known = densities.filter((d): d is number => d !== null);
    expect(known.length).toBeGreaterThan(1);
    expect(densities.slice(0, known.length)).toEqual([...known].sort((a, b) => a - b));
    await shot(page, 'desktop-06-wards-by-density');
  });

  test('users: created dates in the one UK format', async () => {
    const admin = await openSession(browser, DESKTOP);
    try {
      await signIn(admin.page, t.url, 'admin@unison.example');
      await admin.page.goto(`${t.url}/#/Users`);
      const first = admin.page.locator('#main-content tbody tr').first();
      await expectVisible(first);
      await expect(first.textContent()).resolves.toMatch(UK_DATE);
      await expect(admin.page.locator('#main-content').textContent()).resolves.not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
      expect(admin.problems).toEqual([]);
    } finally {
      await admin.context.close();
    }
  });

  test('the browser logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});

describe('less motion', () => {
  /** How long the quick log's dialog takes to appear, in seconds (its longest transition). */
  async function dialogTransition(reducedMotion: 'reduce' | 'no-preference'): Promise<number> {
    const { context, page, problems } = await openSession(browser, PHONE, { isMobile: true, reducedMotion });
    try {
      await signIn(page, t.url, LOGINS.rep);
      await page.getByRole('button', { name: 'Log a conversation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
      await expectVisible(dialog);
      const seconds = await dialog.evaluate((el) =>
        Math.max(...getComputedStyle(el).transitionDuration.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1))));
      expect(problems).toEqual([]);
      return seconds;
    } finally {
      await context.close();
    }
  }

  test('a phone set to reduce motion gets none: the quick log appears at once', async () => {
    expect(await dialogTransition('no-preference')).toBeGreaterThan(0.1);
    expect(await dialogTransition('reduce')).toBeLessThan(0.001);
  });
});
