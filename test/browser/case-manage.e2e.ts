/// <reference lib="dom" />
/**
 * Managing a case from its page, at desktop and phone sizes. The branch secretary changes a case's
 * team (an API field error shows on its input first; then the new caseworker reads the case and the
 * old one no longer does, checked through the API), links an appeal to the case it follows (the appeal
 * shows "Follows", the case "Followed by") and unlinks it after confirming, and deletes a case after
 * confirming (cancelling first changes nothing), landing on the list with a notification. The case's
 * own caseworker, whom the API refuses both, sees neither "Change team" nor "Delete".
 *
 * Screenshots land in test/browser/screenshots/case-manage-*.png (git-ignored).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import type { GqlResult, TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import {
  closeAll, DEMO_PASSWORD, escape, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, screenshot,
  SCREENS, settled, SHOTS, signIn, startWebApp, expectValue,
} from '../fixtures/browser.js';

jest.setTimeout(240_000);

const NEW_CASEWORKER = { email: 'caseworker2@unison.example', name: 'Morgan Reyes (caseworker)' };

let t: TestApp;
let browser: Browser;
const userIds: Record<string, string> = {};
/** Per screen: a member without cases, and the cases made for them. */
interface Fixture { member: { id: string; fullName: string }; teamCase: string; disciplinary: string; appeal: string; doomed: string; own: string }
const fixtures: Record<string, Fixture> = {};

const ok = <T = any>(res: GqlResult, key: string): T => {
  if (res.errors || res.data?.[key] === undefined || res.data?.[key] === null) throw new Error(`${key}: ${JSON.stringify(res.errors)}`);
  return res.data[key] as T;
};
const READ = 'query($id: ID!) { Case(id: $id) { id follows { id } followedBy { id } team { userId role } } }';

/** gql as the caseworker added for this test. */
async function asNewCaseworker(query: string, variables: Record<string, unknown>): Promise<GqlResult> {
  const login = await t.gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: NEW_CASEWORKER.email, p: DEMO_PASSWORD });
  return t.gql(query, variables, ok<{ token: string }>(login, 'login').token);
}

beforeAll(async () => {
  t = await startWebApp();
  for (const who of ['caseworker', 'secretary', 'rep'] as const) {
    userIds[who] = (await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS[who]]))[0].id;
  }
  // a second caseworker of the demo branch (the demo caseworker's password)
  const [{ id: colleague }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id)
    SELECT $2, $3, password_hash, organisation_id FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.caseworker, NEW_CASEWORKER.email, NEW_CASEWORKER.name]);
  await t.sql(`INSERT INTO user_branch_role (user_id, branch_id, role) SELECT $1, branch_id, 'CASEWORKER' FROM user_branch_role WHERE user_id = $2`,
    [colleague, userIds.caseworker]);
  userIds.colleague = colleague;
  const members = await t.sql(`SELECT c.id, c.first_name || ' ' || c.last_name AS full_name FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    WHERE c.employer_id = $1 AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) AND c.deleted_at IS NULL
    AND c.preferred_name IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
    AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id) ORDER BY c.last_name, c.id LIMIT ${SCREENS.length}`, [t.demoEmployerId, LOGINS.secretary]);
  expect(members).toHaveLength(SCREENS.length);
  const open = async (contactId: string, type: string) => ok<{ id: string }>(await t.as('secretary')(
    'mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }', { d: { contactId, type, caseworkerId: userIds.caseworker } }), 'createCase').id;
  for (const [i, { screen }] of SCREENS.entries()) {
    const m = members[i];
    const fullName = ok<{ fullName: string }>(await t.as('secretary')('query($id: ID!) { Contact(id: $id) { fullName } }', { id: m.id }), 'Contact').fullName;
    fixtures[screen] = {
      member: { id: m.id, fullName },
      teamCase: await open(m.id, 'CAPABILITY'),
      disciplinary: await open(m.id, 'DISCIPLINARY'),
      appeal: await open(m.id, 'APPEAL'),
      doomed: await open(m.id, 'GRIEVANCE'),
      own: await open(m.id, 'SICKNESS_ABSENCE'),
    };
  }
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await closeAll(browser, t);
});

/** The case page, loaded: its heading and team shown. */
async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${t.url}/#/Cases/${id}/show`);
  await expectVisible(page.getByRole('region', { name: 'Team' }));
  await noProgress(page, '.MuiLinearProgress-root, .MuiSkeleton-root');
}

