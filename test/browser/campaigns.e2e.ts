/// <reference lib="dom" />
/**
 * Campaigns in the browser. On a phone, the demo rep opens the campaign's meeting, picks a ward of
 * their patch, ticks three people who came (one tap each) and saves once: the API then holds exactly
 * those three as having come, recorded by the rep. The campaign page (numbers against the goal, the
 * join-by countdown, its actions) and the structure test's heat map and table are shown at desktop
 * and phone sizes, without sideways scrolling.
 *
 * Screenshots land in test/browser/screenshots/campaigns-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import {
  closeAll, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, PHONE, screenshot, SCREENS, signIn, startWebApp,
} from '../fixtures/browser.js';

jest.setTimeout(240_000);

let t: TestApp;
let browser: Browser;
let campaignId = '';
let meetingId = '';
let badgeDayId = '';
let ward = { id: '', name: '' };

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
  [{ id: campaignId }] = await t.sql(`SELECT k.id FROM campaign k JOIN branch_employer be ON be.branch_id = k.branch_id WHERE be.employer_id = $1 AND k.name = 'Safe staffing now'`,
    [t.demoEmployerId]);
  [{ id: meetingId }] = await t.sql("SELECT id FROM campaign_action WHERE campaign_id = $1 AND kind = 'MEETING'", [campaignId]);
  [{ id: badgeDayId }] = await t.sql('SELECT id FROM campaign_action WHERE campaign_id = $1 AND is_structure_test', [campaignId]);
  // a ward of the rep's patch, with at least three people nobody has marked as having come to the meeting
  [ward] = await t.sql(`SELECT w.id, w.name FROM ward w JOIN rep_patch rp ON rp.site_id = w.site_id JOIN app_user u ON u.id = rp.user_id AND u.email = $1
    JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL
    WHERE NOT EXISTS (SELECT 1 FROM participation pt WHERE pt.action_id = $2 AND pt.contact_id = p.contact_id AND pt.state = 'ATTENDED_OR_SIGNED')
    GROUP BY w.id, w.name HAVING count(*) >= 3 ORDER BY w.name LIMIT 1`, [LOGINS.rep, meetingId]);
  expect(ward.id).toBeTruthy();
});
afterAll(async () => closeAll(browser, t));

describe('attendance while what was recorded is still coming', () => {
  test('shows no one to tick until it has come, so a tick is never undone by it', async () => {
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.rep);
      // Who was recorded as having come is held back until the ward's people have been answered and drawn.
      let release!: () => void;
      const held = new Promise<void>((resolve) => { release = resolve; });
      await page.route('**/graphql', async (route) => {
        if ((route.request().postData() ?? '').includes('allParticipations')) await held;
        return route.continue();
      });
      // The ward's people are watched for from the start: the panel picks the site's first ward by itself, which
      // may be this one, so its people can be asked for before the ward is chosen here.
      let peopleCame!: () => void;
      const people = new Promise<void>((resolve) => { peopleCame = resolve; });
      page.on('response', (r) => {
        const body = r.request().postData() ?? '';
        if (r.url().endsWith('/graphql') && body.includes('allContacts') && body.includes(ward.id)) void r.finished().then(() => peopleCame());
      });
      await page.goto(`${t.url}/#/CampaignActions/${meetingId}/show`);
      await expectVisible(page.getByRole('heading', { name: 'Who came' }));
      await page.getByRole('combobox', { name: 'Ward' }).click();
      await page.getByRole('option', { name: ward.name, exact: true }).click();
      await people;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const list = page.getByRole('list', { name: 'People on this ward' });
      await expectVisible(page.getByRole('status', { name: "Loading the ward's people…" }));
      expect(await list.getByRole('checkbox').count()).toBe(0);

      release();
      const box = list.getByRole('checkbox', { checked: false }).first();
      await expectVisible(box);
      await noProgress(page);
      await box.click();
      await expectVisible(page.getByRole('button', { name: 'Save 1 change' }));
      expect(await list.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  });
});

