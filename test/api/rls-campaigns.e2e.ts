import { jest } from '@jest/globals';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { CAMPAIGN_TABLES } from '../../apps/api/src/database/migrations/1796500000000-campaigns.js';
import { RlsConnection } from '../fixtures/rls.js';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { participationTargets, type ParticipationTarget, type Scope, scopeTargets } from '../fixtures/scope-targets.js';

/**
 * Defence in depth for campaigns: PostgreSQL's row-level security shows the API's role campaigns,
 * their unions and actions only of the caller's organisation, and a participation row only when its
 * person is one the caller's branches cover (as for conversations). First on a connection of the
 * API's role, then through the API with the PeopleDoor switched off.
 */
let t: TestApp;
const conn = new RlsConnection();
const { who, as, end, ids, refused } = conn;
let targets: Record<Scope, ParticipationTarget>;

beforeAll(async () => {
  t = await startTestApp();
  await conn.connect(t);
  targets = await participationTargets(t, await scopeTargets(t));
  await t.sql('INSERT INTO campaign_union (campaign_id, union_id) SELECT a.campaign_id, u.id FROM campaign_action a JOIN trade_union u ON u.organisation_id = a.organisation_id WHERE a.id = ANY($1)',
    [Object.values(targets).map((x) => x.actionId)]);
});
afterAll(async () => {
  await conn.close();
  await t?.close();
});

describe("the campaign tables, on the API's database role", () => {
  it('are all behind row-level security, and show nothing without an identity', async () => {
    const rls = await t.sql('SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY($1) ORDER BY relname', [CAMPAIGN_TABLES]);
    expect(rls.map((r) => r.relname)).toEqual([...CAMPAIGN_TABLES].sort());
    await as(null);
    try {
      for (const table of CAMPAIGN_TABLES) expect([table, (await conn.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n]).toEqual([table, 0]);
    } finally {
      await end();
    }
    for (const table of CAMPAIGN_TABLES) expect((await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n).toBeGreaterThan(0);
  });

  it("show campaigns and actions of the caller's organisation alone, and participation of the people of the caller's branches alone", async () => {
    for (const login of ['secretary', 'secretary2', 'bmaSecretary', 'coalition'] as Login[]) {
      const w = who[login];
      const campaigns = (await t.sql('SELECT id FROM campaign WHERE organisation_id = $1 ORDER BY id', [w.org])).map((r) => r.id).sort();
      const actions = (await t.sql('SELECT id FROM campaign_action WHERE organisation_id = $1', [w.org])).map((r) => r.id).sort();
      const people = (await t.sql(`SELECT pt.id FROM participation pt JOIN contact c ON c.id = pt.contact_id
        WHERE pt.organisation_id = $1 AND c.employer_id = ANY($2)`, [w.org, w.employers])).map((r) => r.id).sort();
      await as(login);
      try {
        expect([login, await ids('SELECT id FROM campaign')]).toEqual([login, campaigns]);
        expect([login, await ids('SELECT id FROM campaign_action')]).toEqual([login, actions]);
        expect([login, await ids('SELECT id FROM participation')]).toEqual([login, people]);
        expect((await conn.db.query('SELECT count(*)::int AS n FROM campaign_union cu WHERE NOT EXISTS (SELECT 1 FROM campaign k WHERE k.id = cu.campaign_id)')).rows[0].n).toBe(0);
      } finally {
        await end();
      }
      expect(people.length).toBeGreaterThan(0);
    }
    // each sees some participation, and no one sees another branch's or organisation's
    expect(targets.otherBranch.participationId).not.toBe(targets.branch.participationId);
  });

  it("refuses a write of participation about a person outside the caller's branches, or into another organisation", async () => {
    const [other] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 LIMIT 1', [t.otherEmployerId]);
    const [own] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 LIMIT 1', [t.demoEmployerId]);
    const [bmaBranch] = await t.sql('SELECT id FROM branch WHERE organisation_id = $1 LIMIT 1', [who.bmaSecretary.org]);
    await as('secretary');
    try {
      const insert = "INSERT INTO participation (organisation_id, action_id, contact_id, state) VALUES ($1, $2, $3, 'PLEDGED')";
      await refused(insert, [who.secretary.org, targets.branch.actionId, other.id]);
      await refused(insert, [who.bmaSecretary.org, targets.otherOrg.actionId, own.id]);
      expect((await conn.db.query("UPDATE participation SET state = 'ATTENDED_OR_SIGNED' WHERE id = $1", [targets.otherBranch.participationId])).rowCount).toBe(0);
      expect((await conn.db.query('DELETE FROM participation WHERE id = $1', [targets.otherOrg.participationId])).rowCount).toBe(0);
      expect((await conn.db.query("UPDATE campaign SET name = 'Taken' WHERE organisation_id <> $1", [who.secretary.org])).rowCount).toBe(0);
      await refused("INSERT INTO campaign (organisation_id, branch_id, name, start_date, target_group) VALUES ($1, $2, 'Planted', current_date, '{}')",
        [who.bmaSecretary.org, bmaBranch.id]);
    } finally {
      await end();
    }
    expect((await t.sql('SELECT state FROM participation WHERE id = $1', [targets.otherBranch.participationId]))[0].state).toBe('INVITED');
  });
});

describe("with the API's people checks switched off", () => {
  let api: TestApp;
  let apiTargets: Record<Scope, ParticipationTarget>;
  beforeAll(async () => {
    jest.spyOn(PeopleDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
    api = await startTestApp();
    apiTargets = await participationTargets(api, await scopeTargets(api));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it('the switch is real: a rep now reads participation of their branch off their patch', async () => {
    const r = await api.as('rep')('query($id: ID!) { Participation(id: $id) { id } }', { id: apiTargets.branch.participationId });
    expect(r.data?.Participation).toEqual({ id: apiTargets.branch.participationId });
  });

  it("still shows no one participation of another branch's or organisation's people", async () => {
    for (const login of ['secretary', 'rep', 'secretary2', 'bmaSecretary'] as Login[]) {
      const [{ org, employers }] = await api.sql(`SELECT u.organisation_id AS org, coalesce(array_agg(DISTINCT be.employer_id) FILTER (WHERE be.employer_id IS NOT NULL), '{}') AS employers
        FROM app_user u LEFT JOIN user_branch_role r ON r.user_id = u.id LEFT JOIN branch_employer be ON be.branch_id = r.branch_id WHERE u.email = $1 GROUP BY u.organisation_id`, [LOGINS[login]]);
      const res = await api.as(login)('{ allParticipations(perPage: 500) { id contactId } }');
      expect(res.errors).toBeUndefined();
      const contacts = res.data!.allParticipations.map((p: { contactId: string }) => p.contactId);
      const [{ n }] = await api.sql('SELECT count(*)::int AS n FROM contact WHERE id = ANY($1) AND (organisation_id <> $2 OR NOT (employer_id = ANY($3)))', [contacts, org, employers]);
      expect([login, n]).toEqual([login, 0]);
    }
    // and recording one for another branch's person is refused by the database
    const [other] = await api.sql('SELECT id FROM contact WHERE employer_id = $1 LIMIT 1', [api.otherEmployerId]);
    const r = await api.as('secretary')('mutation($a: ID!, $c: ID!) { recordParticipation(actionId: $a, entries: [{ contactId: $c, state: PLEDGED }]) { id } }',
      { a: apiTargets.branch.actionId, c: other.id });
    expect(r.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    expect((await api.sql('SELECT count(*)::int AS n FROM participation WHERE contact_id = $1 AND action_id = $2', [other.id, apiTargets.branch.actionId]))[0].n).toBe(0);
  });
});
