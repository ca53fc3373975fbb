import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { type GqlResult, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { type Access, cloneRow, EXPECT, participationTargets, type ParticipationTarget, type Scope, SCOPES, scopeTargets, type Target } from '../fixtures/scope-targets.js';

/**
 * The scope dimension of the authorisation matrix: every query and mutation that reaches a person
 * (or their memberships and rep roles, or counts of them) × every demo login × a record in each
 * scope: on the demo rep's patch, in the same branch off the patch, in another branch of the same
 * organisation, and in another organisation. Each cell must come out exactly as the table below
 * says: seen (or changed), hidden (not found / absent / zero), or refused (FORBIDDEN).
 * Root fields that reach no person are listed with the reason, and a new root field in neither
 * list fails the test. (Casework scope, "assigned case" and "unassigned case", joins when cases exist.)
 */

type Outcome = 'seen' | 'hidden' | 'refused';

/** Root fields that reach no person's record, and why they are outside this dimension. */
const NOT_PERSON_SCOPED: Record<string, string> = Object.fromEntries(([
  ...['Employer', 'Site', 'Ward', 'Union'].flatMap((t) => [t, `all${t}s`, `_all${t}sMeta`, `create${t}`, `update${t}`, `delete${t}`]),
  'Branch', 'allBranches', '_allBranchesMeta', 'createBranch', 'updateBranch', 'deleteBranch',
  'User', 'allUsers', '_allUsersMeta', 'createUser', 'updateUser',
  'AuditEvent', 'allAuditEvents', '_allAuditEventsMeta',
  'me', 'login', 'logout', 'changePassword',
  'IssueTag', 'allIssueTags', '_allIssueTagsMeta', 'createIssueTag', 'updateIssueTag', 'deleteIssueTag',
  'myPatch', 'repCoverage', 'allReps', '_allRepsMeta',
].map((f) => [f, 'workplace reference data, branches, accounts (and the reps among them), issue tags, the audit log, one\'s own session, or per-ward counts '
  + '(my patch, rep coverage: counted within scope in organising.e2e, every person they name checked by the fuzz run)']).concat([
  ['densityBySite', 'per-site counts of the branches the caller may count, names no one (counted, and withheld for coalition partners, in dashboard.e2e)'],
  ...['densityTrend', 'takeDensitySnapshot', 'backfillDensitySnapshots'].map((f): [string, string] => [f, 'dated counts per ward and union '
    + '(the trend scoped like densityBySite, the snapshot and backfill counting the whole organisation); names no one (density-trend.e2e, rls-density-snapshot.e2e)']),
  ...['coalitionLineUp', 'coalitionSharing', 'setCoalitionSharing', 'publishCoalitionAggregates'].map((f): [string, string] => [f, "the coalition line-up: the caller's own "
    + 'figures as densityBySite gives them and other organisations\' published, already-suppressed tables by ODS code, and the sharing setting; names no one '
    + '(coalition-lineup.e2e, rls-coalition-published.e2e)']),
  ['densitySlice', "counts by one or two dimensions of the caller's people (a rep's patch) or, for aggregate-only callers, of the count scope with small cells withheld; names no one (counted against SQL, scoped, and attacked for withheld cells in density-slice.e2e)"],
  ...['Campaign', 'allCampaigns', '_allCampaignsMeta', 'createCampaign', 'updateCampaign', 'deleteCampaign', 'setStructureTestThreshold',
    'CampaignAction', 'allCampaignActions', '_allCampaignActionsMeta', 'createCampaignAction', 'updateCampaignAction', 'deleteCampaignAction']
    .map((f): [string, string] => [f, "a branch's campaigns and actions (read by everyone in the branch, changed by its officers: campaigns.e2e); "
      + 'their numbers are counts in the count scope, small ones withheld from aggregate-only callers (campaigns.e2e)']),
  ['campaignRecruitment', "a campaign's joiners and non-members per ward and per rep's patch in the caller's count scope, and its recruiters: counted against SQL, "
    + 'a recruiter named only when the caller may see them, and withheld with no names for coalition partners, in recruitment.e2e'],
  ['densityTrend', "daily counts of the caller's people (a rep's patch's wards, a branch's employers) or, for aggregate-only callers, by employer with "
    + 'disclosive days withheld; names no one (counted against SQL, scoped by patch, branch and organisation, and attacked for withheld days in density-trend.e2e)'],
  ...['takeDensitySnapshot', 'backfillDensitySnapshots'].map((f): [string, string] => [f, "an admin writes their organisation's daily per-ward counts (names no "
    + 'one; admins only, audited, and the rows walled per organisation by row-level security: density-trend.e2e, rls-density-snapshot.e2e)']),
  ['structureTest', "per-ward counts of a structure test in the caller's count scope, names no one (counted against SQL, and withheld for coalition partners, in campaigns.e2e)"],
  ['overdueFollowUpsByRep', 'per-rep counts of overdue follow-ups, names no one they are about (counted within scope, branch and organisation in dashboard.e2e)'],
  ...['calendarFeed', 'regenerateCalendarFeed', 'revokeCalendarFeed'].map((f) => [f, "one's own calendar feed link; what the feed holds "
    + "(one's own open cases' meetings and deadlines, initials and case type only) is checked in calendar-feed.e2e"]),
]).concat([
  'Case', 'allCases', '_allCasesMeta', 'allCaseDeadlines', '_allCaseDeadlinesMeta', 'createCase', 'updateCase', 'deleteCase', 'setCaseTeam', 'caseTeamCandidates', 'linkCases', 'unlinkCases',
  ...['CaseMeeting', 'CaseCustomDeadline'].flatMap((t) => [t, `all${t}s`, `_all${t}sMeta`, `create${t}`, `update${t}`, `delete${t}`]),
  'CaseNote', 'allCaseNotes', '_allCaseNotesMeta', 'createCaseNote', 'deleteCaseDocument',
].map((f) => [f, "casework: a case is read by its team and its branch's secretary and admins, not by the people rules alone; "
  + 'its own matrix (own case, another caseworker\'s, another branch\'s, another organisation\'s) is cases-authz.e2e']))));


// Duplicates and merging: pairs among the caller's people through the door, merging for those holding PEOPLE_MERGE in both contacts' branches.
for (const f of ['allDuplicateContacts', '_allDuplicateContactsMeta', 'mergeSides', 'contactMerges', 'mergeContacts', 'undoMerge', 'dismissDuplicate']) {
  NOT_PERSON_SCOPED[f] = "duplicates and merging have their own matrix in duplicates.e2e: pairs per role (a rep's only within the patch, never one side "
    + "outside), merging refused to reps, caseworkers and coalition viewers and across branches and organisations (not found), a hidden case refused";
}

// A ballot is its branch's record and names no one; its members are the cells below (allBallotMembers and the rest).
for (const f of ['Ballot', 'allBallots', '_allBallotsMeta', 'createBallot', 'updateBallot', 'deleteBallot', 'setBallotResult']) {
  NOT_PERSON_SCOPED[f] = "a branch's ballot record names no one (its branch wall is in ballots.e2e); its members are reached through allBallotMembers, checked here";
}

// Imports: a branch secretary's or admin's runs of the employers they may import into (not the people rules: a run's rows are a file's
// cells until applied, and the apply writes only within the caller's writable employers, checked at its end).
for (const f of ['importRun', 'allImportRuns', '_allImportRunsMeta', 'importRows', 'setImportMapping', 'dryRunImport', 'resolveImportRow', 'applyImport', 'cancelImport']) {
  NOT_PERSON_SCOPED[f] = "an import run of the caller's importable employers (secretary or admin); walled by role, branch and organisation in import-upload.e2e, "
    + 'applied only within those employers (import.e2e, import-apply.e2e)';
}

let t: TestApp;
const targets = {} as Record<Scope, Target>;
/** Each target's participation on an action of their own branch's campaign. */
let participations = {} as Record<Scope, ParticipationTarget>;
/** The membership the recentJoiners cell looks for (set by its op, read by its outcome). */
let joiner = '';

const clone = (table: string, id: string, overrides?: Record<string, unknown>) => cloneRow(t, table, id, overrides);

/** A ballot of the target's branch and union, with everyone (no group) entitled who was a member the day before today: one per scope. */
const ballots = new Map<Scope, string>();
async function ballotOf(x: Target, scope: Scope): Promise<string> {
  await t.sql("UPDATE membership SET status = 'MEMBER', join_date = '2020-01-01', leave_date = NULL WHERE id = $1", [x.membershipId]);
  const known = ballots.get(scope);
  if (known) return known;
  const [b] = await t.sql(`INSERT INTO ballot (organisation_id, branch_id, union_id, name, questions, cut_off_date, opening_date, closing_date)
    SELECT m.organisation_id, be.branch_id, m.union_id, 'Scope ballot', '{STRIKE}', current_date - 1, current_date, current_date + 20
    FROM membership m JOIN contact c ON c.id = m.contact_id JOIN branch_employer be ON be.employer_id = c.employer_id
    JOIN branch br ON br.id = be.branch_id AND br.organisation_id = c.organisation_id
    WHERE m.id = $1 LIMIT 1 RETURNING id`, [x.membershipId]);
  ballots.set(scope, b.id);
  return b.id;
}
/**
 * A recruitment campaign of the target's branch aimed at their ward, for a union of their organisation they are not a member of
 * (so they are someone to ask): one per scope.
 */
const drives = new Map<Scope, string>();
async function driveOf(x: Target, scope: Scope): Promise<string> {
  const known = drives.get(scope);
  if (known) return known;
  const [k] = await t.sql(`INSERT INTO campaign (organisation_id, branch_id, name, start_date, target_group)
    SELECT c.organisation_id, be.branch_id, 'Scope drive', current_date - 10, jsonb_build_object('employerIds', '[]'::jsonb, 'siteIds', '[]'::jsonb,
      'wardIds', jsonb_build_array($2::text), 'staffGroups', '[]'::jsonb, 'grades', '[]'::jsonb)
    FROM contact c JOIN branch_employer be ON be.employer_id = c.employer_id JOIN branch br ON br.id = be.branch_id AND br.organisation_id = c.organisation_id
    WHERE c.id = $1 LIMIT 1 RETURNING id`, [x.contactId, x.wardId]);
  const [u] = await t.sql(`INSERT INTO campaign_union (campaign_id, union_id) SELECT $1, u.id FROM trade_union u JOIN contact c ON c.organisation_id = u.organisation_id
    WHERE c.id = $2 AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = u.id) ORDER BY u.id LIMIT 1 RETURNING union_id`, [k.id, x.contactId]);
  if (!u) throw new Error(`no union the ${scope} target is not a member of`);
  drives.set(scope, k.id);
  return k.id;
}

/** Whether the target is among a ballot's members as the caller sees them. */
const amongMembers = (key: string) => (x: Target) => (r: GqlResult): Outcome | string => {
  if (code(r) === 'FORBIDDEN') return 'refused';
  if (code(r) === 'NOT_FOUND') return 'hidden';
  const v = r.data?.[key];
  if (Array.isArray(v)) return v.some((m: { id: string; contactId?: string }) => (m.contactId ?? m.id) === x.contactId) ? 'seen' : 'hidden';
  if (v && typeof v.count === 'number') return v.count ? 'seen' : 'hidden';
  return `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
};

/** A copy of a target person with a current posting, membership and rep role, for deletions. */
async function sacrificial(target: Target): Promise<{ contactId: string; membershipId: string; repRoleId: string; conversationId: string }> {
  const contactId = await clone('contact', target.contactId);
  const [posting] = await t.sql('SELECT id FROM posting WHERE contact_id = $1 AND end_date IS NULL', [target.contactId]);
  await clone('posting', posting.id, { contact_id: contactId });
  return {
    contactId,
    membershipId: await clone('membership', target.membershipId, { contact_id: contactId }),
    repRoleId: await clone('rep_role', target.repRoleId, { contact_id: contactId }),
    conversationId: await clone('conversation', target.conversationId, { contact_id: contactId }),
  };
}

beforeAll(async () => {
  t = await startTestApp();
  Object.assign(targets, await scopeTargets(t));
  participations = await participationTargets(t, targets);
  await t.sql("UPDATE contact SET personal_phone = '07700 900123' WHERE id = ANY($1)", [SCOPES.map((s) => targets[s].contactId)]);
});
afterAll(async () => { await t?.close(); });

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
/** A single-record answer: the record, NOT_FOUND, or FORBIDDEN. Anything else is a failure. */
const single = (key: string) => (r: GqlResult): Outcome | string => {
  if (r.data?.[key]) return 'seen';
  if (code(r) === 'NOT_FOUND') return 'hidden';
  if (code(r) === 'FORBIDDEN') return 'refused';
  if (code(r) === 'BAD_USER_INPUT' && Object.values(r.errors?.[0]?.extensions?.fields ?? {}).some((m) => /does not exist|outside your branch or patch/.test(m))) return 'hidden';
  return `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
};
const listed = (key: string) => (r: GqlResult): Outcome | string => {
  if (code(r) === 'FORBIDDEN') return 'refused';
  const v = r.data?.[key];
  if (Array.isArray(v)) return v.length ? 'seen' : 'hidden';
  if (v && typeof v.count === 'number') return v.count ? 'seen' : 'hidden';
  return `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
};

interface Cell { access: Access; field: string; op: (target: Target, scope: Scope) => Promise<[string, Record<string, unknown>]>; outcome: (r: GqlResult, target: Target) => Outcome | string }

const PEOPLE: { type: string; plural: string; key: 'contactId' | 'membershipId' | 'repRoleId' | 'conversationId' }[] = [
  { type: 'Contact', plural: 'Contacts', key: 'contactId' },
  { type: 'Membership', plural: 'Memberships', key: 'membershipId' },
  { type: 'RepRole', plural: 'RepRoles', key: 'repRoleId' },
  { type: 'Conversation', plural: 'Conversations', key: 'conversationId' },
];

const CELLS: Cell[] = [
  ...PEOPLE.flatMap(({ type, plural, key }): Cell[] => [
    { access: 'read', field: type, op: async (x) => [`query($id: ID!) { ${type}(id: $id) { id } }`, { id: x[key] }], outcome: single(type) },
    { access: 'read', field: `all${plural}`, op: async (x) => [`query($ids: [String!]) { all${plural}(filter: { ids: $ids }) { id } }`, { ids: [x[key]] }], outcome: listed(`all${plural}`) },
    { access: 'read', field: `_all${plural}Meta`, op: async (x) => [`query($ids: [String!]) { _all${plural}Meta(filter: { ids: $ids }) { count } }`, { ids: [x[key]] }], outcome: listed(`_all${plural}Meta`) },
    { access: 'write', field: `update${type}`, op: async (x) => [`mutation($id: ID!) { update${type}(id: $id, data: {}) { id } }`, { id: x[key] }], outcome: single(`update${type}`) },
    { access: 'write', field: `delete${type}`, op: async (x) => [`mutation($id: ID!) { delete${type}(id: $id) { id } }`, { id: (await sacrificial(x))[key] }], outcome: single(`delete${type}`) },
  ]),
  // probing by filter: a search that matches only the target
  { access: 'read', field: 'allContacts', op: async (x) => ['query($q: String, $w: ID) { allContacts(filter: { q: $q, wardId: $w }, perPage: 500) { id } }', { q: x.lastName, w: x.wardId }], outcome: listed('allContacts') },
  { access: 'read', field: 'allMemberships', op: async (x) => ['query($c: ID) { allMemberships(filter: { contactId: $c }) { id } }', { c: x.contactId }], outcome: listed('allMemberships') },
  { access: 'read', field: 'allRepRoles', op: async (x) => ['query($c: ID) { allRepRoles(filter: { contactId: $c }) { id } }', { c: x.contactId }], outcome: listed('allRepRoles') },
  // a person reached through a nested field is checked again
  { access: 'read', field: 'Membership', op: async (x) => ['query($id: ID!) { Membership(id: $id) { contact { id } } }', { id: x.membershipId }], outcome: single('Membership') },
  // field level: personal phone only for those who organise the person
  {
    access: 'personal', field: 'Contact', op: async (x) => ['query($id: ID!) { Contact(id: $id) { personalPhone } }', { id: x.contactId }],
    outcome: (r) => (code(r) === 'FORBIDDEN' ? 'refused' : r.data?.Contact?.personalPhone ? 'seen' : r.data?.Contact || code(r) === 'NOT_FOUND' ? 'hidden' : `unexpected ${JSON.stringify(r.errors)}`),
  },
  // creating: a membership or rep role for the person, a new person on their ward
  {
    access: 'write', field: 'createMembership',
    op: async (x) => {
      // a union of the person's organisation's own list (each organisation keeps its own)
      const [u] = await t.sql(`SELECT t.id FROM trade_union t JOIN contact c ON c.organisation_id = t.organisation_id
        WHERE c.id = $1 AND t.id NOT IN (SELECT union_id FROM membership WHERE contact_id = $1) LIMIT 1`, [(await sacrificial(x)).contactId]);
      const [fresh] = await t.sql("SELECT id FROM contact WHERE last_name = $1 ORDER BY created_at DESC LIMIT 1", [x.lastName]);
      return ['mutation($c: ID!, $u: ID!) { createMembership(data: { contactId: $c, unionId: $u, status: MEMBER, source: SELF_REPORTED }) { id } }', { c: fresh.id, u: u.id }];
    },
    outcome: single('createMembership'),
  },
  { access: 'write', field: 'createRepRole', op: async (x) => ['mutation($c: ID!, $w: ID!) { createRepRole(data: { contactId: $c, kind: LEARNING_REP, wardIds: [$w] }) { id } }', { c: x.contactId, w: x.wardId }], outcome: single('createRepRole') },
  // organising: conversations about the person, follow-ups, assessments, leaders and links
  { access: 'write', field: 'createConversation', op: async (x) => ['mutation($c: ID!) { createConversation(data: { contactId: $c, assessment: 3 }) { id } }', { c: x.contactId }], outcome: single('createConversation') },
  { access: 'read', field: 'allConversations', op: async (x) => ['query($c: ID) { allConversations(filter: { contactId: $c }) { id } }', { c: x.contactId }], outcome: listed('allConversations') },
  {
    access: 'read', field: 'allFollowUps',
    op: async (x) => ['query($c: ID, $r: ID) { allFollowUps(filter: { contactId: $c, repUserId: $r, includeDone: true }) { id } }', { c: x.contactId, r: x.repUserId }],
    outcome: listed('allFollowUps'),
  },
  {
    access: 'read', field: '_allFollowUpsMeta',
    op: async (x) => ['query($c: ID, $r: ID) { _allFollowUpsMeta(filter: { contactId: $c, repUserId: $r, includeDone: true }) { count } }', { c: x.contactId, r: x.repUserId }],
    outcome: listed('_allFollowUpsMeta'),
  },
  // who joined lately: the target's membership made a joiner of today, then looked for among them
  {
    access: 'read', field: 'recentJoiners',
    op: async (x) => {
      await t.sql("UPDATE membership SET status = 'MEMBER', join_date = current_date, leave_date = NULL WHERE id = $1", [x.membershipId]);
      joiner = x.membershipId;
      return ['{ recentJoiners(days: 1, limit: 100) { count memberships { id } } }', {}];
    },
    outcome: (r) => {
      if (code(r) === 'FORBIDDEN') return 'refused';
      const ids = r.data?.recentJoiners?.memberships?.map((m: { id: string }) => m.id);
      return Array.isArray(ids) ? (ids.includes(joiner) ? 'seen' : 'hidden') : `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
    },
  },
  { access: 'read', field: 'Conversation', op: async (x) => ['query($id: ID!) { Conversation(id: $id) { contact { id } } }', { id: x.conversationId }], outcome: single('Conversation') },
  { access: 'write', field: 'assessContact', op: async (x) => ['mutation($c: ID!) { assessContact(data: { contactId: $c, value: 2 }) { id } }', { c: x.contactId }], outcome: single('assessContact') },
  { access: 'write', field: 'setLeader', op: async (x) => ['mutation($c: ID!) { setLeader(data: { contactId: $c, leader: true, reason: "Matrix" }) { id } }', { c: x.contactId }], outcome: single('setLeader') },
  {
    access: 'write', field: 'linkContacts',
    op: async (x) => ['mutation($l: ID!, $f: ID!) { linkContacts(data: { leaderId: $l, followerId: $f }) { id } }', { l: x.contactId, f: (await sacrificial(x)).contactId }],
    outcome: single('linkContacts'),
  },
  {
    access: 'write', field: 'unlinkContacts',
    op: async (x) => ['mutation($l: ID!, $f: ID!) { unlinkContacts(data: { leaderId: $l, followerId: $f }) }', { l: x.contactId, f: (await sacrificial(x)).contactId }],
    outcome: (r) => (r.data && r.data.unlinkContacts === false ? 'seen' : single('unlinkContacts')(r)),
  },
  // campaigns: who came to an action of the person's own branch's campaign
  { access: 'read', field: 'Participation', op: async (_x, s) => ['query($id: ID!) { Participation(id: $id) { contact { id } } }', { id: participations[s].participationId }], outcome: single('Participation') },
  { access: 'read', field: 'allParticipations', op: async (x, s) => ['query($a: ID, $c: ID) { allParticipations(filter: { actionId: $a, contactId: $c }) { id } }', { a: participations[s].actionId, c: x.contactId }], outcome: listed('allParticipations') },
  { access: 'read', field: '_allParticipationsMeta', op: async (_x, s) => ['query($ids: [String!]) { _allParticipationsMeta(filter: { ids: $ids }) { count } }', { ids: [participations[s].participationId] }], outcome: listed('_allParticipationsMeta') },
  {
    access: 'write', field: 'recordParticipation',
    op: async (x, s) => ['mutation($a: ID!, $c: ID!) { recordParticipation(actionId: $a, entries: [{ contactId: $c, state: PLEDGED }]) { id } }', { a: participations[s].actionId, c: x.contactId }],
    outcome: single('recordParticipation'),
  },
  {
    access: 'create', field: 'createContact',
    op: async (x) => ['mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }', {
      d: { firstName: 'Matrix', lastName: 'Cell', staffGroup: 'STUDENTS', shiftPattern: 'DAYS', contractType: 'BANK', employerId: x.employerId, wardId: x.wardId },
    }],
    outcome: single('createContact'),
  },
  // recruitment: the people to ask of a drive of the target's branch
  {
    access: 'read', field: 'campaignPeopleToAsk',
    op: async (x, sc) => ['query($k: ID!) { campaignPeopleToAsk(campaignId: $k, perPage: 500) { total people { id } } }', { k: await driveOf(x, sc) }],
    outcome: (r, x) => {
      if (code(r) === 'FORBIDDEN') return 'refused';
      if (code(r) === 'NOT_FOUND') return 'hidden';
      const v = r.data?.campaignPeopleToAsk;
      return v ? (v.people.some((p: { id: string }) => p.id === x.contactId) ? 'seen' : 'hidden') : `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
    },
  },
  // ballots: the members of a ballot of the target's branch, their chase states and history
  {
    access: 'read', field: 'allBallotMembers',
    op: async (x, sc) => ['query($b: ID!, $q: String) { allBallotMembers(perPage: 500, filter: { ballotId: $b, q: $q }) { id } }', { b: await ballotOf(x, sc), q: x.lastName }],
    outcome: (r, x) => amongMembers('allBallotMembers')(x)(r),
  },
  {
    access: 'read', field: '_allBallotMembersMeta',
    op: async (x, sc) => ['query($b: ID!, $q: String) { _allBallotMembersMeta(filter: { ballotId: $b, q: $q }) { count } }', { b: await ballotOf(x, sc), q: x.lastName }],
    outcome: (r, x) => amongMembers('_allBallotMembersMeta')(x)(r),
  },
  {
    access: 'write', field: 'setBallotMemberState',
    op: async (x, sc) => ['mutation($b: ID!, $c: ID!) { setBallotMemberState(ballotId: $b, contactId: $c, state: PLEDGED_YES) { contactId } }', { b: await ballotOf(x, sc), c: x.contactId }],
    outcome: single('setBallotMemberState'),
  },
  {
    access: 'read', field: 'ballotMemberHistory',
    op: async (x, sc) => {
      const b = await ballotOf(x, sc);
      await t.sql(`INSERT INTO ballot_member_state (organisation_id, ballot_id, contact_id, state) SELECT organisation_id, $1, id, 'PLEDGED_NO' FROM contact WHERE id = $2`, [b, x.contactId]);
      return ['query($b: ID!, $c: ID!) { ballotMemberHistory(ballotId: $b, contactId: $c) { contactId } }', { b, c: x.contactId }];
    },
    outcome: (r, x) => amongMembers('ballotMemberHistory')(x)(r),
  },
  // the wall chart of the target's ward: their card comes only to those who may see them (another organisation's ward does not exist)
  {
    access: 'read', field: 'wallChart',
    op: async (x) => ['query($w: ID) { wallChart(wardId: $w) { wards { shifts { cards { contactId } } } } }', { w: x.wardId }],
    outcome: (r, x) => {
      if (code(r) === 'FORBIDDEN') return 'refused';
      if (code(r) === 'BAD_USER_INPUT' && r.errors?.[0]?.extensions?.fields?.wardId === 'does not exist') return 'hidden';
      const wards = r.data?.wallChart?.wards;
      if (!Array.isArray(wards)) return `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
      const ids = wards.flatMap((w: { shifts: { cards: { contactId: string }[] }[] }) => w.shifts.flatMap((s) => s.cards.map((c) => c.contactId)));
      return ids.includes(x.contactId) ? 'seen' : 'hidden';
    },
  },
  {
    // the quick log's chips: the live ballots of the target's branch they are entitled to (any at all says the caller sees them)
    access: 'read', field: 'contactBallots',
    op: async (x, sc) => {
      await ballotOf(x, sc);
      return ['query($c: ID!) { contactBallots(contactId: $c) { ballot { id } state } }', { c: x.contactId }];
    },
    outcome: (r) => {
      if (code(r) === 'FORBIDDEN') return 'refused';
      const v = r.data?.contactBallots;
      return Array.isArray(v) ? (v.length ? 'seen' : 'hidden') : `unexpected ${JSON.stringify(r.errors ?? r.data)}`;
    },
  },
];

