/// <reference lib="dom" />
/**
 * The coalition line-up and withheld ward figures in the built web app served by the real API, in
 * Chromium: the coalition viewer sees "withheld" on the ward list (no sorting by counts), opens the
 * Line-up from the menu and sees UNISON's and BMA's figures by ODS code (trusts, then sites; small
 * groups withheld), on a desktop and a phone; an admin turns sharing off (the empty state) and on.
 *
 * Screenshots land in test/browser/screenshots/coalition-* (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { CoalitionService } from '../../apps/api/src/coalition/coalition.service.js';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing } from '../fixtures/axe.js';
import { closeAll, DESKTOP, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, PHONE, screenshot, signIn, startWebApp, windowOverflow } from '../fixtures/browser.js';

const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root';
jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;
const names = { unison: '', bma: '' };
const shot = (page: Parameters<typeof screenshot>[0], name: string) => screenshot(page, `coalition-${name}`);

beforeAll(async () => {
  t = await startWebApp();
  // The demo's sites have no ODS codes: give each organisation's copy of a site the same one.
  await t.sql(`UPDATE site s SET ods_code = e.ods_code || lpad(n::text, 2, '0') FROM (
      SELECT s2.id, e2.ods_code, dense_rank() OVER (PARTITION BY e2.ods_code ORDER BY s2.name) AS n FROM site s2 JOIN employer e2 ON e2.id = s2.employer_id WHERE e2.ods_code IS NOT NULL
    ) e WHERE e.id = s.id`);
  await t.app.get(CoalitionService).publishAll();
  const orgs = await t.sql('SELECT u.email, o.name FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = ANY($1)', [[LOGINS.coalition, LOGINS.bmaSecretary]]);
  names.unison = orgs.find((o) => o.email === LOGINS.coalition).name;
  names.bma = orgs.find((o) => o.email === LOGINS.bmaSecretary).name;
  browser = await launchBrowser();
});
afterAll(async () => {
  await closeAll(browser, t);
});

describe('coalition', () => {
  test('a coalition viewer sees wards\' figures withheld, and the line-up of both organisations on a desktop', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.coalition);
      await page.getByRole('menuitem', { name: 'Wards' }).click();
      await page.waitForURL(/#\/Wards/);
      await noProgress(page, LOADING);
      await expectVisible(page.getByText('withheld').first());
      // no sorting by counts: the Headcount header is no button
      await expect(page.getByRole('columnheader', { name: 'Headcount' }).getByRole('button').count()).resolves.toBe(0);
      await shot(page, 'desktop-01-wards-withheld');

      await page.getByRole('menuitem', { name: 'Line-up' }).click();
      await page.waitForURL(/#\/line-up/);
      const table = page.getByRole('table', { name: 'Line-up by trust' });
      await expectVisible(table);
      await noProgress(page, LOADING);
      await expectVisible(table.getByRole('columnheader', { name: `${names.unison} (yours)` }));
      await expectVisible(table.getByRole('columnheader', { name: names.bma }));
      await expect(table.getByRole('row').count()).resolves.toBeGreaterThan(1);
      await expectVisible(page.getByText(new RegExp(`${names.bma} published`)));
      await shot(page, 'desktop-02-lineup-trusts');
      expect(failing(await axeViolations(page))).toEqual([]);

      await page.getByRole('button', { name: 'Sites' }).click();
      const sites = page.getByRole('table', { name: 'Line-up by site' });
      await expectVisible(sites);
      await noProgress(page, LOADING);
      await expect(sites.getByRole('row').count()).resolves.toBeGreaterThan(2);
      await expectVisible(sites.getByText('withheld').first());
      await shot(page, 'desktop-03-lineup-sites');
      expect(problems).toEqual([]);
    });
  });

  test('the line-up on a phone: a card per trust, each organisation\'s figures in it', async () => {
    await inSession(openSession(browser, PHONE), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.coalition);
      await page.goto(`${t.url}/#/line-up`);
      const cards = page.getByTestId('lineup-cards');
      await expectVisible(cards);
      await noProgress(page, LOADING);
      await expectVisible(cards.getByText(names.bma).first());
      expect(await windowOverflow(page)).toBe(0);
      await shot(page, 'phone-01-lineup');
      expect(problems).toEqual([]);
    });
  });

  test('an admin turns sharing off (the page explains, and the others see nothing of theirs) and on again', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.admin);
      await page.getByRole('menuitem', { name: 'Line-up' }).click();
      const sharing = page.getByRole('switch', { name: /Share our coalition aggregates/ });
      await expectVisible(page.getByText(/Last published/));
      await expect(sharing.isChecked()).resolves.toBe(true);
      await sharing.click();
      await expectVisible(page.getByRole('status', { name: 'Sharing is off' }));
      await expect(t.sql('SELECT count(*)::int AS n FROM coalition_published p JOIN organisation o ON o.id = p.organisation_id WHERE o.name = $1', [names.unison]))
        .resolves.toEqual([{ n: 0 }]);
      await shot(page, 'desktop-04-sharing-off');
      await sharing.click();
      await expectVisible(page.getByRole('table', { name: 'Line-up by trust' }));
      // turning it on publishes at once
      await expectVisible(page.getByText(/^Published \d+ trusts and sites/));
      const [{ n }] = await t.sql('SELECT count(*)::int AS n FROM coalition_published p JOIN organisation o ON o.id = p.organisation_id WHERE o.name = $1', [names.unison]);
      expect(n).toBeGreaterThan(0);
      await shot(page, 'desktop-05-sharing-on');
      expect(problems).toEqual([]);
    });
  });
});
