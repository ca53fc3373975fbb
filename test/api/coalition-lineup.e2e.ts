import { CoalitionService } from '../../apps/api/src/coalition/coalition.service.js';
import { errorOf, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * The coalition line-up across organisations: each sharing organisation publishes the EMPLOYER and
 * SITE tables of its aggregate-only slice family (over its whole map) by ODS code; a sharing
 * organisation's callers see the others' published figures beside their own. Checked: the published
 * figures are each organisation's own suppressed family tables (as densitySlice gives a coalition
 * viewer of all its branches), withheld stays withheld, an organisation that does not share is not
 * published and sees nothing, turning sharing off removes its rows, the setting and the publishing
 * are audited, and only admins change either.
 */
let t: TestApp;
let coalition: CoalitionService;
beforeAll(async () => {
  t = await startTestApp();
  coalition = t.app.get(CoalitionService);
});
afterAll(async () => { await t?.close(); });

interface Cell { organisation: string; own: boolean; name: string; headcount: number | null; members: number | null; density: number | null; suppressed: boolean; suppression: string | null; publishedAt: string | null }
interface LineUp { level: string; sharing: boolean; organisations: string[]; rows: { odsCode: string; name: string; cells: Cell[] }[] }
interface SliceRow { keys: { value: string }[]; headcount: number | null; members: number | null; suppressed: boolean; suppression: string | null }

const LINE_UP = `query($level: CoalitionLevel!) { coalitionLineUp(level: $level) { level sharing organisations
  rows { odsCode name cells { organisation own name headcount members density suppressed suppression publishedAt } } } }`;
const lineUp = async (who: Login, level: string): Promise<LineUp> => {
  const res = await t.as(who)<{ coalitionLineUp: LineUp }>(LINE_UP, { level });
  expect(res.errors).toBeUndefined();
  return res.data!.coalitionLineUp;
};
const orgName = async (who: Login): Promise<string> => (await t.sql('SELECT o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.email = $1', [LOGINS[who]]))[0].name;
const orgId = async (who: Login): Promise<string> => (await t.sql('SELECT organisation_id AS id FROM app_user WHERE email = $1', [LOGINS[who]]))[0].id;

/**
 * The login as a coalition viewer of every branch of its organisation, for the length of `fn`: its
 * densitySlice is then the family over the whole map, the one its organisation publishes.
 */
async function asWholeOrganisationViewer<T>(who: Login, fn: () => Promise<T>): Promise<T> {
  const saved = await t.sql('SELECT branch_id, role FROM user_branch_role WHERE user_id = (SELECT id FROM app_user WHERE email = $1)', [LOGINS[who]]);
  await t.sql(`DELETE FROM user_branch_role WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`, [LOGINS[who]]);
  await t.sql(`INSERT INTO user_branch_role (user_id, branch_id, role) SELECT u.id, b.id, 'COALITION_VIEWER' FROM app_user u JOIN branch b ON b.organisation_id = u.organisation_id WHERE u.email = $1`, [LOGINS[who]]);
  try {
    return await fn();
  } finally {
    await t.sql(`DELETE FROM user_branch_role WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`, [LOGINS[who]]);
    for (const r of saved) await t.sql('INSERT INTO user_branch_role (user_id, branch_id, role) SELECT id, $2, $3 FROM app_user WHERE email = $1', [LOGINS[who], r.branch_id, r.role]);
  }
}

