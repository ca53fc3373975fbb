/// <reference lib="dom" />
/**
 * The built web app (apps/web/dist) served by the real API, driven in Debian's Chromium through
 * playwright-core, on a desktop and on a phone-sized screen. One journey per screen: sign in as the
 * branch secretary, find a contact, add someone to a ward, record their membership without leaving
 * their page, then see them — and their membership — on the ward.
 *
 * Screenshots of every step land in test/browser/screenshots/ (git-ignored).
 * ROLLCALL_E2E_URL=http://127.0.0.1:3000 runs the same journey against an app that is already up.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import {
  choose, DEMO_PASSWORD, escape, expectHidden, expectVisible, launchBrowser, LOGINS, noProgress, openSession, openSignIn, SCREENS,
  screenshot, signOut, startWebApp, windowOverflow,
} from '../fixtures/browser.js';

jest.setTimeout(60_000);

interface Seeded {
  contact: { fullName: string; lastName: string };
  ward: { id: string; name: string };
  union: { id: string; shortName: string; name: string };
}

let url: string;
let close: () => Promise<void> = async () => {};
let browser: Browser;
let seeded: Seeded;

/** GraphQL straight at the API (to learn what the demo data holds, never to drive the journey). */
async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function findSeeded(): Promise<Seeded> {
  const { login } = await gql<{ login: { token: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: LOGINS.secretary, p: DEMO_PASSWORD },
  );
  const data = await gql<{
    allContacts: Seeded['contact'][];
    allWards: (Seeded['ward'] & { headcount: number })[];
    allUnions: Seeded['union'][];
  }>(
    `{
      allContacts(page: 0, perPage: 1, sortField: "lastName", sortOrder: "DESC") { fullName lastName }
      allWards(page: 0, perPage: 50, sortField: "name", sortOrder: "ASC") { id name headcount }
      allUnions(page: 0, perPage: 20) { id shortName name }
    }`,
    {},
    login.token,
  );
  const ward = data.allWards.find((w) => w.headcount > 0) ?? data.allWards[0];
  const union = data.allUnions.find((u) => u.shortName === 'UNISON') ?? data.allUnions[0];
  if (!data.allContacts[0] || !ward || !union) throw new Error('The demo data has no contact, ward or union');
  return { contact: data.allContacts[0], ward, union };
}

beforeAll(async () => {
  if (process.env.ROLLCALL_E2E_URL) {
    url = process.env.ROLLCALL_E2E_URL.replace(/\/$/, '');
  } else {
    const app = await startWebApp();
    url = app.url;
    close = () => app.close();
  }
  seeded = await findSeeded();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await close();
});

