import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { type GqlResult, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { cloneRow, PATCH_SITES, userIdOf } from '../fixtures/scope-targets.js';

/**
 * The casework dimension of the authorisation matrix: every case query and mutation × every demo
 * login × a case in each case scope: the demo caseworker's own case (the demo rep on its team too),
 * another caseworker's case in the same branch, a case in another branch of the organisation, and one
 * in another organisation. Each cell must come out exactly as the table says: seen (or done), hidden
 * (not found, absent, zero, "does not exist") or refused (FORBIDDEN). Then the lists and counts each
 * login gets hold exactly the cases the rule gives (their teams', and their branches' as secretary or
 * admin), and a search by the member's name finds nothing more. A case root field without a cell fails.
 */
type CaseScope = 'own' | 'colleague' | 'otherBranch' | 'otherOrg';
const SCOPES: CaseScope[] = ['own', 'colleague', 'otherBranch', 'otherOrg'];
type Outcome = 'S' | '-' | 'R';
const NAME: Record<Outcome, string> = { S: 'seen', '-': 'hidden', R: 'refused' };

/**
 * What each login gets in each scope (own, colleague, other branch, other organisation): S seen or
 * done, - hidden, R refused. read: the case and its content; existence: Contact.hasOpenCase; change:
 * the case, its meetings, deadlines and links; note: add a note; manage: staff or delete it; open: a
 * case for the scope's member; search: the notes' text; document: delete a document someone else uploaded.
 */
type Access = 'read' | 'existence' | 'change' | 'note' | 'manage' | 'open' | 'search' | 'document';
const EXPECT: Record<Access, Record<Login, string>> = {
  read: { admin: 'SS--', secretary: 'SS--', caseworker: 'S---', rep: 'S---', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  // the rep may not know whether anyone has a case (null: hidden); the coalition sees no one at all
  existence: { admin: 'SS--', secretary: 'SS--', caseworker: 'SS--', rep: '----', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  change: { admin: 'SS--', secretary: 'SS--', caseworker: 'S---', rep: 'RRRR', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  note: { admin: 'SS--', secretary: 'SS--', caseworker: 'S---', rep: 'S---', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  // a caseworker reads their own case but only the branch's secretary and admins staff or delete it
  manage: { admin: 'SS--', secretary: 'SS--', caseworker: 'R---', rep: 'RRRR', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  open: { admin: 'SS--', secretary: 'SS--', caseworker: 'SS--', rep: 'RRRR', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
  // the case team only: refused to everyone else, whether or not they read the case (and whether or not it exists)
  search: { admin: 'RRRR', secretary: 'RRRR', caseworker: 'SRRR', rep: 'SRRR', coalition: 'RRRR', secretary2: 'RRSR', bmaSecretary: 'RRRS' },
  // those who may change the case (a rep on the team deletes only what they uploaded themselves)
  document: { admin: 'SS--', secretary: 'SS--', caseworker: 'S---', rep: 'R---', coalition: 'RRRR', secretary2: '--S-', bmaSecretary: '---S' },
};

interface Target { caseId: string; appealId: string; meetingId: string; noteId: string; deadlineId: string; documentId: string; contactId: string; lastName: string }
const targets = {} as Record<CaseScope, Target>;
let t: TestApp;
let colleague = '';

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const unexpected = (r: GqlResult) => `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
/** A record (or a mutation's answer): seen, NOT_FOUND or "does not exist", or FORBIDDEN. */
const single = (key: string) => (r: GqlResult): Outcome | string => {
  if (code(r) === 'FORBIDDEN') return 'R';
  if (r.data?.[key] !== undefined && r.data?.[key] !== null && !r.errors) return 'S';
  if (code(r) === 'NOT_FOUND') return '-';
  if (code(r) === 'BAD_USER_INPUT' && Object.values(r.errors?.[0]?.extensions?.fields ?? {}).some((m) => /does not exist/.test(m))) return '-';
  return unexpected(r);
};
/** A list or a count: seen when not empty. */
const listed = (key: string) => (r: GqlResult): Outcome | string => {
  if (code(r) === 'FORBIDDEN') return 'R';
  const v = r.data?.[key];
  if (Array.isArray(v)) return v.length ? 'S' : '-';
  if (v && typeof v.count === 'number') return v.count ? 'S' : '-';
  return unexpected(r);
};
/** A field of the member's contact record: seen when it holds the case (or says one is open). */
const onContact = (field: string, holds: (v: any, x: Target) => boolean) => (r: GqlResult, x: Target): Outcome | string => {
  if (code(r) === 'FORBIDDEN') return 'R';
  if (code(r) === 'NOT_FOUND') return '-';
  if (r.data?.Contact) return holds(r.data.Contact[field], x) ? 'S' : '-';
  return unexpected(r);
};

interface Cell { access: Access; field: string; op: (x: Target, scope: CaseScope) => Promise<[string, Record<string, unknown>]>; outcome: (r: GqlResult, x: Target) => Outcome | string }

/** A copy of a scope's case (with its team), of one of its meetings or custom deadlines: for deletions. */
async function sacrificialCase(x: Target): Promise<string> {
  const id = await cloneRow(t, 'case_file', x.caseId);
  await t.sql('INSERT INTO case_team (case_id, user_id, role) SELECT $1, user_id, role FROM case_team WHERE case_id = $2', [id, x.caseId]);
  return id;
}
/** The scope case's team, as setCaseTeam takes it (the same team: the cell changes nobody's access). */
async function teamOf(caseId: string): Promise<Record<string, string>> {
  const rows = await t.sql('SELECT user_id, role FROM case_team WHERE case_id = $1', [caseId]);
  const by = (role: string) => rows.find((r) => r.role === role)?.user_id;
  return { caseworkerId: by('CASEWORKER'), ...(by('SECOND_CASEWORKER') ? { secondCaseworkerId: by('SECOND_CASEWORKER') } : {}), ...(by('REP') ? { repId: by('REP') } : {}) };
}

const CELLS: Cell[] = [
  // reading a case, and everything under it, by id, list, count and filter
  { access: 'read', field: 'Case', op: async (x) => ['query($id: ID!) { Case(id: $id) { id summary } }', { id: x.caseId }], outcome: single('Case') },
  { access: 'read', field: 'allCases', op: async (x) => ['query($ids: [String!]) { allCases(filter: { ids: $ids }) { id } }', { ids: [x.caseId] }], outcome: listed('allCases') },
  { access: 'read', field: '_allCasesMeta', op: async (x) => ['query($ids: [String!]) { _allCasesMeta(filter: { ids: $ids }) { count } }', { ids: [x.caseId] }], outcome: listed('_allCasesMeta') },
  { access: 'read', field: 'allCases', op: async (x) => ['query($c: ID) { allCases(filter: { contactId: $c, type: DISCIPLINARY }) { id } }', { c: x.contactId }], outcome: listed('allCases') },
  { access: 'read', field: 'allCases', op: async (x) => ['query($q: String) { allCases(filter: { q: $q, open: true, type: DISCIPLINARY }, perPage: 500) { id } }', { q: x.lastName }],
    outcome: (r, x) => (listed('allCases')(r) === 'R' ? 'R' : r.data?.allCases?.some((c: { id: string }) => c.id === x.caseId) ? 'S' : Array.isArray(r.data?.allCases) ? '-' : unexpected(r)) },
  // the open cases with no next step (the appeal has no meeting and no deadline) and the deadlines across cases
  { access: 'read', field: 'allCases', op: async (x) => ['query($ids: [String!]) { allCases(filter: { ids: $ids, noNextStep: true }) { id } }', { ids: [x.appealId] }], outcome: listed('allCases') },
  { access: 'read', field: '_allCasesMeta', op: async (x) => ['query($ids: [String!]) { _allCasesMeta(filter: { ids: $ids, noNextStep: true }) { count } }', { ids: [x.appealId] }],
    outcome: listed('_allCasesMeta') },
  { access: 'read', field: 'allCaseDeadlines', op: async (x) => ['query($c: ID) { allCaseDeadlines(filter: { caseId: $c, includeDone: true }, perPage: 500) { caseId key } }', { c: x.caseId }],
    outcome: listed('allCaseDeadlines') },
  { access: 'read', field: '_allCaseDeadlinesMeta', op: async (x) => ['query($c: ID) { _allCaseDeadlinesMeta(filter: { caseId: $c, includeDone: true }) { count } }', { c: x.caseId }],
    outcome: listed('_allCaseDeadlinesMeta') },
  { access: 'read', field: 'Contact.cases', op: async (x) => ['query($id: ID!) { Contact(id: $id) { cases { id } } }', { id: x.contactId }],
    outcome: onContact('cases', (v: { id: string }[], x) => v.some((c) => c.id === x.caseId)) },
  { access: 'existence', field: 'Contact.hasOpenCase', op: async (x) => ['query($id: ID!) { Contact(id: $id) { hasOpenCase } }', { id: x.contactId }], outcome: onContact('hasOpenCase', (v) => v === true) },
  { access: 'read', field: 'CaseMeeting', op: async (x) => ['query($id: ID!) { CaseMeeting(id: $id) { id notes } }', { id: x.meetingId }], outcome: single('CaseMeeting') },
  { access: 'read', field: 'allCaseMeetings', op: async (x) => ['query($c: ID) { allCaseMeetings(filter: { caseId: $c }) { id } }', { c: x.caseId }], outcome: listed('allCaseMeetings') },
  { access: 'read', field: '_allCaseMeetingsMeta', op: async (x) => ['query($c: ID) { _allCaseMeetingsMeta(filter: { caseId: $c }) { count } }', { c: x.caseId }], outcome: listed('_allCaseMeetingsMeta') },
  { access: 'read', field: 'CaseNote', op: async (x) => ['query($id: ID!) { CaseNote(id: $id) { id body } }', { id: x.noteId }], outcome: single('CaseNote') },
  { access: 'read', field: 'allCaseNotes', op: async (x) => ['query($c: ID) { allCaseNotes(filter: { caseId: $c }) { id } }', { c: x.caseId }], outcome: listed('allCaseNotes') },
  { access: 'read', field: '_allCaseNotesMeta', op: async (x) => ['query($c: ID) { _allCaseNotesMeta(filter: { caseId: $c }) { count } }', { c: x.caseId }], outcome: listed('_allCaseNotesMeta') },
  { access: 'search', field: 'allCaseNotes', op: async (x) => ['query($c: ID) { allCaseNotes(filter: { caseId: $c, q: "authz matrix" }) { id } }', { c: x.caseId }], outcome: listed('allCaseNotes') },
  { access: 'read', field: 'CaseCustomDeadline', op: async (x) => ['query($id: ID!) { CaseCustomDeadline(id: $id) { id } }', { id: x.deadlineId }], outcome: single('CaseCustomDeadline') },
  { access: 'read', field: 'allCaseCustomDeadlines', op: async (x) => ['query($c: ID) { allCaseCustomDeadlines(filter: { caseId: $c }) { id } }', { c: x.caseId }], outcome: listed('allCaseCustomDeadlines') },
  { access: 'read', field: '_allCaseCustomDeadlinesMeta', op: async (x) => ['query($c: ID) { _allCaseCustomDeadlinesMeta(filter: { caseId: $c }) { count } }', { c: x.caseId }],
    outcome: listed('_allCaseCustomDeadlinesMeta') },
  // changing it
  { access: 'change', field: 'updateCase', op: async (x) => ['mutation($id: ID!) { updateCase(id: $id, data: { consentToRepresentation: true }) { id } }', { id: x.caseId }], outcome: single('updateCase') },
  { access: 'change', field: 'createCaseMeeting', op: async (x) => ['mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: OTHER, date: "2026-12-15" }) { id } }', { c: x.caseId }],
    outcome: single('createCaseMeeting') },
  { access: 'change', field: 'updateCaseMeeting', op: async (x) => ['mutation($id: ID!) { updateCaseMeeting(id: $id, data: { place: "Room 9" }) { id } }', { id: x.meetingId }], outcome: single('updateCaseMeeting') },
  { access: 'change', field: 'deleteCaseMeeting', op: async (x) => ['mutation($id: ID!) { deleteCaseMeeting(id: $id) { id } }', { id: await cloneRow(t, 'case_meeting', x.meetingId) }],
    outcome: single('deleteCaseMeeting') },
  { access: 'change', field: 'createCaseCustomDeadline', op: async (x) => ['mutation($c: ID!) { createCaseCustomDeadline(data: { caseId: $c, label: "Matrix", due: "2026-12-15" }) { id } }', { c: x.caseId }],
    outcome: single('createCaseCustomDeadline') },
  { access: 'change', field: 'updateCaseCustomDeadline', op: async (x) => ['mutation($id: ID!) { updateCaseCustomDeadline(id: $id, data: { done: false }) { id } }', { id: x.deadlineId }],
    outcome: single('updateCaseCustomDeadline') },
  { access: 'change', field: 'deleteCaseCustomDeadline', op: async (x) => ['mutation($id: ID!) { deleteCaseCustomDeadline(id: $id) { id } }', { id: await cloneRow(t, 'case_custom_deadline', x.deadlineId) }],
    outcome: single('deleteCaseCustomDeadline') },
  { access: 'document', field: 'deleteCaseDocument', op: async (x) => ['mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: await cloneRow(t, 'case_document', x.documentId) }],
    outcome: single('deleteCaseDocument') },
  {
    access: 'change', field: 'linkCases',
    op: async (x) => {
      await t.sql('DELETE FROM case_link WHERE case_id = $1', [x.appealId]);
      return ['mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: x.appealId, c: x.caseId }];
    },
    outcome: single('linkCases'),
  },
  {
    access: 'change', field: 'unlinkCases',
    op: async (x) => {
      await t.sql('INSERT INTO case_link (case_id, linked_case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [x.appealId, x.caseId]);
      return ['mutation($a: ID!, $c: ID!) { unlinkCases(data: { caseId: $a, linkedCaseId: $c }) }', { a: x.appealId, c: x.caseId }];
    },
    outcome: (r) => (r.data?.unlinkCases === true ? 'S' : r.data?.unlinkCases === false ? 'unexpected false: the link was there' : single('unlinkCases')(r)),
  },
  { access: 'note', field: 'createCaseNote', op: async (x) => ['mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Matrix note" }) { id } }', { c: x.caseId }], outcome: single('createCaseNote') },
  { access: 'manage', field: 'setCaseTeam', op: async (x) => ['mutation($id: ID!, $d: CaseTeamInput!) { setCaseTeam(caseId: $id, data: $d) { id } }', { id: x.caseId, d: await teamOf(x.caseId) }],
    outcome: single('setCaseTeam') },
  // who may take each place on its team: asked by those who staff it (the list names users, never the case's content)
  ...['CASEWORKER', 'SECOND_CASEWORKER', 'REP'].map((role): Cell => ({
    access: 'manage', field: 'caseTeamCandidates',
    op: async (x) => [`query($id: ID!) { caseTeamCandidates(caseId: $id, role: ${role}) { id displayName } }`, { id: x.caseId }],
    outcome: single('caseTeamCandidates'),
  })),
  { access: 'manage', field: 'deleteCase', op: async (x) => ['mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: await sacrificialCase(x) }], outcome: single('deleteCase') },
  { access: 'open', field: 'createCase', op: async (x) => ['mutation($c: ID!) { createCase(data: { contactId: $c, type: OTHER }) { id } }', { c: x.contactId }], outcome: single('createCase') },
];

beforeAll(async () => {
  t = await startTestApp();
  const [{ id: branch }] = await t.sql("SELECT r.branch_id AS id FROM user_branch_role r JOIN app_user u ON u.id = r.user_id WHERE u.email = $1", [LOGINS.caseworker]);
  // another caseworker of the demo branch
  [{ id: colleague }] = await t.sql(`INSERT INTO app_user (email, display_name, password_hash, organisation_id)
    SELECT 'caseworker2@unison.example', 'Second caseworker', password_hash, organisation_id FROM app_user WHERE email = $1 RETURNING id`, [LOGINS.caseworker]);
  await t.sql("INSERT INTO user_branch_role (user_id, branch_id, role) VALUES ($1, $2, 'CASEWORKER')", [colleague, branch]);
  const member = async (where: string, params: unknown[]) => (await t.sql(`SELECT c.id, c.last_name FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
    JOIN ward w ON w.id = p.ward_id WHERE c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${where}
    AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.contact_id = c.id) ORDER BY c.last_name, c.id LIMIT 1`, params))[0] as { id: string; last_name: string };
  const org = (email: string) => `c.organisation_id = (SELECT organisation_id FROM app_user WHERE email = '${email}')`;
  // both members of the demo branch are on the rep's patch: the rep reads their records, and only the own case
  const own = await member(`${org(LOGINS.secretary)} AND c.employer_id = $1 AND w.site_id IN ${PATCH_SITES}`, [t.demoEmployerId]);
  const who: Record<CaseScope, { officer: Login; member: { id: string; last_name: string }; team: () => Promise<Record<string, string>> }> = {
    own: { officer: 'secretary', member: own, team: async () => ({ caseworkerId: await userIdOf(t, 'caseworker'), repId: await userIdOf(t, 'rep') }) },
    colleague: { officer: 'secretary', member: await member(`${org(LOGINS.secretary)} AND c.employer_id = $1 AND w.site_id IN ${PATCH_SITES} AND c.id <> $2`, [t.demoEmployerId, own.id]),
      team: async () => ({ caseworkerId: colleague }) },
    otherBranch: { officer: 'secretary2', member: await member(`${org(LOGINS.secretary2)} AND c.employer_id = $1`, [t.otherEmployerId]),
      team: async () => ({ caseworkerId: await userIdOf(t, 'secretary2') }) },
    otherOrg: { officer: 'bmaSecretary', member: await member(`${org(LOGINS.bmaSecretary)}`, []), team: async () => ({ caseworkerId: await userIdOf(t, 'bmaSecretary') }) },
  };
  for (const scope of SCOPES) {
    const { officer, member: m, team } = who[scope];
    if (!m) throw new Error(`no member for the ${scope} case`);
    const as = t.as(officer);
    const ok = async (query: string, variables: Record<string, unknown>, key: string) => {
      const res = await as(query, variables);
      if (!res.data?.[key]) throw new Error(`${scope} ${key}: ${JSON.stringify(res.errors)}`);
      return res.data[key].id as string;
    };
    const caseId = await ok('mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }', { d: { contactId: m.id, type: 'DISCIPLINARY', summary: `Authz ${scope}`, ...(await team()) } }, 'createCase');
    const appealId = await ok('mutation($d: CaseCreateInput!) { createCase(data: $d) { id } }', { d: { contactId: m.id, type: 'APPEAL', ...(await team()) } }, 'createCase');
    targets[scope] = {
      caseId, appealId, contactId: m.id, lastName: m.last_name,
      meetingId: await ok('mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: INVESTIGATION, date: "2026-12-01" }) { id } }', { c: caseId }, 'createCaseMeeting'),
      noteId: await ok('mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "The authz matrix note" }) { id } }', { c: caseId }, 'createCaseNote'),
      deadlineId: await ok('mutation($c: ID!) { createCaseCustomDeadline(data: { caseId: $c, label: "Authz", due: "2026-12-09" }) { id } }', { c: caseId }, 'createCaseCustomDeadline'),
      // a document the officer uploaded (its bytes do not matter here: the upload route has its own matrix in case-documents.e2e)
      documentId: (await t.sql(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
        SELECT organisation_id, id, 'authz.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea, $2 FROM case_file WHERE id = $1 RETURNING id`,
      [caseId, await userIdOf(t, officer)]))[0].id,
    };
  }
});
afterAll(async () => { await t?.close(); });