/** The family table of a login's organisation at a level, by ODS code, as densitySlice gives a coalition viewer of all its branches. */
async function familyByOds(who: Login, level: 'EMPLOYER' | 'SITE'): Promise<Map<string, SliceRow>> {
  const rows = await asWholeOrganisationViewer(who, async () => {
    const res = await t.as(who)<{ densitySlice: { aggregateOnly: boolean; rows: SliceRow[] } }>(
      'query($by: [SliceDimension!]!) { densitySlice(by: $by) { aggregateOnly rows { keys { value } headcount members suppressed suppression } } }', { by: [level] });
    expect(res.data?.densitySlice.aggregateOnly).toBe(true);
    return res.data!.densitySlice.rows;
  });
  const ods = new Map((await t.sql(`SELECT id::text, ods_code FROM ${level === 'EMPLOYER' ? 'employer' : 'site'} WHERE ods_code IS NOT NULL`)).map((r) => [r.id, r.ods_code as string]));
  return new Map(rows.filter((r) => ods.has(r.keys[0].value)).map((r) => [ods.get(r.keys[0].value)!, r]));
}

beforeAll(async () => {
  // The demo's sites have no ODS codes: give each organisation's copy of a site the same one (the trust's code and a number).
  await t.sql(`UPDATE site s SET ods_code = e.ods_code || lpad(n::text, 2, '0') FROM (
      SELECT s2.id, e2.ods_code, dense_rank() OVER (PARTITION BY e2.ods_code ORDER BY s2.name) AS n FROM site s2 JOIN employer e2 ON e2.id = s2.employer_id WHERE e2.ods_code IS NOT NULL
    ) e WHERE e.id = s.id`);
  await coalition.publishAll();
});

