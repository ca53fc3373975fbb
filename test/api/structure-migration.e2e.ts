import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../apps/api/src/database/migrations/index.js';
import { StructureOwned1795439000000 } from '../../apps/api/src/database/migrations/1795439000000-structure-owned.js';
import { withDatabase } from '../fixtures/db-url.js';

/**
 * The StructureOwned migration on a database of the shared design: two organisations using one
 * trust (people, postings, memberships, rep roles, a patch, branches, an audit entry), one union
 * both record, and structure nobody uses. Afterwards each organisation has its own copy of what it
 * used, every row points into its own organisation's map, and what each organisation counts is as before.
 */
const adminUrl = () => process.env.ROLLCALL_TEST_ADMIN_URL!;
const name = `rollcall_structure_${process.pid}_${Date.now().toString(36)}`;
let db: pg.Client;

const ids = {
  unison: '00000000-0000-4000-8000-0000000000a1', bma: '00000000-0000-4000-8000-0000000000a2',
  trust: '00000000-0000-4000-8000-0000000000b1', unused: '00000000-0000-4000-8000-0000000000b2',
  site: '00000000-0000-4000-8000-0000000000c1', ward: '00000000-0000-4000-8000-0000000000d1',
  union: '00000000-0000-4000-8000-0000000000e1', spareUnion: '00000000-0000-4000-8000-0000000000e2',
  uContact: '00000000-0000-4000-8000-0000000000f1', bContact: '00000000-0000-4000-8000-0000000000f2',
  uUser: '00000000-0000-4000-8000-000000000101', bUser: '00000000-0000-4000-8000-000000000102',
  uBranch: '00000000-0000-4000-8000-000000000201', bBranch: '00000000-0000-4000-8000-000000000202',
  uRep: '00000000-0000-4000-8000-000000000301', bRep: '00000000-0000-4000-8000-000000000302',
};

async function migrate(url: string, migrations: typeof MIGRATIONS): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'migrations' });
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  const before = MIGRATIONS.indexOf(StructureOwned1795439000000);
  expect(before).toBeGreaterThan(0);
  await migrate(url, MIGRATIONS.slice(0, before));
  db = new pg.Client({ connectionString: url });
  await db.connect();
  const q = (sql: string) => db.query(sql);
  await q(`INSERT INTO organisation (id, name, kind) VALUES ('${ids.unison}', 'UNISON North', 'UNION_BRANCH'), ('${ids.bma}', 'BMA North', 'UNION_BRANCH')`);
  await q(`UPDATE organisation SET created_at = now() - interval '1 day' WHERE id = '${ids.unison}'`);
  await q(`INSERT INTO employer (id, name, ods_code) VALUES ('${ids.trust}', 'Shared Trust', 'RAA'), ('${ids.unused}', 'Unused Trust', NULL)`);
  await q(`INSERT INTO site (id, name, kind, employer_id) VALUES ('${ids.site}', 'General', 'ACUTE_HOSPITAL', '${ids.trust}')`);
  await q(`INSERT INTO ward (id, name, type, site_id) VALUES ('${ids.ward}', 'Ward 7B', 'INPATIENT_WARD', '${ids.site}')`);
  await q(`INSERT INTO trade_union (id, name, short_name) VALUES ('${ids.union}', 'Unite the Union', 'Unite'), ('${ids.spareUnion}', 'Spare', 'SPARE')`);
  await q(`INSERT INTO app_user (id, email, display_name, password_hash, organisation_id) VALUES
    ('${ids.uUser}', 'u@example.org', 'U', 'x', '${ids.unison}'), ('${ids.bUser}', 'b@example.org', 'B', 'x', '${ids.bma}')`);
  await q(`INSERT INTO branch (id, organisation_id, name) VALUES ('${ids.uBranch}', '${ids.unison}', 'U'), ('${ids.bBranch}', '${ids.bma}', 'B')`);
  await q(`INSERT INTO branch_employer (branch_id, employer_id) VALUES ('${ids.uBranch}', '${ids.trust}'), ('${ids.bBranch}', '${ids.trust}')`);
  await q(`INSERT INTO rep_patch (user_id, site_id) VALUES ('${ids.uUser}', '${ids.site}'), ('${ids.bUser}', '${ids.site}')`);
  for (const [contact, org, rep] of [[ids.uContact, ids.unison, ids.uRep], [ids.bContact, ids.bma, ids.bRep]]) {
    await q(`INSERT INTO contact (id, organisation_id, first_name, last_name, staff_group, shift_pattern, contract_type, employer_id)
      VALUES ('${contact}', '${org}', 'A', 'B', 'MEDICAL_DENTAL', 'DAYS', 'SUBSTANTIVE', '${ids.trust}')`);
    await q(`INSERT INTO posting (organisation_id, contact_id, ward_id, start_date) VALUES ('${org}', '${contact}', '${ids.ward}', '2025-01-01')`);
    await q(`INSERT INTO membership (organisation_id, contact_id, union_id, status, source) VALUES ('${org}', '${contact}', '${ids.union}', 'MEMBER', 'SELF_REPORTED')`);
    await q(`INSERT INTO rep_role (id, organisation_id, contact_id, kind) VALUES ('${rep}', '${org}', '${contact}', 'WORKPLACE_REP')`);
    await q(`INSERT INTO rep_role_ward (rep_role_id, ward_id) VALUES ('${rep}', '${ids.ward}')`);
    await q(`INSERT INTO audit_event (organisation_id, action, entity_type, entity_id, employer_id) VALUES ('${org}', 'UPDATE', 'Contact', '${contact}', '${ids.trust}')`);
  }
  await migrate(url, MIGRATIONS);
});

