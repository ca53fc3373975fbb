import { errorOf, type GqlResult, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { PATCH_SITES, userIdOf } from '../fixtures/scope-targets.js';

/**
 * Staffing a case and following its links, as the web app's case page asks: who may take each place
 * on a case's team (`caseTeamCandidates`, for the branch's secretary and admins only), checked against
 * the rule read straight from the tables and against what `setCaseTeam` accepts; and a case's links by
 * direction (`follows`, `followedBy`), each only where the caller reads both cases.
 */
let t: TestApp;
const ids = {} as Record<Login, string>;
/** Staff of the demo branch on the demo rep's patch, and one off it. */
let onPatch: string[] = [];
let offPatch = '';
/** A case of a member on the rep's patch, and one of a member off it (the demo caseworker on both). */
let caseOn = '';
let caseOff = '';
/** Another caseworker of the demo branch, and one whose account is switched off. */
let colleague = '';
let inactive = '';

const ok = <T = any>(res: GqlResult, key: string): T => {
  if (res.errors || res.data?.[key] === undefined || res.data?.[key] === null) throw new Error(`${key}: ${JSON.stringify(res.errors)}`);
  return res.data[key] as T;
};
const CREATE = 'mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }';
const CANDIDATES = 'query($id: ID!, $role: CaseTeamRole!, $q: String) { caseTeamCandidates(caseId: $id, role: $role, q: $q) { id displayName } }';
const SET_TEAM = 'mutation($id: ID!, $d: CaseTeamInput!) { setCaseTeam(caseId: $id, data: $d) { id team { userId role } } }';
const candidates = async (who: Login, caseId: string, role: string, q?: string) =>
  ok<{ id: string; displayName: string }[]>(await t.as(who)(CANDIDATES, { id: caseId, role, q }), 'caseTeamCandidates');

/** The rule, from the tables: active users of the branch holding one of `roles` there (reps only: with the member on their patch). */
async function oracle(caseId: string, roles: string[], repNeedsPatch: boolean): Promise<string[]> {
  return (await t.sql(`SELECT u.id FROM app_user u JOIN case_file k ON k.id = $1 AND k.organisation_id = u.organisation_id
    WHERE u.active AND EXISTS (SELECT 1 FROM user_branch_role r WHERE r.user_id = u.id AND r.branch_id = k.branch_id AND r.role::text = ANY($2))
      AND (NOT $3 OR EXISTS (SELECT 1 FROM user_branch_role r WHERE r.user_id = u.id AND r.branch_id = k.branch_id AND r.role <> 'REP')
        OR EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id JOIN rep_patch rp ON rp.site_id = w.site_id
                   WHERE p.contact_id = k.contact_id AND p.end_date IS NULL AND rp.user_id = u.id))
    ORDER BY u.id`, [caseId, roles, repNeedsPatch])).map((r) => r.id);
}

beforeAll(async () => {
  t = await startTestApp();
  for (const who of Object.keys(LOGINS) as Login[]) ids[who] = await userIdOf(t, who);
  const staff = (patch: boolean) => t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) AND c.deleted_at IS NULL
    AND (c.leave_date IS NULL OR c.leave_date > current_date) AND w.site_id ${patch ? '' : 'NOT'} IN ${PATCH_SITES}
    AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id) ORDER BY c.last_name, c.id LIMIT 3`, [t.demoEmployerId, LOGINS.secretary]);
  onPatch = (await staff(true)).map((r) => r.id);
  [{ id: offPatch }] = await staff(false);
  const [{ id: branch }] = await t.sql('SELECT r.branch_id AS id FROM user_branch_role r WHERE r.user_id = $1', [ids.caseworker]);
  const account = async (email: string, name: string, active: boolean) => {
    const [{ id }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id, active)
      SELECT $2, $3, password_hash, organisation_id, $4 FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.caseworker, email, name, active]);
    await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'CASEWORKER')", [id, branch]);
    return id as string;
  };
  colleague = await account('colleague@unison.example', 'Morgan Reyes (caseworker)', true);
  inactive = await account('gone@unison.example', 'Lee Gone (left the branch)', false);
  caseOn = ok(await t.as('secretary')(CREATE, { d: { contactId: onPatch[0], type: 'DISCIPLINARY', caseworkerId: ids.caseworker } }), 'createCase').id;
  caseOff = ok(await t.as('secretary')(CREATE, { d: { contactId: offPatch, type: 'GRIEVANCE', caseworkerId: ids.caseworker } }), 'createCase').id;
});
afterAll(async () => { await t?.close(); });

describe('who may take a place on a case\'s team', () => {
  it('lists, for the branch secretary, exactly those the rule allows in each place, by name', async () => {
    const officers = ['CASEWORKER', 'BRANCH_SECRETARY', 'ADMIN'];
    for (const [caseId, where] of [[caseOn, 'on the rep\'s patch'], [caseOff, 'off it']]) {
      for (const role of ['CASEWORKER', 'SECOND_CASEWORKER']) {
        const listed = await candidates('secretary', caseId, role);
        expect([where, role, listed.map((c) => c.id).sort()]).toEqual([where, role, await oracle(caseId, officers, false)]);
        // by name, and with it
        expect(listed.map((c) => c.displayName)).toEqual([...listed.map((c) => c.displayName)].sort((a, b) => a.localeCompare(b, 'en')));
      }
      const reps = await candidates('secretary', caseId, 'REP');
      expect([where, reps.map((c) => c.id).sort()]).toEqual([where, await oracle(caseId, ['REP', ...officers], true)]);
    }
    // the demo branch's people: its caseworkers, secretary and admin; the rep only where the member is on their patch
    const caseworkers = (await candidates('secretary', caseOn, 'CASEWORKER')).map((c) => c.id);
    expect(caseworkers).toEqual(expect.arrayContaining([ids.caseworker, colleague, ids.secretary, ids.admin]));
    for (const nobody of [ids.rep, ids.coalition, ids.secretary2, ids.bmaSecretary, inactive]) expect(caseworkers).not.toContain(nobody);
    expect((await candidates('secretary', caseOn, 'REP')).map((c) => c.id)).toContain(ids.rep);
    expect((await candidates('secretary', caseOff, 'REP')).map((c) => c.id)).not.toContain(ids.rep);
    expect(await candidates('admin', caseOn, 'CASEWORKER')).toEqual(await candidates('secretary', caseOn, 'CASEWORKER'));
  });

  it('narrows by part of the name, each word anywhere in it', async () => {
    expect(await candidates('secretary', caseOn, 'CASEWORKER', 'reyes')).toEqual([{ id: colleague, displayName: 'Morgan Reyes (caseworker)' }]);
    expect(await candidates('secretary', caseOn, 'CASEWORKER', '  caseworker   morgan ')).toEqual([{ id: colleague, displayName: 'Morgan Reyes (caseworker)' }]);
    expect(await candidates('secretary', caseOn, 'CASEWORKER', '%')).toEqual([]);
    expect(await candidates('secretary', caseOn, 'CASEWORKER', 'Nobody-by-this-name')).toEqual([]);
  });

  it('offers only those setCaseTeam takes: each one listed is accepted, a rep off the member\'s patch is refused', async () => {
    for (const c of await candidates('secretary', caseOn, 'CASEWORKER')) {
      const team = ok(await t.as('secretary')(SET_TEAM, { id: caseOn, d: { caseworkerId: c.id } }), 'setCaseTeam').team;
      expect(team).toEqual([{ userId: c.id, role: 'CASEWORKER' }]);
    }
    for (const c of await candidates('secretary', caseOff, 'REP')) {
      if (c.id === ids.caseworker) continue;
      ok(await t.as('secretary')(SET_TEAM, { id: caseOff, d: { caseworkerId: ids.caseworker, repId: c.id } }), 'setCaseTeam');
    }
    expect(errorOf(await t.as('secretary')(SET_TEAM, { id: caseOff, d: { caseworkerId: ids.caseworker, repId: ids.rep } })).fields)
      .toEqual({ repId: expect.stringMatching(/patch/) });
    expect(errorOf(await t.as('secretary')(SET_TEAM, { id: caseOff, d: { caseworkerId: inactive } })).fields)
      .toEqual({ caseworkerId: expect.stringMatching(/must be a caseworker/) });
    // back to the demo caseworker, for the refusals below
    ok(await t.as('secretary')(SET_TEAM, { id: caseOn, d: { caseworkerId: ids.caseworker, repId: ids.rep } }), 'setCaseTeam');
    ok(await t.as('secretary')(SET_TEAM, { id: caseOff, d: { caseworkerId: ids.caseworker } }), 'setCaseTeam');
  });

  it('is refused to those who may not staff the case, and hidden from those who do not read it', async () => {
    const ask = (who: Login, caseId = caseOn) => t.as(who)(CANDIDATES, { id: caseId, role: 'CASEWORKER' });
    // the case's own caseworker and rep read it, but only the branch's secretary and admins staff it
    expect(ok(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { id mayManage } }', { id: caseOn }), 'Case')).toEqual({ id: caseOn, mayManage: false });
    expect(errorOf(await ask('caseworker'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask('rep'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await ask('coalition'))).toMatchObject({ code: 'FORBIDDEN' });
    // another branch's secretary, another organisation's: no such case, as far as they can tell
    expect(errorOf(await ask('secretary2'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await ask('bmaSecretary'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await t.gql(CANDIDATES, { id: caseOn, role: 'CASEWORKER' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    // a deleted case is nobody's
    const gone = ok(await t.as('secretary')(CREATE, { d: { contactId: onPatch[1], type: 'OTHER', caseworkerId: ids.caseworker } }), 'createCase').id;
    ok(await t.as('secretary')('mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: gone }), 'deleteCase');
    expect(errorOf(await ask('secretary', gone))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers bad input with field errors', async () => {
    expect(errorOf(await t.as('secretary')(CANDIDATES, { id: 'not-an-id', role: 'CASEWORKER' }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: { caseId: expect.any(String) } });
    expect(errorOf(await t.as('secretary')(CANDIDATES, { id: caseOn, role: 'CASEWORKER', q: 'x'.repeat(101) }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: { q: 'q must be at most 100 characters' } });
    expect((await t.as('secretary')(CANDIDATES, { id: caseOn, role: 'BOSS' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a case\'s links by direction', () => {
  it('shows what an appeal follows and what follows a case, either way only where the caller reads both', async () => {
    const member = onPatch[2];
    // a disciplinary case (the demo caseworker's), the appeal against its outcome (the rep on it too), and a claim after the appeal
    const open = (type: string, extra: Record<string, unknown> = {}) =>
      t.as('secretary')(CREATE, { d: { contactId: member, type, caseworkerId: ids.caseworker, ...extra } }).then((r) => ok(r, 'createCase').id as string);
    const disciplinary = await open('DISCIPLINARY');
    const appeal = await open('APPEAL', { repId: ids.rep });
    const claim = await open('EMPLOYMENT_TRIBUNAL');
    const link = 'mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }';
    ok(await t.as('secretary')(link, { a: appeal, c: disciplinary }), 'linkCases');
    ok(await t.as('caseworker')(link, { a: claim, c: appeal }), 'linkCases');
    const read = (who: Login, id: string) => t.as(who)('query($id: ID!) { Case(id: $id) { follows { id type } followedBy { id type } links { id } } }', { id })
      .then((r) => ok(r, 'Case'));
    expect(await read('caseworker', disciplinary)).toEqual({ follows: [], followedBy: [{ id: appeal, type: 'APPEAL' }], links: [{ id: appeal }] });
    expect(await read('caseworker', appeal)).toEqual({
      follows: [{ id: disciplinary, type: 'DISCIPLINARY' }], followedBy: [{ id: claim, type: 'EMPLOYMENT_TRIBUNAL' }],
      links: expect.arrayContaining([{ id: disciplinary }, { id: claim }]),
    });
    expect(await read('secretary', claim)).toEqual({ follows: [{ id: appeal, type: 'APPEAL' }], followedBy: [], links: [{ id: appeal }] });
    // the rep reads the appeal alone: neither the case it follows nor the claim after it comes back
    expect(await read('rep', appeal)).toEqual({ follows: [], followedBy: [], links: [] });
    // unlinked, they are gone both ways
    ok(await t.as('secretary')('mutation($a: ID!, $c: ID!) { unlinkCases(data: { caseId: $a, linkedCaseId: $c }) }', { a: appeal, c: disciplinary }), 'unlinkCases');
    expect(await read('caseworker', disciplinary)).toEqual({ follows: [], followedBy: [], links: [] });
    expect((await read('caseworker', appeal)).follows).toEqual([]);
  });
});
