/// <reference lib="dom" />
/**
 * axe-core (WCAG 2.2 A and AA, with the Label in Name rule) on the main pages of the built web app,
 * at 1280×800 and 390×844: sign-in, dashboard, my patch, a ward's people, follow-ups, contacts, a
 * contact's page, conversations, the quick log open, rep coverage, sites, wards and users. A page
 * fails on any serious or critical violation, or when it lacks a main landmark or a level-one
 * heading. Each page is checked once its data has loaded (no progress bar, no skeleton).
 *
 * The findings of every page are printed in one table; screenshots land in
 * test/browser/screenshots/a11y-*.png (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { axeViolations, failing, type AxeFinding } from '../fixtures/axe.js';
import {
  closeAll, expectVisible, launchBrowser, LOGINS, noProgress, openSession, openSignIn, SCREENS, screenshot, signIn, signOut, startWebApp,
  type Session,
} from '../fixtures/browser.js';

jest.setTimeout(90_000);

/** Loading shows as a progress bar or as skeletons. */
const LOADING = '.MuiLinearProgress-root, .MuiSkeleton-root';

/** Every finding with every element, for reading (git-ignored). */
const REPORT = 'test/.results/a11y.json';

let t: TestApp;
let browser: Browser;
const demo = { wardId: '', contactId: '' };
/** Every finding of every page, for the table printed at the end. */
const report: { screen: string; page: string; findings: AxeFinding[] }[] = [];

beforeAll(async () => {
  t = await startWebApp();
  const secretary = t.as('secretary');
  const res = await secretary<{ myPatch: { id: string; headcount: number }[]; allContacts: { id: string }[] }>(
    `{ myPatch { id headcount }
       allContacts(page: 0, perPage: 1, sortField: "lastName", sortOrder: "ASC", filter: { isCurrent: true, assessed: true }) { id } }`,
  );
  const ward = res.data?.myPatch.find((w) => w.headcount > 0);
  const contact = res.data?.allContacts[0];
  if (!ward || !contact) throw new Error(`The demo data has no ward or contact for the secretary: ${JSON.stringify(res.errors)}`);
  demo.wardId = ward.id;
  demo.contactId = contact.id;
  browser = await launchBrowser();
  mkdirSync('test/.results', { recursive: true });
}, 180_000);

afterAll(async () => {
  await closeAll(browser, t);
  const lines = report.map(
    (r) => `${r.screen.padEnd(8)} ${r.page.padEnd(16)} ${r.findings.length ? r.findings.map((f) => `${f.rule} (${f.impact}, ${f.count})`).join('; ') : '—'}`,
  );
  console.log(`axe findings (rule, impact, elements):\n${lines.join('\n')}`);
});

interface Check {
  name: string;
  /** Where to go (a hash route, known once the demo data has been read), or else `open`. */
  route?: () => string;
  /** An action on the page as it is (opening a dialog). */
  open?: (page: Page) => Promise<void>;
  /** What shows once the page has loaded. */
  ready: (page: Page) => Locator;
}

const main = (page: Page) => page.locator('#main-content');
const rows = (page: Page) => main(page).locator('tbody tr, li');

const SECRETARY_PAGES: Check[] = [
  { name: 'dashboard', route: () => '/', ready: (p) => p.getByRole('heading', { name: /^Welcome/ }) },
  { name: 'my-patch', route: () => '/patch', ready: (p) => main(p).getByRole('article') },
  { name: 'ward-people', route: () => `/patch/${demo.wardId}`, ready: rows },
  { name: 'follow-ups', route: () => '/FollowUps', ready: (p) => main(p).getByText(/Overdue|Due|No follow-ups/) },
  { name: 'contacts', route: () => '/Contacts', ready: rows },
  { name: 'contact', route: () => `/Contacts/${demo.contactId}/show`, ready: (p) => p.getByRole('region', { name: 'Timeline' }).getByTestId('timeline-event') },
  { name: 'conversations', route: () => '/Conversations', ready: rows },
  {
    name: 'quick-log',
    open: (p) => p.getByRole('button', { name: 'Log a conversation' }).click(),
    ready: (p) => p.getByRole('dialog', { name: 'Log a conversation' }).getByRole('group', { name: 'Issues raised' }).getByRole('button'),
  },
  {
    name: 'quick-log-people',
    open: async (p) => {
      await p.getByRole('button', { name: 'Log a conversation' }).click();
      await p.getByRole('dialog', { name: 'Log a conversation' }).getByRole('combobox', { name: 'Person' }).click();
    },
    ready: (p) => p.getByRole('listbox').getByRole('option'),
  },
  { name: 'rep-coverage', route: () => '/coverage', ready: (p) => p.getByTestId('coverage-ward') },
  { name: 'sites', route: () => '/Sites', ready: rows },
  { name: 'wards', route: () => '/Wards', ready: rows },
];

describe.each(SCREENS)('axe on a $screen', ({ screen, viewport, isMobile }) => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession(browser, viewport, { isMobile });
  });

  afterAll(async () => {
    await s?.context.close();
  });

  /** Runs axe on the page as it is, records the findings, and fails on those a main page must not have. */
  async function check(name: string) {
    await noProgress(s.page, LOADING);
    // A tooltip is not the page: one opens, after a delay, on the button focus returns to when a
    // dialog closes (the app bar's Log), and axe would measure it mid-fade as a blend of colours.
    // Take focus and the pointer off the controls, and wait for any tooltip to be gone.
    await s.page.mouse.move(0, 0);
    await s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await s.page.waitForFunction(() => !document.querySelector('.MuiTooltip-popper'));
    // A dialog still fading in is a blend too: screenshot waits for fades to end.
    await screenshot(s.page, `a11y-${screen}-${name}`, { fullPage: false });
    const findings = await axeViolations(s.page);
    report.push({ screen, page: name, findings });
    writeFileSync(REPORT, JSON.stringify(report, null, 2));
    expect({ page: name, failing: failing(findings) }).toEqual({ page: name, failing: [] });
  }

  test('the sign-in page', async () => {
    await openSignIn(s.page, t.url);
    await check('login');
  });

  test('signs in as the branch secretary', async () => {
    await signIn(s.page, t.url, LOGINS.secretary);
  });

  test.each(SECRETARY_PAGES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    if (c.route) await s.page.goto(`${t.url}/#${c.route()}`);
    else await c.open!(s.page);
    try {
      await expectVisible(c.ready(s.page));
      await check(name);
    } finally {
      if (c.open) {
        // The person list first (its toggle is also called "Close" while it is open), then the form.
        if (await s.page.getByRole('listbox').count()) await s.page.keyboard.press('Escape');
        await s.page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).first().click();
        await s.page.getByRole('dialog').waitFor({ state: 'detached' });
      }
    }
  });

  test('users (as the branch admin)', async () => {
    await signOut(s.page);
    await signIn(s.page, t.url, LOGINS.admin);
    await s.page.goto(`${t.url}/#/Users`);
    await expectVisible(rows(s.page));
    await check('users');
  });
});
