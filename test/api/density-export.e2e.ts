/**
 * The slice explorer's CSV (POST /export/density-slice.csv): the file is densitySlice's answer for the
 * caller, row for row (the table, its margins, the total), for a branch secretary and for a coalition
 * viewer (a withheld cell stays empty, with the reason, never a number); each export is audited;
 * anonymous and unpermitted callers are refused (nothing exported, no export entry); bad input is a
 * 400 naming the field.
 */
import { parse } from 'csv-parse/sync';
import { COVERAGE_STATUS_LABELS, type CoverageStatus, formatDensity } from '@rollcall/domain';
import request from 'supertest';
import { DEMO_PASSWORD, type Login, startTestApp, type TestApp } from '../fixtures/app.js';
import { SLICE_QUERY as QUERY, type Slice, type SliceRow as Row } from '../fixtures/slice.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

async function sliceOf(who: Login | string, by: string[], filter?: Record<string, unknown>): Promise<Slice> {
  const token = typeof who === 'string' && who.length > 40 ? who : await t.login(who as Login);
  const res = await t.gql<{ densitySlice: Slice }>(QUERY, { by, filter }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.densitySlice;
}

interface Download { status: number; disposition?: string; header: string[]; rows: string[][]; error?: { code: string; message: string; fields?: Record<string, string> }; text: string }

async function download(body: unknown, token?: string): Promise<Download> {
  const req = request(t.app.getHttpServer()).post('/export/density-slice.csv').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send(body as object).buffer(true).parse((r, done) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => { text += c; });
    r.on('end', () => done(null, text));
  });
  const text = res.body as string;
  if (res.status !== 200) return { status: res.status, header: [], rows: [], error: JSON.parse(text), text };
  const records: string[][] = parse(text, { bom: true });
  return { status: 200, disposition: res.headers['content-disposition'], header: records[0], rows: records.slice(1), text };
}
const exportAs = async (who: Login, body: unknown) => download(body, await t.login(who));

const exportEvents = async () => t.sql<{ actor_email: string; entity_type: string; employer_id: string | null; after: Record<string, any> }>(
  "SELECT actor_email, entity_type, employer_id, after FROM audit_event WHERE action = 'EXPORT' AND entity_type = 'DensitySlice' ORDER BY created_at, id");

const LABEL: Record<string, string> = { WARD: 'Ward', SHIFT_PATTERN: 'Shift pattern', SITE: 'Site', STAFF_GROUP: 'Staff group', UNION: 'Union', EMPLOYER: 'Employer' };
const n = (v: number | null) => (v === null ? '' : String(v));
const keysOf = (s: Slice, r: Row) => s.by.map((d) => r.keys.find((k) => k.dimension === d)?.label ?? 'All');
const whyText = (r: Row, minCell: number) => (r.suppression === 'COMPLEMENTARY' ? 'withheld so a small cell cannot be worked out' : `withheld: fewer than ${minCell}`);

describe('the CSV is the slice', () => {
  it("gives a secretary every row and figure of densitySlice, in words, with margins and the total; audited", async () => {
    const by = ['WARD', 'SHIFT_PATTERN'];
    const filter = { staffGroups: ['NURSING_MIDWIFERY_REGISTERED', 'ADDITIONAL_CLINICAL_SERVICES'] };
    const s = await sliceOf('secretary', by, filter);
    expect(s.aggregateOnly).toBe(false);
    expect(s.rows.length).toBeGreaterThan(3);
    const before = (await exportEvents()).length;
    const res = await exportAs('secretary', { by, filter });
    expect(res.status).toBe(200);
    expect(res.disposition).toMatch(/^attachment; filename="density-ward-shift-pattern-\d{4}-\d{2}-\d{2}\.csv"$/);
    const unions = s.total.membersByUnion!.map((u) => u.name);
    expect(res.header).toEqual(['Ward', 'Shift pattern', 'Headcount', 'Members', 'Density', ...unions.map((u) => `${u} members`),
      'Assessed', 'Assessed share', '1s', '2s', 'Leaders', 'Reps', 'Workers per rep', 'Coverage', 'Conversations (30 days)', 'Never spoken to', 'Withheld']);
    const all = [...s.rows, ...s.margins, s.total];
    expect(res.rows).toHaveLength(all.length);
    all.forEach((r, i) => {
      const expected = [
        ...keysOf(s, r), n(r.headcount), n(r.members), formatDensity(r.members!, r.headcount!),
        ...r.membersByUnion!.map((u) => String(u.members)), n(r.assessed),
        r.assessedShare === null ? '' : `${Math.round(r.assessedShare * 100)}%`, n(r.ones), n(r.twos), n(r.leaders), n(r.reps),
        r.workersPerRep === null ? '' : String(Math.round(r.workersPerRep * 10) / 10),
        COVERAGE_STATUS_LABELS[r.coverage as CoverageStatus], n(r.conversations30d), n(r.neverSpokenTo), '',
      ];
      expect(res.rows[i]).toEqual(expected);
    });
    // the margins say "All" in the other dimension, the total in both
    expect(res.rows.at(-1)!.slice(0, 2)).toEqual(['All', 'All']);
    expect(res.rows.some((r) => r[0] !== 'All' && r[1] === 'All')).toBe(true);
    expect(res.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);

    const events = await exportEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      actor_email: 'secretary@unison.example', employer_id: t.demoEmployerId,
      after: { list: 'density-slice', by, filter, aggregateOnly: false, rows: all.length, complete: true, columns: res.header },
    });
  });

  it('gives a coalition viewer what densitySlice gives them: withheld cells empty with the reason, never a number', async () => {
    // a table with cells withheld for them (small cells, and others withheld with them)
    let found: { by: string[]; s: Slice } | undefined;
    for (const by of [['SITE', 'STAFF_GROUP'], ['EMPLOYER', 'STAFF_GROUP'], ['WARD_TYPE', 'STAFF_GROUP'], ['SITE', 'WARD_TYPE']]) {
      const s = await sliceOf('coalition', by);
      if (s.rows.some((r) => r.suppressed)) { found = { by, s }; break; }
    }
    expect(found).toBeDefined();
    const { by, s } = found!;
    expect(s.aggregateOnly).toBe(true);
    const res = await exportAs('coalition', { by });
    expect(res.status).toBe(200);
    expect(res.header).toEqual([LABEL[by[0]], LABEL[by[1]], 'Headcount', 'Members', 'Density', 'Withheld']);
    const all = [...s.rows, ...s.margins, s.total];
    expect(res.rows).toHaveLength(all.length);
    all.forEach((r, i) => {
      if (r.suppressed) expect(res.rows[i]).toEqual([...keysOf(s, r), '', '', '', whyText(r, s.minCell)]);
      else expect(res.rows[i]).toEqual([...keysOf(s, r), n(r.headcount), n(r.members), formatDensity(r.members!, r.headcount!), '']);
    });
    const withheld = res.rows.filter((r) => r[5] !== '');
    expect(withheld.length).toBeGreaterThan(0);
    for (const r of withheld) expect(r.slice(2, 5)).toEqual(['', '', '']);
    expect(await exportEvents()).toContainEqual(expect.objectContaining({
      actor_email: 'coalition@unison.example', after: expect.objectContaining({ by, aggregateOnly: true, rows: all.length }),
    }));
  });

  it("gives a rep their patch's figures, as densitySlice does", async () => {
    const s = await sliceOf('rep', ['WARD']);
    const res = await exportAs('rep', { by: ['WARD'] });
    expect(res.status).toBe(200);
    expect(res.rows.map((r) => r.slice(0, 2))).toEqual([...s.rows, s.total].map((r) => [...keysOf(s, r), n(r.headcount)]));
    const secretary = await exportAs('secretary', { by: ['WARD'] });
    expect(res.rows.length).toBeLessThan(secretary.rows.length);
  });
});

