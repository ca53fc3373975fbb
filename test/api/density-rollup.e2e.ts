import pg from 'pg';
import { RollupService } from '../../apps/api/src/analytics/rollup.service.js';
import { identityParams, IDENTITY_SQL } from '../../apps/api/src/database/request-transaction.js';
import { withDatabase } from '../fixtures/db-url.js';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * densitySlice from the density rollup: never refreshed, everything is counted live (asOf null);
 * after a refresh, whole-employer callers (secretary, caseworker, coalition count scope) get the
 * very answers the live count gave, every figure also checked against SQL written here, with asOf
 * the refresh's time; a change shows only after the next refresh, which moves asOf; a rep's patch
 * stays live; coalition suppression is unchanged; one organisation's refresh never touches
 * another's rows; and row-level security binds the rollup on the API's database role.
 */
let t: TestApp;
let rollup: RollupService;
beforeAll(async () => {
  t = await startTestApp();
  rollup = t.app.get(RollupService);
});
afterAll(async () => { await t?.close(); });

const ROW = `keys { dimension value label } headcount members membersByUnion { unionId name members } density assessed assessedShare
  ones twos leaders reps workersPerRep coverage conversations30d neverSpokenTo suppressed suppression`;
const QUERY = `query($by: [SliceDimension!]!, $filter: SliceFilter) { densitySlice(by: $by, filter: $filter) {
  by aggregateOnly minCell asOf rows { ${ROW} } margins { ${ROW} } total { ${ROW} } } }`;

interface Row {
  keys: { dimension: string; value: string | null }[]; headcount: number | null; members: number | null;
  membersByUnion: { unionId: string; members: number }[] | null; assessed: number | null; ones: number | null; twos: number | null;
  leaders: number | null; reps: number | null; conversations30d: number | null; neverSpokenTo: number | null; suppressed: boolean;
}
interface Slice { asOf: string | null; aggregateOnly: boolean; rows: Row[]; margins: Row[]; total: Row }

async function slice(who: Login, by: string[], filter?: Record<string, unknown>): Promise<Slice> {
  const res = await t.as(who)<{ densitySlice: Slice }>(QUERY, { by, filter });
  expect(res.errors).toBeUndefined();
  return res.data!.densitySlice;
}
const withoutAsOf = ({ asOf: _, ...rest }: Slice) => rest;

const org = (login: Login) => `(SELECT organisation_id FROM app_user WHERE email = '${LOGINS[login]}')`;
const orgId = async (login: Login): Promise<string> => (await t.sql(`SELECT ${org(login)} AS id`))[0].id;
const BRANCH = (who: Login) => `c.organisation_id = ${org(who)} AND c.employer_id IN (SELECT be.employer_id FROM user_branch_role r
  JOIN branch_employer be ON be.branch_id = r.branch_id JOIN app_user u ON u.id = r.user_id WHERE u.email = '${LOGINS[who]}')`;
const PATCH = `c.organisation_id = ${org('rep')} AND c.id IN (SELECT p2.contact_id FROM posting p2 JOIN ward w2 ON w2.id = p2.ward_id
  WHERE p2.end_date IS NULL AND w2.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = '${LOGINS.rep}'))`;
const EXPR: Record<string, string> = {
  EMPLOYER: 'c.employer_id::text', SITE: 'w.site_id::text', WARD: 'w.id::text', WARD_TYPE: 'w.type::text', STAFF_GROUP: 'c.staff_group::text',
  GRADE: 'c.grade::text', SHIFT_PATTERN: 'c.shift_pattern::text', CONTRACT_TYPE: 'c.contract_type::text',
};
const MEMBER = "m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)";

/** Figures per value of one dimension among current staff of `scope`, counted here with no rollup in sight. */
interface Truth {
  k: string | null; headcount: number; members: number; assessed: number; ones: number; twos: number; leaders: number; reps: number;
  conversations: number; never: number; unions: Record<string, number>;
}

