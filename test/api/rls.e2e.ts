import { jest } from '@jest/globals';
import pg from 'pg';
import { DensityService } from '../../apps/api/src/density/density.service.js';
import { AccessService } from '../../apps/api/src/access/access.service.js';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { PERSON_TABLES } from '../../apps/api/src/database/migrations/1797500000000-PersonEmployer.js';
import { withDatabase } from '../fixtures/db-url.js';
import { errorOf, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Defence in depth: PostgreSQL's row-level security keeps each branch's people to itself even when
 * the API's own checks are switched off. The API connects as a role that owns no table.
 */
let t: TestApp;
let db: pg.Client;
let unison: string;
let bma: string;

const as = async (org: string | null, employers: string[]) => {
  await db.query('BEGIN');
  await db.query("SELECT set_config('rollcall.organisation_id', $1, true), set_config('rollcall.employer_ids', $2, true)", [org ?? '', employers.join(',')]);
};
const end = () => db.query('ROLLBACK');
const count = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0].n as number;

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: withDatabase(process.env.ROLLCALL_TEST_APP_URL!, new URL(t.databaseUrl).pathname.slice(1)) });
  await db.connect();
  [{ id: unison }] = await t.sql("SELECT id FROM organisation WHERE name LIKE 'UNISON%'");
  [{ id: bma }] = await t.sql("SELECT id FROM organisation WHERE name LIKE 'BMA%'");
});
afterAll(async () => {
  await db?.end();
  await t?.close();
});

