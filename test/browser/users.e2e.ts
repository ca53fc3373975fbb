/// <reference lib="dom" />
/**
 * Accounts, in the built web app served by the real API, in Debian's Chromium through
 * playwright-core. The branch admin creates a rep in their branch with a patch site (after the
 * client's and the server's refusals), finds them in the list; the new user signs in, sees their role
 * and changes their password (a wrong current password is refused on its field); the admin changes
 * their role and deactivates them (after a confirmation), and they can no longer sign in. A branch
 * secretary has no Users menu and the API refuses them the list. On a phone the list still fits.
 *
 * Screenshots land in test/browser/screenshots/users-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  choose, closeAll, DESKTOP, expectHidden, expectVisible, fillSignIn, inSession, launchBrowser, LOGINS, noProgress, openSignIn,
  openSession, overflowOf, PHONE, screenshot, signIn, signOut, startWebApp, type Session, type Viewport,
} from '../fixtures/browser.js';

jest.setTimeout(60_000);

let t: TestApp;
let browser: Browser;
/** The admin's branch and a site of it (for the new rep's patch). */
const demo = { branchId: '', branchName: '', siteName: '' };
const suffix = Date.now().toString(36).slice(-5);
/** Created by this test, so failed sign-ins never lock a shared demo account. */
const newUser = {
  email: `robin.${suffix}@unison.example`,
  name: `Robin Aalto ${suffix}`,
  password: `first-${suffix}-password-of-robin`,
  newPassword: `second-${suffix}-password-of-robin`,
};

