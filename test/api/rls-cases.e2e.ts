import { jest } from '@jest/globals';
import { CaseDoor } from '../../apps/api/src/access/case-door.js';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { RlsConnection } from '../fixtures/rls.js';
import { errorOf, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { cloneRow } from '../fixtures/scope-targets.js';

/**
 * Defence in depth for casework: PostgreSQL's row-level security shows the API's role a case, and
 * anything of it, only for a case whose team includes the caller or in a branch the caller is
 * secretary or admin of (the request's `rollcall.user_id` and `rollcall.case_branch_ids`), inside the
 * organisation and branches as for people. First on a connection of the API's role, then through the
 * API with its own case checks switched off.
 */
let t: TestApp;
const conn = new RlsConnection(true);
const { who, as, end, ids, refused } = conn;
let caseworkerCases: string[] = [];
let branchCases: string[] = [];
let colleagueCase = '';

const CASE_TABLES = ['case_file', 'case_team', 'case_link', 'case_meeting', 'case_custom_deadline', 'case_note', 'case_document'];

beforeAll(async () => {
  t = await startTestApp();
  await conn.connect(t);
  // the demo cases: the caseworker is on some of their branch's; a colleague's case is on no demo login's team
  caseworkerCases = (await t.sql('SELECT case_id AS id FROM case_team WHERE user_id = $1 ORDER BY case_id', [who.caseworker.id])).map((r) => r.id);
  branchCases = (await t.sql('SELECT id FROM case_file WHERE branch_id = ANY($1) ORDER BY id', [who.secretary.officerOf])).map((r) => r.id);
  const [{ branch }] = await t.sql('SELECT branch_id AS branch FROM user_branch_role WHERE user_id = $1', [who.caseworker.id]);
  [{ id: colleagueCase }] = await t.sql(`INSERT INTO case_file (organisation_id, branch_id, contact_id, employer_id, type, opened_on, created_by_id)
    SELECT organisation_id, branch_id, contact_id, employer_id, 'GRIEVANCE', current_date, $2 FROM case_file WHERE id = $1 RETURNING id`, [caseworkerCases[0], who.secretary.id]);
  await t.sql("INSERT INTO case_team (case_id, user_id, role) VALUES ($1, $2, 'CASEWORKER')", [colleagueCase, who.secretary.id]);
  await t.sql("INSERT INTO case_note (case_id, author_id, body) VALUES ($1, $2, '\\x00'::bytea)", [colleagueCase, who.secretary.id]);
  branchCases = [...branchCases, colleagueCase].sort();
  expect(caseworkerCases.length).toBeGreaterThan(3);
  expect(branch).toBeTruthy();
});
afterAll(async () => {
  await conn.close();
  await t?.close();
});

describe('the case tables, on the API\'s database role', () => {
  it('are all behind row-level security, and show nothing without an identity', async () => {
    const rls = await t.sql('SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY($1) ORDER BY relname', [CASE_TABLES]);
    expect(rls.map((r) => r.relname)).toEqual([...CASE_TABLES].sort());
    await as(null);
    try {
      for (const table of CASE_TABLES) expect([table, (await conn.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n]).toEqual([table, 0]);
    } finally {
      await end();
    }
    expect((await t.sql('SELECT count(*)::int AS n FROM case_file'))[0].n).toBeGreaterThan(10); // the owner sees them all
  });

  it("show a caseworker the cases of their team alone, and a secretary or admin every case of their branch", async () => {
    for (const [login, expected] of [['caseworker', caseworkerCases], ['secretary', branchCases], ['admin', branchCases]] as [Login, string[]][]) {
      await as(login);
      try {
        expect([login, await ids('SELECT id FROM case_file')]).toEqual([login, expected]);
        for (const table of ['case_team', 'case_meeting', 'case_custom_deadline', 'case_note']) {
          const outside = (await conn.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE NOT (case_id = ANY($1))`, [expected])).rows[0].n;
          expect([login, table, outside]).toEqual([login, table, 0]);
        }
      } finally {
        await end();
      }
    }
    // the rep's one case (they are on its team), and nothing for the coalition, another branch's or organisation's secretary
    const repCases = (await t.sql('SELECT case_id AS id FROM case_team WHERE user_id = $1 ORDER BY case_id', [who.rep.id])).map((r) => r.id);
    expect(repCases.length).toBeGreaterThan(0);
    for (const [login, expected] of [['rep', repCases], ['coalition', []]] as [Login, string[]][]) {
      await as(login);
      try {
        expect([login, await ids('SELECT id FROM case_file')]).toEqual([login, expected]);
      } finally {
        await end();
      }
    }
    for (const login of ['secretary2', 'bmaSecretary'] as Login[]) {
      await as(login);
      try {
        expect(await ids('SELECT id FROM case_file WHERE id = ANY($1)', [branchCases])).toEqual([]);
      } finally {
        await end();
      }
    }
  });

  it("refuses a caseworker every write to a case that is not their team's, and what no one may do", async () => {
    await as('caseworker');
    try {
      expect((await conn.db.query("UPDATE case_file SET status = 'CLOSED' WHERE id = $1", [colleagueCase])).rowCount).toBe(0);
      expect((await conn.db.query('DELETE FROM case_note WHERE case_id = $1', [colleagueCase])).rowCount).toBe(0);
      expect((await conn.db.query('DELETE FROM case_team WHERE case_id = $1', [colleagueCase])).rowCount).toBe(0);
      await refused("INSERT INTO case_team (case_id, user_id, role) VALUES ($1, $2, 'SECOND_CASEWORKER')", [colleagueCase, who.caseworker.id]);
      await refused("INSERT INTO case_note (case_id, author_id, body) VALUES ($1, $2, '\\x00'::bytea)", [colleagueCase, who.caseworker.id]);
      await refused("INSERT INTO case_meeting (case_id, kind, date) VALUES ($1, 'OTHER', current_date)", [colleagueCase]);
      await refused('INSERT INTO case_link (case_id, linked_case_id) VALUES ($1, $2)', [caseworkerCases[0], colleagueCase]);
      // on their own case: a note signed by someone else, a changed note, a deleted case
      await refused("INSERT INTO case_note (case_id, author_id, body) VALUES ($1, $2, '\\x00'::bytea)", [caseworkerCases[0], who.secretary.id]);
      await refused("UPDATE case_note SET body = '\\x01'::bytea WHERE case_id = $1", [caseworkerCases[0]]);
      await refused('DELETE FROM case_file WHERE id = $1', [caseworkerCases[0]]);
      // a case for a person of another organisation, or of another branch, or in a branch not the member's
      const [bmaMember] = await t.sql('SELECT id, employer_id FROM contact WHERE organisation_id = $1 LIMIT 1', [who.bmaSecretary.org]);
      const [otherMember] = await t.sql('SELECT id, employer_id FROM contact WHERE employer_id = $1 AND organisation_id = $2 LIMIT 1', [t.otherEmployerId, who.caseworker.org]);
      const [{ branch: otherBranch }] = await t.sql('SELECT branch_id AS branch FROM user_branch_role WHERE user_id = $1', [who.secretary2.id]);
      const [{ branch: ownBranch }] = await t.sql('SELECT branch_id AS branch FROM user_branch_role WHERE user_id = $1', [who.caseworker.id]);
      const [ownMember] = await t.sql('SELECT contact_id AS id, employer_id FROM case_file WHERE id = $1', [caseworkerCases[0]]);
      const open = `INSERT INTO case_file (organisation_id, branch_id, contact_id, employer_id, type, opened_on, created_by_id)
        VALUES ($1, $2, $3, $4, 'OTHER', current_date, $5)`;
      await refused(open, [who.bmaSecretary.org, ownBranch, bmaMember.id, bmaMember.employer_id, who.caseworker.id]);
      await refused(open, [who.caseworker.org, otherBranch, otherMember.id, otherMember.employer_id, who.caseworker.id]);
      await refused(open, [who.caseworker.org, otherBranch, ownMember.id, ownMember.employer_id, who.caseworker.id]);
      // signed as someone else, a new case is not theirs to read even for the moment of its making
      await refused(open, [who.caseworker.org, ownBranch, ownMember.id, ownMember.employer_id, who.secretary.id]);
    } finally {
      await end();
    }
    expect((await t.sql('SELECT status FROM case_file WHERE id = $1', [colleagueCase]))[0].status).toBe('OPEN');
    expect((await t.sql('SELECT count(*)::int AS n FROM case_team WHERE case_id = $1', [colleagueCase]))[0].n).toBe(1);
  });

  it('tells whether someone has an open case only of people in the caller\'s branches', async () => {
    const [{ members }] = await t.sql("SELECT array_agg(DISTINCT contact_id) AS members FROM case_file WHERE status <> 'CLOSED' AND deleted_at IS NULL");
    const mine = (await t.sql("SELECT DISTINCT k.contact_id AS id FROM case_file k JOIN contact c ON c.id = k.contact_id WHERE k.status <> 'CLOSED' AND k.deleted_at IS NULL AND c.employer_id = ANY($1) AND c.organisation_id = $2 ORDER BY 1",
      [who.caseworker.employers, who.caseworker.org])).map((r) => r.id);
    await as('caseworker');
    try {
      expect(await ids('SELECT x AS id FROM rollcall_contacts_with_open_case($1::uuid[]) x', [members])).toEqual(mine);
    } finally {
      await end();
    }
    expect(mine.length).toBeLessThan(members.length);
  });
});

describe('with the API\'s case checks switched off', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Every case query loses its team, branch and organisation conditions (and the people's), and every
    // case rule says yes: only the database is left to say no.
    jest.spyOn(CaseDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
    jest.spyOn(PeopleDoor.prototype, 'condition').mockReturnValue({ sql: 'TRUE', params: {} });
    jest.spyOn(CaseDoor.prototype, 'mayChange').mockResolvedValue(true);
    jest.spyOn(CaseDoor.prototype, 'mayAddNote').mockResolvedValue(true);
    jest.spyOn(CaseDoor.prototype, 'mayManage').mockReturnValue(true);
    api = await startTestApp();
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
  });

  it('the switch is real: a caseworker now deletes a case of their own, which only a secretary or admin may do', async () => {
    const [own] = await api.sql("SELECT k.id FROM case_file k JOIN case_team tm ON tm.case_id = k.id JOIN app_user u ON u.id = tm.user_id WHERE u.email = $1 AND tm.role = 'CASEWORKER' LIMIT 1", [LOGINS.caseworker]);
    const copy = await cloneRow(api, 'case_file', own.id);
    await api.sql('INSERT INTO case_team (case_id, user_id, role) SELECT $1, user_id, role FROM case_team WHERE case_id = $2', [copy, own.id]);
    const res = await api.as('caseworker')('mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: copy });
    expect(res.data?.deleteCase).toEqual({ id: copy });
  });

  it("still shows a caseworker nobody else's case, by list, count, id or content, and lets them change none of it", async () => {
    const [{ id: me }] = await api.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.caseworker]);
    const mine = (await api.sql('SELECT tm.case_id AS id FROM case_team tm JOIN case_file k ON k.id = tm.case_id WHERE tm.user_id = $1 AND k.deleted_at IS NULL ORDER BY tm.case_id', [me])).map((r) => r.id);
    const [other] = await api.sql('SELECT k.id FROM case_file k WHERE NOT EXISTS (SELECT 1 FROM case_team tm WHERE tm.case_id = k.id AND tm.user_id = $1) AND k.organisation_id = (SELECT organisation_id FROM app_user WHERE id = $1) LIMIT 1', [me]);
    const cw = api.as('caseworker');
    const list = await cw('{ allCases(perPage: 500) { id } _allCasesMeta { count } allCaseNotes(perPage: 500) { caseId } allCaseMeetings(perPage: 500) { caseId } }');
    expect(list.data?.allCases.map((c: { id: string }) => c.id).sort()).toEqual(mine);
    expect(list.data?._allCasesMeta.count).toBe(mine.length);
    for (const key of ['allCaseNotes', 'allCaseMeetings']) expect(list.data?.[key].every((r: { caseId: string }) => mine.includes(r.caseId))).toBe(true);
    expect(errorOf(await cw('query($id: ID!) { Case(id: $id) { id summary } }', { id: other.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await cw('mutation($id: ID!) { updateCase(id: $id, data: { status: CLOSED }) { id } }', { id: other.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await cw('mutation($id: ID!, $u: ID!) { setCaseTeam(caseId: $id, data: { caseworkerId: $u }) { id } }', { id: other.id, u: me })).code).toBe('NOT_FOUND');
    expect(errorOf(await cw('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Smuggled in" }) { id } }', { c: other.id })).fields).toEqual({ caseId: 'does not exist' });
    expect((await api.sql('SELECT status FROM case_file WHERE id = $1', [other.id]))[0].status).not.toBe('CLOSED');
    expect((await api.sql('SELECT count(*)::int AS n FROM case_team WHERE case_id = $1 AND user_id = $2', [other.id, me]))[0].n).toBe(0);
  });

  it("shows another branch's and organisation's secretaries none of this branch's cases", async () => {
    const [{ n }] = await api.sql('SELECT count(*)::int AS n FROM case_file WHERE branch_id IN (SELECT branch_id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1) AND deleted_at IS NULL', [LOGINS.secretary2]);
    expect((await api.as('secretary2')('{ _allCasesMeta { count } }')).data?._allCasesMeta.count).toBe(n);
    const [{ n: bma }] = await api.sql('SELECT count(*)::int AS n FROM case_file WHERE organisation_id = (SELECT organisation_id FROM app_user WHERE email = $1) AND deleted_at IS NULL', [LOGINS.bmaSecretary]);
    expect((await api.as('bmaSecretary')('{ _allCasesMeta { count } }')).data?._allCasesMeta.count).toBe(bma);
  });
});
