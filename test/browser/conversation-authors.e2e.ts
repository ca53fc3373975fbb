/// <reference lib="dom" />
/**
 * A rep is offered Edit and Delete only on the conversations they may change (the API's
 * `Conversation.mayChange`: whoever logged it, or the branch's secretary or admin). On the
 * secretary's conversation with someone on the rep's patch, the rep sees it but no Edit or Delete,
 * and the edit address says why there is no form; on their own, both are there.
 *
 * Screenshots land in test/browser/screenshots/conversation-authors-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { expectVisible, inSession, launchBrowser, openSession, PHONE, DESKTOP, screenshot, signIn, startWebApp } from '../fixtures/browser.js';

jest.setTimeout(90_000);

const REP = 'rep@unison.example';
let t: TestApp;
let browser: Browser;
const ids = { secretarys: '', reps: '' };

beforeAll(async () => {
  t = await startWebApp();
  const found = await t.as('rep')<{ allContacts: { id: string }[] }>(
    '{ allContacts(perPage: 1, sortField: "lastName", sortOrder: "ASC", filter: { isCurrent: true }) { id } }',
  );
  const contactId = found.data!.allContacts[0].id;
  const log = 'mutation($d: ConversationCreateInput!) { createConversation(data: $d) { id } }';
  const bySecretary = await t.as('secretary')<{ createConversation: { id: string } }>(log, { d: { contactId, notes: 'Logged by the secretary' } });
  const byRep = await t.as('rep')<{ createConversation: { id: string } }>(log, { d: { contactId, notes: 'Logged by the rep' } });
  expect([bySecretary.errors, byRep.errors]).toEqual([undefined, undefined]);
  ids.secretarys = bySecretary.data!.createConversation.id;
  ids.reps = byRep.data!.createConversation.id;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.each([
  ['desktop', DESKTOP, false],
  ['phone', PHONE, true],
] as [string, typeof DESKTOP, boolean][])('a rep on %s', (name, viewport, isMobile) => {
  test("sees the secretary's conversation without Edit or Delete, and their own with both", async () => {
    await inSession(openSession(browser, viewport, { isMobile }), async ({ page, problems }) => {
      await signIn(page, t.url, REP);
      await page.goto(`${t.url}/#/Conversations/${ids.secretarys}/show`);
      await expectVisible(page.getByText('Logged by the secretary'));
      await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Delete' }).count()).resolves.toBe(0);
      await screenshot(page, `conversation-authors-${name}-theirs`);

      await page.goto(`${t.url}/#/Conversations/${ids.secretarys}`);
      await expectVisible(page.getByText('Only the person who logged this conversation, or a branch secretary or admin, may change it.'));
      await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);

      await page.goto(`${t.url}/#/Conversations/${ids.reps}/show`);
      await expectVisible(page.getByText('Logged by the rep'));
      await expectVisible(page.getByRole('link', { name: 'Edit' }));
      await expectVisible(page.getByRole('button', { name: 'Delete' }));
      await screenshot(page, `conversation-authors-${name}-mine`);
      expect(problems).toEqual([]);
    });
  });
});
