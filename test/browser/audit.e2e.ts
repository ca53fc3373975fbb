/// <reference lib="dom" />
/**
 * The audit log screen, in the built web app served by the real API, in Debian's Chromium through
 * playwright-core. An admin's change to a contact's job title (made through the API, to save time)
 * shows up in the Audit log: filtered by action, opened, with the job title's before and after side
 * by side. The contact's page links to its history. Record types and actions read as plain words
 * (an issue tag, a sign-out). A branch secretary has no Audit log at all.
 *
 * Screenshots land in test/browser/screenshots/audit-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  closeAll, DESKTOP, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, SCREENS, screenshot,
  signIn, startWebApp, windowOverflow,
} from '../fixtures/browser.js';

jest.setTimeout(60_000);

let t: TestApp;
let browser: Browser;
const contact = { id: '', fullName: '', oldTitle: '', newTitle: `Audit check ${Date.now().toString(36).slice(-5)}` };
const tag = { id: '' };

beforeAll(async () => {
  t = await startWebApp();

  const admin = t.as('admin');
  const found = await admin<{ allContacts: { id: string; fullName: string; jobTitle: string | null }[] }>(
    '{ allContacts(page: 0, perPage: 1, sortField: "lastName", sortOrder: "ASC") { id fullName jobTitle } }',
  );
  const first = found.data?.allContacts[0];
  if (!first) throw new Error(`The demo data has no contact: ${JSON.stringify(found.errors)}`);
  Object.assign(contact, { id: first.id, fullName: first.fullName, oldTitle: first.jobTitle ?? '' });
  const updated = await admin<{ updateContact: { jobTitle: string } }>(
    'mutation($id: ID!, $data: ContactUpdateInput!) { updateContact(id: $id, data: $data) { jobTitle } }',
    { id: contact.id, data: { jobTitle: contact.newTitle } },
  );
  expect(updated.errors).toBeUndefined();
  expect(updated.data?.updateContact.jobTitle).toBe(contact.newTitle);
  // A failed sign-in, so the unfiltered list shows a warning chip too.
  await t.gql('mutation { login(email: "admin@unison.example", password: "not-the-password") { token } }');
  // Records and actions whose API names are not plain words: an issue tag renamed, a rep signing out.
  const tags = await admin<{ allIssueTags: { id: string; name: string }[] }>('{ allIssueTags(perPage: 1) { id name } }');
  tag.id = tags.data!.allIssueTags[0].id;
  const renamed = await admin('mutation($id: ID!, $n: String!) { updateIssueTag(id: $id, data: { name: $n }) { id } }', { id: tag.id, n: `${tags.data!.allIssueTags[0].name} (renamed)` });
  expect(renamed.errors).toBeUndefined();
  expect((await t.as('rep')('mutation { logout }')).data?.logout).toBe(true);

  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

describe.each(SCREENS)('audit log on a $screen', ({ screen, viewport, isMobile }) => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  const shot = (name: string) => screenshot(page, `audit-${screen}-${name}`);
  const main = () => page.locator('#main-content');

  beforeAll(async () => {
    ({ context, page, problems } = await openSession(browser, viewport, { isMobile }));
  });

  afterAll(async () => {
    await context?.close();
  });

  test('the admin signs in and opens the Audit log', async () => {
    await signIn(page, t.url, LOGINS.admin);
    if (isMobile) await page.getByRole('button', { name: /open menu|close menu/i }).first().click();
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.waitForURL(/#\/AuditEvents/);
    await expectVisible(main().getByText(LOGINS.admin).first());
    // Read-only: no create, export or bulk delete.
    await expect(page.getByRole('link', { name: 'Create' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Export' }).count()).resolves.toBe(0);
    await expect(main().getByRole('checkbox').count()).resolves.toBe(0);
    await expectVisible(main().getByText('Sign-in failed').first());
    await noProgress(page);
    await shot('00-all');
  });

  test('filters by action and finds the job title change', async () => {
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Action' }).click();
    await page.getByRole('combobox', { name: 'Action', exact: true }).click();
    await page.getByRole('option', { name: 'Updated' }).click();
    await page.waitForURL(/UPDATE/);
    await noProgress(page);
    const row = isMobile
      ? main().getByRole('link').filter({ hasText: LOGINS.admin }).filter({ hasText: `Contact · ${contact.id.slice(0, 8)}` })
      : main().locator('tbody tr').filter({ hasText: LOGINS.admin }).filter({ hasText: `Contact · ${contact.id.slice(0, 8)}` });
    await expectVisible(row.getByText('Updated'));
    // Nothing but updates.
    await main().getByText('Signed in', { exact: true }).first().waitFor({ state: 'detached' });
    await noProgress(page);
    const overflow = await windowOverflow(page);
    expect(overflow).toBe(0);
    await shot('01-list');

    await row.first().click();
    await page.waitForURL(/#\/AuditEvents\/[^/]+\/show/);
    const changes = page.getByRole('table', { name: 'Changes' });
    const jobTitle = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Job title' }) });
    await expectVisible(jobTitle);
    await expectVisible(jobTitle.getByText(contact.newTitle, { exact: true }));
    if (contact.oldTitle) await expectVisible(jobTitle.getByText(contact.oldTitle, { exact: true }));
    await expect(jobTitle.getAttribute('data-changed')).resolves.toBe('true');
    await expectVisible(page.getByText(contact.id).first());
    await shot('02-show');

    await page.getByRole('button', { name: 'Raw JSON' }).click();
    await expectVisible(page.getByText(`"jobTitle": "${contact.newTitle}"`));
    await shot('03-raw-json');
  });

  if (!isMobile) {
    test("the contact's page links admins to its history", async () => {
      await page.goto(`${t.url}/#/Contacts/${contact.id}/show`);
      await expectVisible(page.getByRole('heading', { name: contact.fullName }));
      await page.getByRole('link', { name: 'History' }).click();
      await page.waitForURL(/#\/AuditEvents.*entityId/);
      await expectVisible(page.getByRole('textbox', { name: 'Record id' }));
      await expect(page.getByRole('textbox', { name: 'Record id' }).inputValue()).resolves.toBe(contact.id);
      await expectVisible(main().locator('tbody tr').filter({ hasText: 'Updated' }));
      await shot('04-contact-history');
    });

    test('names records and actions of every kind in plain words', async () => {
      const byTag = encodeURIComponent(JSON.stringify({ entityId: tag.id }));
      await page.goto(`${t.url}/#/AuditEvents?filter=${byTag}`);
      const row = main().locator('tbody tr').filter({ hasText: `Issue tag · ${tag.id.slice(0, 8)}` });
      await expectVisible(row.getByText('Updated'));
      await row.first().click();
      await expectVisible(main().getByRole('heading', { name: 'Updated: Issue tag' }));
      const signOuts = encodeURIComponent(JSON.stringify({ action: 'LOGOUT' }));
      await page.goto(`${t.url}/#/AuditEvents?filter=${signOuts}`);
      const signOut = main().locator('tbody tr').filter({ hasText: LOGINS.rep });
      await expectVisible(signOut.getByText('Signed out'));
      await expectVisible(signOut.getByText('User account'));
      await noProgress(page);
      await shot('05-plain-words');
    });

    test('shows the empty state when nothing matches', async () => {
      const filter = encodeURIComponent(JSON.stringify({ entityId: '00000000-0000-4000-8000-000000000000' }));
      await page.goto(`${t.url}/#/AuditEvents?filter=${filter}`);
      await expectVisible(page.getByText('No audit events match'));
    });
  }

  test('the browser logged no errors', () => {
    expect(problems).toEqual([]);
  });
});

describe('the branch secretary', () => {
  test('has no Audit log, and no History on a contact', () => inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.secretary);
    await expectVisible(page.getByRole('menuitem', { name: 'Contacts' }));
    await expect(page.getByRole('menuitem', { name: 'Audit log' }).count()).resolves.toBe(0);
    await page.goto(`${t.url}/#/Contacts/${contact.id}/show`);
    await expectVisible(page.getByRole('heading', { name: contact.fullName }));
    await expect(page.getByRole('link', { name: 'History' }).count()).resolves.toBe(0);
    await screenshot(page, 'audit-secretary-menu', { fullPage: false });
    expect(problems).toEqual([]);
  }));
});