async function truth(scope: string, dim: string, where = 'TRUE'): Promise<Map<string | null, Truth>> {
  const rows = await t.sql<Truth>(`
    WITH staff AS (
      SELECT c.id, ${EXPR[dim]} AS k, c.leader,
        (SELECT a.value FROM assessment a WHERE a.contact_id = c.id ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1) AS assessment,
        EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND ${MEMBER}) AS member,
        ARRAY(SELECT m.union_id::text FROM membership m WHERE m.contact_id = c.id AND ${MEMBER}) AS unions,
        EXISTS (SELECT 1 FROM rep_role r WHERE r.contact_id = c.id AND (r.start_date IS NULL OR r.start_date <= current_date)
          AND (r.end_date IS NULL OR r.end_date > current_date)) AS rep,
        (SELECT count(*) FROM conversation cv WHERE cv.contact_id = c.id AND cv.occurred_at > now() - interval '30 days')::int AS talks,
        NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id) AS never
      FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
      WHERE p.end_date IS NULL AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${scope} AND ${where})
    SELECT k, count(*)::int AS headcount, count(*) FILTER (WHERE member)::int AS members, count(assessment)::int AS assessed,
      count(*) FILTER (WHERE assessment = 1)::int AS ones, count(*) FILTER (WHERE assessment = 2)::int AS twos,
      count(*) FILTER (WHERE leader)::int AS leaders, count(*) FILTER (WHERE rep)::int AS reps, sum(talks)::int AS conversations,
      count(*) FILTER (WHERE never)::int AS never,
      (SELECT coalesce(json_object_agg(u, n), '{}') FROM (SELECT u, count(*)::int AS n FROM staff s2, unnest(s2.unions) u
        WHERE s2.k IS NOT DISTINCT FROM staff.k GROUP BY u) x) AS unions
    FROM staff GROUP BY k`);
  return new Map(rows.map((r) => [r.k, r]));
}

/** Every row of a one-dimension slice as the SQL above counts it. */
async function expectAsSql(s: Slice, scope: string, dim: string, where?: string) {
  const expected = await truth(scope, dim, where);
  expect(s.rows.map((r) => r.keys[0].value).sort()).toEqual([...expected.keys()].sort());
  for (const r of s.rows) {
    const e = expected.get(r.keys[0].value)!;
    expect({ key: r.keys[0].value, headcount: r.headcount, members: r.members, assessed: r.assessed, ones: r.ones, twos: r.twos, leaders: r.leaders,
      reps: r.reps, conversations: r.conversations30d, never: r.neverSpokenTo,
      unions: Object.fromEntries((r.membersByUnion ?? []).filter((u) => u.members).map((u) => [u.unionId, u.members])) })
      .toEqual({ key: r.keys[0].value, headcount: e.headcount, members: e.members, assessed: e.assessed, ones: e.ones, twos: e.twos, leaders: e.leaders,
        reps: e.reps, conversations: e.conversations, never: e.never, unions: e.unions });
  }
}

const unionsOf = async (login: Login): Promise<string[]> =>
  (await t.sql(`SELECT id::text FROM trade_union WHERE organisation_id = ${org(login)} ORDER BY name, id`)).map((r: { id: string }) => r.id);

/** Sites and wards where the login's branches have current staff, two of each. */
async function placesOf(login: Login): Promise<{ sites: string[]; wards: string[] }> {
  const rows = await t.sql<{ ward: string; site: string }>(`SELECT DISTINCT w.id::text AS ward, w.site_id::text AS site FROM posting p
    JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id WHERE p.end_date IS NULL AND ${BRANCH(login)} ORDER BY 2, 1`);
  return { sites: [...new Set(rows.map((r) => r.site))].slice(0, 2), wards: rows.map((r) => r.ward).slice(0, 2) };
}