describe.each(SCREENS)('web app on a $screen', ({ screen, viewport, isMobile }) => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  // Unique per screen and run; "Aa…" sorts first, so the new person is on the ward's first page.
  const suffix = `${screen === 'phone' ? 'Ph' : 'Dk'}${Date.now().toString(36).slice(-4)}`;
  const person = { firstName: 'Rowan', lastName: `Aabel${suffix}` };
  const fullName = `${person.firstName} ${person.lastName}`;

  const shot = (name: string) => screenshot(page, `${screen}-${name}`);
  const main = () => page.locator('#main-content');

  beforeAll(async () => {
    ({ context, page, problems } = await openSession(browser, viewport, { isMobile }));
  });

  afterAll(async () => {
    await context?.close();
  });

  test('the branch secretary signs in', async () => {
    // A redirect loop between the sign-in page and the auth check once kept this page moving for 12 s:
    // counted in hops, not seconds, since a busy machine slows the first render and not the loop's count.
    // (The router may re-announce the page it is on: only moves to another address count.)
    const hops: string[] = [];
    const onHop = (frame: Frame): void => {
      if (frame === page.mainFrame() && hops[hops.length - 1] !== frame.url()) hops.push(frame.url());
    };
    page.on('framenavigated', onHop);
    await openSignIn(page, url);
    await expectVisible(page.getByRole('button', { name: 'Sign in' }));
    page.off('framenavigated', onHop);
    expect(hops).toEqual([url + '/', url + '/#/login']);
    await shot('01-login');
    await page.getByRole('textbox', { name: 'Email' }).fill(LOGINS.secretary);
    await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByRole('heading', { name: /^Welcome/ }));
    // the dashboard's figures have loaded (dashboard.e2e checks them against the API)
    await expectVisible(page.getByRole('table', { name: 'Membership density by site' }).getByRole('row').nth(1));
    await shot('02-dashboard');
  });

  test('finds a contact by searching', async () => {
    await page.goto(`${url}/#/Contacts`);
    const search = page.getByRole('textbox', { name: 'Search contacts' });
    await search.fill(seeded.contact.lastName);
    await expectVisible(main().getByText(seeded.contact.fullName).first());
    await noProgress(page);
    await shot('03-search');
    await main().getByText(seeded.contact.fullName).first().click();
    await page.waitForURL(/\/Contacts\/[^/]+\/show/);
    await expectVisible(page.getByRole('heading', { name: seeded.contact.fullName }));
    await expectVisible(page.getByRole('heading', { name: 'Memberships' }));
  });

  test('refuses a contact without the required fields, then creates one on a ward', async () => {
    await page.goto(`${url}/#/Contacts`);
    // A labelled "Create" link: a text button on desktop, a floating button on phones.
    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/\/Contacts\/create/);

    await page.getByRole('textbox', { name: 'First name' }).fill(person.firstName);
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText('Required').first());

    await page.getByRole('textbox', { name: 'Last name' }).fill(person.lastName);
    await page.getByRole('textbox', { name: 'Job title' }).fill('Healthcare assistant');
    await choose(page, page, 'Staff group', 'Additional Clinical Services');
    await choose(page, page, 'Shift pattern', 'Nights');
    const ward = page.getByRole('combobox', { name: 'Ward', exact: true });
    await ward.click();
    await ward.fill(seeded.ward.name.slice(0, 12));
    await page.getByRole('option', { name: new RegExp(escape(seeded.ward.name)) }).first().click();
    // The employer follows the ward.
    await expectVisible(page.getByRole('combobox', { name: 'Employer', exact: true }).filter({ hasText: /\S/ }));
    await shot('04-create-contact');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/Contacts\/[^/]+\/show/);
    await expectVisible(page.getByRole('heading', { name: fullName }));
    await expectVisible(main().getByRole('link', { name: seeded.ward.name }).first());
    await expectVisible(page.getByText('No membership recorded yet.'));
  });

  test('adds a membership without leaving the contact page', async () => {
    const contactUrl = page.url();
    await page.getByRole('button', { name: 'Add membership' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a membership' });
    await expectVisible(dialog);
    await choose(page, dialog, 'Union', new RegExp(`^${escape(seeded.union.shortName)} \\(`));
    await dialog.getByRole('textbox', { name: 'Membership number' }).fill('E2E-' + suffix);
    await shot('05-membership-dialog');
    await dialog.getByRole('button', { name: 'Add membership' }).click();
    await expectHidden(dialog);
    const memberships = page.getByRole('list', { name: 'Memberships' });
    await expectVisible(memberships.getByText(`${seeded.union.shortName}: Member`));
    await expectVisible(page.getByText('Member', { exact: true }).first());
    expect(page.url()).toBe(contactUrl);
    await shot('06-contact-with-membership');
  });

  if (screen === 'desktop') {
    test('shows the server\'s refusal of a second membership of the same union on the Union input', async () => {
      await page.getByRole('button', { name: 'Add membership' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a membership' });
      await choose(page, dialog, 'Union', new RegExp(`^${escape(seeded.union.shortName)} \\(`));
      await dialog.getByRole('button', { name: 'Add membership' }).click();
      await expectVisible(dialog.getByText(/already has a membership/));
      await shot('07-duplicate-membership');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expectHidden(dialog);
    });
  }

  test('the ward page lists the new person with their membership status', async () => {
    await main().getByRole('link', { name: seeded.ward.name }).first().click();
    await page.waitForURL(/\/Wards\/[^/]+\/show/);
    const people = page.getByRole('region', { name: 'People on this ward' });
    await expectVisible(people.getByText(fullName));
    const row = isMobile
      ? people.getByRole('link').filter({ hasText: fullName })
      : people.locator('tr').filter({ hasText: fullName });
    await expectVisible(row.getByText(`${seeded.union.shortName}: Member`));
    await expectVisible(page.getByText('Density', { exact: true }));
    await shot('08-ward');
  });

  if (screen === 'desktop') {
    test('asks before deleting a contact, then deletes them', async () => {
      await main().getByText(fullName).first().click();
      await page.waitForURL(/\/Contacts\/[^/]+\/show/);
      // The URL changes before the contact page replaces the ward page, whose toolbar has a Delete
      // button of its own: wait for the contact before reaching for theirs.
      await expectVisible(page.getByRole('heading', { name: fullName }));
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const confirm = page.getByRole('dialog');
      await expectVisible(confirm.getByText(new RegExp(escape(fullName))));
      await shot('12-confirm-delete');
      await confirm.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForURL(/\/Contacts(\?.*)?$/);
      await page.getByRole('textbox', { name: 'Search contacts' }).fill(person.lastName);
      await expectVisible(page.getByText('No Contacts found using the current filters.'));
    });
  }

  test('lists fit the screen and the browser logged no errors', async () => {
    for (const [name, route] of [['09-wards', 'Wards'], ['10-sites', 'Sites'], ['11-contacts', 'Contacts']] as const) {
      // An explicit empty filter: react-admin remembers each list's last search.
      await page.goto(`${url}/#/${route}?filter=%7B%7D`);
      await page.waitForFunction(() => !!document.querySelector('#main-content tbody tr, #main-content li'));
      const overflow = await windowOverflow(page);
      expect({ route, overflow }).toEqual({ route, overflow: 0 });
      await shot(name);
    }
    expect(problems).toEqual([]);
  });

  test('signing out ends the session on the server too', async () => {
    const token = await page.evaluate(() => localStorage.getItem('rollcall.token'));
    expect(token).toBeTruthy();
    await signOut(page);
    expect(await page.evaluate(() => localStorage.getItem('rollcall.token'))).toBeNull();
    // the token copied before signing out no longer works
    await expect(gql('{ me { id } }', {}, token!)).rejects.toThrow(/Log in to use Rollcall/);
  });
});
