import { RlsConnection } from '../fixtures/rls.js';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Defence in depth for ballots: on a connection of the API's database role, PostgreSQL shows a
 * ballot only inside its organisation, and a member's chase state only when the member is of the
 * caller's organisation and branches (as for every table about people); nothing without an identity;
 * the history cannot be rewritten, and a chase state cannot be written for someone out of reach.
 */
let t: TestApp;
const conn = new RlsConnection();
const { who, as, end, ids } = conn;
/** A ballot of each organisation, each with a chase state for one person of each of UNISON's branches (and one of BMA's). */
let unisonBallot = '';
let bmaBallot = '';
const person: Record<'demo' | 'other' | 'bma', string> = { demo: '', other: '', bma: '' };

const TABLES = ['ballot', 'ballot_member_state'];

beforeAll(async () => {
  t = await startTestApp();
  await conn.connect(t);
  const ballotOf = async (login: Login) => (await t.sql(`INSERT INTO ballot (organisation_id, branch_id, union_id, name, questions, cut_off_date, opening_date, closing_date)
    SELECT u.organisation_id, r.branch_id, (SELECT id FROM trade_union tu WHERE tu.organisation_id = u.organisation_id LIMIT 1), 'RLS ballot', '{STRIKE}',
      current_date - 1, current_date, current_date + 20
    FROM app_user u JOIN user_branch_role r ON r.user_id = u.id WHERE u.email = $1 LIMIT 1 RETURNING id`, [LOGINS[login]]))[0].id as string;
  unisonBallot = await ballotOf('secretary');
  bmaBallot = await ballotOf('bmaSecretary');
  const one = async (org: string, employer: string) => (await t.sql('SELECT id FROM contact WHERE organisation_id = $1 AND employer_id = $2 AND deleted_at IS NULL LIMIT 1', [org, employer]))[0].id as string;
  person.demo = await one(who.secretary.org, t.demoEmployerId);
  person.other = await one(who.secretary.org, t.otherEmployerId);
  person.bma = await one(who.bmaSecretary.org, who.bmaSecretary.employers[0]);
  for (const [ballot, contact] of [[unisonBallot, person.demo], [unisonBallot, person.other], [bmaBallot, person.bma]]) {
    await t.sql("INSERT INTO ballot_member_state (organisation_id, ballot_id, contact_id, state) SELECT organisation_id, $1, id, 'PLEDGED_YES' FROM contact WHERE id = $2", [ballot, contact]);
  }
});
afterAll(async () => {
  await conn.close();
  await t?.close();
});

describe('the ballot tables, on the API\'s database role', () => {
  it('are behind row-level security, and show nothing without an identity', async () => {
    const rls = await t.sql('SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY($1) ORDER BY relname', [TABLES]);
    expect(rls.map((r) => r.relname)).toEqual(TABLES);
    await as(null);
    try {
      for (const table of TABLES) expect([table, (await conn.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n]).toEqual([table, 0]);
    } finally {
      await end();
    }
  });

  it('show a ballot only in its organisation, and chase states only of people in the caller\'s branches', async () => {
    await as('secretary');
    try {
      expect(await ids('SELECT id FROM ballot WHERE id = ANY($1)', [[unisonBallot, bmaBallot]])).toEqual([unisonBallot]);
      expect(await ids('SELECT contact_id AS id FROM ballot_member_state WHERE ballot_id = ANY($1)', [[unisonBallot, bmaBallot]])).toEqual([person.demo]);
    } finally {
      await end();
    }
    // and of all the chase states (the demo's ballots' too), only those of people at the secretary's employers
    await as('secretary');
    let seen: string[];
    try {
      seen = await ids('SELECT DISTINCT contact_id AS id FROM ballot_member_state');
    } finally {
      await end();
    }
    expect(seen.length).toBeGreaterThan(1);
    const outside = await t.sql('SELECT id FROM contact WHERE id = ANY($1) AND NOT (employer_id = ANY($2))', [seen, who.secretary.employers]);
    expect(outside).toEqual([]);
    await as('secretary2');
    try {
      expect(await ids('SELECT contact_id AS id FROM ballot_member_state WHERE ballot_id = ANY($1)', [[unisonBallot, bmaBallot]])).toEqual([person.other]);
    } finally {
      await end();
    }
    await as('bmaSecretary');
    try {
      expect(await ids('SELECT id FROM ballot WHERE id = ANY($1)', [[unisonBallot, bmaBallot]])).toEqual([bmaBallot]);
      expect(await ids('SELECT contact_id AS id FROM ballot_member_state WHERE ballot_id = ANY($1)', [[unisonBallot, bmaBallot]])).toEqual([person.bma]);
    } finally {
      await end();
    }
  });

  it('refuses a chase state for someone out of reach and any rewrite of the history', async () => {
    await as('secretary');
    try {
      await conn.db.query('SAVEPOINT s');
      await expect(conn.db.query(`INSERT INTO ballot_member_state (organisation_id, ballot_id, contact_id, state) VALUES ($1, $2, $3, 'VOTED')`,
        [who.secretary.org, unisonBallot, person.other])).rejects.toMatchObject({ code: '42501' });
      await conn.db.query('ROLLBACK TO SAVEPOINT s');
      await expect(conn.db.query("UPDATE ballot_member_state SET state = 'VOTED'")).rejects.toMatchObject({ code: '42501' });
    } finally {
      await end();
    }
  });
});
