/// <reference lib="dom" />
/**
 * The dashboard and rep coverage in the built web app served by the real API, in Debian's Chromium
 * through playwright-core:
 * - rep coverage as the branch secretary: the Site filter offers the branch's real sites, picking one
 *   shows only its wards (as the API counts them), no request is refused and the top-bar loading
 *   indicator stops (nothing left pending);
 * - the secretary's dashboard at 1280×800 and 390×844: density by site (a bar chart with a table
 *   beside it), the worst-covered wards, overdue follow-ups across the branch by rep and recent
 *   joiners, each figure checked against the API;
 * - the rep's, caseworker's and coalition partner's dashboards: named for what they are to that role.
 *
 * Screenshots land in test/browser/screenshots/dashboard-*.png (git-ignored).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../fixtures/app.js';
import { ukDayPlus } from '../fixtures/dates.js';
import {
  closeAll, DESKTOP, expectVisible, inSession, launchBrowser, LOGINS, openSession, overflowOf, PHONE, SCREENS, SHOTS,
  signIn, startWebApp, type Session, type Viewport,
} from '../fixtures/browser.js';

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await startWebApp();
  // Something to show for certain: overdue follow-ups set by the rep on their patch (the small demo
  // set may have none), and two members who joined yesterday, one on the patch and one off it.
  const rep = t.as('rep');
  const fresh = await rep<{ allContacts: { id: string }[] }>(
    '{ allContacts(page: 0, perPage: 2, sortField: "lastName", filter: { isCurrent: true, spokenTo: false }) { id } }',
  );
  for (const c of fresh.data!.allContacts) {
    const logged = await rep('mutation($d: ConversationCreateInput!) { createConversation(data: $d) { followUpState } }', {
      d: { contactId: c.id, occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), followUpDate: ukDayPlus(-3), nextStep: 'Bring a form' },
    });
    expect(logged.data?.createConversation).toEqual({ followUpState: 'OVERDUE' });
  }
  const patchSites = "(SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')";
  for (const on of [true, false]) {
    const [m] = await t.sql(`SELECT m.id FROM membership m JOIN contact c ON c.id = m.contact_id
      JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      WHERE c.employer_id = $1 AND c.deleted_at IS NULL AND c.leave_date IS NULL AND w.site_id ${on ? '' : 'NOT '}IN ${patchSites}
        AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = 'rep@unison.example')
      ORDER BY c.last_name, m.id LIMIT 1`, [t.demoEmployerId]);
    const changed = await t.as('secretary')('mutation($id: ID!, $d: MembershipUpdateInput!) { updateMembership(id: $id, data: $d) { id } }', {
      id: m.id, d: { status: 'MEMBER', joinDate: ukDayPlus(-1), leaveDate: null },
    });
    expect(changed.errors).toBeUndefined();
  }
  browser = await launchBrowser();
}, 180_000);

afterAll(() => closeAll(browser, t));

/** A screenshot with animations finished (no fixed wait), the full page from the top. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `dashboard-${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Watches the page's GraphQL traffic: how many requests are still pending, and every error an
 * answer carried (a refused `perPage` arrives as an error in a 200 or 400 answer).
 */
function watchGraphql(page: Page): { pending: () => number; errors: string[] } {
  let pending = 0;
  const errors: string[] = [];
  const isApi = (url: string) => url.endsWith('/graphql');
  page.on('request', (r) => {
    if (isApi(r.url())) pending++;
  });
  page.on('requestfailed', (r) => {
    if (isApi(r.url())) pending--;
  });
  page.on('requestfinished', async (r) => {
    if (!isApi(r.url())) return;
    try {
      const body = (await (await r.response())?.json()) as { errors?: { message: string }[] } | undefined;
      for (const e of body?.errors ?? []) errors.push(e.message);
    } catch {
      // not JSON: nothing to collect
    } finally {
      pending--;
    }
  });
  return { pending: () => pending, errors };
}

/** Waits until no GraphQL request is pending and react-admin's top-bar indicator is gone. */
async function settled(page: Page, pending: () => number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.waitForFunction(() => !document.querySelector('.app-loader'));
    if (pending() === 0) {
      // still nothing pending and no indicator once the page has rendered what came back
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (pending() === 0 && !(await page.locator('.app-loader').count())) return;
    }
    if (Date.now() > deadline) throw new Error(`${pending()} GraphQL request(s) still pending`);
    await page.waitForEvent('requestfinished', { timeout: 5_000 }).catch(() => undefined);
  }
}

const open = (viewport: Viewport, isMobile = false): Promise<Session> => openSession(browser, viewport, { isMobile });