describe('refusals and bad input', () => {
  it('refuses an anonymous request and writes no export entry', async () => {
    const before = (await exportEvents()).length;
    const res = await download({ by: ['SITE'] });
    expect([res.status, res.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await download({ by: ['SITE'] }, 'not-a-token')).status).toBe(401);
    expect(await exportEvents()).toHaveLength(before);
  });

  it('refuses a user without AGGREGATES_READ (a refusal on record, no export entry)', async () => {
    const [branch] = await t.sql<{ id: string }>('SELECT branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1 LIMIT 1', ['secretary@unison.example']);
    const email = 'no.roles.export@unison.example';
    const made = await t.as('admin')('mutation($d: UserCreateInput!) { createUser(data: $d) { id } }',
      { d: { email, displayName: 'No roles', password: DEMO_PASSWORD, roles: [{ branchId: branch.id, role: 'REP' }] } });
    expect(made.errors).toBeUndefined();
    const login = await t.gql<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
    const token = login.data!.login.token;
    // their last role taken away (in the database: the admin screens insist on one)
    await t.sql('DELETE FROM user_branch_role WHERE user_id = $1', [made.data!.createUser.id]);
    const before = (await exportEvents()).length;
    const res = await download({ by: ['SITE'] }, token);
    expect([res.status, res.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect(await exportEvents()).toHaveLength(before);
    const refused = await t.sql("SELECT entity_type FROM audit_event WHERE action = 'REFUSED' AND actor_email = $1", [email]);
    expect(refused).toEqual([{ entity_type: 'POST /export/density-slice.csv' }]);
  });

  it.each([
    ['secretary', { by: ['PLANET'] }, 'by'],
    ['secretary', { by: ['SITE', 'WARD', 'GRADE'] }, 'by'],
    ['secretary', { by: [] }, 'by'],
    ['secretary', {}, 'by'],
    ['secretary', { by: ['SITE', 'SITE'] }, 'by'],
    ['secretary', { by: ['SITE'], filter: { grades: ['BAND_99'] } }, 'grades'],
    ['secretary', { by: ['SITE'], filter: { siteIds: ["1' OR 1=1"] } }, 'siteIds'],
    ['secretary', { by: ['SITE'], filter: { shoeSize: 9 } }, 'shoeSize'],
    ['secretary', { by: ['SITE'], filter: 'all' }, 'filter'],
    ['secretary', { by: ['SITE'], perPage: 5 }, 'perPage'],
    ['coalition', { by: ['WARD'] }, 'by'],
    ['coalition', { by: ['SITE'], filter: { shiftPatterns: ['NIGHTS'] } }, 'shiftPatterns'],
    ['coalition', { by: ['SITE'], filter: { staffGroups: ['STUDENTS'] } }, 'staffGroups'],
  ] as [Login, Record<string, unknown>, string][])('as %s, refuses %j with a 400 naming %s, and exports nothing', async (who, body, field) => {
    const before = (await exportEvents()).length;
    const res = await exportAs(who, body);
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.any(String) } });
    expect(res.text).not.toMatch(/at .*\.ts|SELECT|stack/i);
    expect(await exportEvents()).toHaveLength(before);
  });
});