afterAll(async () => {
  await db?.end();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

describe('StructureOwned migration', () => {
  it('keeps the original rows for the first organisation and gives the second its own copies', async () => {
    const employers = await rows('SELECT id, organisation_id, name, ods_code FROM employer ORDER BY organisation_id, name');
    expect(employers.map((e) => [e.organisation_id, e.name, e.ods_code])).toEqual([
      [ids.unison, 'Shared Trust', 'RAA'], [ids.unison, 'Unused Trust', null],
      [ids.bma, 'Shared Trust', 'RAA'], [ids.bma, 'Unused Trust', null],
    ]);
    expect(employers.find((e) => e.organisation_id === ids.unison && e.name === 'Shared Trust').id).toBe(ids.trust);
    const unions = await rows('SELECT organisation_id, short_name FROM trade_union ORDER BY organisation_id, short_name');
    expect(unions.map((u) => [u.organisation_id, u.short_name])).toEqual([[ids.unison, 'SPARE'], [ids.unison, 'Unite'], [ids.bma, 'SPARE'], [ids.bma, 'Unite']]);
    expect((await rows('SELECT organisation_id FROM site ORDER BY organisation_id')).map((r) => r.organisation_id)).toEqual([ids.unison, ids.bma]);
    expect((await rows('SELECT organisation_id, name FROM ward ORDER BY organisation_id')).map((r) => [r.organisation_id, r.name])).toEqual([[ids.unison, 'Ward 7B'], [ids.bma, 'Ward 7B']]);
  });

  it('points every row of each organisation into its own map', async () => {
    const check = async (sql: string) => expect(await rows(sql)).toEqual([]);
    await check('SELECT c.id FROM contact c JOIN employer e ON e.id = c.employer_id WHERE e.organisation_id <> c.organisation_id');
    await check('SELECT p.id FROM posting p JOIN ward w ON w.id = p.ward_id WHERE w.organisation_id <> p.organisation_id');
    await check('SELECT m.id FROM membership m JOIN trade_union t ON t.id = m.union_id WHERE t.organisation_id <> m.organisation_id');
    await check('SELECT rw.rep_role_id FROM rep_role_ward rw JOIN rep_role r ON r.id = rw.rep_role_id JOIN ward w ON w.id = rw.ward_id WHERE w.organisation_id <> r.organisation_id');
    await check('SELECT rp.user_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id JOIN site s ON s.id = rp.site_id WHERE s.organisation_id <> u.organisation_id');
    await check('SELECT be.branch_id FROM branch_employer be JOIN branch b ON b.id = be.branch_id JOIN employer e ON e.id = be.employer_id WHERE e.organisation_id <> b.organisation_id');
    await check('SELECT a.id FROM audit_event a JOIN employer e ON e.id = a.employer_id WHERE e.organisation_id <> a.organisation_id');
    // every organisation still counts its own: one person, one member, one rep on its ward
    const counts = await rows(`SELECT w.organisation_id, count(DISTINCT p.contact_id)::int AS staff, count(DISTINCT m.id)::int AS members, count(DISTINCT rw.rep_role_id)::int AS reps
      FROM ward w LEFT JOIN posting p ON p.ward_id = w.id LEFT JOIN membership m ON m.contact_id = p.contact_id LEFT JOIN rep_role_ward rw ON rw.ward_id = w.id
      GROUP BY w.organisation_id ORDER BY w.organisation_id`);
    expect(counts).toEqual([
      { organisation_id: ids.unison, staff: 1, members: 1, reps: 1 },
      { organisation_id: ids.bma, staff: 1, members: 1, reps: 1 },
    ]);
  });

  it('refuses, in the database itself, a row that points into another organisation\'s map', async () => {
    const [bmaWard] = await rows('SELECT id FROM ward WHERE organisation_id = $1', [ids.bma]);
    await expect(db.query('UPDATE posting SET ward_id = $1 WHERE organisation_id = $2', [bmaWard.id, ids.unison])).rejects.toThrow(/foreign key/);
    await expect(db.query('UPDATE contact SET employer_id = $1 WHERE organisation_id = $2', [ids.trust, ids.bma])).rejects.toThrow(/foreign key/);
  });
});