/** Picks `option` in a react-admin autocomplete of `scope`, typing `typed` first to narrow it. */
async function pick(page: Page, scope: Locator, label: string, typed: string, option: string | RegExp): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe.each(SCREENS)('the branch secretary on a $screen', ({ screen, viewport, isMobile }) => {
  test('changes a case\'s team, links an appeal and unlinks it, and deletes a case after confirming', async () => {
    const f = fixtures[screen];
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);

      // --- the team: the demo caseworker now, a colleague after
      await openCase(page, f.teamCase);
      const team = page.getByRole('region', { name: 'Team' });
      await expectVisible(team.getByTestId('case-team-member').filter({ hasText: 'Priya Nair (caseworker)' }));
      await team.getByRole('button', { name: 'Change team' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change the team' });
      await expectVisible(dialog);
      // the caseworker picker holds the current one and offers only who may take the place: no rep
      await expectValue(dialog.getByRole('combobox', { name: 'Caseworker', exact: true }), 'Priya Nair (caseworker)');
      const caseworker = dialog.getByRole('combobox', { name: 'Caseworker', exact: true });
      await caseworker.click();
      await caseworker.fill('');
      await expectVisible(page.getByRole('option', { name: NEW_CASEWORKER.name }));
      await expect(page.getByRole('option', { name: /workplace rep/ }).count()).resolves.toBe(0);
      await page.getByRole('option', { name: NEW_CASEWORKER.name }).click();
      // the same person twice: the API's field error shows on the second caseworker's input, and nothing changes
      await pick(page, dialog, 'Second caseworker', 'Reyes', NEW_CASEWORKER.name);
      await dialog.getByRole('button', { name: 'Save team' }).click();
      const second = dialog.getByRole('combobox', { name: 'Second caseworker', exact: true });
      await expectVisible(dialog.getByText('is already on the team'));
      await expect(second.getAttribute('aria-invalid')).resolves.toBe('true');
      await screenshot(page, `case-manage-${screen}-1-team-error`, { fullPage: false });
      expect(ok(await t.as('secretary')(READ, { id: f.teamCase }), 'Case').team).toEqual([{ userId: userIds.caseworker, role: 'CASEWORKER' }]);
      // someone else as second caseworker: the branch secretary
      await pick(page, dialog, 'Second caseworker', 'Okafor', 'Sam Okafor (branch secretary)');
      await screenshot(page, `case-manage-${screen}-2-team-dialog`, { fullPage: false });
      await dialog.getByRole('button', { name: 'Save team' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expectVisible(page.getByText('Team changed'));
      await expectVisible(team.getByTestId('case-team-member').filter({ hasText: NEW_CASEWORKER.name }).filter({ hasText: /· Caseworker$/ }));
      await expectHidden(team.getByTestId('case-team-member').filter({ hasText: 'Priya Nair' }));
      // through the API: the new caseworker reads the case, the old one no longer does
      const after = ok(await t.as('secretary')(READ, { id: f.teamCase }), 'Case').team as { userId: string; role: string }[];
      expect(after).toEqual([{ userId: userIds.colleague, role: 'CASEWORKER' }, { userId: userIds.secretary, role: 'SECOND_CASEWORKER' }]);
      expect(ok(await asNewCaseworker('query($id: ID!) { Case(id: $id) { id myPlace } }', { id: f.teamCase }), 'Case')).toEqual({ id: f.teamCase, myPlace: 'CASEWORKER' });
      expect((await t.as('caseworker')('query($id: ID!) { Case(id: $id) { id } }', { id: f.teamCase })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      // --- links: the appeal follows the disciplinary case
      await openCase(page, f.appeal);
      const links = page.getByRole('region', { name: 'Linked cases' });
      await expectVisible(links.getByText('No linked cases.'));
      await links.getByRole('button', { name: 'Link a case' }).click();
      const linkDialog = page.getByRole('dialog', { name: 'Link a case' });
      await expectVisible(linkDialog);
      const picker = linkDialog.getByRole('combobox', { name: 'Case', exact: true });
      await picker.click();
      // the member's other cases (not this one): the disciplinary case among them
      await expectVisible(page.getByRole('option', { name: /^Disciplinary, opened/ }));
      await expect(page.getByRole('option', { name: /^Appeal, opened/ }).count()).resolves.toBe(0);
      await page.getByRole('option', { name: /^Disciplinary, opened/ }).click();
      await screenshot(page, `case-manage-${screen}-3-link-dialog`, { fullPage: false });
      await linkDialog.getByRole('button', { name: 'Link' }).click();
      await linkDialog.waitFor({ state: 'detached' });
      const follows = links.getByTestId('case-link').filter({ hasText: 'Follows' });
      await expectVisible(follows.getByRole('link', { name: `Disciplinary: ${f.member.fullName}` }));
      expect(ok(await t.as('secretary')(READ, { id: f.appeal }), 'Case').follows).toEqual([{ id: f.disciplinary }]);
      await expectHidden(page.getByText('Cases linked')); // the notice, over the panel on a phone, has gone
      await settled(page);
      await links.screenshot({ path: path.join(SHOTS, `case-manage-${screen}-4-linked.png`) });
      // the followed case says what follows it, and unlinks it after confirming
      await follows.getByRole('link', { name: `Disciplinary: ${f.member.fullName}` }).click();
      await page.waitForURL(new RegExp(`#/Cases/${escape(f.disciplinary)}/show$`));
      const followed = page.getByRole('region', { name: 'Linked cases' }).getByTestId('case-link').filter({ hasText: 'Followed by' });
      await expectVisible(followed.getByRole('link', { name: `Appeal: ${f.member.fullName}` }));
      await followed.getByRole('button', { name: `Unlink Appeal: ${f.member.fullName}` }).click();
      const confirmUnlink = page.getByRole('dialog', { name: 'Unlink these cases?' });
      await expectVisible(confirmUnlink);
      await confirmUnlink.getByRole('button', { name: 'Unlink' }).click();
      await confirmUnlink.waitFor({ state: 'detached' });
      await expectVisible(page.getByRole('region', { name: 'Linked cases' }).getByText('No linked cases.'));
      expect(ok(await t.as('secretary')(READ, { id: f.disciplinary }), 'Case')).toMatchObject({ follows: [], followedBy: [] });
      expect(ok(await t.as('secretary')(READ, { id: f.appeal }), 'Case')).toMatchObject({ follows: [], followedBy: [] });

      // --- delete: cancelled first (nothing changes), then confirmed
      await openCase(page, f.doomed);
      const accessibility = failing(await axeViolations(page));
      expect({ page: `${screen} case with its managing buttons`, failing: accessibility }).toEqual({ page: `${screen} case with its managing buttons`, failing: [] });
      if (isMobile) expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Delete' }).click();
      const confirmDelete = page.getByRole('dialog', { name: `Delete the grievance case of ${f.member.fullName}?` });
      await expectVisible(confirmDelete);
      await screenshot(page, `case-manage-${screen}-5-delete-confirm`, { fullPage: false });
      await confirmDelete.getByRole('button', { name: 'Cancel' }).click();
      await confirmDelete.waitFor({ state: 'detached' });
      expect(page.url()).toMatch(new RegExp(`#/Cases/${escape(f.doomed)}/show$`));
      expect(ok(await t.as('secretary')('query($id: ID!) { Case(id: $id) { id } }', { id: f.doomed }), 'Case')).toEqual({ id: f.doomed });
      await page.getByRole('button', { name: 'Delete' }).click();
      await expectVisible(confirmDelete);
      await confirmDelete.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForURL(/#\/Cases$/);
      await expectVisible(page.getByText(`Grievance: ${f.member.fullName} deleted`));
      await screenshot(page, `case-manage-${screen}-6-deleted`);
      expect((await t.as('secretary')('query($id: ID!) { Case(id: $id) { id } }', { id: f.doomed })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.sql('SELECT deleted_at IS NOT NULL AS gone FROM case_file WHERE id = $1', [f.doomed]))[0].gone).toBe(true);
      expect(problems).toEqual([]);
    });
  });
});

describe.each(SCREENS)('the case\'s caseworker on a $screen', ({ screen, viewport, isMobile }) => {
  test('sees neither "Change team" nor "Delete", which the API refuses them, but may link cases', async () => {
    const f = fixtures[screen];
    // the API's answer first: they may change the case, not staff or delete it
    const rights = ok(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { mayChange mayManage } }', { id: f.own }), 'Case');
    expect(rights).toEqual({ mayChange: true, mayManage: false });
    expect((await t.as('caseworker')('mutation($id: ID!, $u: ID!) { setCaseTeam(caseId: $id, data: { caseworkerId: $u }) { id } }',
      { id: f.own, u: userIds.caseworker })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.as('caseworker')('mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: f.own })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.caseworker);
      await openCase(page, f.own);
      // the page is whole (edit, add meeting, link) before the absences are counted
      await expectVisible(page.getByRole('link', { name: 'Edit' }));
      await expectVisible(page.getByRole('region', { name: 'Linked cases' }).getByRole('button', { name: 'Link a case' }));
      await expect(page.getByRole('button', { name: 'Change team' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
      await screenshot(page, `case-manage-${screen}-7-caseworker`);
      expect(problems).toEqual([]);
    });
  });
});