/** The slices compared live against the rollup, for whole-employer callers. */
async function cases(): Promise<[Login, string[], Record<string, unknown> | undefined][]> {
  const [u0, u1] = await unionsOf('secretary');
  const { sites, wards } = await placesOf('secretary');
  return [
    ['secretary', ['SITE'], undefined],
    ['secretary', ['WARD'], { contractTypes: ['SUBSTANTIVE'] }],
    ['secretary', ['WARD_TYPE', 'STAFF_GROUP'], undefined],
    ['secretary', ['GRADE', 'SHIFT_PATTERN'], { staffGroups: ['NURSING_MIDWIFERY_REGISTERED'], shiftPatterns: ['DAYS', 'ROTATING'] }],
    ['secretary', ['EMPLOYER', 'CONTRACT_TYPE'], { grades: ['AFC_5', 'AFC_6'], employerIds: [t.demoEmployerId] }],
    ['secretary', ['UNION'], undefined],
    ['secretary', ['SITE', 'UNION'], { unionIds: [u1] }],
    ['secretary', ['STAFF_GROUP'], { unionIds: [u0, u1] }],
    ['caseworker', ['WARD'], undefined],
    ['bmaSecretary', ['SITE', 'GRADE'], undefined],
    ['coalition', ['SITE'], undefined],
    ['coalition', ['SITE', 'STAFF_GROUP'], undefined],
    ['coalition', ['EMPLOYER', 'UNION'], undefined],
    ['coalition', ['WARD_TYPE'], { wardTypes: ['INPATIENT_WARD'] }],
    ['secretary', ['WARD_TYPE', 'GRADE'], { siteIds: sites }],
    ['secretary', ['STAFF_GROUP'], { wardIds: wards }],
  ];
}

const stateOf = async (orgIdValue: string) =>
  (await t.sql('SELECT as_of, rows FROM density_rollup_state WHERE organisation_id = $1', [orgIdValue]))[0] as { as_of: Date; rows: number } | undefined;

