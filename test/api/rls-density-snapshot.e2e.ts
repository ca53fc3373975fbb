import { RlsConnection } from '../fixtures/rls.js';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Defence in depth for density snapshots: on a connection of the API's database role, PostgreSQL
 * shows an organisation's snapshot rows only to that organisation, nothing without an identity, and
 * refuses rows written for another organisation. The snapshot job acts as one organisation at a
 * time on this same role, so it cannot read across organisations either.
 */
let t: TestApp;
const conn = new RlsConnection();
const { who, as, end } = conn;
const ward: Record<'unison' | 'bma', string> = { unison: '', bma: '' };

const orgs = async () => (await conn.db.query('SELECT DISTINCT organisation_id AS org FROM density_snapshot ORDER BY 1')).rows.map((r) => r.org as string);

beforeAll(async () => {
  t = await startTestApp();
  await conn.connect(t);
  ward.unison = (await t.sql('SELECT id FROM ward WHERE organisation_id = $1 LIMIT 1', [who.secretary.org]))[0].id;
  ward.bma = (await t.sql('SELECT id FROM ward WHERE organisation_id = $1 LIMIT 1', [who.bmaSecretary.org]))[0].id;
  // one row of each organisation, written by the owner
  for (const [org, w] of [[who.secretary.org, ward.unison], [who.bmaSecretary.org, ward.bma]]) {
    await t.sql('INSERT INTO density_snapshot (organisation_id, day, ward_id, headcount, members) VALUES ($1, current_date, $2, 10, 4)', [org, w]);
  }
});
afterAll(async () => {
  await conn.close();
  await t?.close();
});

describe('density_snapshot, on the API\'s database role', () => {
  it('is behind row-level security, and shows nothing without an identity', async () => {
    expect(await t.sql("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = 'density_snapshot'")).toEqual([{ relname: 'density_snapshot' }]);
    await as(null);
    try {
      expect(await orgs()).toEqual([]);
    } finally {
      await end();
    }
  });

  it('shows each organisation only its own rows', async () => {
    for (const login of ['secretary', 'bmaSecretary'] as Login[]) {
      await as(login);
      try {
        expect([login, await orgs()]).toEqual([login, [who[login].org]]);
      } finally {
        await end();
      }
    }
  });

  it("refuses a row for another organisation, and cannot change or delete another's", async () => {
    await as('secretary');
    try {
      await expect(conn.db.query("INSERT INTO density_snapshot (organisation_id, day, ward_id, headcount, members) VALUES ($1, current_date - 1, $2, 10, 4)",
        [who.bmaSecretary.org, ward.bma])).rejects.toThrow(/row-level security/);
    } finally {
      await end();
    }
    await as('secretary');
    try {
      expect((await conn.db.query('UPDATE density_snapshot SET members = 0 WHERE organisation_id = $1', [who.bmaSecretary.org])).rowCount).toBe(0);
      expect((await conn.db.query('DELETE FROM density_snapshot WHERE organisation_id = $1', [who.bmaSecretary.org])).rowCount).toBe(0);
    } finally {
      await end();
    }
    expect((await t.sql('SELECT members FROM density_snapshot WHERE organisation_id = $1', [who.bmaSecretary.org]))).toEqual([{ members: 4 }]);
  });
});
