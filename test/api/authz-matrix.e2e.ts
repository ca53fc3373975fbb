import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { type Permission, ROLE_PERMISSIONS } from '../../apps/api/src/access/permissions.js';
import { Role } from '@rollcall/domain';
import { type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Every query and mutation × every role: allowed exactly when the role has the permission the
 * resolver names. Operations use ids that do not exist or inputs the server rejects after the
 * permission check, so an allowed call answers NOT_FOUND or BAD_USER_INPUT and changes nothing.
 * A root field without a row here fails the test. (Branch, patch and case scope come with the
 * access issue; this is the role dimension of that matrix.)
 */
const NONE = '00000000-0000-4000-8000-000000000000';
type Row = { permission: Permission | 'PUBLIC'; op: string };
/** The list and its count: `allWards`, `_allWardsMeta`. */
const list = (plural: string, read: Permission): Record<string, Row> => ({
  [`all${plural}`]: { permission: read, op: `{ all${plural}(perPage: 1) { id } }` },
  [`_all${plural}Meta`]: { permission: read, op: `{ _all${plural}Meta { count } }` },
});
/** One record, the list and its count: `Ward`, `allWards`, `_allWardsMeta`. */
const reads = (type: string, plural: string, read: Permission): Record<string, Row> => ({
  [type]: { permission: read, op: `{ ${type}(id: "${NONE}") { id } }` },
  ...list(plural, read),
});
/** Create (with input the server rejects: `bad`) and update. */
const writes = (type: string, write: Permission, bad: string): Record<string, Row> => ({
  [`create${type}`]: { permission: write, op: `mutation { create${type}(data: ${bad}) { id } }` },
  [`update${type}`]: { permission: write, op: `mutation { update${type}(id: "${NONE}", data: {}) { id } }` },
});
const crud = (type: string, plural: string, read: Permission, write: Permission, bad: string): Record<string, Row> => ({
  ...reads(type, plural, read),
  ...writes(type, write, bad),
  [`delete${type}`]: { permission: write, op: `mutation { delete${type}(id: "${NONE}") { id } }` },
});

const MATRIX: Record<string, Row> = {
  ...crud('Employer', 'Employers', 'WORKPLACE_READ' as Permission, 'WORKPLACE_WRITE' as Permission, '{ name: "" }'),
  ...crud('Site', 'Sites', 'WORKPLACE_READ' as Permission, 'WORKPLACE_WRITE' as Permission, `{ name: "", kind: CLINIC, employerId: "${NONE}" }`),
  ...crud('Ward', 'Wards', 'WORKPLACE_READ' as Permission, 'WORKPLACE_WRITE' as Permission, `{ name: "", type: DEPARTMENT, siteId: "${NONE}" }`),
  ...crud('Union', 'Unions', 'WORKPLACE_READ' as Permission, 'WORKPLACE_WRITE' as Permission, '{ name: "", shortName: "" }'),
  ...crud('Contact', 'Contacts', 'PEOPLE_READ' as Permission, 'PEOPLE_WRITE' as Permission,
    `{ firstName: "", lastName: "", staffGroup: STUDENTS, shiftPattern: DAYS, contractType: BANK, employerId: "${NONE}", wardId: "${NONE}" }`),
  ...crud('Membership', 'Memberships', 'PEOPLE_READ' as Permission, 'PEOPLE_WRITE' as Permission,
    `{ contactId: "${NONE}", unionId: "${NONE}", status: MEMBER, source: SELF_REPORTED }`),
  ...crud('RepRole', 'RepRoles', 'PEOPLE_READ' as Permission, 'PEOPLE_WRITE' as Permission, `{ contactId: "${NONE}", kind: LEARNING_REP, wardIds: [] }`),
  ...crud('Branch', 'Branches', 'SELF' as Permission, 'USERS_MANAGE' as Permission, '{ name: "", employerIds: [] }'),
  ...reads('User', 'Users', 'USERS_MANAGE' as Permission),
  ...writes('User', 'USERS_MANAGE' as Permission, '{ email: "", displayName: "", password: "", roles: [] }'),
  ...crud('Conversation', 'Conversations', 'PEOPLE_READ' as Permission, 'PEOPLE_WRITE' as Permission, `{ contactId: "${NONE}" }`),
  ...list('FollowUps', 'PEOPLE_READ' as Permission),
  ...crud('IssueTag', 'IssueTags', 'PEOPLE_READ' as Permission, 'SETTINGS_MANAGE' as Permission, '{ name: "" }'),
  assessContact: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { assessContact(data: { contactId: "${NONE}", value: 2 }) { id } }` },
  setLeader: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { setLeader(data: { contactId: "${NONE}", leader: false }) { id } }` },
  linkContacts: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { linkContacts(data: { leaderId: "${NONE}", followerId: "${NONE}" }) { id } }` },
  unlinkContacts: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { unlinkContacts(data: { leaderId: "${NONE}", followerId: "${NONE}" }) }` },
  allReps: { permission: 'PEOPLE_READ' as Permission, op: '{ allReps { id } }' },
  _allRepsMeta: { permission: 'PEOPLE_READ' as Permission, op: '{ _allRepsMeta { count } }' },
  myPatch: { permission: 'PEOPLE_READ' as Permission, op: `{ myPatch(siteId: "${NONE}") { id } }` },
  repCoverage: { permission: 'PEOPLE_READ' as Permission, op: `{ repCoverage(siteId: "${NONE}") { id } }` },
  overdueFollowUpsByRep: { permission: 'PEOPLE_READ' as Permission, op: '{ overdueFollowUpsByRep { id overdue } }' },
  recentJoiners: { permission: 'PEOPLE_READ' as Permission, op: '{ recentJoiners(days: 7, limit: 1) { count } }' },
  densityBySite: { permission: 'AGGREGATES_READ' as Permission, op: '{ densityBySite { minCell total { suppressed } } }' },
  densitySlice: { permission: 'AGGREGATES_READ' as Permission, op: '{ densitySlice(by: [SITE]) { minCell total { suppressed } } }' },
  densityTrend: { permission: 'AGGREGATES_READ' as Permission, op: '{ densityTrend(from: "2026-02-01", to: "2026-01-01") { from } }' },
  // admins: a day in the future is refused after the permission check, so nothing is taken
  takeDensitySnapshot: { permission: 'SETTINGS_MANAGE' as Permission, op: 'mutation { takeDensitySnapshot(day: "2999-01-01") { days } }' },
  backfillDensitySnapshots: { permission: 'SETTINGS_MANAGE' as Permission, op: 'mutation { backfillDensitySnapshots(from: "2026-02-01", to: "2026-01-01") { days } }' },
  coalitionLineUp: { permission: 'AGGREGATES_READ' as Permission, op: '{ coalitionLineUp(level: SITE) { sharing } }' },
  coalitionSharing: { permission: 'AGGREGATES_READ' as Permission, op: '{ coalitionSharing { sharing } }' },
  // admins: sharing stays on (the seed turns it on), and publishing replaces the organisation's rows with the same figures
  setCoalitionSharing: { permission: 'SETTINGS_MANAGE' as Permission, op: 'mutation { setCoalitionSharing(share: true) { sharing } }' },
  publishCoalitionAggregates: { permission: 'SETTINGS_MANAGE' as Permission, op: 'mutation { publishCoalitionAggregates { published } }' },
  wallChart: { permission: 'PEOPLE_READ' as Permission, op: `{ wallChart(siteId: "${NONE}") { headcount } }` },
  ...crud('Case', 'Cases', 'CASES_READ' as Permission, 'CASES_WRITE' as Permission, `{ contactId: "${NONE}", type: GRIEVANCE }`),
  setCaseTeam: { permission: 'CASES_WRITE' as Permission, op: `mutation { setCaseTeam(caseId: "${NONE}", data: { caseworkerId: "${NONE}" }) { id } }` },
  linkCases: { permission: 'CASES_WRITE' as Permission, op: `mutation { linkCases(data: { caseId: "${NONE}", linkedCaseId: "${NONE}" }) { id } }` },
  unlinkCases: { permission: 'CASES_WRITE' as Permission, op: `mutation { unlinkCases(data: { caseId: "${NONE}", linkedCaseId: "${NONE}" }) }` },
  allCaseDeadlines: { permission: 'CASES_READ' as Permission, op: '{ allCaseDeadlines(perPage: 1) { key } }' },
  _allCaseDeadlinesMeta: { permission: 'CASES_READ' as Permission, op: '{ _allCaseDeadlinesMeta { count } }' },
  caseTeamCandidates: { permission: 'CASES_WRITE' as Permission, op: `{ caseTeamCandidates(caseId: "${NONE}", role: CASEWORKER) { id } }` },
  ...crud('CaseMeeting', 'CaseMeetings', 'CASES_READ' as Permission, 'CASES_WRITE' as Permission, `{ caseId: "${NONE}", kind: OTHER, date: "2026-12-01" }`),
  ...crud('CaseCustomDeadline', 'CaseCustomDeadlines', 'CASES_READ' as Permission, 'CASES_WRITE' as Permission, `{ caseId: "${NONE}", label: "x", due: "2026-12-01" }`),
  CaseNote: { permission: 'CASES_READ' as Permission, op: `{ CaseNote(id: "${NONE}") { id } }` },
  allCaseNotes: { permission: 'CASES_READ' as Permission, op: '{ allCaseNotes(perPage: 1) { id } }' },
  _allCaseNotesMeta: { permission: 'CASES_READ' as Permission, op: '{ _allCaseNotesMeta { count } }' },
  // a case's rep adds notes too: CASES_READ (the service checks the team)
  createCaseNote: { permission: 'CASES_READ' as Permission, op: `mutation { createCaseNote(data: { caseId: "${NONE}", body: "x" }) { id } }` },
  // the calendar feed: for whoever may be on a case team (making one changes no case table, so the counts below hold)
  calendarFeed: { permission: 'CASES_READ' as Permission, op: '{ calendarFeed { id } }' },
  regenerateCalendarFeed: { permission: 'CASES_READ' as Permission, op: 'mutation { regenerateCalendarFeed { url } }' },
  revokeCalendarFeed: { permission: 'CASES_READ' as Permission, op: 'mutation { revokeCalendarFeed }' },
  // a case's rep deletes what they uploaded: CASES_READ (the service checks the case's rights and the uploader)
  deleteCaseDocument: { permission: 'CASES_READ' as Permission, op: `mutation { deleteCaseDocument(id: "${NONE}") { id } }` },
  ...crud('Campaign', 'Campaigns', 'AGGREGATES_READ' as Permission, 'CAMPAIGNS_MANAGE' as Permission, `{ name: "", branchId: "${NONE}", startDate: "2026-01-01" }`),
  setStructureTestThreshold: { permission: 'CAMPAIGNS_MANAGE' as Permission, op: `mutation { setStructureTestThreshold(branchId: "${NONE}", percent: 0) { id } }` },
  ...crud('CampaignAction', 'CampaignActions', 'AGGREGATES_READ' as Permission, 'CAMPAIGNS_MANAGE' as Permission,
    `{ campaignId: "${NONE}", kind: MEETING, title: "", date: "2026-01-01" }`),
  structureTest: { permission: 'AGGREGATES_READ' as Permission, op: `{ structureTest(actionId: "${NONE}") { id } }` },
  campaignRecruitment: { permission: 'AGGREGATES_READ' as Permission, op: `{ campaignRecruitment(campaignId: "${NONE}") { id } }` },
  campaignPeopleToAsk: { permission: 'PEOPLE_READ' as Permission, op: `{ campaignPeopleToAsk(campaignId: "${NONE}") { total } }` },
  ...reads('Participation', 'Participations', 'PEOPLE_READ' as Permission),
  recordParticipation: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { recordParticipation(actionId: "${NONE}", entries: []) { id } }` },
  ...crud('Ballot', 'Ballots', 'PEOPLE_READ' as Permission, 'BALLOTS_MANAGE' as Permission,
    `{ name: "", branchId: "${NONE}", unionId: "${NONE}", questions: [STRIKE], cutOffDate: "2026-12-01", openingDate: "2026-12-02", closingDate: "2026-12-30" }`),
  setBallotResult: { permission: 'BALLOTS_MANAGE' as Permission, op: `mutation { setBallotResult(id: "${NONE}", data: { entitled: 10, votesCast: 5, yes: 3, no: 2 }) { id } }` },
  allBallotMembers: { permission: 'PEOPLE_READ' as Permission, op: `{ allBallotMembers(filter: { ballotId: "${NONE}" }) { id } }` },
  _allBallotMembersMeta: { permission: 'PEOPLE_READ' as Permission, op: `{ _allBallotMembersMeta(filter: { ballotId: "${NONE}" }) { count } }` },
  ballotMemberHistory: { permission: 'PEOPLE_READ' as Permission, op: `{ ballotMemberHistory(ballotId: "${NONE}", contactId: "${NONE}") { id } }` },
  contactBallots: { permission: 'PEOPLE_READ' as Permission, op: `{ contactBallots(contactId: "${NONE}") { state } }` },
  setBallotMemberState: { permission: 'PEOPLE_WRITE' as Permission, op: `mutation { setBallotMemberState(ballotId: "${NONE}", contactId: "${NONE}", state: VOTED) { id } }` },
  // imports (a branch secretary's or admin's: WORKPLACE_WRITE)
  importRun: { permission: 'WORKPLACE_WRITE' as Permission, op: `{ importRun(id: "${NONE}") { id } }` },
  allImportRuns: { permission: 'WORKPLACE_WRITE' as Permission, op: '{ allImportRuns { id } }' },
  _allImportRunsMeta: { permission: 'WORKPLACE_WRITE' as Permission, op: '{ _allImportRunsMeta { count } }' },
  importRows: { permission: 'WORKPLACE_WRITE' as Permission, op: `{ importRows(importId: "${NONE}") { rowNo } }` },
  setImportMapping: { permission: 'WORKPLACE_WRITE' as Permission, op: `mutation { setImportMapping(input: { id: "${NONE}", mapping: [] }) { id } }` },
  dryRunImport: { permission: 'WORKPLACE_WRITE' as Permission, op: `mutation { dryRunImport(id: "${NONE}") { id } }` },
  resolveImportRow: { permission: 'WORKPLACE_WRITE' as Permission, op: `mutation { resolveImportRow(input: { importId: "${NONE}", rowNo: 2, contactId: null }) { id } }` },
  applyImport: { permission: 'WORKPLACE_WRITE' as Permission, op: `mutation { applyImport(id: "${NONE}") { id } }` },
  cancelImport: { permission: 'WORKPLACE_WRITE' as Permission, op: `mutation { cancelImport(id: "${NONE}") { id } }` },
  allDuplicateContacts: { permission: 'PEOPLE_READ' as Permission, op: '{ allDuplicateContacts(perPage: 1) { id } }' },
  _allDuplicateContactsMeta: { permission: 'PEOPLE_READ' as Permission, op: '{ _allDuplicateContactsMeta { count } }' },
  mergeSides: { permission: 'PEOPLE_MERGE' as Permission, op: `{ mergeSides(keepId: "${NONE}", mergeId: "${NONE}") { conversations } }` },
  contactMerges: { permission: 'PEOPLE_MERGE' as Permission, op: `{ contactMerges(contactId: "${NONE}") { id } }` },
  mergeContacts: { permission: 'PEOPLE_MERGE' as Permission, op: `mutation { mergeContacts(keepId: "${NONE}", mergeId: "${NONE}") { id } }` },
  undoMerge: { permission: 'PEOPLE_MERGE' as Permission, op: `mutation { undoMerge(mergeId: "${NONE}") { id } }` },
  dismissDuplicate: { permission: 'PEOPLE_MERGE' as Permission, op: `mutation { dismissDuplicate(aId: "${NONE}", bId: "${NONE}") }` },
  ...reads('AuditEvent', 'AuditEvents', 'AUDIT_READ' as Permission),
  me: { permission: 'SELF' as Permission, op: '{ me { id } }' },
  login: { permission: 'PUBLIC', op: 'mutation { login(email: "nobody@example.org", password: "x") { token } }' },
  changePassword: { permission: 'SELF' as Permission, op: 'mutation { changePassword(currentPassword: "wrong", newPassword: "long-enough-password") { token } }' },
  // last: it ends the session
  logout: { permission: 'SELF' as Permission, op: 'mutation { logout }' },
};

const ROLE_OF: Record<Login, Role> = {
  admin: Role.ADMIN, secretary: Role.BRANCH_SECRETARY, caseworker: Role.CASEWORKER, rep: Role.REP,
  coalition: Role.COALITION_VIEWER, bmaSecretary: Role.BRANCH_SECRETARY, secretary2: Role.BRANCH_SECRETARY,
};

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('authorisation matrix (roles)', () => {
  it('has a row for every query and mutation in the schema', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(fields.filter((f) => !MATRIX[f]).sort()).toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !fields.includes(f)).sort()).toEqual([]);
  });

  // One test per login, so that each stays well inside the timeout on a busy machine.
  const counts = async () => (await t.sql(`SELECT (SELECT count(*) FROM employer) + (SELECT count(*) FROM site) + (SELECT count(*) FROM ward)
    + (SELECT count(*) FROM trade_union) + (SELECT count(*) FROM contact) + (SELECT count(*) FROM membership) + (SELECT count(*) FROM rep_role)
    + (SELECT count(*) FROM conversation) + (SELECT count(*) FROM assessment) + (SELECT count(*) FROM issue_tag) + (SELECT count(*) FROM contact_link)
    + (SELECT count(*) FROM case_file) + (SELECT count(*) FROM case_team) + (SELECT count(*) FROM case_link) + (SELECT count(*) FROM case_meeting)
    + (SELECT count(*) FROM case_custom_deadline) + (SELECT count(*) FROM case_note) + (SELECT count(*) FROM case_document)
    + (SELECT count(*) FROM campaign) + (SELECT count(*) FROM campaign_action) + (SELECT count(*) FROM participation) + (SELECT count(*) FROM campaign_union) + (SELECT count(*) FROM ballot) + (SELECT count(*) FROM ballot_member_state) AS n`))[0].n;
  let before: number;
  let cells = 0;
  let refused = 0;
  beforeAll(async () => { before = await counts(); });

  it.each(Object.keys(LOGINS) as Login[])('allows exactly what each role is permitted and refuses the rest, as %s', async (who) => {
    const wrong: string[] = [];
    const as = t.as(who);
    for (const [field, row] of Object.entries(MATRIX)) {
      const res = await as(row.op);
      const code = res.errors?.[0]?.extensions?.code;
      const allowed = row.permission === 'PUBLIC' || ROLE_PERMISSIONS[ROLE_OF[who]].includes(row.permission);
      cells++;
      if (code === 'FORBIDDEN') refused++;
      // login with wrong credentials is "allowed" to run: it answers that the password is wrong
      const ranLogin = row.permission === 'PUBLIC' && res.errors?.[0]?.message === 'Email or password is incorrect';
      const ok = allowed
        ? ranLogin || (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED' && code !== 'INTERNAL_SERVER_ERROR')
        : code === 'FORBIDDEN';
      if (!ok) wrong.push(`${who} ${field}: expected ${allowed ? 'allowed' : 'FORBIDDEN'}, got ${code ?? 'data'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('checked every cell, refused many, and changed nothing', async () => {
    console.log(`authorisation matrix: ${cells} cells checked, ${refused} refused`);
    expect(cells).toBe(Object.keys(LOGINS).length * Object.keys(MATRIX).length);
    expect(refused).toBeGreaterThan(50);
    expect(await counts()).toBe(before);
  });
});
