import pg from 'pg';
import { identityParams, IDENTITY_SQL } from '../../apps/api/src/database/request-transaction.js';
import { withDatabase } from '../fixtures/db-url.js';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Defence in depth for the coalition line-up: on a connection of the API's database role (with the
 * API's own checks out of the way), PostgreSQL shows an organisation's published rows to itself, and
 * to another organisation only while both share; nothing without an identity; and an organisation
 * cannot write, change or delete another's rows.
 */
let t: TestApp;
let db: pg.Client;
const who: Record<string, { id: string; org: string; employers: string[] }> = {};

async function as(login: Login | null): Promise<void> {
  await db.query('BEGIN');
  const w = login ? who[login] : null;
  await db.query(IDENTITY_SQL, identityParams(w
    ? { organisationId: w.org, employerIds: w.employers, userId: w.id, caseBranchIds: [] }
    : { organisationId: null, employerIds: [], userId: null, caseBranchIds: [] }));
}
const end = () => db.query('ROLLBACK');
const orgs = async () => (await db.query('SELECT DISTINCT organisation_id AS org FROM coalition_published ORDER BY 1')).rows.map((r) => r.org as string);
/** Runs `fn` as the login in a transaction that is rolled back; a statement PostgreSQL refuses rejects. */
async function tryAs<T>(login: Login | null, fn: () => Promise<T>): Promise<T> {
  await as(login);
  try {
    return await fn();
  } finally {
    await end();
  }
}
const share = (org: string, on: boolean) => t.sql('UPDATE organisation SET share_coalition_aggregates = $2 WHERE id = $1', [org, on]);

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Client({ connectionString: withDatabase(process.env.ROLLCALL_TEST_APP_URL!, new URL(t.databaseUrl).pathname.slice(1)) });
  await db.connect();
  for (const login of ['secretary', 'bmaSecretary'] as Login[]) {
    const [row] = await t.sql(`SELECT u.id, u.organisation_id AS org,
        coalesce(array_agg(DISTINCT be.employer_id) FILTER (WHERE be.employer_id IS NOT NULL), '{}') AS employers
      FROM app_user u LEFT JOIN user_branch_role r ON r.user_id = u.id LEFT JOIN branch_employer be ON be.branch_id = r.branch_id
      WHERE u.email = $1 GROUP BY u.id`, [LOGINS[login]]);
    who[login] = { id: row.id, org: row.org, employers: row.employers };
  }
  // one row of each organisation, written by the owner
  for (const org of [who.secretary.org, who.bmaSecretary.org]) {
    await t.sql("INSERT INTO coalition_published (organisation_id, level, ods_code, name, headcount, members) VALUES ($1, 'EMPLOYER', 'RNR', 'A trust', 120, 60)", [org]);
  }
});
afterAll(async () => {
  await db?.end();
  await t?.close();
});

describe("coalition_published, on the API's database role", () => {
  const [unison, bma] = [() => who.secretary.org, () => who.bmaSecretary.org];

  it('is behind row-level security, and shows nothing without an identity', async () => {
    expect(await t.sql("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = 'coalition_published'")).toEqual([{ relname: 'coalition_published' }]);
    expect(await tryAs(null, orgs)).toEqual([]);
  });

  it('shows another organisation\'s rows only while both share', async () => {
    await share(unison(), true);
    await share(bma(), true);
    expect(await tryAs('secretary', orgs)).toEqual([unison(), bma()].sort());
    expect(await tryAs('bmaSecretary', orgs)).toEqual([unison(), bma()].sort());
    // BMA stops sharing: each sees only its own (a reader that does not share sees no one else's; no one sees a non-sharer's)
    await share(bma(), false);
    try {
      expect(await tryAs('secretary', orgs)).toEqual([unison()]);
      expect(await tryAs('bmaSecretary', orgs)).toEqual([bma()]);
    } finally {
      await share(bma(), true);
    }
  });

  it("refuses to write, change or delete another organisation's rows", async () => {
    await expect(tryAs('secretary', () => db.query("INSERT INTO coalition_published (organisation_id, level, ods_code, name, headcount, members) VALUES ($1, 'SITE', 'RNR01', 'Forged', 1000, 999)", [bma()])))
      .rejects.toThrow(/row-level security/);
    // both share, so UNISON sees BMA's row; still it changes and deletes nothing of it
    const changed = await tryAs('secretary', () => db.query("UPDATE coalition_published SET members = 0 WHERE organisation_id = $1", [bma()]));
    expect(changed.rowCount).toBe(0);
    await expect(tryAs('secretary', () => db.query('UPDATE coalition_published SET organisation_id = $1 WHERE organisation_id = $2', [bma(), unison()])))
      .rejects.toThrow(/row-level security/);
    const deleted = await tryAs('secretary', () => db.query('DELETE FROM coalition_published WHERE organisation_id = $1', [bma()]));
    expect(deleted.rowCount).toBe(0);
    expect(await t.sql('SELECT members FROM coalition_published WHERE organisation_id = $1', [bma()])).toEqual([{ members: 60 }]);
    // its own rows it writes and deletes
    const own = await tryAs('secretary', async () => {
      await db.query("INSERT INTO coalition_published (organisation_id, level, ods_code, name, headcount, members) VALUES ($1, 'SITE', 'RNR01', 'A site', 50, 20)", [unison()]);
      return (await db.query('DELETE FROM coalition_published WHERE organisation_id = $1', [unison()])).rowCount;
    });
    expect(own).toBe(2);
  });
});