/** The cases each login reads, by the rule, straight from the tables: their branches' as secretary or admin, and their teams' in their branches. */
async function oracle(who: Login): Promise<string[]> {
  return (await t.sql(`WITH me AS (SELECT id, organisation_id FROM app_user WHERE email = $1)
    SELECT k.id FROM case_file k JOIN me ON me.organisation_id = k.organisation_id JOIN contact c ON c.id = k.contact_id
    WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL
      AND c.employer_id IN (SELECT be.employer_id FROM user_branch_role r JOIN branch_employer be ON be.branch_id = r.branch_id
                            WHERE r.user_id = me.id AND r.role IN ('ADMIN', 'BRANCH_SECRETARY', 'CASEWORKER', 'REP'))
      AND (k.branch_id IN (SELECT branch_id FROM user_branch_role WHERE user_id = me.id AND role IN ('ADMIN', 'BRANCH_SECRETARY'))
        OR EXISTS (SELECT 1 FROM case_team tm WHERE tm.case_id = k.id AND tm.user_id = me.id))
    ORDER BY k.id`, [LOGINS[who]])).map((r) => r.id);
}

describe('authorisation matrix (casework)', () => {
  it('has a cell for every case query and mutation in the schema', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].filter((f) => /Case/.test(f));
    const covered = new Set(CELLS.map((c) => c.field));
    expect(fields.filter((f) => !covered.has(f)).sort()).toEqual([]);
    expect(fields.length).toBeGreaterThanOrEqual(25);
  });

  const tally = { S: 0, '-': 0, R: 0 };
  let cells = 0;
  it.each(Object.keys(LOGINS) as Login[])('sees, hides or refuses every case exactly as the table says, as %s', async (who) => {
    const wrong: string[] = [];
    const as = t.as(who);
    for (const scope of SCOPES) {
      for (const cell of CELLS) {
        const [query, variables] = await cell.op(targets[scope], scope);
        const got = cell.outcome(await as(query, variables), targets[scope]);
        const want = EXPECT[cell.access][who][SCOPES.indexOf(scope)] as Outcome;
        cells++;
        if (got === 'S' || got === '-' || got === 'R') tally[got]++;
        if (got !== want) wrong.push(`${who} × ${scope} × ${cell.field} (${cell.access}): expected ${NAME[want]}, got ${NAME[got as Outcome] ?? got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('checked every cell', () => {
    console.log(`authorisation matrix (casework): ${cells} cells checked: ${tally.S} seen, ${tally['-']} hidden, ${tally.R} refused`);
    expect(cells).toBe(Object.keys(LOGINS).length * SCOPES.length * CELLS.length);
    expect(tally.S).toBeGreaterThan(100);
    expect(tally['-']).toBeGreaterThan(100);
  });

  it.each(Object.keys(LOGINS) as Login[])('lists and counts exactly the cases the rule gives, and finds no other by name, as %s', async (who) => {
    const expected = await oracle(who);
    const res = await t.as(who)('{ allCases(perPage: 500, sortField: "id") { id } _allCasesMeta { count } }');
    if (who === 'coalition') {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      return;
    }
    expect(res.data?.allCases.map((c: { id: string }) => c.id).sort()).toEqual(expected);
    expect(res.data?._allCasesMeta.count).toBe(expected.length);
    if (who === 'caseworker' || who === 'rep') expect(expected).not.toContain(targets.colleague.caseId);
    for (const scope of SCOPES) {
      const found = (await t.as(who)('query($q: String) { allCases(filter: { q: $q }, perPage: 500) { id contactId } }', { q: targets[scope].lastName })).data?.allCases ?? [];
      for (const c of found) expect([who, scope, expected.includes(c.id)]).toEqual([who, scope, true]);
    }
    // and the meetings, notes and deadlines listed, and the cases with no next step, are of these cases only
    const content = await t.as(who)(`{ allCaseMeetings(perPage: 500) { caseId } allCaseNotes(perPage: 500) { caseId } allCaseCustomDeadlines(perPage: 500) { caseId }
      allCaseDeadlines(perPage: 500, filter: { includeDone: true }) { caseId } stuck: allCases(perPage: 500, filter: { noNextStep: true }) { caseId: id } }`);
    expect(content.errors).toBeUndefined();
    for (const list of ['allCaseMeetings', 'allCaseNotes', 'allCaseCustomDeadlines', 'allCaseDeadlines', 'stuck']) {
      for (const row of content.data?.[list] ?? []) expect([who, list, expected.includes(row.caseId)]).toEqual([who, list, true]);
    }
  });
});