describe('the database role the API uses', () => {
  it('owns no table and cannot bypass row-level security', async () => {
    const [{ user, bypass, super: su }] = (await db.query('SELECT current_user AS user, r.rolbypassrls AS bypass, r.rolsuper AS super FROM pg_roles r WHERE r.rolname = current_user')).rows;
    expect(user).toBe('rollcall_app');
    expect(bypass).toBe(false);
    expect(su).toBe(false);
    expect(await count("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")).toBe(0);
    const rls = await t.sql(`SELECT relname FROM pg_class WHERE relrowsecurity AND relname IN ('contact', 'posting', 'membership', 'rep_role',
      'rep_role_ward', 'audit_event', 'employer', 'site', 'ward', 'trade_union', 'branch_employer', 'rep_patch') ORDER BY relname`);
    expect(rls.map((r) => r.relname)).toEqual(['audit_event', 'branch_employer', 'contact', 'employer', 'membership', 'posting', 'rep_patch',
      'rep_role', 'rep_role_ward', 'site', 'trade_union', 'ward']);
  });

  it('sees nobody when no identity is set', async () => {
    for (const table of ['contact', 'posting', 'membership', 'rep_role', 'rep_role_ward', 'audit_event']) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table}`)).toBe(0);
    }
    // the owner sees them all
    expect((await t.sql('SELECT count(*)::int AS n FROM contact'))[0].n).toBeGreaterThan(0);
  });

  it("sees exactly one branch's people, memberships and postings for that branch's identity", async () => {
    await as(unison, [t.demoEmployerId]);
    try {
      const [{ n: contacts }] = await t.sql('SELECT count(*)::int AS n FROM contact WHERE organisation_id = $1 AND employer_id = $2', [unison, t.demoEmployerId]);
      expect(await count('SELECT count(*)::int AS n FROM contact')).toBe(contacts);
      expect(await count('SELECT count(*)::int AS n FROM contact WHERE employer_id <> $1 OR organisation_id <> $2', [t.demoEmployerId, unison])).toBe(0);
      const [{ n: memberships }] = await t.sql(`SELECT count(*)::int AS n FROM membership m JOIN contact c ON c.id = m.contact_id
        WHERE m.organisation_id = $1 AND c.employer_id = $2`, [unison, t.demoEmployerId]);
      expect(await count('SELECT count(*)::int AS n FROM membership')).toBe(memberships);
      expect(await count('SELECT count(*)::int AS n FROM posting p JOIN contact c ON c.id = p.contact_id WHERE c.employer_id <> $1', [t.demoEmployerId])).toBe(0);
    } finally {
      await end();
    }
  });

  it("refuses to write another branch's or organisation's people, and changes none of them", async () => {
    const [other] = await t.sql('SELECT id, employer_id FROM contact WHERE organisation_id = $1 AND employer_id = $2 LIMIT 1', [unison, t.otherEmployerId]);
    await as(unison, [t.demoEmployerId]);
    try {
      expect((await db.query("UPDATE contact SET last_name = 'Leaked' WHERE id = $1", [other.id])).rowCount).toBe(0);
      expect((await db.query('DELETE FROM membership WHERE contact_id = $1', [other.id])).rowCount).toBe(0);
      await db.query('SAVEPOINT s');
      // moving one's own person into another branch is refused by the policy's check
      await expect(db.query('UPDATE contact SET employer_id = $1 WHERE id = (SELECT id FROM contact LIMIT 1)', [t.otherEmployerId]))
        .rejects.toMatchObject({ code: '42501' });
      await db.query('ROLLBACK TO SAVEPOINT s');
      await expect(db.query(`INSERT INTO contact (organisation_id, employer_id, first_name, last_name, staff_group, shift_pattern, contract_type)
        VALUES ($1, $2, 'Smuggled', 'In', 'STUDENTS', 'DAYS', 'BANK')`, [bma, t.demoEmployerId])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await end();
    }
    expect((await t.sql("SELECT count(*)::int AS n FROM contact WHERE last_name IN ('Leaked', 'In')"))[0].n).toBe(0);
  });

  it("shows each organisation only its own workplace map and union list, and refuses writes into another's", async () => {
    const [theirs] = await t.sql('SELECT id FROM ward WHERE organisation_id = $1 LIMIT 1', [unison]);
    const [theirSite] = await t.sql('SELECT id, name FROM site WHERE organisation_id = $1 LIMIT 1', [unison]);
    const [theirUnion] = await t.sql('SELECT id, name FROM trade_union WHERE organisation_id = $1 LIMIT 1', [unison]);
    const [bmaRep] = await t.sql('SELECT id FROM rep_role WHERE organisation_id = $1 LIMIT 1', [bma]);
    const [bmaUser] = await t.sql('SELECT id FROM app_user WHERE organisation_id = $1 LIMIT 1', [bma]);
    const [bmaBranch] = await t.sql('SELECT id FROM branch WHERE organisation_id = $1 LIMIT 1', [bma]);
    for (const table of ['employer', 'site', 'ward', 'trade_union', 'branch_employer', 'rep_patch']) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table}`)).toBe(0); // no identity: nothing
    }
    await as(bma, []);
    try {
      for (const table of ['employer', 'site', 'ward', 'trade_union']) {
        const [{ n: own }] = await t.sql(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`, [bma]);
        expect(await count(`SELECT count(*)::int AS n FROM ${table}`)).toBe(own);
        expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE organisation_id <> $1`, [bma])).toBe(0);
      }
      expect((await db.query("UPDATE site SET name = 'Taken over' WHERE id = $1", [theirSite.id])).rowCount).toBe(0);
      expect((await db.query("UPDATE trade_union SET name = 'Renamed' WHERE id = $1", [theirUnion.id])).rowCount).toBe(0);
      expect((await db.query('DELETE FROM ward WHERE id = $1', [theirs.id])).rowCount).toBe(0);
      for (const [sql, params] of [
        ["INSERT INTO site (organisation_id, name, kind, employer_id) VALUES ($1, 'Smuggled', 'CLINIC', $2)", [unison, t.demoEmployerId]],
        ['INSERT INTO rep_role_ward (rep_role_id, ward_id) VALUES ($1, $2)', [bmaRep.id, theirs.id]],
        ['INSERT INTO rep_patch (user_id, site_id) VALUES ($1, $2)', [bmaUser.id, theirSite.id]],
        ['INSERT INTO branch_employer (branch_id, employer_id) VALUES ($1, $2)', [bmaBranch.id, t.demoEmployerId]],
      ] as const) {
        await db.query('SAVEPOINT s');
        await expect(db.query(sql, [...params])).rejects.toMatchObject({ code: '42501' });
        await db.query('ROLLBACK TO SAVEPOINT s');
      }
    } finally {
      await end();
    }
    expect((await t.sql('SELECT name FROM site WHERE id = $1', [theirSite.id]))[0].name).toBe(theirSite.name);
    expect((await t.sql('SELECT name FROM trade_union WHERE id = $1', [theirUnion.id]))[0].name).toBe(theirUnion.name);
    expect((await t.sql('SELECT count(*)::int AS n FROM ward WHERE id = $1', [theirs.id]))[0].n).toBe(1);
  });

  it('cannot change or delete the audit log, whatever the identity', async () => {
    await as(unison, [t.demoEmployerId]);
    try {
      await expect(db.query("UPDATE audit_event SET actor_email = 'x'")).rejects.toMatchObject({ code: '42501' });
    } finally {
      await end();
    }
    await expect(db.query('DELETE FROM audit_event')).rejects.toMatchObject({ code: '42501' });
    await expect(db.query('TRUNCATE audit_event')).rejects.toMatchObject({ code: '42501' });
  });

  it('forgets the identity when the transaction ends', async () => {
    await db.query('BEGIN');
    await db.query("SELECT set_config('rollcall.organisation_id', $1, true), set_config('rollcall.employer_ids', $2, true)", [unison, t.demoEmployerId]);
    expect(await count('SELECT count(*)::int AS n FROM contact')).toBeGreaterThan(0);
    await db.query('COMMIT');
    expect(await count('SELECT count(*)::int AS n FROM contact')).toBe(0);
  });

  it('shows a record about a person exactly when it shows the person, in every table that holds one', async () => {
    const [{ ids: bmaEmployers }] = await t.sql('SELECT array_agg(id) AS ids FROM employer WHERE organisation_id = $1', [bma]);
    const identities: [string, string[]][] = [[unison, [t.demoEmployerId]], [unison, [t.otherEmployerId]], [unison, [t.demoEmployerId, t.otherEmployerId]], [bma, bmaEmployers]];
    let seenAny = 0;
    for (const table of PERSON_TABLES) {
      for (const [org, employers] of identities) {
        const [{ n: oracle }] = await t.sql(`SELECT count(*)::int AS n FROM ${table} r JOIN contact c ON c.id = r.contact_id
          WHERE r.organisation_id = $1 AND c.organisation_id = $1 AND c.employer_id = ANY($2::uuid[])`, [org, employers]);
        await as(org, employers);
        try {
          expect({ table, org, employers, seen: await count(`SELECT count(*)::int AS n FROM ${table}`) }).toEqual({ table, org, employers, seen: oracle });
        } finally {
          await end();
        }
        seenAny += oracle;
      }
    }
    expect(seenAny).toBeGreaterThan(0);
  });

  it("keeps each record's employer its person's, whatever is written, and moves the records when the person moves", async () => {
    const [p] = await t.sql(`SELECT c.id FROM contact c WHERE c.organisation_id = $1 AND c.employer_id = $2
      AND EXISTS (SELECT 1 FROM posting x WHERE x.contact_id = c.id) AND EXISTS (SELECT 1 FROM membership x WHERE x.contact_id = c.id)
      AND EXISTS (SELECT 1 FROM conversation x WHERE x.contact_id = c.id) ORDER BY c.id LIMIT 1`, [unison, t.demoEmployerId]);
    expect(p).toBeDefined();
    const employersOf = async () => {
      const out: Record<string, string[]> = {};
      for (const table of PERSON_TABLES) {
        const rows = await t.sql(`SELECT DISTINCT employer_id AS e FROM ${table} WHERE contact_id = $1`, [p.id]);
        if (rows.length) out[table] = rows.map((r) => r.e);
      }
      return out;
    };
    const seenBy = async (employer: string) => {
      await as(unison, [employer]);
      try {
        return await count(`SELECT (SELECT count(*) FROM posting WHERE contact_id = $1) + (SELECT count(*) FROM membership WHERE contact_id = $1)
          + (SELECT count(*) FROM conversation WHERE contact_id = $1) AS n`, [p.id]);
      } finally {
        await end();
      }
    };
    const before = await employersOf();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['posting', 'membership', 'conversation']));
    expect(Object.values(before).flat().every((e) => e === t.demoEmployerId)).toBe(true);
    const mine = Number(await seenBy(t.demoEmployerId));
    expect(mine).toBeGreaterThanOrEqual(3);

    // a write naming another employer, even by the owner, keeps the person's
    for (const table of Object.keys(before)) await t.sql(`UPDATE ${table} SET employer_id = $2 WHERE contact_id = $1`, [p.id, t.otherEmployerId]);
    expect(await employersOf()).toEqual(before);

    // the person moves to the other trust: the records follow, and only that branch sees them
    await t.sql('UPDATE contact SET employer_id = $2 WHERE id = $1', [p.id, t.otherEmployerId]);
    try {
      expect(Object.values(await employersOf()).flat().every((e) => e === t.otherEmployerId)).toBe(true);
      expect(Number(await seenBy(t.demoEmployerId))).toBe(0);
      expect(Number(await seenBy(t.otherEmployerId))).toBe(mine);
    } finally {
      await t.sql('UPDATE contact SET employer_id = $2 WHERE id = $1', [p.id, t.demoEmployerId]);
    }
    expect(await employersOf()).toEqual(before);

    // a record put in another organisation than its person's has no employer: no one sees it
    const [c] = await t.sql('SELECT id FROM conversation WHERE contact_id = $1 LIMIT 1', [p.id]);
    await t.sql('UPDATE conversation SET organisation_id = $2 WHERE id = $1', [c.id, bma]);
    try {
      expect((await t.sql('SELECT employer_id AS e FROM conversation WHERE id = $1', [c.id]))[0].e).toBeNull();
      for (const [org, employer] of [[bma, null], [unison, t.demoEmployerId]] as const) {
        const employers = employer ? [employer] : (await t.sql('SELECT array_agg(id) AS ids FROM employer WHERE organisation_id = $1', [org]))[0].ids;
        await as(org, employers);
        try {
          expect(await count('SELECT count(*)::int AS n FROM conversation WHERE id = $1', [c.id])).toBe(0);
        } finally {
          await end();
        }
      }
    } finally {
      await t.sql('UPDATE conversation SET organisation_id = $2 WHERE id = $1', [c.id, unison]);
    }
    expect((await t.sql('SELECT employer_id AS e FROM conversation WHERE id = $1', [c.id]))[0].e).toBe(t.demoEmployerId);
  });
});

