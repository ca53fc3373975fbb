/// <reference lib="dom" />
/**
 * A campaign's recruitment drive in the browser, at desktop and phone sizes: the secretary's
 * dashboard shows the join-by countdown of the demo campaign with its joiners against the target
 * and links to the campaign, whose Recruitment section shows the countdown, the joiners (as the API
 * counts them), the tables by ward and by rep's patch, the recruiters, and the people to ask, one
 * tap from logging a conversation with the first of them. A coalition partner sees counts only.
 *
 * Screenshots land in test/browser/screenshots/recruitment-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import {
  choose, closeAll, escape, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, openSession, overflowOf, PHONE, screenshot, SCREENS, signIn, startWebApp,
} from '../fixtures/browser.js';

jest.setTimeout(240_000);

let t: TestApp;
let browser: Browser;
let campaignId = '';
let figures: { joinersSinceStart: number; recruitmentTarget: number; daysToJoinBy: number; leaderboard: { name: string }[]; byWard: { wardName: string }[] };
let firstToAsk = '';

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
  [{ id: campaignId }] = await t.sql(`SELECT k.id FROM campaign k JOIN branch_employer be ON be.branch_id = k.branch_id WHERE be.employer_id = $1 AND k.name = 'Safe staffing now'`,
    [t.demoEmployerId]);
  const r = await t.as('secretary')(`query($c: ID!) { campaignRecruitment(campaignId: $c) { joinersSinceStart recruitmentTarget daysToJoinBy leaderboard { name } byWard { wardName } } }
    `, { c: campaignId });
  expect(r.errors).toBeUndefined();
  figures = r.data!.campaignRecruitment;
  const ask = await t.as('secretary')('query($c: ID!) { campaignPeopleToAsk(campaignId: $c, perPage: 1) { people { fullName } } }', { c: campaignId });
  firstToAsk = ask.data!.campaignPeopleToAsk.people[0].fullName;
  expect(figures.leaderboard.length).toBeGreaterThan(0);
});
afterAll(async () => closeAll(browser, t));

describe.each(SCREENS)('recruitment on a $screen', ({ screen, viewport, isMobile }) => {
  test("the secretary's dashboard counts down to the join-by date and leads to the campaign's recruitment", async () => {
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      const widget = page.getByTestId('join-by-widget');
      await expectVisible(widget.getByRole('heading', { name: 'Join-by countdown' }));
      const line = widget.getByTestId('join-by-countdown').first();
      await expectVisible(line);
      await expect(line.textContent()).resolves.toMatch(new RegExp(`^${figures.daysToJoinBy} days to join by \\w{3} \\d{1,2} \\w{3} · ${figures.joinersSinceStart} of ${figures.recruitmentTarget} joined$`));
      await screenshot(page, `recruitment-dashboard-${screen}`);
      if (isMobile) expect(await overflowOf(page)).toBe(0);

      await widget.getByRole('link', { name: 'Safe staffing now' }).click();
      await page.reload();
      const panel = page.getByTestId('recruitment-panel');
      await expectVisible(panel.getByRole('heading', { name: 'Recruitment' }));
      await expectVisible(panel.getByTestId('recruitment-countdown').getByText(new RegExp(`^${figures.daysToJoinBy} days to join by`)));
      await expect(panel.getByTestId('recruitment-joiners').textContent()).resolves.toBe(`${figures.joinersSinceStart} of ${figures.recruitmentTarget}`);
      await expectVisible(panel.getByTestId('recruitment-by-ward').getByText(figures.byWard[0].wardName).first());
      await expectVisible(panel.getByTestId('recruitment-by-patch'));
      await expectVisible(panel.getByTestId('recruitment-leaderboard').getByText(new RegExp(`^1\\. ${figures.leaderboard[0].name}$`)));
      const ask = panel.getByTestId('people-to-ask');
      await expectVisible(ask.getByRole('link', { name: firstToAsk }).first());
      await panel.getByTestId('recruitment-by-ward').scrollIntoViewIfNeeded();
      await screenshot(page, `recruitment-campaign-${screen}`);
      if (isMobile) expect(await overflowOf(page)).toBe(0);
      expect({ page: `${screen} recruitment`, failing: failing(await axeViolations(page)) }).toEqual({ page: `${screen} recruitment`, failing: [] });

      // one tap from the first person to ask to the quick log, with them chosen
      await ask.getByRole('button', { name: `Log conversation with ${firstToAsk}` }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Log a conversation' });
      await expectVisible(dialog.getByRole('heading', { name: 'Log a conversation' }));
      await expect(dialog.getByRole('combobox', { name: 'Person' }).inputValue()).resolves.toBe(firstToAsk);
      await screenshot(page, `recruitment-quick-log-${screen}`);
      expect(problems).toEqual([]);
    });
  });
});

describe('recruited by, on a phone', () => {
  test('the rep adds a membership and names the colleague who recruited them', async () => {
    // someone on the rep's patch with no membership of a union, and a colleague on the patch
    const [person] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = $1) AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id) ORDER BY c.id LIMIT 1`, [LOGINS.rep]);
    const [colleague] = await t.sql(`SELECT c.id, c.first_name, c.last_name, coalesce(nullif(c.preferred_name, ''), c.first_name) || ' ' || c.last_name AS name
      FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = $1) AND c.deleted_at IS NULL AND c.id <> $2
      ORDER BY c.last_name DESC, c.id LIMIT 1`, [LOGINS.rep, person.id]);
    const [union] = await t.sql(`SELECT t.short_name FROM trade_union t JOIN contact c ON c.organisation_id = t.organisation_id WHERE c.id = $1 ORDER BY t.short_name LIMIT 1`, [person.id]);
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.rep);
      await page.goto(`${t.url}/#/Contacts/${person.id}/show`);
      await page.getByRole('button', { name: 'Add membership' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a membership' });
      await choose(page, dialog, 'Union', new RegExp(`^${escape(union.short_name)} \\(`));
      await dialog.getByRole('combobox', { name: 'Recruited by (a colleague)' }).fill(colleague.last_name);
      await page.getByRole('option', { name: colleague.name }).first().click();
      await screenshot(page, 'recruitment-membership-form-phone');
      await dialog.getByRole('button', { name: 'Add membership' }).click();
      await expectHidden(dialog);
      await expectVisible(page.getByText(`recruited by ${colleague.name}`));
      const rows = await t.sql('SELECT recruited_by_contact_id, recruited_by_user_id FROM membership WHERE contact_id = $1', [person.id]);
      expect(rows).toEqual([{ recruited_by_contact_id: colleague.id, recruited_by_user_id: null }]);
      expect(problems).toEqual([]);
    });
  });
});

describe('a coalition partner', () => {
  test('sees the counts only: no people to ask, no patches, no recruiter names', async () => {
    await inSession(openSession(browser, SCREENS[0].viewport), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.coalition);
      await page.goto(`${t.url}/#/Campaigns/${campaignId}/show`);
      await page.reload();
      const panel = page.getByTestId('recruitment-panel');
      await expectVisible(panel.getByTestId('recruitment-by-ward'));
      await expectVisible(panel.getByTestId('recruitment-leaderboard'));
      expect(await panel.getByTestId('people-to-ask').count()).toBe(0);
      expect(await panel.getByTestId('recruitment-by-patch').count()).toBe(0);
      for (const l of figures.leaderboard) if (l.name) expect(await panel.getByText(l.name).count()).toBe(0);
      await screenshot(page, 'recruitment-coalition-desktop');
      expect(problems).toEqual([]);
    });
  });
});