/** The GraphQL operation a request sends (its `operationName`). */
function operationOf(postData: string | null): string | undefined {
  try {
    return (JSON.parse(postData ?? '{}') as { operationName?: string }).operationName;
  } catch {
    return undefined;
  }
}

/** The texts of each row's cells (th and td), for comparing a table with the API. */
function cellsOf(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** Each item's link text, in order. */
function linksOf(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluateAll((items) => items.map((i) => (i.querySelector('a')?.textContent ?? '').trim()));
}

const percent = (d: number | null) => (d === null ? '—' : `${Math.round(d * 100)}%`);
const STATUS_ORDER = ['NO_REP', 'FAILING', 'BELOW_TARGET'];

interface Density {
  minCell: number;
  total: { headcount: number | null; members: number | null; density: number | null; suppressed: boolean };
  sites: { site: { name: string }; headcount: number | null; members: number | null; density: number | null; suppressed: boolean }[];
}
const DENSITY = '{ densityBySite { minCell total { headcount members density suppressed } sites { site { name } headcount members density suppressed } } }';

/** The density table's rows as the dashboard must show them: lowest first, then no staff, then withheld. */
function densityRows(d: Density): string[][] {
  const rank = (s: Density['sites'][number]) => (s.suppressed ? 2 : s.density === null ? 1 : 0);
  const count = (n: number | null) => (n === null ? 'withheld' : n.toLocaleString('en-GB'));
  return [...d.sites]
    .sort((a, b) => rank(a) - rank(b) || (a.density ?? 0) - (b.density ?? 0) || a.site.name.localeCompare(b.site.name))
    .map((s) => [s.site.name, count(s.members), count(s.headcount), s.suppressed ? 'withheld' : s.headcount === 0 ? 'no staff' : percent(s.density)]);
}

/** The dashboard's widget headings, in order, once it shows its widgets and none is still loading (tests read them next). */
async function widgetTitles(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    document.querySelector('#main-content section h2') && !document.querySelector('[data-testid="widget-loading"]'));
  return page.locator('#main-content section h2').allTextContents();
}