describe('attendance on a phone', () => {
  test('the rep ticks three people who came on one ward and saves once', async () => {
    const before = (await t.sql("SELECT contact_id FROM participation WHERE action_id = $1 AND state = 'ATTENDED_OR_SIGNED'", [meetingId])).map((r) => r.contact_id);
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.rep);
      await page.goto(`${t.url}/#/CampaignActions/${meetingId}/show`);
      await expectVisible(page.getByRole('heading', { name: 'Who came' }));
      await page.getByRole('combobox', { name: 'Ward' }).click();
      await page.getByRole('option', { name: ward.name, exact: true }).click();
      const list = page.getByRole('list', { name: 'People on this ward' });
      const unticked = list.getByRole('checkbox', { checked: false });
      await expectVisible(unticked.first());
      await noProgress(page);
      const names: string[] = [];
      for (let i = 0; i < 3; i++) {
        const box = list.getByRole('checkbox', { checked: false }).first();
        names.push((await box.getAttribute('aria-label'))!.replace(/ came$/, ''));
        await box.click();
      }
      await page.getByRole('button', { name: 'Save 3 changes' }).click();
      await expectVisible(page.getByText('Saved: 3 people'));
      await expectVisible(page.getByRole('button', { name: 'Nothing to save' }));
      await screenshot(page, 'campaigns-attendance-phone');
      expect(await overflowOf(page)).toBe(0);
      const [{ id: rep }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.rep]);
      const after = await t.sql(`SELECT c.first_name || ' ' || c.last_name AS name, pt.recorded_by_id FROM participation pt JOIN contact c ON c.id = pt.contact_id
        WHERE pt.action_id = $1 AND pt.state = 'ATTENDED_OR_SIGNED' AND NOT (pt.contact_id = ANY($2))`, [meetingId, before]);
      expect(after.map((r) => r.name).sort()).toEqual(names.sort());
      expect(new Set(after.map((r) => r.recorded_by_id))).toEqual(new Set([rep]));
      expect(problems).toEqual([]);
    });
  });
});