const PERMISSION_OF: Record<Access, string> = {
  read: 'PEOPLE_READ', write: 'PEOPLE_WRITE', personal: 'PEOPLE_READ', create: 'PEOPLE_WRITE', cases: 'CASES_READ', existence: 'CASES_EXISTENCE_READ',
};

describe('authorisation matrix (scope)', () => {
  it('has a row for every root field that reaches a person, and a reason for every one that does not', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const covered = new Set(CELLS.map((c) => c.field));
    expect(fields.filter((f) => !covered.has(f) && !NOT_PERSON_SCOPED[f]).sort()).toEqual([]);
    expect(fields.filter((f) => covered.has(f) && NOT_PERSON_SCOPED[f])).toEqual([]);
    expect([...covered].filter((f) => !fields.includes(f))).toEqual([]);
  });

  // One test per login, so that each stays well inside the timeout on a busy machine.
  const tally: Record<Outcome, number> = { seen: 0, hidden: 0, refused: 0 };
  let cells = 0;
  it.each(Object.keys(LOGINS) as Login[])('sees, hides or refuses every record exactly as the table says, as %s', async (who) => {
    const wrong: string[] = [];
    const as = t.as(who);
    for (const scope of SCOPES) {
      for (const cell of CELLS) {
        const [query, variables] = await cell.op(targets[scope], scope);
        const got = cell.outcome(await as(query, variables), targets[scope]);
        const allowed = EXPECT[who][cell.access];
        const want: Outcome = allowed === null ? 'refused' : allowed.includes(scope) ? 'seen' : 'hidden';
        cells++;
        if (got === 'seen' || got === 'hidden' || got === 'refused') tally[got]++;
        if (got !== want) wrong.push(`${who} × ${scope} × ${cell.field} (${cell.access}, ${PERMISSION_OF[cell.access]}): expected ${want}, got ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('checked every cell of the table', () => {
    console.log(`authorisation matrix (scope): ${cells} cells checked: ${tally.seen} seen, ${tally.hidden} hidden, ${tally.refused} refused`);
    expect(cells).toBe(Object.keys(LOGINS).length * SCOPES.length * CELLS.length);
    expect(tally.hidden).toBeGreaterThan(100);
  });

  // A ward's exact figures go only to those who see the people of its employer: withheld (null) from a coalition viewer
  // and from another branch (see coalition-counts.e2e).
  it('counts (headcount, members) only people of the branches the caller may count', async () => {
    const wrong: string[] = [];
    for (const who of Object.keys(LOGINS) as Login[]) {
      const [{ org, employers }] = await t.sql(`SELECT u.organisation_id AS org, coalesce(array_agg(DISTINCT be.employer_id) FILTER (WHERE be.employer_id IS NOT NULL), '{}') AS employers
        FROM app_user u LEFT JOIN user_branch_role r ON r.user_id = u.id LEFT JOIN branch_employer be ON be.branch_id = r.branch_id
        WHERE u.email = $1 GROUP BY u.organisation_id`, [LOGINS[who]]);
      for (const scope of SCOPES) {
        const wardId = targets[scope].wardId;
        const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM posting p JOIN contact c ON c.id = p.contact_id
          WHERE p.ward_id = $1 AND p.end_date IS NULL AND c.organisation_id = $2 AND c.employer_id = ANY($3) AND c.deleted_at IS NULL
          AND (c.leave_date IS NULL OR c.leave_date > current_date)`, [wardId, org, employers]);
        const res = await t.as(who)('query($id: ID!) { Ward(id: $id) { headcount } }', { id: wardId });
        const [{ e: wardEmployer }] = await t.sql('SELECT s.employer_id AS e FROM ward w JOIN site s ON s.id = w.site_id WHERE w.id = $1', [wardId]);
        // another organisation's ward is not in the caller's map at all
        const [{ own }] = await t.sql('SELECT organisation_id = $2 AS own FROM ward WHERE id = $1', [wardId, org]);
        if (!own) {
          if (res.errors?.[0]?.extensions?.code !== 'NOT_FOUND') wrong.push(`${who} × ${scope}: another organisation's ward answered ${JSON.stringify(res.data ?? res.errors)}`);
        } else if (res.data?.Ward?.headcount !== (who === 'coalition' || !employers.includes(wardEmployer) ? null : n)) wrong.push(`${who} × ${scope}: headcount ${res.data?.Ward?.headcount ?? JSON.stringify(res.errors)}, expected ${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