describe('with the API-layer checks switched off', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Every people query loses its organisation, branch and patch conditions; counts cover every
    // employer; anyone may place anyone anywhere. Only the database is left to say no.
    jest.spyOn(PeopleDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
    jest.spyOn(AccessService.prototype, 'mayPlace').mockReturnValue(true);
    const employers = (await t.sql('SELECT id FROM employer')).map((e) => e.id as string);
    jest.spyOn(AccessService.prototype, 'countScope').mockImplementation((user) => ({ organisationId: user.organisationId, employerIds: employers }));
    // and exact ward and site figures are given for every employer
    jest.spyOn(DensityService.prototype, 'seenEmployers').mockResolvedValue(employers);
    api = await startTestApp();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it('the switch is real: a rep now reaches their whole branch, not just the patch', async () => {
    const rep = await api.as('rep')('{ _allContactsMeta { count } }');
    const sec = await api.as('secretary')('{ _allContactsMeta { count } }');
    expect(rep.data?._allContactsMeta.count).toBe(sec.data?._allContactsMeta.count);
  });

  it("still shows nobody of another branch or organisation, by list, count, id or headcount", async () => {
    const [{ n }] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE organisation_id = $1 AND employer_id = $2 AND deleted_at IS NULL', [unison, api.demoEmployerId]);
    const list = await api.as('secretary')('{ allContacts(perPage: 500) { id employerId } _allContactsMeta { count } }');
    expect(list.data?._allContactsMeta.count).toBe(n);
    expect(list.data?.allContacts.every((c: { employerId: string }) => c.employerId === api.demoEmployerId)).toBe(true);

    const [other] = await api.sql('SELECT id FROM contact WHERE organisation_id = $1 AND employer_id = $2 LIMIT 1', [unison, api.otherEmployerId]);
    const [bmaPerson] = await api.sql('SELECT id FROM contact WHERE organisation_id = $1 LIMIT 1', [bma]);
    for (const id of [other.id, bmaPerson.id]) {
      expect(errorOf(await api.as('secretary')('query($id: ID!) { Contact(id: $id) { id } }', { id })).code).toBe('NOT_FOUND');
      const probe = await api.as('secretary')('query($ids: [String!]) { _allContactsMeta(filter: { ids: $ids }) { count } allMemberships(filter: { contactId: "' + id + '" }) { id } }', { ids: [id] });
      expect(probe.data).toEqual({ _allContactsMeta: { count: 0 }, allMemberships: [] });
      const upd = await api.as('secretary')('mutation($id: ID!) { updateContact(id: $id, data: { lastName: "Leaked" }) { id } }', { id });
      expect(errorOf(upd).code).toBe('NOT_FOUND');
    }
    const [otherWard] = await api.sql(`SELECT p.ward_id AS id FROM posting p JOIN contact c ON c.id = p.contact_id
      WHERE p.end_date IS NULL AND c.organisation_id = $1 AND c.employer_id = $2 LIMIT 1`, [unison, api.otherEmployerId]);
    const ward = await api.as('secretary')('query($id: ID!) { Ward(id: $id) { headcount memberCount } }', { id: otherWard.id });
    expect(ward.data?.Ward).toEqual({ headcount: 0, memberCount: 0 });
    expect((await api.sql("SELECT count(*)::int AS n FROM contact WHERE last_name = 'Leaked'"))[0].n).toBe(0);
  });

  it("refuses to create a person in another branch, and writes nothing", async () => {
    const [w] = await api.sql('SELECT w.id FROM ward w JOIN site s ON s.id = w.site_id WHERE s.employer_id = $1 LIMIT 1', [api.otherEmployerId]);
    const before = (await api.sql('SELECT count(*)::int AS n FROM contact'))[0].n;
    const res = await api.as('secretary')('mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }', {
      d: { firstName: 'Smuggled', lastName: 'Across', staffGroup: 'STUDENTS', shiftPattern: 'DAYS', contractType: 'BANK', employerId: api.otherEmployerId, wardId: w.id },
    });
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.errors)).not.toMatch(/row-level|policy|violates|relation/i);
    expect((await api.sql('SELECT count(*)::int AS n FROM contact'))[0].n).toBe(before);
  });
});