beforeAll(async () => {
  t = await startWebApp();
  const me = await t.as('admin')<{ me: { roles: { branchId: string; role: string; branch: { name: string } }[] } }>(
    '{ me { roles { branchId role branch { name } } } }',
  );
  const adminRole = me.data?.me.roles.find((r) => r.role === 'ADMIN');
  if (!adminRole) throw new Error(`The demo admin holds no admin role: ${JSON.stringify(me.errors)}`);
  Object.assign(demo, { branchId: adminRole.branchId, branchName: adminRole.branch.name });
  const sites = await t.as('admin')<{ allSites: { name: string; employerId: string }[] }>(
    '{ allSites(page: 0, perPage: 50, sortField: "name", sortOrder: "ASC") { name employerId } }',
  );
  const site = sites.data?.allSites.find((s) => s.employerId === t.demoEmployerId);
  if (!site) throw new Error(`The demo branch has no site: ${JSON.stringify(sites.errors)}`);
  demo.siteName = site.name;

  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** A session whose problems leave out the refused requests (400, 401) the tests provoke on purpose. */
const open = (viewport: Viewport, isMobile = false): Promise<Session> =>
  openSession(browser, viewport, { isMobile, expectedConsoleErrors: /status of 40[01]/ });

describe('a branch admin manages an account', () => {
  let admin: Session;
  let robin: Session;
  const shot = (page: Page, name: string) => screenshot(page, `users-${name}`);
  const main = () => admin.page.locator('#main-content');

  beforeAll(async () => {
    admin = await open(DESKTOP);
    robin = await open(DESKTOP);
  });

  afterAll(async () => {
    await admin?.context.close();
    await robin?.context.close();
  });

  test('the admin opens Users from the menu', async () => {
    const { page } = admin;
    await signIn(page, t.url, LOGINS.admin);
    await expectVisible(page.getByRole('menuitem', { name: 'Branches' }));
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.waitForURL(/#\/Users/);
    await expectVisible(main().getByText(LOGINS.secretary));
    const secretaryRow = main().locator('tbody tr').filter({ hasText: LOGINS.secretary });
    await expectVisible(secretaryRow.getByText(`Branch secretary · ${demo.branchName}`));
    // The other branch's secretary is another admin's business.
    await expect(main().getByText('secretary2@unison.example').count()).resolves.toBe(0);
    await noProgress(page);
    await shot(page, '01-list');
  });

  test('refuses an incomplete account on the client, and a taken email on the server', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Create' }).click();
    await page.waitForURL(/#\/Users\/create/);
    await page.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
    await page.getByRole('textbox', { name: /^Initial password/ }).fill('too-short');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText('Enter a valid email address'));
    await expectVisible(page.getByText('At least 12 characters'));
    await expectVisible(page.getByText('Required').first());

    await page.getByRole('textbox', { name: 'Email' }).fill(LOGINS.secretary);
    await page.getByRole('textbox', { name: /^Name/ }).fill(newUser.name);
    await page.getByRole('textbox', { name: /^Initial password/ }).fill(newUser.password);
    // The one role row starts in the admin's branch.
    await expectVisible(page.getByRole('combobox', { name: 'Branch', exact: true }).filter({ hasText: demo.branchName }));
    await choose(page, page, 'Role', 'Workplace rep');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectVisible(page.getByText('is already used by another account'));
    await shot(page, '02-create-refused');
  });

  test('creates a rep in the branch with a patch site', async () => {
    const { page } = admin;
    await page.getByRole('textbox', { name: 'Email' }).fill(newUser.email);
    const patch = page.getByRole('combobox', { name: 'Patch sites' });
    await patch.click();
    await patch.fill(demo.siteName.slice(0, 6));
    await page.getByRole('option', { name: demo.siteName }).first().click();
    await expectVisible(page.getByText('Only for reps: the sites whose people they see'));
    await shot(page, '03-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Users\/[^/]+\/show/);
    await expectVisible(page.getByRole('heading', { name: newUser.name }));
    await expectVisible(main().getByText(`Workplace rep · ${demo.branchName}`));
    await expectVisible(main().getByText(demo.siteName));
    await expectVisible(main().getByText('Active', { exact: true }));
    await shot(page, '04-show');
  });

  test('finds the new account in the list, searching and filtering by role', async () => {
    const { page } = admin;
    await page.goto(`${t.url}/#/Users?filter=%7B%7D`);
    await page.getByRole('textbox', { name: 'Search users' }).fill(suffix);
    await main().locator('tbody tr').filter({ hasText: LOGINS.secretary }).waitFor({ state: 'detached' });
    const row = main().locator('tbody tr').filter({ hasText: newUser.email });
    await expectVisible(row.getByText(`Workplace rep · ${demo.branchName}`));
    await expect(main().locator('tbody tr').count()).resolves.toBe(1);
    await page.goto(`${t.url}/#/Users?filter=${encodeURIComponent(JSON.stringify({ role: 'REP' }))}`);
    await noProgress(page);
    await expectVisible(main().locator('tbody tr').filter({ hasText: newUser.email }));
    await expect(main().locator('tbody tr').filter({ hasText: LOGINS.secretary }).count()).resolves.toBe(0);
    // Sorted by email, descending: the column header sorts.
    await page.goto(`${t.url}/#/Users?filter=%7B%7D`);
    await main().getByRole('columnheader', { name: 'Email' }).getByRole('button').click();
    await page.waitForURL(/sort=email/);
    await noProgress(page);
    await shot(page, '05-list-with-new-user');
  });

  test('the new user signs in, sees their role and changes their password', async () => {
    const { page } = robin;
    await signIn(page, t.url, newUser.email, newUser.password);
    // A rep: people and structure, no Users, Branches or Audit log.
    await expectVisible(page.getByRole('menuitem', { name: 'Contacts' }));
    await expect(page.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: 'Audit log' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Profile' }).click();
    await expectVisible(page.getByTestId('account-role').filter({ hasText: `Workplace rep · ${demo.branchName}` }));
    await shot(page, '06-user-menu');
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.waitForURL(/#\/change-password/);
    await expectVisible(page.getByRole('heading', { name: 'Change password' }));

    const current = page.getByRole('textbox', { name: /^Current password/ });
    const next = page.getByRole('textbox', { name: /^New password/ });
    const confirm = page.getByRole('textbox', { name: /^Confirm new password/ });
    // Typed twice, differently: refused before it is sent.
    await current.fill(newUser.password);
    await next.fill(newUser.newPassword);
    await confirm.fill(newUser.newPassword + 'x');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(page.getByText('The two new passwords differ'));
    // A wrong current password: the server's refusal, on its field.
    await current.fill('not-my-current-password');
    await confirm.fill(newUser.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(page.getByText('is not your current password'));
    await shot(page, '07-change-password-refused');

    const oldToken = await page.evaluate(() => localStorage.getItem('rollcall.token'));
    await current.fill(newUser.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(page.getByText('Password changed. Other sessions have been signed out.'));
    await shot(page, '08-password-changed');
    const newToken = await page.evaluate(() => localStorage.getItem('rollcall.token'));
    expect(newToken).toBeTruthy();
    expect(newToken).not.toBe(oldToken);
    // The old token no longer works; this session carries on with the new one.
    expect((await t.gql('{ me { id } }', {}, oldToken!)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.getByRole('menuitem', { name: 'Wards' }).click();
    await expectVisible(page.locator('#main-content tbody tr').first());

    await signOut(page);
    await signIn(page, t.url, newUser.email, newUser.newPassword);
  });

  test('the admin changes the role', async () => {
    const { page } = admin;
    await page.goto(`${t.url}/#/Users?filter=${encodeURIComponent(JSON.stringify({ q: suffix }))}`);
    await main().locator('tbody tr').filter({ hasText: newUser.email }).click();
    await page.waitForURL(/#\/Users\/[^/]+\/show/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/#\/Users\/[^/]+$/);
    await expect(page.getByRole('textbox', { name: 'Email' }).isDisabled()).resolves.toBe(true);
    await choose(page, page, 'Role', 'Caseworker');
    await expectHidden(page.getByRole('listbox'));
    await shot(page, '09-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Users\/[^/]+\/show/);
    await expectVisible(main().getByText(`Caseworker · ${demo.branchName}`));
    await expect(main().getByText(`Workplace rep · ${demo.branchName}`).count()).resolves.toBe(0);
  });

  test('a change of role signs the user out', async () => {
    const { page } = robin;
    await page.goto(`${t.url}/#/Contacts`);
    await page.getByRole('textbox', { name: 'Email' }).waitFor({ state: 'visible' });
  });

  test('the admin deactivates the account, after confirming', async () => {
    const { page } = admin;
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/#\/Users\/[^/]+$/);
    const active = page.getByRole('switch', { name: 'Active: can sign in' });
    await expect(active.isChecked()).resolves.toBe(true);
    // Cancelling keeps the account active.
    await active.click();
    const dialog = page.getByRole('dialog');
    await expectVisible(dialog.getByText(`Deactivate ${newUser.name}?`));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);
    await expect(active.isChecked()).resolves.toBe(true);

    await active.click();
    await expectVisible(dialog.getByText('They are signed out everywhere at once'));
    await shot(page, '10-confirm-deactivate');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expectHidden(dialog);
    await expect(active.isChecked()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Users\/[^/]+\/show/);
    await expectVisible(main().getByText('Deactivated: cannot sign in'));
    await shot(page, '11-deactivated');

    await page.goto(`${t.url}/#/Users?filter=${encodeURIComponent(JSON.stringify({ active: false }))}`);
    await expectVisible(main().locator('tbody tr').filter({ hasText: newUser.email }).getByText('Deactivated'));
  });

  test('the deactivated user can no longer sign in', async () => {
    const { page } = robin;
    await fillSignIn(page, t.url, newUser.email, newUser.newPassword);
    await expectVisible(page.getByText('Wrong email or password'));
    await shot(page, '12-deactivated-sign-in');
    expect(await page.evaluate(() => localStorage.getItem('rollcall.token'))).toBeNull();
  });

  test('the browser logged no errors', () => {
    expect(admin.problems).toEqual([]);
    expect(robin.problems).toEqual([]);
  });
});

describe('branches', () => {
  const shot = (page: Page, name: string) => screenshot(page, `users-${name}`);

  test('the admin adds a branch, becomes its admin, then deletes it after confirming', () => inSession(open(DESKTOP), async ({ page, problems }) => {
    const name = `E2E branch ${suffix}`;
    await signIn(page, t.url, LOGINS.admin);
    await page.getByRole('menuitem', { name: 'Branches' }).click();
    await page.waitForURL(/#\/Branches/);
    const main = page.locator('#main-content');
    await expectVisible(main.locator('tbody tr').filter({ hasText: demo.branchName }));
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/Branches\/[^/]+\/show/);
    await expectVisible(main.getByText(name));
    // Its creator administers it: the user menu says so, and it offers Edit and Delete.
    await expectVisible(page.getByRole('link', { name: 'Edit' }));
    await page.getByRole('button', { name: 'Profile' }).click();
    await expectVisible(page.getByTestId('account-role').filter({ hasText: `Branch admin · ${name}` }));
    await page.keyboard.press('Escape');
    await shot(page, 'branches-01-created');

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await expectVisible(dialog.getByText('Delete this branch?'));
    await shot(page, 'branches-02-confirm-delete');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(/#\/Branches(\?.*)?$/);
    await expectVisible(main.locator('tbody tr').filter({ hasText: demo.branchName }));
    await main.getByText(name).first().waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  }));
});

describe('an account that also holds a role in a branch another admin runs', () => {
  test('offers only its roles and patch here: name, password and active are shown but cannot change', () => inSession(open(DESKTOP), async ({ page, problems }) => {
    // The admin's own branch, and the branch of the second trust's secretary, which this admin does not run.
    const [{ branch_id: other }] = await t.sql(`SELECT r.branch_id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id
      WHERE u.email = $1 LIMIT 1`, [LOGINS.secretary2]);
    expect(other).not.toBe(demo.branchId);
    const [{ organisation_id: org, password_hash: hash }] = await t.sql('SELECT organisation_id, password_hash FROM app_user WHERE email = $1', [LOGINS.admin]);
    const make = async (email: string, branches: string[]) => {
      const [{ id }] = await t.sql('INSERT INTO app_user (email, display_name, password_hash, organisation_id) VALUES ($1, $2, $3, $4) RETURNING id',
        [email, `Shared ${suffix}`, hash, org]);
      for (const b of branches) await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'CASEWORKER')", [id, b]);
      return id as string;
    };
    const shared = await make(`shared.${suffix}@unison.example`, [demo.branchId, other]);
    const ours = await make(`ours.${suffix}@unison.example`, [demo.branchId]);

    await signIn(page, t.url, LOGINS.admin);
    await page.goto(`${t.url}/#/Users/${shared}`);
    const name = page.getByRole('textbox', { name: 'Name' });
    await expectVisible(name);
    await expect(name.isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('New password').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('switch', { name: 'Active: can sign in' }).or(page.getByRole('checkbox', { name: 'Active: can sign in' })).isDisabled()).resolves.toBe(true);
    await expectVisible(page.getByText('They also hold a role in a branch another admin runs', { exact: false }).first());
    await expectVisible(page.getByText('Only an admin of all their branches can deactivate them.'));
    await screenshot(page, 'users-desktop-shared-account');

    await page.goto(`${t.url}/#/Users/${ours}`);
    await expectVisible(page.getByRole('textbox', { name: 'Name' }));
    await expect(page.getByRole('textbox', { name: 'Name' }).isDisabled()).resolves.toBe(false);
    await expect(page.getByLabel('New password').isDisabled()).resolves.toBe(false);
    expect(problems).toEqual([]);
  }));
});

describe('a branch secretary', () => {
  test('has no Users or Branches menu, and #/Users shows no accounts (the API refuses them)', () => inSession(open(DESKTOP), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.secretary);
    await expectVisible(page.getByRole('menuitem', { name: 'Contacts' }));
    await expect(page.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: 'Branches' }).count()).resolves.toBe(0);
    await page.goto(`${t.url}/#/Users`);
    // No Users page for a secretary: the app's not-found page, and no request for accounts
    await expectVisible(page.getByText(/Not found, or not yours to see/));
    await expect(page.getByText(LOGINS.admin).count()).resolves.toBe(0);
    await expect(page.locator('#main-content tbody tr').count()).resolves.toBe(0);
    await screenshot(page, 'users-secretary');
    const refused = await t.as('secretary')('{ allUsers { id email } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(problems).toEqual([]);
  }));
});

describe('on a phone', () => {
  test('the users list, an account and the form fit the screen', () => inSession(open(PHONE, true), async ({ page, problems }) => {
    await signIn(page, t.url, LOGINS.admin);
    await page.getByRole('button', { name: /open menu|close menu/i }).first().click();
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.waitForURL(/#\/Users/);
    const main = page.locator('#main-content');
    const row = main.getByRole('link').filter({ hasText: LOGINS.secretary });
    await expectVisible(row.getByText(`Branch secretary · ${demo.branchName}`));
    await noProgress(page);
    expect(await overflowOf(page)).toBe(0);
    await screenshot(page, 'users-phone-01-list');

    await row.click();
    await page.waitForURL(/#\/Users\/[^/]+\/show/);
    await expectVisible(page.getByRole('heading', { name: /Sam Okafor/ }));
    expect(await overflowOf(page)).toBe(0);
    await screenshot(page, 'users-phone-02-show');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/#\/Users\/[^/]+$/);
    await expectVisible(page.getByRole('combobox', { name: 'Role', exact: true }));
    await noProgress(page);
    expect(await overflowOf(page)).toBe(0);
    // The save bar is fixed to the bottom of the screen: a full-page shot would show it mid-form.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await screenshot(page, 'users-phone-03-edit', { fullPage: false });

    await page.goto(`${t.url}/#/change-password`);
    await expectVisible(page.getByRole('heading', { name: 'Change password' }));
    expect(await overflowOf(page)).toBe(0);
    await screenshot(page, 'users-phone-04-change-password');
    expect(problems).toEqual([]);
  }));
});

describe('a session saved by an older version of the app', () => {
  test('signs out cleanly instead of crashing', () => inSession(open(DESKTOP), async ({ page, problems }) => {
    const token = await t.login('secretary');
    // The app's first render in a fresh context is over before the stored session is swapped.
    await openSignIn(page, t.url);
    await page.evaluate((tk) => {
      localStorage.setItem('rollcall.token', tk);
      localStorage.setItem('rollcall.user', JSON.stringify({ id: 'x', email: 'secretary@unison.example', displayName: 'Sam', role: 'BRANCH_SECRETARY', organisation: null }));
    }, token);
    // The app clears the session first, then tells the server: watch for that answer from the moment the
    // page starts loading, for as long as the test may take (its own timer would otherwise be spent on the
    // page's load when the machine is busy).
    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/graphql') && /\blogout\b/.test(r.request().postData() ?? ''), { timeout: 0 });
    await page.goto(`${t.url}/#/Contacts`);
    await page.getByRole('textbox', { name: 'Email' }).waitFor({ state: 'visible' });
    // The sign-in page says why for as long as it is on screen.
    await expectVisible(page.getByText('Your session has ended: please sign in again').first());
    expect(await page.evaluate(() => localStorage.getItem('rollcall.user'))).toBeNull();
    // Signing out ended the old token on the server too (committed before the answer came back).
    expect((await loggedOut).status()).toBe(200);
    const after = await t.gql('{ me { id } }', {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await signIn(page, t.url, LOGINS.secretary);
    await expectVisible(page.getByRole('menuitem', { name: 'Contacts' }));
    expect(problems).toEqual([]);
  }));
});
