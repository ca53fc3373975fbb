import { addDays, ukToday } from '@rollcall/domain';
import { CaseCipher } from '../../apps/api/src/casework/crypto/case-cipher.js';
import { ENCRYPTED_COLUMNS } from '../../apps/api/src/casework/crypto/encrypted-columns.js';
import { rotateAll } from '../../apps/api/src/casework/crypto/rotate.js';
import { errorOf, type GqlResult, type Login, LOGINS, startTestApp, TEST_CASE_ENCRYPTION_KEYS, type TestApp } from '../fixtures/app.js';
import { PATCH_SITES, userIdOf } from '../fixtures/scope-targets.js';

/**
 * Casework through the API: a case's life from opening to closing (team, meetings, deadlines, notes,
 * links, outcome), deadlines computed across a bank holiday and a year end in the employer's nation,
 * field errors for bad input, text sealed in the database, and every read of case content audited.
 * (Who may see and do what, case by case: cases-authz.e2e; the database's own walls: rls-cases.e2e.)
 */
let t: TestApp;
const ids = { caseworker: '', rep: '', secretary: '', coalition: '', secretary2: '' };
/** Current staff of the demo branch on the demo rep's patch, one off it, and one of the second trust's. */
let members: string[] = [];
let offPatchMember = '';
let otherBranchMember = '';

const ok = <T = any>(res: GqlResult, key: string): T => {
  if (res.errors || !res.data?.[key]) throw new Error(`${key}: ${JSON.stringify(res.errors)}`);
  return res.data[key] as T;
};
const CREATE = 'mutation($d: CaseCreateInput!) { createCase(data: $d) { id status openedOn caseworkerId team { userId role } } }';
const UPDATE = 'mutation($id: ID!, $d: CaseUpdateInput!) { updateCase(id: $id, data: $d) { id status closedOn consentRecordedOn } }';