describe('densitySlice from the density rollup', () => {
  let live: Slice[];
  let all: Awaited<ReturnType<typeof cases>>;

  it('is counted live, asOf null, while the rollup was never refreshed', async () => {
    expect(await t.sql('SELECT count(*)::int AS n FROM density_rollup_state')).toEqual([{ n: 0 }]);
    all = await cases();
    live = [];
    for (const [who, by, filter] of all) {
      const s = await slice(who, by, filter);
      expect([who, by, s.asOf]).toEqual([who, by, null]);
      live.push(s);
    }
    await expectAsSql(live[0], BRANCH('secretary'), 'SITE');
  });

  it('after a refresh, gives whole-employer callers the live answers, as of the refresh', async () => {
    const unison = await rollup.refresh(await orgId('secretary'));
    const bma = await rollup.refresh(await orgId('bmaSecretary'));
    expect(unison.rows).toBeGreaterThan(0);
    // far fewer rows than people: the point of it
    const [{ n: people }] = await t.sql(`SELECT count(*)::int AS n FROM contact c WHERE c.organisation_id = ${org('secretary')}`);
    expect(unison.rows).toBeLessThan(people);
    for (const [i, [who, by, filter]] of all.entries()) {
      const s = await slice(who, by, filter);
      const asOf = who === 'bmaSecretary' ? bma.asOf : unison.asOf;
      expect([who, by, s.asOf]).toEqual([who, by, asOf.toISOString()]);
      expect([who, by, withoutAsOf(s)]).toEqual([who, by, withoutAsOf(live[i])]);
    }
    // and as the database counts them today, figure by figure
    await expectAsSql(await slice('secretary', ['WARD']), BRANCH('secretary'), 'WARD');
    await expectAsSql(await slice('caseworker', ['STAFF_GROUP']), BRANCH('caseworker'), 'STAFF_GROUP');
    await expectAsSql(await slice('bmaSecretary', ['SHIFT_PATTERN']), BRANCH('bmaSecretary'), 'SHIFT_PATTERN');
    const { sites, wards } = await placesOf('secretary');
    expect([sites.length, wards.length]).toEqual([2, 2]);
    await expectAsSql(await slice('secretary', ['WARD'], { siteIds: [sites[0]] }), BRANCH('secretary'), 'WARD', `w.site_id = '${sites[0]}'`);
    await expectAsSql(await slice('secretary', ['SITE'], { wardIds: wards }), BRANCH('secretary'), 'SITE', `w.id IN ('${wards[0]}', '${wards[1]}')`);
    const [u0] = await unionsOf('secretary');
    await expectAsSql(await slice('secretary', ['GRADE'], { unionIds: [u0] }), BRANCH('secretary'), 'GRADE',
      `EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND ${MEMBER} AND m.union_id = '${u0}')`);
  });

  it('shows a change only after the next refresh, which moves asOf; a rep sees it at once', async () => {
    // a current non-member on the rep's patch (so in the secretary's trust) joins a union
    const [person] = await t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      WHERE ${PATCH} AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
        AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND ${MEMBER}) ORDER BY c.id LIMIT 1`);
    const [u0] = await unionsOf('secretary');
    const before = await slice('secretary', ['SITE']);
    const repBefore = await slice('rep', ['SITE']);
    await t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, source, join_date)
      VALUES (${org('secretary')}, $1, $2, 'MEMBER', 'SELF_REPORTED', current_date) ON CONFLICT (contact_id, union_id) DO UPDATE SET status = 'MEMBER', leave_date = NULL`,
    [person.id, u0]);

    const stale = await slice('secretary', ['SITE']);
    expect(stale).toEqual(before);
    const rep = await slice('rep', ['SITE']);
    expect(rep.asOf).toBeNull();
    expect(rep.total.members).toBe(repBefore.total.members! + 1);
    await expectAsSql(rep, PATCH, 'SITE');

    const next = await rollup.refresh(await orgId('secretary'));
    const fresh = await slice('secretary', ['SITE']);
    expect(new Date(fresh.asOf!).getTime()).toBeGreaterThan(new Date(before.asOf!).getTime());
    expect(fresh.asOf).toBe(next.asOf.toISOString());
    expect(fresh.total.members).toBe(before.total.members! + 1);
    await expectAsSql(fresh, BRANCH('secretary'), 'SITE');
  });

  it("never touches another organisation's rows, and the job refreshes every organisation", async () => {
    const bma = await orgId('bmaSecretary');
    const rowsOf = async (o: string) => t.sql(`SELECT * FROM density_rollup WHERE organisation_id = $1
      ORDER BY level, ward_id, staff_group, grade, shift_pattern, contract_type, unions::text`, [o]);
    const bmaRows = await rowsOf(bma);
    const bmaState = await stateOf(bma);
    expect(bmaRows.length).toBeGreaterThan(0);
    await rollup.refresh(await orgId('secretary'));
    expect(await rowsOf(bma)).toEqual(bmaRows);
    expect(await stateOf(bma)).toEqual(bmaState);

    const orgs = await t.sql('SELECT id FROM organisation ORDER BY id');
    const before = new Map(await Promise.all(orgs.map(async (o: { id: string }) => [o.id, (await stateOf(o.id))?.as_of.getTime() ?? 0] as const)));
    await rollup.refreshAll();
    for (const o of orgs as { id: string }[]) expect([o.id, (await stateOf(o.id))!.as_of.getTime()]).toEqual([o.id, expect.any(Number)]);
    for (const o of orgs as { id: string }[]) expect((await stateOf(o.id))!.as_of.getTime()).toBeGreaterThan(before.get(o.id)!);
  });
});