describe('rep coverage as the branch secretary', () => {
  test('filters by a real site of the branch, and nothing is left loading', async () => {
    const all = await t.as('secretary')<{ repCoverage: { id: string; ward: { name: string; site: { id: string; name: string } } }[] }>(
      '{ repCoverage { id ward { name site { id name } } } }',
    );
    const rows = all.data!.repCoverage;
    const sites = [...new Map(rows.map((r) => [r.ward.site.id, r.ward.site.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
    expect(sites.length).toBeGreaterThan(1);
    // the site with the fewest wards, so the filter visibly narrows the list
    const [siteId, siteName] = [...sites].sort((a, b) => rows.filter((r) => r.ward.site.id === a[0]).length - rows.filter((r) => r.ward.site.id === b[0]).length)[0];
    const expected = rows.filter((r) => r.ward.site.id === siteId).map((r) => r.ward.name);

    await inSession(open(DESKTOP), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.secretary);
      await page.getByRole('menuitem', { name: 'Rep coverage' }).click();
      await page.waitForURL(/#\/coverage$/);
      await expectVisible(page.getByTestId('coverage-ward'));
      await expect(page.getByTestId('coverage-ward').count()).resolves.toBe(rows.length);

      await page.getByRole('combobox', { name: 'Site' }).click();
      const options = page.getByRole('listbox').getByRole('option');
      await expectVisible(options.nth(1));
      await expect(options.allTextContents()).resolves.toEqual(['All sites', ...sites.map(([, name]) => name)]);
      await page.getByRole('option', { name: siteName, exact: true }).click();
      await expect(page.getByRole('combobox', { name: 'Site' }).textContent()).resolves.toBe(siteName);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="coverage-ward"]').length === n, expected.length);
      const shown = await page.getByTestId('coverage-ward').evaluateAll((els) => els.map((e) => e.querySelector('a')?.textContent ?? ''));
      expect(shown.sort()).toEqual([...expected].sort());

      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      expect(problems).toEqual([]);
      await shot(page, 'desktop-rep-coverage-site');
    });
  });
});

describe.each(SCREENS)("the branch secretary's dashboard on a $screen", ({ screen, viewport, isMobile }) => {
  test('shows density by site, the worst-covered wards, overdue follow-ups by rep and recent joiners, as the API counts them', async () => {
    const as = t.as('secretary');
    const density = (await as<{ densityBySite: Density }>(DENSITY)).data!.densityBySite;
    const coverage = (await as<{ repCoverage: { ward: { name: string }; status: string }[] }>('{ repCoverage { ward { name } status } }')).data!.repCoverage;
    const overdue = (await as<{ overdueFollowUpsByRep: { repName: string; overdue: number }[] }>('{ overdueFollowUpsByRep { repName overdue } }')).data!.overdueFollowUpsByRep;
    const joiners = (await as<{ recentJoiners: { count: number; memberships: { contact: { fullName: string } }[] } }>(
      '{ recentJoiners(days: 30, limit: 6) { count memberships { contact { fullName } } } }',
    )).data!.recentJoiners;
    expect(overdue.length).toBeGreaterThan(0);
    expect(joiners.count).toBeGreaterThanOrEqual(2);

    await inSession(open(viewport, isMobile), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.secretary);
      await expect(widgetTitles(page)).resolves.toEqual([
        // the demo's ballot in progress (the seed's), for those who run ballots
        'Ballot: Pay and safe staffing ballot',
        // the demo campaign's join-by countdown, for those who run campaigns
        'Join-by countdown',
        'Membership density by site', 'Worst-covered wards', 'Overdue follow-ups across the branch', 'Recent joiners',
      ]);

      // Density: every site, lowest first, in a table beside a bar per site with staff; the branch in one line.
      const densityWidget = page.getByTestId('widget-density');
      await expectVisible(densityWidget.getByTestId('density-chart'));
      await expect(cellsOf(page, 'density-row')).resolves.toEqual(densityRows(density));
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="density-chart"] .recharts-bar-rectangle').length === n,
        density.sites.filter((s) => s.density !== null).length);
      await expect(densityWidget.getByTestId('density-total').textContent()).resolves.toBe(percent(density.total.density));
      await expectVisible(densityWidget.getByText(`${density.total.members!.toLocaleString('en-GB')} members of ${density.total.headcount!.toLocaleString('en-GB')} staff`));

      // The five worst-covered wards with staff, worst first.
      const worst = coverage.filter((r) => STATUS_ORDER.includes(r.status)).slice(0, 5).map((r) => r.ward.name);
      await expect(linksOf(page, 'worst-ward')).resolves.toEqual(worst);

      // Overdue follow-ups by rep, most first; a rep's name opens their overdue list.
      await expect(linksOf(page, 'overdue-rep')).resolves.toEqual(overdue.map((r) => r.repName));
      await expect(page.getByTestId('overdue-total').textContent()).resolves.toBe(String(overdue.reduce((n, r) => n + r.overdue, 0)));
      for (const [i, r] of overdue.entries()) {
        await expect(page.getByTestId('overdue-rep').nth(i).textContent()).resolves.toContain(`${r.overdue} overdue`);
      }

      // Recent joiners: how many, and the newest.
      await expect(page.getByTestId('joiners-total').textContent()).resolves.toBe(String(joiners.count));
      await expect(linksOf(page, 'joiner')).resolves.toEqual(joiners.memberships.map((m) => m.contact.fullName));

      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      if (isMobile) expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      else expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await shot(page, `${screen}-secretary`);

      // A rep's name leads to their overdue follow-ups.
      await page.getByTestId('overdue-rep').first().getByRole('link').click();
      await page.waitForURL(/#\/FollowUps\?/);
      await expectVisible(page.getByTestId('follow-up'));
      await expect(page.getByTestId('follow-up-state').allTextContents()).resolves.toEqual(
        Array(overdue[0].overdue > 50 ? 50 : overdue[0].overdue).fill(expect.stringMatching(/overdue$/)),
      );
      expect(problems).toEqual([]);
    });
  });
});

describe('each widget says when it is loading, empty or failed', () => {
  test('a slow chart shows its skeleton, an empty list says so, a refusal says why (asked once) and "Try again" recovers', async () => {
    await inSession(open(DESKTOP), async ({ page, problems }) => {
      const api = watchGraphql(page);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let joinerRequests = 0;
      let refuse = true;
      await page.route('**/graphql', async (route) => {
        const op = operationOf(route.request().postData());
        if (op === 'densityBySite') {
          await held;
          return route.continue();
        }
        if (op === 'overdueFollowUpsByRep') return route.fulfill({ json: { data: { items: [] } } });
        if (op === 'recentJoiners') {
          joinerRequests++;
          if (refuse) return route.fulfill({ json: { data: null, errors: [{ message: 'You may not see who joined', extensions: { code: 'FORBIDDEN' } }] } });
        }
        return route.continue();
      });
      await signIn(page, t.url, LOGINS.secretary);

      const density = page.getByTestId('widget-density');
      await expectVisible(density.getByRole('status', { name: 'Loading density by site' }));
      const overdue = page.getByTestId('widget-overdue');
      await expect(overdue.getByTestId('widget-empty').textContent()).resolves.toBe('No follow-up is overdue: every rep is up to date.');
      const joiners = page.getByTestId('widget-joiners');
      await expectVisible(joiners.getByTestId('widget-error'));
      await expect(joiners.getByTestId('widget-error').textContent()).resolves.toContain('Could not load recent joiners: You may not see who joined');
      await shot(page, 'desktop-states');

      release();
      await expectVisible(density.getByTestId('density-chart'));
      await settled(page, api.pending);
      // A refusal answers the same every time: asked once, not retried.
      expect(joinerRequests).toBe(1);

      refuse = false;
      await joiners.getByRole('button', { name: 'Try again' }).click();
      await expectVisible(joiners.getByTestId('joiner'));
      await settled(page, api.pending);
      expect(problems.filter((p) => !/status of 403|You may not see/.test(p))).toEqual([]);
    });
  });
});

