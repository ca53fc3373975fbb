import { jest } from '@jest/globals';
import { addDays, ukToday } from '@rollcall/domain';
import { CaseDeadlinesService } from '../../apps/api/src/casework/deadlines/case-deadlines.service.js';
import { errorOf, type GqlResult, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { PATCH_SITES } from '../fixtures/scope-targets.js';

/**
 * The caseworker's agenda across cases: the deadlines of their open cases (allCaseDeadlines, with its
 * count for the menu) and the open cases with no next step. Each is checked against what the API says
 * case by case (Case.deadlines, Case.meetings), and its reads are audited. Who may see whose cases
 * through them is cases-authz.e2e's matrix.
 */
let t: TestApp;
let members: string[] = [];
const today = ukToday();

const ok = <T = any>(res: GqlResult, key: string): T => {
  if (res.errors || !res.data?.[key]) throw new Error(`${key}: ${JSON.stringify(res.errors)}`);
  return res.data[key] as T;
};
const open = async (type: string, i: number): Promise<string> =>
  ok(await t.as('caseworker')('mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }', { d: { contactId: members[i], type } }), 'createCase').id;
const meeting = (caseId: string, date: string, kind = 'DISCIPLINARY_HEARING') =>
  t.as('caseworker')('mutation($c: ID!, $d: String!, $k: MeetingKind!) { createCaseMeeting(data: { caseId: $c, kind: $k, date: $d }) { id } }', { c: caseId, d: date, k: kind });
const custom = async (caseId: string, due: string, done = false) => {
  const id = ok(await t.as('caseworker')('mutation($c: ID!, $d: String!) { createCaseCustomDeadline(data: { caseId: $c, label: "Agenda test", due: $d }) { id } }', { c: caseId, d: due }), 'createCaseCustomDeadline').id;
  if (done) ok(await t.as('caseworker')('mutation($id: ID!) { updateCaseCustomDeadline(id: $id, data: { done: true }) { id } }', { id }), 'updateCaseCustomDeadline');
  return id as string;
};

interface Row { caseId: string; key: string; due: string; daysLeft: number; done: boolean; passed: boolean }
/** Still to act on: not a custom deadline marked done, nor a computed limit whose date has gone. */
const live = (d: Row) => !d.done && !d.passed;
/** Every deadline of the caller's open cases (mine: their team's), from each case's own deadlines. */
async function perCase(who: 'caseworker' | 'secretary', mine: boolean): Promise<Row[]> {
  const cases = ok<{ id: string; deadlines: Omit<Row, 'caseId'>[] }[]>(await t.as(who)(`query($m: Boolean) { allCases(filter: { open: true, mine: $m }, perPage: 500) {
    id deadlines { key due daysLeft done passed } } }`, { m: mine }), 'allCases');
  return cases.flatMap((c) => c.deadlines.map((d) => ({ ...d, caseId: c.id })));
}
const byDue = (a: Row, b: Row) => a.due.localeCompare(b.due);
const AGENDA = `query($f: CaseDeadlineFilter, $perPage: Int, $page: Int, $o: String) { allCaseDeadlines(filter: $f, perPage: $perPage, page: $page, sortOrder: $o) {
  caseId key due daysLeft done passed label rule case { id type contact { id } } } _allCaseDeadlinesMeta(filter: $f) { count } }`;

beforeAll(async () => {
  t = await startTestApp();
  members = (await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) AND c.deleted_at IS NULL
    AND (c.leave_date IS NULL OR c.leave_date > current_date) AND w.site_id IN ${PATCH_SITES}
    AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id) ORDER BY c.last_name, c.id LIMIT 10`, [t.demoEmployerId, LOGINS.secretary])).map((r) => r.id);
  expect(members).toHaveLength(10);
});
afterAll(async () => { await t?.close(); });

describe('deadlines across cases (allCaseDeadlines)', () => {
  let overdueCase = '';
  let closedCase = '';
  beforeAll(async () => {
    overdueCase = await open('GRIEVANCE', 0);
    await custom(overdueCase, addDays(today, -3));
    await custom(overdueCase, addDays(today, 30));
    await custom(overdueCase, addDays(today, 2), true);
    closedCase = await open('CAPABILITY', 1);
    await custom(closedCase, addDays(today, 1));
    ok(await t.as('caseworker')('mutation($id: ID!) { updateCase(id: $id, data: { status: CLOSED }) { id } }', { id: closedCase }), 'updateCase');
  });

  it("holds every deadline of the caller's open cases, soonest (most overdue) first, and counts them", async () => {
    for (const [who, mine] of [['caseworker', true], ['caseworker', false], ['secretary', true], ['secretary', false]] as const) {
      const expected = (await perCase(who, mine)).filter(live).sort(byDue);
      const res = await t.as(who)(AGENDA, { f: { mine }, perPage: 500 });
      const got = ok<Row[]>(res, 'allCaseDeadlines');
      expect([who, mine, got.map((d) => `${d.caseId}:${d.key}`).sort()]).toEqual([who, mine, expected.map((d) => `${d.caseId}:${d.key}`).sort()]);
      expect(got.map((d) => d.due)).toEqual([...got.map((d) => d.due)].sort());
      expect(res.data?._allCaseDeadlinesMeta.count).toBe(expected.length);
      expect(got.some((d) => d.caseId === closedCase)).toBe(false);
    }
    const mine = ok<Row[]>(await t.as('caseworker')(AGENDA, { f: { mine: true, caseId: overdueCase } }), 'allCaseDeadlines');
    expect(mine.map((d) => [d.due, d.daysLeft])).toEqual([[addDays(today, -3), -3], [addDays(today, 30), 30]]);
  });

  it('filters by dates, overdue and done, and pages', async () => {
    const all = (await perCase('caseworker', true)).sort(byDue);
    const q = async (f: Record<string, unknown>, more: Record<string, unknown> = {}) => ok<Row[]>(await t.as('caseworker')(AGENDA, { f: { mine: true, ...f }, perPage: 500, ...more }), 'allCaseDeadlines');
    const keys = (rows: Row[]) => rows.map((d) => `${d.caseId}:${d.key}`).sort();
    const to = addDays(today, 14);
    expect(keys(await q({ to }))).toEqual(keys(all.filter((d) => live(d) && d.due <= to)));
    expect(keys(await q({ from: today, to }))).toEqual(keys(all.filter((d) => live(d) && d.due >= today && d.due <= to)));
    expect(keys(await q({ overdue: true }))).toEqual(keys(all.filter((d) => live(d) && d.due < today)));
    expect(keys(await q({ overdue: false }))).toEqual(keys(all.filter((d) => live(d) && d.due >= today)));
    // computed limits gone by (the demo's hearings held) are left out unless asked for, and are never overdue
    expect(all.some((d) => d.passed)).toBe(true);
    expect((await q({ overdue: true })).every((d) => d.key.startsWith('custom:'))).toBe(true);
    expect(keys(await q({ includeDone: true }))).toEqual(keys(all));
    expect((await q({ includeDone: true, caseId: overdueCase })).filter((d) => d.done)).toHaveLength(1);
    // pages of two, soonest first; DESC turns the order round
    const first = await q({}, { perPage: 2, page: 0 });
    const second = await q({}, { perPage: 2, page: 1 });
    const whole = await q({});
    expect([...first, ...second].map((d) => d.key)).toEqual(whole.slice(0, 4).map((d) => d.key));
    expect((await q({}, { o: 'DESC' })).map((d) => d.due)).toEqual(whole.map((d) => d.due).reverse());
  });

  it('works the agenda out once for a page and its count asked together', async () => {
    const agenda = jest.spyOn(t.app.get(CaseDeadlinesService), 'agenda');
    try {
      ok(await t.as('caseworker')(AGENDA, { f: { mine: true }, perPage: 5 }), 'allCaseDeadlines');
      expect(agenda).toHaveBeenCalledTimes(1);
    } finally {
      agenda.mockRestore();
    }
  });

  it('refuses a bad filter or sort with a field error', async () => {
    expect(errorOf(await t.as('caseworker')(AGENDA, { f: { from: addDays(today, 5), to: today } })).fields).toEqual({ to: 'must not be before from' });
    expect(errorOf(await t.as('caseworker')(AGENDA, { f: { from: '2026-02-30' } })).fields).toEqual({ from: expect.any(String) });
    expect(errorOf(await t.as('caseworker')('{ allCaseDeadlines(sortField: "label") { key } }')).fields).toEqual({ sortField: expect.stringMatching(/use due/) });
    expect(errorOf(await t.as('coalition')('{ allCaseDeadlines { key } }')).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql('{ _allCaseDeadlinesMeta { count } }')).code).toBe('UNAUTHENTICATED');
  });

  it('audits one READ of deadlines per case it hands out, and none for the count', async () => {
    const [{ mark }] = await t.sql('SELECT clock_timestamp() AS mark');
    const reads = () => t.sql(`SELECT entity_id, after FROM audit_event WHERE action = 'READ' AND actor_email = $1 AND created_at >= $2`, [LOGINS.caseworker, mark]);
    ok(await t.as('caseworker')('{ _allCaseDeadlinesMeta(filter: { mine: true }) { count } }'), '_allCaseDeadlinesMeta');
    expect(await reads()).toEqual([]);
    const rows = ok<Row[]>(await t.as('caseworker')('{ allCaseDeadlines(filter: { mine: true }, perPage: 500) { caseId } }'), 'allCaseDeadlines');
    const cases = [...new Set(rows.map((d) => d.caseId))].sort();
    expect(cases.length).toBeGreaterThan(1);
    const entries = await reads();
    expect(entries.map((e) => e.entity_id).sort()).toEqual(cases);
    for (const e of entries) expect(e.after.read).toEqual(['deadlines']);
  });
});

describe('open cases with no next step', () => {
  const made: Record<string, string> = {};
  beforeAll(async () => {
    made.futureMeeting = await open('DISCIPLINARY', 2);
    ok(await meeting(made.futureMeeting, addDays(today, 3)), 'createCaseMeeting');
    made.upcomingCustom = await open('GRIEVANCE', 3);
    await custom(made.upcomingCustom, addDays(today, 6));
    // a hearing 60 days ago: its s.10 date is long past
    made.pastOnly = await open('DISCIPLINARY', 4);
    ok(await meeting(made.pastOnly, addDays(today, -60)), 'createCaseMeeting');
    made.overdueOnly = await open('CAPABILITY', 5);
    await custom(made.overdueOnly, addDays(today, -1));
    made.doneOnly = await open('OTHER', 6);
    await custom(made.doneOnly, addDays(today, 9), true);
    made.bare = await open('WHISTLEBLOWING', 7);
    made.closed = await open('OTHER', 8);
    ok(await t.as('caseworker')('mutation($id: ID!) { updateCase(id: $id, data: { status: CLOSED }) { id } }', { id: made.closed }), 'updateCase');
    // an appeal window still open (outcome letter today) is a next step
    made.appealWindow = await open('DISCIPLINARY', 9);
    ok(await t.as('caseworker')('mutation($id: ID!, $d: String!) { updateCase(id: $id, data: { outcomeLetterDate: $d }) { id } }', { id: made.appealWindow, d: today }), 'updateCase');
  });

  const STUCK = 'query($f: CaseFilter) { allCases(filter: $f, perPage: 500) { id } _allCasesMeta(filter: $f) { count } }';

  it('are those with no meeting from today on and no deadline still to come', async () => {
    const res = await t.as('caseworker')(STUCK, { f: { mine: true, noNextStep: true } });
    const ids = ok<{ id: string }[]>(res, 'allCases').map((c) => c.id);
    const mineOf = (name: string) => ids.includes(made[name]);
    expect(Object.fromEntries(Object.keys(made).map((k) => [k, mineOf(k)]))).toEqual({
      futureMeeting: false, upcomingCustom: false, pastOnly: true, overdueOnly: true, doneOnly: true, bare: true, closed: false, appealWindow: false,
    });
    expect(res.data?._allCasesMeta.count).toBe(ids.length);
    // the same, worked out case by case from what the API says of each
    const cases = ok<{ id: string; status: string; meetings: { date: string }[]; deadlines: { due: string; done: boolean }[] }[]>(await t.as('caseworker')(`{
      allCases(filter: { mine: true, open: true }, perPage: 500) { id status meetings { date } deadlines { due done } } }`), 'allCases');
    const expected = cases.filter((c) => !c.meetings.some((m) => m.date >= today) && !c.deadlines.some((d) => !d.done && d.due >= today)).map((c) => c.id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('combine with the other filters, and audit a read for each case listed', async () => {
    const res = await t.as('caseworker')(STUCK, { f: { mine: true, noNextStep: true, type: 'WHISTLEBLOWING', ids: [made.bare, made.futureMeeting] } });
    expect(ok<{ id: string }[]>(res, 'allCases')).toEqual([{ id: made.bare }]);
    const [{ mark }] = await t.sql('SELECT clock_timestamp() AS mark');
    ok(await t.as('caseworker')('query($ids: [String!]) { allCases(filter: { ids: $ids, noNextStep: true }) { id } }', { ids: [made.bare, made.pastOnly, made.futureMeeting] }), 'allCases');
    const entries = await t.sql(`SELECT entity_id, after FROM audit_event WHERE action = 'READ' AND actor_email = $1 AND created_at >= $2`, [LOGINS.caseworker, mark]);
    expect(entries.map((e) => e.entity_id).sort()).toEqual([made.bare, made.pastOnly].sort());
    for (const e of entries) expect(e.after.read).toEqual(['nextStep']);
    // false is no filter at all
    const all = ok<{ id: string }[]>(await t.as('caseworker')(STUCK, { f: { mine: true, noNextStep: false } }), 'allCases');
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([made.futureMeeting, made.closed]));
  });
});
