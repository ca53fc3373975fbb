/// <reference lib="dom" />
/**
 * Duplicates in the browser. The demo secretary opens Duplicates from the menu, finds a pair of
 * similar names on one ward, compares them side by side, takes the other's first name, confirms the
 * merge and lands on the kept contact; the merged contact is gone from the database's live rows and
 * its conversation now belongs to the kept one. Undo from the merge history (after confirming) puts
 * both back. The list and the merge screen fit a phone without sideways scrolling.
 *
 * Screenshots land in test/browser/screenshots/duplicates-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import {
  closeAll, DESKTOP, expectHidden, expectVisible, inSession, launchBrowser, LOGINS, noProgress, openSession, overflowOf, PHONE, screenshot, signIn, startWebApp,
} from '../fixtures/browser.js';
import { cloneRow } from '../fixtures/scope-targets.js';

jest.setTimeout(240_000);

let t: TestApp;
let browser: Browser;
let keep = '';
let merge = '';
let conversation = '';

beforeAll(async () => {
  t = await startWebApp();
  browser = await launchBrowser();
  // two copies of a person of the demo trust on one ward: Katherine and Catherine Mulligan, the second with a conversation
  const [model] = await t.sql(`SELECT c.id, p.ward_id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    WHERE c.employer_id = $1 AND c.deleted_at IS NULL ORDER BY c.id LIMIT 1`, [t.demoEmployerId]);
  const copy = async (first: string) => {
    const id = await cloneRow(t, 'contact', model.id, { first_name: first, last_name: 'Mulligan', preferred_name: null, work_email: null, personal_email: null });
    await t.sql('INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) SELECT organisation_id, id, $2, current_date - 10 FROM contact WHERE id = $1', [id, model.ward_id]);
    return id;
  };
  keep = await copy('Katherine');
  merge = await copy('Catherine');
  const [any] = await t.sql('SELECT id FROM conversation WHERE organisation_id = (SELECT organisation_id FROM contact WHERE id = $1) LIMIT 1', [keep]);
  conversation = await cloneRow(t, 'conversation', any.id, { contact_id: merge });
});
afterAll(async () => closeAll(browser, t));

describe('merging a duplicate pair', () => {
  test('the secretary finds the pair, merges after confirming, lands on the kept contact, and undoes it', async () => {
    await inSession(openSession(browser, DESKTOP), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Duplicates' }).click();
      const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Katherine Mulligan' }).filter({ hasText: 'Catherine Mulligan' });
      await expectVisible(pair);
      await expectVisible(pair.getByText('Similar name, same ward'));
      await noProgress(page);
      await screenshot(page, 'duplicates-list-desktop');
      await pair.getByRole('link', { name: 'Compare and merge' }).click();
      await expectVisible(page.getByTestId('merge-side-keep'));
      // which side is kept follows the pair's order: keep Katherine
      if (!(await page.getByTestId('merge-side-keep').textContent())?.includes('Katherine')) await page.getByRole('button', { name: 'Keep the other contact instead' }).click();
      await expectVisible(page.getByTestId('merge-side-keep').getByText('Katherine Mulligan'));
      await expectVisible(page.getByTestId('merge-side-merge').getByText('1 conversation ·', { exact: false }));
      await page.getByRole('radiogroup', { name: 'First name' }).getByRole('radio', { name: 'Catherine' }).check();
      await screenshot(page, 'duplicates-merge-desktop');
      await page.getByRole('button', { name: 'Merge…' }).click();
      const dialog = page.getByRole('dialog');
      await expectVisible(dialog.getByText('Merge Catherine Mulligan into Katherine Mulligan?'));
      await dialog.getByRole('button', { name: 'Merge' }).click();
      await page.waitForURL(new RegExp(`/Contacts/${keep}/show`));
      await expectVisible(page.getByText('Merged: Catherine Mulligan is now part of Katherine Mulligan. You can undo this from the duplicates page.'));
      await noProgress(page);
      await expectHidden(page.locator('.MuiSkeleton-root').first());
      await screenshot(page, 'duplicates-merged-desktop');
      expect(await t.sql('SELECT first_name, deleted_at IS NOT NULL AS gone FROM contact WHERE id = ANY($1) ORDER BY id = $2 DESC', [[keep, merge], keep]))
        .toEqual([{ first_name: 'Catherine', gone: false }, { first_name: 'Catherine', gone: true }]);
      expect((await t.sql('SELECT contact_id FROM conversation WHERE id = $1', [conversation]))[0].contact_id).toBe(keep);

      // undo from the merge history, after confirming
      await page.getByRole('menuitem', { name: 'Duplicates' }).click();
      const row = page.getByTestId('merge-history-row').filter({ hasText: 'Mulligan' }).first();
      await expectVisible(row.getByText('Catherine Mulligan merged into Catherine Mulligan'));
      await expectVisible(row);
      await row.getByRole('button', { name: 'Undo' }).click();
      await expectVisible(page.getByRole('dialog').getByText('Undo this merge?'));
      await page.getByRole('dialog').getByRole('button', { name: 'Undo merge' }).click();
      await expectVisible(page.getByText(/Merge undone/));
      await expectVisible(row.getByText(/^Undone/));
      await screenshot(page, 'duplicates-undone-desktop');
      expect(await t.sql('SELECT first_name, deleted_at IS NOT NULL AS gone FROM contact WHERE id = ANY($1) ORDER BY id = $2 DESC', [[keep, merge], keep]))
        .toEqual([{ first_name: 'Katherine', gone: false }, { first_name: 'Catherine', gone: false }]);
      expect((await t.sql('SELECT contact_id FROM conversation WHERE id = $1', [conversation]))[0].contact_id).toBe(merge);
      expect(problems).toEqual([]);
    });
  });
});

describe('on a phone', () => {
  test('the list and the merge screen fit without sideways scrolling', async () => {
    await inSession(openSession(browser, PHONE, { isMobile: true }), async ({ page, problems }) => {
      await signIn(page, t.url, LOGINS.secretary);
      await page.goto(`${t.url}/#/duplicates`);
      const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Katherine Mulligan' });
      await expectVisible(pair);
      await noProgress(page);
      expect(await overflowOf(page)).toBe(0);
      await screenshot(page, 'duplicates-list-phone');
      await pair.getByRole('link', { name: 'Compare and merge' }).click();
      await expectVisible(page.getByRole('radiogroup', { name: 'First name' }));
      await noProgress(page);
      expect(await overflowOf(page)).toBe(0);
      await screenshot(page, 'duplicates-merge-phone');
      expect(problems).toEqual([]);
    });
  });
});
