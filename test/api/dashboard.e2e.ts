import { isDisclosive } from '@rollcall/domain';
import { errorOf, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * What the dashboards read: membership density by site (small cells withheld from coalition
 * partners), overdue follow-ups across the caller's people by rep, and recent joiners. Each answer is
 * checked against the database, for every kind of caller, with records on the rep's patch, elsewhere
 * in the branch, in another branch and in another organisation.
 */
let t: TestApp;

type Scope = 'patch' | 'branch' | 'otherBranch' | 'otherOrg';
const SCOPES: Scope[] = ['patch', 'branch', 'otherBranch', 'otherOrg'];
interface Person { contact_id: string; membership_id: string; organisation_id: string }
const people = {} as Record<Scope, Person>;

const userId = async (who: Login): Promise<string> => (await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS[who]]))[0].id;

beforeAll(async () => {
  t = await startTestApp();
  const unison = "(SELECT organisation_id FROM app_user WHERE email = 'rep@unison.example')";
  const bma = "(SELECT organisation_id FROM app_user WHERE email = 'secretary@bma.example')";
  const patchSites = "(SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')";
  const where: Record<Scope, string> = {
    patch: `c.organisation_id = ${unison} AND c.employer_id = $1 AND w.site_id IN ${patchSites} AND $2::uuid IS NOT NULL`,
    branch: `c.organisation_id = ${unison} AND c.employer_id = $1 AND w.site_id NOT IN ${patchSites} AND $2::uuid IS NOT NULL`,
    otherBranch: `c.organisation_id = ${unison} AND c.employer_id = $2 AND $1::uuid IS NOT NULL`,
    otherOrg: `c.organisation_id = ${bma} AND $1::uuid IS NOT NULL AND $2::uuid IS NOT NULL`,
  };
  for (const scope of SCOPES) {
    // someone current with a membership and nobody spoken to yet, so follow-ups here are ours alone
    const [row] = await t.sql(`SELECT c.id AS contact_id, m.id AS membership_id, c.organisation_id
      FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
      JOIN membership m ON m.contact_id = c.id
      WHERE ${where[scope]} AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
        AND NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id)
      ORDER BY c.last_name, c.id LIMIT 1`, [t.demoEmployerId, t.otherEmployerId]);
    if (!row) throw new Error(`the demo data has no person for scope ${scope}`);
    people[scope] = row;
  }
});
afterAll(async () => { await t?.close(); });