describe("density_rollup, on the API's database role", () => {
  let db: pg.Client;
  const who: Record<string, { id: string; org: string; employers: string[] }> = {};
  beforeAll(async () => {
    db = new pg.Client({ connectionString: withDatabase(process.env.ROLLCALL_TEST_APP_URL!, new URL(t.databaseUrl).pathname.slice(1)) });
    await db.connect();
    for (const login of ['secretary', 'secretary2', 'bmaSecretary'] as Login[]) {
      const [row] = await t.sql(`SELECT u.id, u.organisation_id AS org,
          coalesce(array_agg(DISTINCT be.employer_id) FILTER (WHERE be.employer_id IS NOT NULL), '{}') AS employers
        FROM app_user u LEFT JOIN user_branch_role r ON r.user_id = u.id LEFT JOIN branch_employer be ON be.branch_id = r.branch_id
        WHERE u.email = $1 GROUP BY u.id`, [LOGINS[login]]);
      who[login] = { id: row.id, org: row.org, employers: row.employers };
    }
    for (const login of ['secretary', 'bmaSecretary'] as Login[]) await rollup.refresh(who[login].org);
  });
  afterAll(async () => { await db?.end(); });

  async function as<T>(login: Login | null, fn: () => Promise<T>): Promise<T> {
    await db.query('BEGIN');
    try {
      const w = login ? who[login] : null;
      await db.query(IDENTITY_SQL, identityParams(w
        ? { organisationId: w.org, employerIds: w.employers, userId: w.id, caseBranchIds: [] }
        : { organisationId: null, employerIds: [], userId: null, caseBranchIds: [] }));
      return await fn();
    } finally {
      await db.query('ROLLBACK');
    }
  }
  const seen = async () => (await db.query(`SELECT DISTINCT organisation_id::text AS org, employer_id::text AS employer FROM density_rollup ORDER BY 1, 2`)).rows;

  it('shows a user only the rows of their organisation and their branches\' employers, nothing without an identity', async () => {
    expect(await t.sql("SELECT relname FROM pg_class WHERE relrowsecurity AND relname IN ('density_rollup', 'density_rollup_state') ORDER BY 1"))
      .toEqual([{ relname: 'density_rollup' }, { relname: 'density_rollup_state' }]);
    expect(await as(null, seen)).toEqual([]);
    expect(await as(null, async () => (await db.query('SELECT * FROM density_rollup_state')).rows)).toEqual([]);
    for (const login of ['secretary', 'secretary2', 'bmaSecretary'] as Login[]) {
      const rows = await as(login, seen);
      expect(rows.length).toBeGreaterThan(0);
      expect([login, rows]).toEqual([login, who[login].employers.sort().map((e) => ({ org: who[login].org, employer: e }))]);
      const states = await as(login, async () => (await db.query('SELECT organisation_id::text AS org FROM density_rollup_state')).rows);
      expect(states).toEqual([{ org: who[login].org }]);
    }
  });

  it("refuses rows for another organisation or another branch's employer, and cannot delete another's", async () => {
    const [ward] = await t.sql('SELECT w.id, w.site_id, w.type::text, s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE w.organisation_id = $1 AND s.employer_id = ANY($2::uuid[]) LIMIT 1',
      [who.bmaSecretary.org, who.bmaSecretary.employers]);
    const insert = `INSERT INTO density_rollup (organisation_id, level, employer_id, site_id, ward_id, ward_type, unions, headcount, members, assessed, ones, twos,
      leaders, reps, conversations_30d, never_spoken_to) VALUES ($1, 0, $2, $3, $4, $5, '{}', 1, 0, 0, 0, 0, 0, 0, 0, 0)`;
    expect((await as('bmaSecretary', () => db.query(insert, [who.bmaSecretary.org, ward.employer_id, ward.site_id, ward.id, ward.type]))).rowCount).toBe(1);
    await expect(as('secretary', () => db.query(insert, [who.bmaSecretary.org, ward.employer_id, ward.site_id, ward.id, ward.type]))).rejects.toThrow(/row-level security/);
    const [own] = await t.sql('SELECT w.id, w.site_id, w.type::text, s.employer_id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = ANY($1::uuid[]) LIMIT 1', [who.secretary2.employers]);
    expect((await as('secretary2', () => db.query(insert, [who.secretary.org, own.employer_id, own.site_id, own.id, own.type]))).rowCount).toBe(1);
    await expect(as('secretary', () => db.query(insert, [who.secretary.org, own.employer_id, own.site_id, own.id, own.type]))).rejects.toThrow(/row-level security/);
    // (each in a transaction rolled back: the count of rows it reached is what tells)
    const remove = async (login: Login, table: string) => (await as(login, () => db.query(`DELETE FROM ${table} WHERE organisation_id = $1`, [who.bmaSecretary.org]))).rowCount;
    for (const table of ['density_rollup', 'density_rollup_state']) {
      expect([table, await remove('secretary', table)]).toEqual([table, 0]);
      expect([table, await remove('bmaSecretary', table)]).toEqual([table, expect.any(Number)]);
      expect(await remove('bmaSecretary', table)).toBeGreaterThan(0);
    }
  });
});