describe('coalitionLineUp', () => {
  it('lines up each organisation\'s published family tables by ODS code, withheld cells withheld', async () => {
    const unison = await orgName('coalition');
    const bma = await orgName('bmaSecretary');
    for (const level of ['EMPLOYER', 'SITE'] as const) {
      // what BMA's callers see of UNISON, and UNISON's of BMA
      for (const [reader, publisher, name] of [['bmaSecretary', 'coalition', unison], ['coalition', 'bmaSecretary', bma]] as [Login, Login, string][]) {
        const up = await lineUp(reader, level);
        expect(up.sharing).toBe(true);
        expect(up.organisations).toContain(name);
        const family = await familyByOds(publisher, level);
        expect(family.size).toBeGreaterThan(0);
        const published = new Map(up.rows.flatMap((r) => r.cells.filter((c) => c.organisation === name).map((c) => [r.odsCode, c] as const)));
        expect({ level, name, codes: [...published.keys()].sort() }).toEqual({ level, name, codes: [...family.keys()].sort() });
        for (const [ods, f] of family) {
          const c = published.get(ods)!;
          expect({ ods, own: c.own, suppressed: c.suppressed, suppression: c.suppression, headcount: c.headcount, members: c.members })
            .toEqual({ ods, own: false, suppressed: f.suppressed, suppression: f.suppression, headcount: f.headcount, members: f.members });
          expect(c.publishedAt).not.toBeNull();
        }
      }
    }
    // the demo data holds cells to withhold, and the database stores them without figures
    const withheld = await t.sql('SELECT count(*)::int AS n FROM coalition_published WHERE suppression IS NOT NULL AND headcount IS NULL AND members IS NULL');
    expect(withheld[0].n).toBeGreaterThan(0);
    expect(await t.sql('SELECT 1 FROM coalition_published WHERE suppression IS NOT NULL AND (headcount IS NOT NULL OR members IS NOT NULL)')).toEqual([]);
  });

  it("gives the caller's own column as they see it: the coalition viewer's is their densitySlice, the secretary's exact", async () => {
    const unison = await orgName('coalition');
    const up = await lineUp('coalition', 'SITE');
    const slice = (await t.as('coalition')<{ densitySlice: { rows: SliceRow[] } }>('{ densitySlice(by: [SITE]) { rows { keys { value } headcount members suppressed suppression } } }')).data!.densitySlice.rows;
    const ods = new Map((await t.sql('SELECT id::text, ods_code FROM site')).map((r) => [r.id, r.ods_code as string]));
    const own = new Map(up.rows.flatMap((r) => r.cells.filter((c) => c.own).map((c) => [r.odsCode, c] as const)));
    expect(own.size).toBe(slice.length);
    for (const r of slice) {
      const c = own.get(ods.get(r.keys[0].value)!)!;
      expect({ organisation: c.organisation, suppressed: c.suppressed, headcount: c.headcount, members: c.members, publishedAt: c.publishedAt })
        .toEqual({ organisation: unison, suppressed: r.suppressed, headcount: r.headcount, members: r.members, publishedAt: null });
    }
    const sec = await lineUp('secretary', 'EMPLOYER');
    const mine = sec.rows.flatMap((r) => r.cells.filter((c) => c.own));
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect(c.suppressed).toBe(false);
  });

  it('an organisation that does not share is not published and sees nothing; turning sharing off removes its rows at once', async () => {
    const unison = await orgId('admin');
    expect((await t.sql('SELECT count(*)::int AS n FROM coalition_published WHERE organisation_id = $1', [unison]))[0].n).toBeGreaterThan(0);
    const off = await t.as('admin')<{ setCoalitionSharing: { sharing: boolean; published: number } }>('mutation { setCoalitionSharing(share: false) { sharing published } }');
    expect(off.data?.setCoalitionSharing).toEqual({ sharing: false, published: 0 });
    try {
      expect((await t.sql('SELECT count(*)::int AS n FROM coalition_published WHERE organisation_id = $1', [unison]))[0].n).toBe(0);
      for (const level of ['EMPLOYER', 'SITE']) {
        expect(await lineUp('coalition', level)).toMatchObject({ sharing: false, organisations: [], rows: [] });
        const bma = await lineUp('bmaSecretary', level);
        expect(bma.organisations).toEqual([await orgName('bmaSecretary')]);
        for (const r of bma.rows) for (const c of r.cells) expect(c.own).toBe(true);
      }
      // the daily job does not publish it either, and "publish now" is refused with a field error
      await coalition.publishAll();
      expect((await t.sql('SELECT count(*)::int AS n FROM coalition_published WHERE organisation_id = $1', [unison]))[0].n).toBe(0);
      const refused = await t.as('admin')('mutation { publishCoalitionAggregates { published } }');
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { share: expect.any(String) } });
    } finally {
      await t.as('admin')('mutation { setCoalitionSharing(share: true) { sharing } }');
    }
    const again = await t.as('admin')<{ publishCoalitionAggregates: { sharing: boolean; published: number; publishedAt: string } }>(
      'mutation { publishCoalitionAggregates { sharing published publishedAt } }');
    expect(again.data?.publishCoalitionAggregates.published).toBeGreaterThan(0);
    const audit = await t.sql(`SELECT action, entity_type, before, after FROM audit_event WHERE entity_type IN ('Organisation', 'CoalitionPublication') ORDER BY created_at, id`);
    expect(audit.map((a) => [a.action, a.entity_type, a.before?.shareCoalitionAggregates ?? null, a.after?.shareCoalitionAggregates ?? a.after?.rows])).toEqual([
      ['UPDATE', 'Organisation', true, false],
      ['UPDATE', 'Organisation', false, true],
      ['CREATE', 'CoalitionPublication', null, again.data!.publishCoalitionAggregates.published],
    ]);
  });

  it('lets only admins change the setting or publish, and refuses anonymous callers', async () => {
    for (const who of ['secretary', 'coalition', 'rep', 'bmaSecretary'] as Login[]) {
      expect(errorOf(await t.as(who)('mutation { setCoalitionSharing(share: false) { sharing } }')).code).toBe('FORBIDDEN');
      expect(errorOf(await t.as(who)('mutation { publishCoalitionAggregates { published } }')).code).toBe('FORBIDDEN');
    }
    expect((await t.as('coalition')<{ coalitionSharing: { sharing: boolean } }>('{ coalitionSharing { sharing } }')).data?.coalitionSharing.sharing).toBe(true);
    expect(errorOf(await t.gql('{ coalitionLineUp(level: SITE) { sharing } }')).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.as('coalition')('{ coalitionLineUp(level: WARD) { sharing } }')).code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