beforeAll(async () => {
  t = await startTestApp();
  for (const who of Object.keys(ids) as (keyof typeof ids)[]) ids[who] = await userIdOf(t, who as Login);
  const staff = (onPatch: boolean) => t.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) AND c.deleted_at IS NULL
    AND (c.leave_date IS NULL OR c.leave_date > current_date) AND w.site_id ${onPatch ? '' : 'NOT'} IN ${PATCH_SITES}
    AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id) ORDER BY c.last_name, c.id LIMIT 20`, [t.demoEmployerId, LOGINS.secretary]);
  members = (await staff(true)).map((r) => r.id);
  [{ id: offPatchMember }] = await staff(false);
  expect(members).toHaveLength(20);
  [{ id: otherBranchMember }] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 AND organisation_id = (SELECT organisation_id FROM app_user WHERE email = $2) LIMIT 1',
    [t.otherEmployerId, LOGINS.secretary]);
});
afterAll(async () => { await t?.close(); });

describe('a case from opening to closing', () => {
  let caseId = '';
  let appealId = '';

  it('is opened by a caseworker, who is its caseworker unless they name another', async () => {
    const kase = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[0], type: 'DISCIPLINARY', summary: 'Alleged breach of the uniform policy', consentToRepresentation: true } }), 'createCase');
    caseId = kase.id;
    expect(kase).toMatchObject({ status: 'OPEN', openedOn: ukToday(), caseworkerId: ids.caseworker, team: [{ userId: ids.caseworker, role: 'CASEWORKER' }] });
    // naming another caseworker keeps the opener on the team as second caseworker (or they could not follow it up)
    const other = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[1], type: 'GRIEVANCE', caseworkerId: ids.secretary, repId: ids.rep } }), 'createCase');
    expect(other.team.map((m: { userId: string; role: string }) => [m.role, m.userId]).sort()).toEqual(
      [['CASEWORKER', ids.secretary], ['REP', ids.rep], ['SECOND_CASEWORKER', ids.caseworker]].sort());
  });

  it('reads back with its member, team, summary and consent', async () => {
    const res = await t.as('caseworker')(`query($id: ID!) { Case(id: $id) { id type summary consentToRepresentation consentRecordedOn
      contact { id } employer { id bankHolidayRegion } team { userId role displayName } caseworkerName } }`, { id: caseId });
    expect(ok(res, 'Case')).toMatchObject({
      type: 'DISCIPLINARY', summary: 'Alleged breach of the uniform policy', consentToRepresentation: true, consentRecordedOn: ukToday(),
      contact: { id: members[0] }, employer: { id: t.demoEmployerId, bankHolidayRegion: 'ENGLAND_AND_WALES' },
      team: [{ userId: ids.caseworker, role: 'CASEWORKER', displayName: expect.stringMatching(/caseworker/) }], caseworkerName: expect.stringMatching(/caseworker/),
    });
  });

  it('gets meetings, custom deadlines and notes, and computes its deadlines from them', async () => {
    const hearing = addDays(ukToday(), 20);
    const meeting = ok(await t.as('caseworker')(`mutation($c: ID!, $d: String!) { createCaseMeeting(data: { caseId: $c, kind: DISCIPLINARY_HEARING, date: $d,
      time: "10:30", place: "Board room", panel: "Director of nursing", notes: "Bring the uniform policy" }) { id time notes } }`, { c: caseId, d: hearing }), 'createCaseMeeting');
    expect(meeting).toMatchObject({ time: '10:30', notes: 'Bring the uniform policy' });
    const custom = ok(await t.as('caseworker')('mutation($c: ID!, $d: String!) { createCaseCustomDeadline(data: { caseId: $c, label: "  Witness statement  ", due: $d }) { id label } }',
      { c: caseId, d: addDays(ukToday(), 5) }), 'createCaseCustomDeadline');
    expect(custom.label).toBe('Witness statement');
    ok(await t.as('caseworker')('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Member says the policy changed last month" }) { id } }', { c: caseId }), 'createCaseNote');
    ok(await t.as('caseworker')('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Rota shows the member was on nights" }) { id } }', { c: caseId }), 'createCaseNote');
    const res = ok(await t.as('caseworker')(`query($id: ID!) { Case(id: $id) { meetings { id } customDeadlines { id } notes { body authorName }
      deadlines { key rule due daysLeft meetingId customDeadlineId done source explanation inputs verified } } }`, { id: caseId }), 'Case');
    expect(res.meetings).toEqual([{ id: meeting.id }]);
    expect(res.customDeadlines).toEqual([{ id: custom.id }]);
    expect(res.notes.map((n: { body: string }) => n.body)).toEqual(['Rota shows the member was on nights', 'Member says the policy changed last month']);
    expect(res.notes[0].authorName).toMatch(/caseworker/);
    const s10 = res.deadlines.find((d: { rule: string }) => d.rule === 'S10_POSTPONEMENT');
    expect(s10).toMatchObject({ key: `s10:${meeting.id}`, meetingId: meeting.id, inputs: { proposedDate: hearing, workingDays: 5 }, verified: true });
    expect(s10.daysLeft).toBeGreaterThan(20);
    expect(s10.source).toMatch(/Employment Relations Act 1999/);
    expect(res.deadlines.find((d: { rule: string }) => d.rule === 'CUSTOM')).toMatchObject({ customDeadlineId: custom.id, daysLeft: 5, done: false });
    ok(await t.as('caseworker')('mutation($id: ID!) { updateCaseCustomDeadline(id: $id, data: { done: true }) { id } }', { id: custom.id }), 'updateCaseCustomDeadline');
    const after = ok(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { deadlines { rule done } } }', { id: caseId }), 'Case');
    expect(after.deadlines.find((d: { rule: string }) => d.rule === 'CUSTOM').done).toBe(true);
  });

  it("finds notes by their text for the case's team, and refuses the search to others", async () => {
    const found = await t.as('caseworker')('query($c: ID) { allCaseNotes(filter: { caseId: $c, q: "rota NIGHTS" }) { body } _allCaseNotesMeta(filter: { caseId: $c, q: "rota" }) { count } }', { c: caseId });
    expect(found.data).toEqual({ allCaseNotes: [{ body: 'Rota shows the member was on nights' }], _allCaseNotesMeta: { count: 1 } });
    // the secretary reads the notes (the branch's cases) but is not on this case's team: no search
    expect(ok(await t.as('secretary')('query($c: ID) { allCaseNotes(filter: { caseId: $c }) { id } }', { c: caseId }), 'allCaseNotes')).toHaveLength(2);
    expect(errorOf(await t.as('secretary')('query($c: ID) { allCaseNotes(filter: { caseId: $c, q: "rota" }) { id } }', { c: caseId })).code).toBe('FORBIDDEN');
    // and a search without a case looks only at the caller's own cases' notes
    expect(ok(await t.as('secretary')('{ allCaseNotes(filter: { q: "rota" }) { id } }'), 'allCaseNotes') ?? []).toEqual([]);
  });

  it('is listed and filtered: mine, open, status, type, member name, caseworker, member', async () => {
    const [{ last_name: lastName }] = await t.sql('SELECT last_name FROM contact WHERE id = $1', [members[0]]);
    const list = async (filter: Record<string, unknown>, who: Login = 'caseworker') => (ok<{ id: string }[]>(
      await t.as(who)('query($f: CaseFilter) { allCases(filter: $f, perPage: 500) { id } }', { f: filter }), 'allCases')).map((c) => c.id);
    expect(await list({ mine: true })).toContain(caseId);
    expect(await list({ open: true, type: 'DISCIPLINARY' })).toContain(caseId);
    expect(await list({ open: false })).not.toContain(caseId);
    expect(await list({ status: 'OPEN', q: lastName })).toContain(caseId);
    expect(await list({ q: 'Zzyzx-nobody' })).toEqual([]);
    expect(await list({ caseworkerId: ids.caseworker, contactId: members[0] })).toEqual([caseId]);
    expect(await list({ caseworkerId: ids.secretary, contactId: members[0] })).toEqual([]);
    // the member's page shows their cases to those who read them, and that one is open to those who may know
    const contact = await t.as('caseworker')('query($id: ID!) { Contact(id: $id) { hasOpenCase cases { id } } }', { id: members[0] });
    expect(contact.data?.Contact).toEqual({ hasOpenCase: true, cases: [{ id: caseId }] });
    const [{ n }] = await t.sql("SELECT count(*)::int AS n FROM case_file WHERE branch_id IN (SELECT branch_id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1) AND deleted_at IS NULL", [LOGINS.secretary]);
    expect(ok(await t.as('secretary')('{ _allCasesMeta { count } }'), '_allCasesMeta')).toEqual({ count: n });
  });

  it('links an appeal to it, and unlinks it', async () => {
    appealId = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[0], type: 'APPEAL' } }), 'createCase').id;
    ok(await t.as('caseworker')('mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: appealId, c: caseId }), 'linkCases');
    // again: no second link
    ok(await t.as('caseworker')('mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: appealId, c: caseId }), 'linkCases');
    const links = await t.as('caseworker')('query($a: ID!, $c: ID!) { a: Case(id: $a) { links { id } } c: Case(id: $c) { links { id } } }', { a: appealId, c: caseId });
    expect(links.data).toEqual({ a: { links: [{ id: caseId }] }, c: { links: [{ id: appealId }] } });
    // only an appeal or a claim follows another case, and only one of the same member
    expect(errorOf(await t.as('caseworker')('mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: caseId, c: appealId })).fields)
      .toEqual({ caseId: 'only an appeal or a tribunal claim links to the case it follows' });
    const stranger = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[2], type: 'GRIEVANCE' } }), 'createCase').id;
    expect(errorOf(await t.as('caseworker')('mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: appealId, c: stranger })).fields)
      .toEqual({ linkedCaseId: 'must be another case of the same member' });
    const unlink = 'mutation($a: ID!, $c: ID!) { unlinkCases(data: { caseId: $a, linkedCaseId: $c }) }';
    expect(ok(await t.as('caseworker')(unlink, { a: appealId, c: caseId }), 'unlinkCases')).toBe(true);
    expect((await t.as('caseworker')(unlink, { a: appealId, c: caseId })).data?.unlinkCases).toBe(false);
  });

  it('takes an outcome that fits its type, closes (dated today) and reopens', async () => {
    expect(errorOf(await t.as('caseworker')(UPDATE, { id: caseId, d: { outcome: 'UPHELD' } })).fields).toEqual({ outcome: 'is not an outcome of a disciplinary case' });
    ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { outcome: 'FIRST_WRITTEN_WARNING', outcomeLetterDate: ukToday() } }), 'updateCase');
    expect(ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { status: 'CLOSED' } }), 'updateCase')).toMatchObject({ status: 'CLOSED', closedOn: ukToday() });
    expect(ok(await t.as('caseworker')('query($id: ID!) { Contact(id: $id) { hasOpenCase } }', { id: members[2] }), 'Contact').hasOpenCase).toBe(true);
    expect(ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { status: 'OPEN' } }), 'updateCase')).toMatchObject({ status: 'OPEN', closedOn: null });
    expect(ok(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { outcome } }', { id: caseId }), 'Case').outcome).toBe('FIRST_WRITTEN_WARNING');
  });

  it('is staffed by the branch secretary, who alone (with the admins) may delete it', async () => {
    expect(errorOf(await t.as('caseworker')('mutation($id: ID!, $u: ID!) { setCaseTeam(caseId: $id, data: { caseworkerId: $u }) { id } }', { id: appealId, u: ids.caseworker })).code).toBe('FORBIDDEN');
    const team = await t.as('secretary')('mutation($id: ID!, $u: ID!, $r: ID!) { setCaseTeam(caseId: $id, data: { caseworkerId: $u, repId: $r }) { team { userId role } } }',
      { id: appealId, u: ids.caseworker, r: ids.rep });
    expect(ok(team, 'setCaseTeam').team).toEqual([{ userId: ids.caseworker, role: 'CASEWORKER' }, { userId: ids.rep, role: 'REP' }]);
    // what each may do, as the case itself says (for the web app's buttons)
    const rights = 'query($id: ID!) { Case(id: $id) { myPlace mayChange mayAddNote mayManage } }';
    expect(ok(await t.as('caseworker')(rights, { id: appealId }), 'Case')).toEqual({ myPlace: 'CASEWORKER', mayChange: true, mayAddNote: true, mayManage: false });
    expect(ok(await t.as('rep')(rights, { id: appealId }), 'Case')).toEqual({ myPlace: 'REP', mayChange: false, mayAddNote: true, mayManage: false });
    expect(ok(await t.as('secretary')(rights, { id: appealId }), 'Case')).toEqual({ myPlace: null, mayChange: true, mayAddNote: true, mayManage: true });
    // the rep now reads the appeal and may add a note to it, but change nothing else
    expect(ok(await t.as('rep')('query($id: ID!) { Case(id: $id) { id } }', { id: appealId }), 'Case')).toEqual({ id: appealId });
    ok(await t.as('rep')('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Spoke to the member on the ward" }) { id } }', { c: appealId }), 'createCaseNote');
    expect(errorOf(await t.as('rep')(UPDATE, { id: appealId, d: { status: 'AWAITING_MEETING' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await t.as('caseworker')('mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: appealId })).code).toBe('FORBIDDEN');
    ok(await t.as('secretary')('mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: appealId }), 'deleteCase');
    expect(errorOf(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { id } }', { id: appealId })).code).toBe('NOT_FOUND');
    // kept for history, marked deleted
    expect((await t.sql('SELECT deleted_at IS NOT NULL AS gone FROM case_file WHERE id = $1', [appealId]))[0].gone).toBe(true);
  });

  it('opens once per client-made id', async () => {
    const id = '7d4f2c8e-3b1a-4c5d-9e6f-0a1b2c3d4e5f';
    const first = ok(await t.as('caseworker')(CREATE, { d: { id, contactId: members[3], type: 'CAPABILITY' } }), 'createCase');
    const again = ok(await t.as('caseworker')(CREATE, { d: { id, contactId: members[3], type: 'CAPABILITY' } }), 'createCase');
    expect([first.id, again.id]).toEqual([id, id]);
    expect((await t.sql('SELECT count(*)::int AS n FROM case_file WHERE id = $1', [id]))[0].n).toBe(1);
    expect(errorOf(await t.as('secretary')(CREATE, { d: { id, contactId: members[3], type: 'CAPABILITY' } })).fields).toEqual({ id: expect.stringMatching(/already in use/) });
  });
});

describe('deadlines through the API, in the employer\'s nation', () => {
  let caseId = '';
  const deadlines = async () => ok(await t.as('caseworker')('query($id: ID!) { Case(id: $id) { deadlines { rule due inputs verified caveats } } }', { id: caseId }), 'Case').deadlines as
    { rule: string; due: string; inputs: Record<string, unknown>; verified: boolean; caveats: string[] }[];
  const region = async (r: string) => ok(await t.as('secretary')('mutation($id: ID!, $r: BankHolidayRegion) { updateEmployer(id: $id, data: { bankHolidayRegion: $r }) { id } }',
    { id: t.demoEmployerId, r }), 'updateEmployer');

  beforeAll(async () => {
    caseId = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[4], type: 'DISCIPLINARY', openedOn: '2026-11-02' } }), 'createCase').id;
  });
  afterAll(async () => { await region('ENGLAND_AND_WALES'); });

  it('moves the s.10 date past Christmas, Boxing Day and New Year: a day later in Scotland (2 January)', async () => {
    ok(await t.as('caseworker')('mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: DISCIPLINARY_HEARING, date: "2026-12-23" }) { id } }', { c: caseId }), 'createCaseMeeting');
    expect((await deadlines()).find((d) => d.rule === 'S10_POSTPONEMENT')).toMatchObject({ due: '2027-01-04', inputs: { region: 'ENGLAND_AND_WALES' }, verified: true });
    await region('SCOTLAND');
    expect((await deadlines()).find((d) => d.rule === 'S10_POSTPONEMENT')).toMatchObject({ due: '2027-01-05', inputs: { region: 'SCOTLAND' } });
    await region('ENGLAND_AND_WALES');
  });

  it("closes the appeal window by the employer's policy once entered, the default until then", async () => {
    ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { outcomeLetterDate: '2026-12-18' } }), 'updateCase');
    expect((await deadlines()).find((d) => d.rule === 'APPEAL_WINDOW')).toMatchObject({ due: '2027-01-06', inputs: { policy: 'DEFAULT' } });
    ok(await t.as('secretary')('mutation($id: ID!) { updateEmployer(id: $id, data: { appealDays: 14, appealCounting: CALENDAR }) { appealDays appealCounting } }',
      { id: t.demoEmployerId }), 'updateEmployer');
    expect((await deadlines()).find((d) => d.rule === 'APPEAL_WINDOW')).toMatchObject({ due: '2027-01-01', inputs: { policy: 'EMPLOYER', days: 14 } });
    ok(await t.as('secretary')('mutation($id: ID!) { updateEmployer(id: $id, data: { appealDays: null, appealCounting: null }) { id } }', { id: t.demoEmployerId }), 'updateEmployer');
  });

  it('gives the tribunal limit from the act, extended by early conciliation', async () => {
    ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { actDate: '2026-09-15' } }), 'updateCase');
    expect((await deadlines()).find((d) => d.rule === 'TRIBUNAL_LIMIT')).toMatchObject({ due: '2026-12-14', inputs: { actDate: '2026-09-15', limitMonths: 3 } });
    ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { earlyConciliationStart: '2026-12-01', earlyConciliationCertificate: '2026-12-20' } }), 'updateCase');
    const limit = (await deadlines()).find((d) => d.rule === 'TRIBUNAL_LIMIT')!;
    expect(limit.inputs).toMatchObject({ earlyConciliationStart: '2026-12-01', earlyConciliationCertificate: '2026-12-20', status: 'EC_CERTIFIED' });
    expect(limit.due > '2026-12-14').toBe(true);
  });
});

describe('bad input', () => {
  const fields = async (who: Login, query: string, variables: Record<string, unknown>) => {
    const res = await t.as(who)(query, variables);
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    return errorOf(res).fields;
  };
  let caseId = '';
  beforeAll(async () => {
    caseId = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[5], type: 'GRIEVANCE' } }), 'createCase').id;
  });

  it('gets a field error for each bad field, and changes nothing', async () => {
    const [{ n: before }] = await t.sql('SELECT count(*)::int AS n FROM case_file');
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', openedOn: '2026-02-30' } })).toEqual({ openedOn: 'openedOn must be a real calendar date' });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', openedOn: addDays(ukToday(), 3) } })).toEqual({ openedOn: 'must not be in the future' });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', earlyConciliationStart: '2026-10-01' } }))
      .toEqual({ earlyConciliationStart: 'Enter the date of the act complained of first' });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', actDate: '1999-12-31' } })).toEqual({ actDate: expect.stringMatching(/between 2000 and 2099/) });
    expect(await fields('caseworker', CREATE, { d: { contactId: otherBranchMember, type: 'GRIEVANCE' } })).toEqual({ contactId: 'does not exist' });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', repId: ids.coalition } }))
      .toEqual({ repId: "must be a rep, caseworker, secretary or admin of the member's branch" });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', caseworkerId: ids.secretary2 } }))
      .toEqual({ caseworkerId: "must be a caseworker, secretary or admin of the member's branch" });
    expect(await fields('caseworker', CREATE, { d: { contactId: offPatchMember, type: 'GRIEVANCE', repId: ids.rep } }))
      .toEqual({ repId: "must be a rep whose patch the member works on (the member's current ward is on none of their sites)" });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', caseworkerId: ids.caseworker, secondCaseworkerId: ids.caseworker } }))
      .toEqual({ secondCaseworkerId: 'is already on the team' });
    expect(await fields('caseworker', CREATE, { d: { contactId: members[5], type: 'GRIEVANCE', caseworkerId: ids.secretary, secondCaseworkerId: ids.secretary2 } }))
      .toEqual({ secondCaseworkerId: expect.stringMatching(/be its caseworker or second caseworker/) });
    expect((await t.sql('SELECT count(*)::int AS n FROM case_file'))[0].n).toBe(before);
  });

  it('refuses bad changes, meetings, deadlines and notes with field errors', async () => {
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { closedOn: '2026-01-01' } })).toEqual({ closedOn: expect.stringMatching(/closed case/) });
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { status: 'CLOSED', closedOn: '2000-01-01' } })).toEqual({ closedOn: 'must not be before openedOn' });
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { outcome: 'DISMISSAL' } })).toEqual({ outcome: 'is not an outcome of a grievance case' });
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { summary: 'x'.repeat(10_001) } })).toEqual({ summary: expect.stringMatching(/shorter than or equal to 10000/) });
    expect(await fields('caseworker', 'mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: OTHER, date: "2026-12-01", time: "25:00" }) { id } }', { c: caseId }))
      .toEqual({ time: 'time must be a time of day as HH:MM' });
    expect(await fields('caseworker', 'mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: OTHER, date: "1899-12-01" }) { id } }', { c: caseId }))
      .toEqual({ date: 'must be a date from 2000 to 2099' });
    expect(await fields('caseworker', 'mutation($c: ID!) { createCaseCustomDeadline(data: { caseId: $c, label: "   ", due: "2026-12-01" }) { id } }', { c: caseId }))
      .toEqual({ label: 'label is required' });
    expect(await fields('caseworker', 'mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "" }) { id } }', { c: caseId })).toEqual({ body: 'body is required' });
    expect(await fields('caseworker', 'mutation { createCaseNote(data: { caseId: "00000000-0000-4000-8000-000000000000", body: "x" }) { id } }', {})).toEqual({ caseId: 'does not exist' });
    expect(await fields('caseworker', 'mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "x", writtenAt: "2099-01-01T00:00:00Z" }) { id } }', { c: caseId }))
      .toEqual({ writtenAt: 'must not be in the future' });
    expect(await fields('secretary', 'mutation($id: ID!) { updateEmployer(id: $id, data: { appealDays: 0, appealCounting: WORKING }) { id } }', { id: t.demoEmployerId }))
      .toEqual({ appealDays: 'appealDays must be from 1 to 90' });
    expect(await fields('secretary', 'mutation($id: ID!) { updateEmployer(id: $id, data: { appealDays: 10 }) { id } }', { id: t.demoEmployerId }))
      .toEqual({ appealDays: expect.stringMatching(/together, or neither/) });
    expect(await fields('caseworker', 'query { allCases(sortField: "summary") { id } }', {})).toEqual({ sortField: expect.stringMatching(/cannot sort by "summary"/) });
  });

  it('refuses null for what an update may leave out but not clear, with a field error (the fuzz run found a 500)', async () => {
    const deadline = ok(await t.as('caseworker')('mutation($c: ID!) { createCaseCustomDeadline(data: { caseId: $c, label: "Nulls", due: "2026-12-01" }) { id } }',
      { c: caseId }), 'createCaseCustomDeadline').id;
    const meeting = ok(await t.as('caseworker')('mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: OTHER, date: "2026-12-01" }) { id } }', { c: caseId }), 'createCaseMeeting').id;
    const custom = 'mutation($id: ID!, $d: CaseCustomDeadlineUpdateInput!) { updateCaseCustomDeadline(id: $id, data: $d) { id } }';
    expect(await fields('caseworker', custom, { id: deadline, d: { label: null } })).toEqual({ label: expect.any(String) });
    expect(await fields('caseworker', custom, { id: deadline, d: { due: null } })).toEqual({ due: expect.any(String) });
    expect(await fields('caseworker', custom, { id: deadline, d: { done: null } })).toEqual({ done: expect.any(String) });
    const meet = 'mutation($id: ID!, $d: CaseMeetingUpdateInput!) { updateCaseMeeting(id: $id, data: $d) { id } }';
    expect(await fields('caseworker', meet, { id: meeting, d: { kind: null } })).toEqual({ kind: expect.any(String) });
    expect(await fields('caseworker', meet, { id: meeting, d: { date: null } })).toEqual({ date: expect.any(String) });
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { type: null } })).toEqual({ type: expect.any(String) });
    expect(await fields('caseworker', UPDATE, { id: caseId, d: { status: null } })).toEqual({ status: expect.any(String) });
    // what may be cleared still may be
    ok(await t.as('caseworker')(meet, { id: meeting, d: { place: null, time: null, notes: null, panel: null } }), 'updateCaseMeeting');
    ok(await t.as('caseworker')(UPDATE, { id: caseId, d: { summary: null, outcomeLetterDate: null } }), 'updateCase');
    // and nothing changed
    const [row] = await t.sql('SELECT label, due::text AS due, done FROM case_custom_deadline WHERE id = $1', [deadline]);
    expect(row).toEqual({ label: 'Nulls', due: '2026-12-01', done: false });
  });
});

describe('case content at rest', () => {
  it('is sealed: the raw rows hold no plaintext, and decrypt with the configured key', async () => {
    const caseId = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[6], type: 'WHISTLEBLOWING', summary: 'Raised concerns about falsified observations' } }), 'createCase').id;
    ok(await t.as('caseworker')('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "The ward sister asked her to backdate the charts" }) { id } }', { c: caseId }), 'createCaseNote');
    ok(await t.as('caseworker')('mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: OTHER, date: "2026-12-02", notes: "Protected disclosure made to the freedom to speak up guardian" }) { id } }',
      { c: caseId }), 'createCaseMeeting');
    const [row] = await t.sql(`SELECT k.summary, n.body, m.notes FROM case_file k JOIN case_note n ON n.case_id = k.id JOIN case_meeting m ON m.case_id = k.id WHERE k.id = $1`, [caseId]);
    const cipher = new CaseCipher(TEST_CASE_ENCRYPTION_KEYS);
    for (const [sealed, plain] of [[row.summary, 'falsified observations'], [row.body, 'backdate the charts'], [row.notes, 'freedom to speak up']] as [Buffer, string][]) {
      expect(Buffer.isBuffer(sealed)).toBe(true);
      expect(sealed.includes(Buffer.from(plain, 'utf8'))).toBe(false);
      expect(sealed.toString('latin1')).not.toContain(plain);
      expect(cipher.keyIdOf(sealed)).toBe(cipher.currentKeyId);
      expect(cipher.decryptText(sealed)).toContain(plain);
    }
    // nor does the audit log keep the text
    const [{ text }] = await t.sql("SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') AS text FROM audit_event WHERE after ->> 'caseId' = $1::text OR entity_id = $1::uuid", [caseId]);
    expect(text).not.toMatch(/falsified|backdate|speak up/);
  });

  it('moves onto a new key with keys:rotate over every sealed case column, and reads the same', async () => {
    const old = new CaseCipher(TEST_CASE_ENCRYPTION_KEYS);
    const before = await t.sql('SELECT id, summary FROM case_file WHERE summary IS NOT NULL ORDER BY id');
    expect(before.length).toBeGreaterThan(5); // the demo cases and this file's
    const rotated = new CaseCipher(`next-1:${Buffer.alloc(32, 7).toString('base64')},${TEST_CASE_ENCRYPTION_KEYS}`);
    const report = await rotateAll((sql, params) => t.sql(sql, params), rotated, ENCRYPTED_COLUMNS);
    expect(JSON.stringify(report)).toMatch(/case_note/);
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const stale = await t.sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} IS NOT NULL AND substring(${column} from 1 for ${CaseCipher.header('next-1').length}) <> $1`,
        [CaseCipher.header('next-1')]);
      expect([table, stale[0].n]).toEqual([table, 0]);
    }
    const after = await t.sql('SELECT id, summary FROM case_file WHERE summary IS NOT NULL ORDER BY id');
    expect(after.map((r) => rotated.decryptText(r.summary))).toEqual(before.map((r) => old.decryptText(r.summary)));
    // and back, for the rest of this file (the app holds the test key only)
    await rotateAll((sql, params) => t.sql(sql, params), new CaseCipher(`${TEST_CASE_ENCRYPTION_KEYS},next-1:${Buffer.alloc(32, 7).toString('base64')}`), ENCRYPTED_COLUMNS);
  });
});