describe('densityBySite', () => {
  const QUERY = `{ densityBySite { minCell total { headcount members density suppressed suppression }
    sites { id site { id name } headcount members density suppressed suppression } } }`;
  interface Cell { id: string; site: { id: string; name: string }; headcount: number | null; members: number | null; density: number | null; suppressed: boolean; suppression: string | null }

  /** Each site of the login's branches' employers in its organisation, with current staff and members, from the database. */
  async function truth(who: Login): Promise<{ id: string; name: string; headcount: number; members: number }[]> {
    return t.sql(`WITH me AS (SELECT u.organisation_id AS org, array_agg(DISTINCT be.employer_id) AS employers FROM app_user u
        JOIN user_branch_role r ON r.user_id = u.id JOIN branch_employer be ON be.branch_id = r.branch_id WHERE u.email = $1 GROUP BY u.organisation_id)
      SELECT s.id, s.name,
        (SELECT count(*)::int FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
          WHERE w.site_id = s.id AND p.end_date IS NULL AND c.organisation_id = me.org AND c.employer_id = ANY(me.employers)
            AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)) AS headcount,
        (SELECT count(*)::int FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
          WHERE w.site_id = s.id AND p.end_date IS NULL AND c.organisation_id = me.org AND c.employer_id = ANY(me.employers)
            AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)
            AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date))) AS members
      FROM site s, me WHERE s.organisation_id = me.org AND s.employer_id = ANY(me.employers) ORDER BY s.name, s.id`, [LOGINS[who]]);
  }

  beforeAll(async () => {
    // A clinic of three, two of them members: too small a group to publish to a coalition partner.
    const site = await t.as('secretary')('mutation($e: ID!) { createSite(data: { name: "Aardvark Clinic", kind: CLINIC, employerId: $e }) { id } }', { e: t.demoEmployerId });
    const ward = await t.as('secretary')('mutation($s: ID!) { createWard(data: { name: "Clinic", type: DEPARTMENT, siteId: $s }) { id } }', { s: site.data?.createSite.id });
    const movers = await t.sql(`(SELECT p.id FROM posting p JOIN contact c ON c.id = p.contact_id WHERE c.employer_id = $1 AND p.end_date IS NULL AND c.leave_date IS NULL
        AND c.id <> ALL($2) AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER' AND m.leave_date IS NULL) ORDER BY c.id LIMIT 2)
      UNION ALL (SELECT p.id FROM posting p JOIN contact c ON c.id = p.contact_id WHERE c.employer_id = $1 AND p.end_date IS NULL AND c.leave_date IS NULL
        AND c.id <> ALL($2) AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER') ORDER BY c.id LIMIT 1)`,
    [t.demoEmployerId, SCOPES.map((s) => people[s].contact_id)]);
    expect(movers).toHaveLength(3);
    await t.sql('UPDATE posting SET ward_id = $1 WHERE id = ANY($2)', [ward.data?.createWard.id, movers.map((m) => m.id)]);
  });

  it.each(['secretary', 'caseworker', 'rep', 'admin'] as Login[])('gives %s every figure of their branch, as the database counts it', async (who) => {
    const res = await t.as(who)<{ densityBySite: { total: Cell; sites: Cell[] } }>(QUERY);
    expect(res.errors).toBeUndefined();
    const expected = await truth(who);
    expect(expected.some((s) => s.name === 'Aardvark Clinic' && s.headcount === 3 && s.members === 2)).toBe(true);
    expect(res.data!.densityBySite.sites).toEqual(expected.map((s) => ({
      id: s.id, site: { id: s.id, name: s.name }, headcount: s.headcount, members: s.members,
      density: s.headcount ? s.members / s.headcount : null, suppressed: false, suppression: null,
    })));
    const members = expected.reduce((n, s) => n + s.members, 0);
    const headcount = expected.reduce((n, s) => n + s.headcount, 0);
    expect(res.data!.densityBySite.total).toMatchObject({ headcount, members, density: members / headcount, suppressed: false });
  });

  it('withholds small cells from a coalition partner, and enough others that none can be worked out', async () => {
    const res = await t.as('coalition')<{ densityBySite: { minCell: number; total: Cell; sites: Cell[] } }>(QUERY);
    expect(res.errors).toBeUndefined();
    const { sites, total, minCell } = res.data!.densityBySite;
    expect(minCell).toBe(5);
    const expected = await truth('coalition');
    expect(sites.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    const clinic = sites.find((s) => s.site.name === 'Aardvark Clinic')!;
    expect(clinic).toMatchObject({ headcount: null, members: null, density: null, suppressed: true, suppression: 'SMALL_CELL' });
    // Every published figure is the database's and discloses no one; the withheld ones, taken together, neither.
    let hiddenMembers = 0;
    let hiddenHeadcount = 0;
    for (const [i, s] of sites.entries()) {
      if (s.suppressed) {
        expect(s).toMatchObject({ headcount: null, members: null, density: null });
        hiddenMembers += expected[i].members;
        hiddenHeadcount += expected[i].headcount;
      } else {
        expect({ site: s.site.name, headcount: s.headcount, members: s.members }).toEqual({ site: expected[i].name, headcount: expected[i].headcount, members: expected[i].members });
        expect(isDisclosive(s.members!, s.headcount!)).toBe(false);
      }
    }
    // the small cells alone would give each other away through the total: others are withheld with them
    const small = expected.filter((_, i) => sites[i].suppression === 'SMALL_CELL');
    if (isDisclosive(small.reduce((n, s) => n + s.members, 0), small.reduce((n, s) => n + s.headcount, 0))) {
      expect(sites.filter((s) => s.suppression === 'COMPLEMENTARY').length).toBeGreaterThan(0);
    }
    expect(isDisclosive(hiddenMembers, hiddenHeadcount)).toBe(false);
    const members = expected.reduce((n, s) => n + s.members, 0);
    const headcount = expected.reduce((n, s) => n + s.headcount, 0);
    expect(total).toMatchObject({ headcount, members, suppressed: false });
  });

  it('counts only the caller\'s own branches and organisation', async () => {
    for (const who of ['secretary2', 'bmaSecretary'] as Login[]) {
      const res = await t.as(who)<{ densityBySite: { sites: Cell[] } }>(QUERY);
      const expected = await truth(who);
      expect(expected.length).toBeGreaterThan(0);
      expect(res.data!.densityBySite.sites.map((s) => [s.site.name, s.headcount, s.members])).toEqual(expected.map((s) => [s.name, s.headcount, s.members]));
      expect(res.data!.densityBySite.sites.map((s) => s.site.name)).not.toContain('Aardvark Clinic');
    }
  });
});

describe('overdueFollowUpsByRep', () => {
  const QUERY = '{ overdueFollowUpsByRep { id repName overdue oldestDate } }';
  type Row = { id: string; repName: string; overdue: number; oldestDate: string };
  const byRep = async (who: Login): Promise<Map<string, Row>> => {
    const res = await t.as(who)<{ overdueFollowUpsByRep: Row[] }>(QUERY);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.overdueFollowUpsByRep;
    // most overdue first
    expect(rows.map((r) => r.overdue)).toEqual([...rows.map((r) => r.overdue)].sort((a, b) => b - a));
    return new Map(rows.map((r) => [r.id, r]));
  };
  const count = (rows: Map<string, Row>, id: string) => rows.get(id)?.overdue ?? 0;

  it('counts each rep\'s overdue follow-ups with the people the caller may see, and only those', async () => {
    const logins: Login[] = ['secretary', 'admin', 'caseworker', 'rep', 'secretary2', 'bmaSecretary'];
    const before = new Map(await Promise.all(logins.map(async (who) => [who, await byRep(who)] as const)));
    const rep = await userId('rep');
    const other = await userId('secretary2');
    const bma = await userId('bmaSecretary');
    const log = (p: Person, by: string, followUp: string, daysAgo = 10) => t.sql(
      `INSERT INTO conversation (organisation_id, contact_id, rep_user_id, occurred_at, channel, type, follow_up_date)
       VALUES ($1, $2, $3, now() - make_interval(days => $4::int), 'IN_PERSON', 'ONE_TO_ONE', ${followUp})`,
      [p.organisation_id, p.contact_id, by, daysAgo],
    );
    // overdue: on the rep's patch (a year over), in the branch, in the other branch, in BMA
    await log(people.patch, rep, "current_date - 400", 500);
    await log(people.branch, rep, 'current_date - 3');
    await log(people.otherBranch, other, 'current_date - 3');
    await log(people.otherOrg, bma, 'current_date - 3');
    // not overdue: due tomorrow; and one done (the person was spoken to since)
    const [soon] = await t.sql('SELECT c.id AS contact_id FROM contact c WHERE c.id <> $1 AND c.employer_id = (SELECT employer_id FROM contact WHERE id = $1) AND c.organisation_id = $2 AND NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id) LIMIT 1', [people.branch.contact_id, people.branch.organisation_id]);
    await log({ ...people.branch, contact_id: soon.contact_id }, rep, 'current_date + 1', 1);
    await log({ ...people.branch, contact_id: soon.contact_id }, rep, 'current_date - 2', 5);

    const after = new Map(await Promise.all(logins.map(async (who) => [who, await byRep(who)] as const)));
    const delta = (who: Login, id: string) => count(after.get(who)!, id) - count(before.get(who)!, id);
    expect({
      secretary: delta('secretary', rep), admin: delta('admin', rep), caseworker: delta('caseworker', rep), rep: delta('rep', rep),
      secretaryOther: delta('secretary', other), secretary2: delta('secretary2', other), secretary2Rep: delta('secretary2', rep),
      bma: delta('bmaSecretary', bma), bmaRep: delta('bmaSecretary', rep), secretaryBma: delta('secretary', bma),
    }).toEqual({
      secretary: 2, admin: 2, caseworker: 2, rep: 1,
      secretaryOther: 0, secretary2: 1, secretary2Rep: 0,
      bma: 1, bmaRep: 0, secretaryBma: 0,
    });
    const mine = after.get('rep')!.get(rep)!;
    expect(mine.repName).toBe('Jo Whitehead (workplace rep)');
    const [{ oldest }] = await t.sql("SELECT (current_date - 400)::text AS oldest");
    expect(mine.oldestDate).toBe(oldest);
  });

  it('refuses a coalition partner', async () => {
    expect(errorOf(await t.as('coalition')(QUERY)).code).toBe('FORBIDDEN');
  });
});

describe('recentJoiners', () => {
  const QUERY = 'query($days: Int!, $limit: Int!) { recentJoiners(days: $days, limit: $limit) { since count memberships { id joinDate contact { id } union { shortName } } } }';
  type Answer = { since: string; count: number; memberships: { id: string; joinDate: string; contact: { id: string } }[] };
  const ask = async (who: Login, days = 30, limit = 100): Promise<Answer> => {
    const res = await t.as(who)<{ recentJoiners: Answer }>(QUERY, { days, limit });
    expect(res.errors).toBeUndefined();
    return res.data!.recentJoiners;
  };

  /** Current memberships joined in the last `days` days among the login's people, newest first, from the database. */
  async function truth(who: Login, days: number): Promise<{ id: string }[]> {
    return t.sql(`WITH me AS (SELECT u.id, u.organisation_id AS org,
          array_agg(DISTINCT be.employer_id) FILTER (WHERE r.role <> 'REP') AS employers,
          array_agg(DISTINCT rp.site_id) FILTER (WHERE r.role = 'REP') AS sites
        FROM app_user u JOIN user_branch_role r ON r.user_id = u.id JOIN branch_employer be ON be.branch_id = r.branch_id
        LEFT JOIN rep_patch rp ON rp.user_id = u.id WHERE u.email = $1 GROUP BY u.id, u.organisation_id)
      SELECT m.id FROM membership m JOIN contact c ON c.id = m.contact_id, me
      WHERE m.organisation_id = me.org AND c.organisation_id = me.org AND c.deleted_at IS NULL AND m.status = 'MEMBER'
        AND m.join_date BETWEEN current_date - ($2::int - 1) AND current_date AND (m.leave_date IS NULL OR m.leave_date > current_date)
        AND (c.employer_id = ANY(coalesce(me.employers, '{}')) OR c.id IN (SELECT p.contact_id FROM posting p JOIN ward w ON w.id = p.ward_id
          WHERE p.end_date IS NULL AND w.site_id = ANY(coalesce(me.sites, '{}'))))
      ORDER BY m.join_date DESC, m.created_at DESC, m.id`, [LOGINS[who], days]);
  }

  beforeAll(async () => {
    // Joined yesterday, one in each scope; and in the branch, one 40 days ago, one who has since left, one lapsed.
    await t.sql("UPDATE membership SET status = 'MEMBER', join_date = current_date - 1, leave_date = NULL WHERE id = ANY($1)", [SCOPES.map((s) => people[s].membership_id)]);
    const others = await t.sql(`SELECT m.id FROM membership m JOIN contact c ON c.id = m.contact_id
      WHERE c.employer_id = $1 AND c.organisation_id = $2 AND c.deleted_at IS NULL AND m.id <> $3 ORDER BY m.id LIMIT 3`,
    [t.demoEmployerId, people.branch.organisation_id, people.branch.membership_id]);
    await t.sql("UPDATE membership SET status = 'MEMBER', join_date = current_date - 40, leave_date = NULL WHERE id = $1", [others[0].id]);
    await t.sql("UPDATE membership SET status = 'MEMBER', join_date = current_date - 2, leave_date = current_date - 1 WHERE id = $1", [others[1].id]);
    await t.sql("UPDATE membership SET status = 'LAPSED', join_date = current_date - 2, leave_date = NULL WHERE id = $1", [others[2].id]);
  });

  it.each(['secretary', 'admin', 'caseworker', 'rep', 'secretary2', 'bmaSecretary'] as Login[])(
    'lists %s the members who joined lately among their people, newest first, as the database has them',
    async (who) => {
      const answer = await ask(who);
      const expected = await truth(who, 30);
      expect(answer.count).toBe(expected.length);
      expect(answer.memberships.map((m) => m.id)).toEqual(expected.map((m) => m.id));
      const [{ since }] = await t.sql('SELECT (current_date - 29)::text AS since');
      expect(answer.since).toBe(since);
    },
  );

  it('reaches each scope exactly: the rep their patch, a secretary their branch, nobody another organisation', async () => {
    const seen = async (who: Login) => new Set((await ask(who)).memberships.map((m) => m.id));
    const visible = async (who: Login) => {
      const ids = await seen(who);
      return SCOPES.filter((s) => ids.has(people[s].membership_id));
    };
    expect(await visible('secretary')).toEqual(['patch', 'branch']);
    expect(await visible('caseworker')).toEqual(['patch', 'branch']);
    expect(await visible('rep')).toEqual(['patch']);
    expect(await visible('secretary2')).toEqual(['otherBranch']);
    expect(await visible('bmaSecretary')).toEqual(['otherOrg']);
  });

  it('counts all of them but lists only the newest `limit`, and looks back as far as asked', async () => {
    const month = await ask('secretary', 30, 1);
    expect(month.memberships).toHaveLength(1);
    expect(month.count).toBe((await truth('secretary', 30)).length);
    const twoMonths = await ask('secretary', 60);
    expect(twoMonths.count).toBe((await truth('secretary', 60)).length);
    expect(twoMonths.count).toBeGreaterThan(month.count);
  });

  it('refuses bad bounds with a message per field, and a coalition partner outright', async () => {
    for (const [vars, fields] of [
      [{ days: 0, limit: 10 }, { days: 'days must be from 1 to 366' }],
      [{ days: 367, limit: 10 }, { days: 'days must be from 1 to 366' }],
      [{ days: 30, limit: 0 }, { limit: 'limit must be from 1 to 100' }],
      [{ days: 30, limit: 101 }, { limit: 'limit must be from 1 to 100' }],
    ] as const) {
      const res = await t.as('secretary')(QUERY, vars);
      expect({ vars, code: errorOf(res).code, fields: errorOf(res).fields }).toEqual({ vars, code: 'BAD_USER_INPUT', fields });
    }
    expect(errorOf(await t.as('coalition')(QUERY, { days: 30, limit: 10 })).code).toBe('FORBIDDEN');
  });
});