describe.each(SCREENS)('the campaign on a $screen', ({ screen, viewport, isMobile }) => {
  test('shows its numbers against the goal, the countdown, its actions and the structure test by ward', async () => {
    const [{ participants }] = await t.sql(`SELECT count(DISTINCT pt.contact_id)::int AS participants FROM participation pt JOIN campaign_action a ON a.id = pt.action_id
      WHERE a.campaign_id = $1 AND pt.state = 'ATTENDED_OR_SIGNED'`, [campaignId]);
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      // a fresh load, so the phone's layout width is this page's own (not one an earlier page widened)
      await page.goto(`${t.url}/#/Campaigns/${campaignId}/show`);
      await page.reload();
      await expectVisible(page.getByRole('heading', { name: 'Safe staffing now' }));
      await expectVisible(page.getByLabel('People who took part').getByText(String(participants), { exact: false }));
      await expectVisible(page.getByText(/days to join by the cut-off/));
      await expectVisible(page.getByText('Badge day: #SafeStaffingNow').first());
      // (the page's own progress bar is the goal's, so it is not waited away)
      await expectVisible(page.getByRole('progressbar', { name: 'Progress towards the goal' }));
      await screenshot(page, `campaigns-campaign-${screen}`);
      if (isMobile) expect(await overflowOf(page)).toBe(0);
      expect({ page: `${screen} campaign`, failing: failing(await axeViolations(page)) }).toEqual({ page: `${screen} campaign`, failing: [] });
      await page.goto(`${t.url}/#/CampaignActions/${badgeDayId}/show`);
      await page.reload();
      const table = page.getByRole('table', { name: 'Structure test by ward' });
      await expectVisible(table);
      await expectVisible(page.getByText(/wards reach the branch's threshold of 50%/));
      await noProgress(page);
      // the secretary moves the branch's threshold, and the test is read against it
      if (!isMobile) {
        await page.getByRole('textbox', { name: 'Branch threshold (%)' }).fill('40');
        await page.getByRole('button', { name: 'Set threshold' }).click();
        await expectVisible(page.getByText(/wards reach the branch's threshold of 40%/));
        const [{ n }] = await t.sql('SELECT structure_test_threshold AS n FROM branch b JOIN campaign k ON k.branch_id = b.id WHERE k.id = $1', [campaignId]);
        expect(n).toBe(40);
        await t.sql('UPDATE branch SET structure_test_threshold = 50 WHERE id = (SELECT branch_id FROM campaign WHERE id = $1)', [campaignId]);
        await page.reload();
        await expectVisible(page.getByText(/wards reach the branch's threshold of 50%/));
      }
      await screenshot(page, `campaigns-structure-test-${screen}`);
      if (isMobile) expect(await overflowOf(page)).toBe(0);
      expect({ page: `${screen} structure test`, failing: failing(await axeViolations(page)) }).toEqual({ page: `${screen} structure test`, failing: [] });
      expect(problems).toEqual([]);
    });
  });
});

describe('a coalition partner', () => {
  test('sees who took part in the structure test and which wards meet the threshold, never a ward\'s staff or share', async () => {
    await inSession(openSession(browser, SCREENS[0].viewport), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.coalition);
      await page.goto(`${t.url}/#/CampaignActions/${badgeDayId}/show`);
      const table = page.getByRole('table', { name: 'Structure test by ward' });
      await expectVisible(table);
      await noProgress(page);
      await expectVisible(page.getByText(/wards reach the branch's threshold of 50%/));
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const row of await rows.all()) {
        const cells = await row.locator('td').allTextContents();
        // headcount, share and share of members are not theirs: a dash, or "withheld"
        expect([cells[2], cells[3], cells[4]].every((c) => c === '—' || c === 'withheld')).toBe(true);
      }
      await expectVisible(page.getByTestId('heat-map').getByText(/took part|withheld/).first());
      await screenshot(page, 'campaigns-structure-test-coalition');
      expect(problems).toEqual([]);
    });
  });
});

describe('an action held at a site', () => {
  test('names its site, and its form offers only that site\'s wards', async () => {
    // an action at the site of the campaign's badge day (the branch's first site), and a ward name found only on other sites
    const [{ id: actionId, site, site_id: siteId }] = await t.sql(`INSERT INTO campaign_action (organisation_id, campaign_id, kind, title, date, site_id, created_by_id)
      SELECT organisation_id, campaign_id, 'MEETING', 'Site meeting', date, site_id, created_by_id FROM campaign_action WHERE id = $1
      RETURNING id, site_id, (SELECT name FROM site WHERE id = site_id) AS site`, [badgeDayId]);
    const siteWards = new Set((await t.sql('SELECT name FROM ward WHERE site_id = $1', [siteId])).map((r) => r.name as string));
    const [elsewhere] = await t.sql(`SELECT w.name FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 AND w.site_id <> $2
      AND NOT EXISTS (SELECT 1 FROM ward x WHERE x.site_id = $2 AND x.name = w.name) ORDER BY w.name LIMIT 1`, [t.demoEmployerId, siteId]);
    expect(elsewhere).toBeDefined();
    await inSession(openSession(browser, SCREENS[0].viewport), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/CampaignActions/${actionId}/show`);
      await expectVisible(page.getByRole('heading', { name: 'Site meeting' }));
      await expectVisible(page.getByText(`· At ${site}`, { exact: false }));
      // "Who came" offers the site's wards alone
      await page.getByRole('combobox', { name: 'Ward' }).click();
      const cameFrom = page.getByRole('option');
      await expectVisible(cameFrom.first());
      const wardsOffered = await cameFrom.allTextContents();
      expect(wardsOffered.length).toBe(siteWards.size);
      expect(wardsOffered.filter((name) => !siteWards.has(name))).toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto(`${t.url}/#/CampaignActions/${actionId}`);
      const ward = page.getByRole('combobox', { name: 'Ward' });
      await ward.click();
      const options = page.getByRole('option');
      await expectVisible(options.first());
      await noProgress(page);
      const offered = await options.allTextContents();
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.filter((name) => !siteWards.has(name))).toEqual([]);
      await ward.fill(elsewhere.name);
      await expectVisible(page.getByText('No options'));
      // a ward of the site: saved as the ward alone (it says the site)
      const pick = [...siteWards].sort()[0];
      await ward.fill(pick);
      await page.getByRole('option', { name: pick, exact: true }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await expectVisible(page.getByText('Site meeting saved'));
      const [row] = await t.sql('SELECT w.name AS ward, a.site_id FROM campaign_action a JOIN ward w ON w.id = a.ward_id WHERE a.id = $1', [actionId]);
      expect(row).toEqual({ ward: pick, site_id: null });
      await page.goto(`${t.url}/#/CampaignActions/${actionId}/show`);
      await expectVisible(page.getByText(`· ${pick}`, { exact: false }));
      expect(problems).toEqual([]);
    });
  });
});