describe('every read of case content is audited', () => {
  let caseId = '';
  let meetingId = '';
  let noteId = '';
  beforeAll(async () => {
    caseId = ok(await t.as('caseworker')(CREATE, { d: { contactId: members[7], type: 'BULLYING_HARASSMENT', summary: 'Comments about her accent', repId: ids.rep } }), 'createCase').id;
    meetingId = ok(await t.as('caseworker')('mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: INVESTIGATION, date: "2026-12-03" }) { id } }', { c: caseId }), 'createCaseMeeting').id;
    noteId = ok(await t.as('caseworker')('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Two witnesses" }) { id } }', { c: caseId }), 'createCaseNote').id;
  });

  const READ = 'query($id: ID!) { Case(id: $id) { summary outcome deadlines { key } meetings { id } notes { id body } } }';
  const reads = async (email: string, since: Date) => t.sql(`SELECT entity_type, entity_id, employer_id, after FROM audit_event
    WHERE action = 'READ' AND actor_email = $1 AND created_at >= $2 ORDER BY entity_type, entity_id`, [email, since]);

  it.each(Object.keys(LOGINS) as Login[])('as %s: one READ entry per record read, naming what was read, or none', async (who) => {
    const [{ mark }] = await t.sql('SELECT clock_timestamp() AS mark');
    const res = await t.as(who)(READ, { id: caseId });
    const entries = await reads(LOGINS[who], mark);
    const reader = ['admin', 'secretary', 'caseworker', 'rep'].includes(who);
    if (!reader) {
      expect(res.data?.Case ?? null).toBeNull();
      expect(entries).toEqual([]);
      return;
    }
    expect(ok(res, 'Case').summary).toBe('Comments about her accent');
    expect(entries).toEqual([
      { entity_type: 'Case', entity_id: caseId, employer_id: t.demoEmployerId, after: { caseId, read: expect.arrayContaining(['summary', 'outcome', 'deadlines']) } },
      { entity_type: 'CaseMeeting', entity_id: meetingId, employer_id: t.demoEmployerId, after: { caseId, read: ['meeting'] } },
      { entity_type: 'CaseNote', entity_id: noteId, employer_id: t.demoEmployerId, after: { caseId, read: ['note'] } },
    ]);
    expect(entries[0].after.read).toHaveLength(3);
  });

  it('writes no READ entry for a list without content, and one per meeting or note listed', async () => {
    const [{ mark }] = await t.sql('SELECT clock_timestamp() AS mark');
    ok(await t.as('caseworker')('{ allCases(perPage: 50) { id type status openedOn team { role } } }'), 'allCases');
    expect(await reads(LOGINS.caseworker, mark)).toEqual([]);
    ok(await t.as('caseworker')('query($c: ID) { allCaseMeetings(filter: { caseId: $c }) { id } allCaseNotes(filter: { caseId: $c }) { id } }', { c: caseId }), 'allCaseMeetings');
    expect((await reads(LOGINS.caseworker, mark)).map((e) => e.entity_id).sort()).toEqual([meetingId, noteId].sort());
  });

  it("lets only the admins of the member's branch read those entries", async () => {
    const q = 'query($id: ID!) { allAuditEvents(filter: { action: READ, entityId: $id }) { id actorEmail } }';
    expect(ok(await t.as('admin')(q, { id: caseId }), 'allAuditEvents').length).toBeGreaterThanOrEqual(4);
    expect(errorOf(await t.as('secretary')(q, { id: caseId })).code).toBe('FORBIDDEN');
  });
});