describe('named for what they are to each role', () => {
  test("a rep's dashboard is their patch and their own follow-ups", async () => {
    const as = t.as('rep');
    const overdue = (await as<{ _allFollowUpsMeta: { count: number } }>('{ _allFollowUpsMeta(filter: { state: OVERDUE }) { count } }')).data!._allFollowUpsMeta.count;
    const joiners = (await as<{ recentJoiners: { count: number } }>('{ recentJoiners(days: 30) { count } }')).data!.recentJoiners.count;
    const density = (await as<{ densityBySite: Density }>(DENSITY)).data!.densityBySite;
    expect(overdue).toBeGreaterThanOrEqual(2);
    await inSession(open(PHONE, true), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.rep);
      await expect(widgetTitles(page)).resolves.toEqual([
        'Membership density by site', 'Worst-covered wards on your patch', 'My overdue follow-ups', 'Recent joiners on your patch',
      ]);
      await expect(cellsOf(page, 'density-row')).resolves.toEqual(densityRows(density));
      await expect(page.getByTestId('overdue-total').textContent()).resolves.toBe(String(overdue));
      await expect(page.getByTestId('joiners-total').textContent()).resolves.toBe(String(joiners));
      await page.getByRole('button', { name: 'Open menu' }).click();
      await expectVisible(page.getByRole('menuitem', { name: 'My patch' }));
      await expect(page.getByRole('menuitem', { name: 'Branch wards' }).count()).resolves.toBe(0);
      await page.keyboard.press('Escape');
      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await shot(page, 'phone-rep');
      expect(problems).toEqual([]);
    });
  });

  test("a caseworker's is their casework first, then the branch, with no follow-ups to chase and no \"My patch\"", async () => {
    const joiners = (await t.as('caseworker')<{ recentJoiners: { count: number } }>('{ recentJoiners(days: 30) { count } }')).data!.recentJoiners.count;
    await inSession(open(DESKTOP), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.caseworker);
      await expect(widgetTitles(page)).resolves.toEqual([
        'Meetings this week', 'Deadlines in the next 14 days', 'Cases with no next step', 'My open cases', 'Membership density by site', 'Worst-covered wards', 'Recent joiners',
      ]);
      await expect(page.getByTestId('joiners-total').textContent()).resolves.toBe(String(joiners));
      await expect(page.getByRole('menuitem', { name: 'My patch' }).count()).resolves.toBe(0);
      await page.getByRole('menuitem', { name: 'Branch wards' }).click();
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Branch wards' }));
      await expectVisible(page.getByRole('region', { name: 'Wards of my branch' }).getByRole('article'));
      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      await shot(page, 'desktop-caseworker-branch-wards');
      expect(problems).toEqual([]);
    });
  });

  test("a coalition partner's is density only, with small groups withheld", async () => {
    const density = (await t.as('coalition')<{ densityBySite: Density }>(DENSITY)).data!.densityBySite;
    await inSession(open(DESKTOP), async ({ page, problems }) => {
      const api = watchGraphql(page);
      await signIn(page, t.url, LOGINS.coalition);
      await expect(widgetTitles(page)).resolves.toEqual(['Membership density by site']);
      // the small demo branch has one small site: it is withheld, and so is the other, or the total would give it away
      expect(density.sites.map((s) => s.suppressed)).toEqual(density.sites.map(() => true));
      await expectVisible(page.getByTestId('density-row'));
      await expect(cellsOf(page, 'density-row')).resolves.toEqual(densityRows(density));
      await expectVisible(page.getByText(/^Withheld: figures with fewer than 5 members/));
      await expect(page.getByTestId('density-chart').count()).resolves.toBe(0);
      await expect(page.getByTestId('density-total').textContent()).resolves.toBe(percent(density.total.density));
      await settled(page, api.pending);
      expect(api.errors).toEqual([]);
      await shot(page, 'desktop-coalition');
      expect(problems).toEqual([]);
    });
  });
});
