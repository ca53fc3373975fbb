import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { buildSchema } from 'graphql';
import { AuditService } from '../../apps/api/src/audit/audit.service.js';
import { errorOf, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import { cloneRow, PATCH_SITES } from '../fixtures/scope-targets.js';

/**
 * Every mutation in the committed schema, run once successfully, writes the audit entries of what it
 * changed: the action, the record's type and id, who did it, and the record before and after
 * (an update has both, a create only after, a delete only before). Rows a mutation changes besides
 * its own record (a branch's creator gains the admin role; deleting a site takes it off a rep's patch)
 * are entries of their own, about those records. Nothing else is written. A mutation without a row
 * here fails the test, so a new one cannot be forgotten.
 *
 * The rows run in order, on records the earlier rows made: creates, updates, then deletes.
 */
type Action = 'CREATE' | 'UPDATE' | 'DELETE' | 'LOGIN_SUCCEEDED' | 'LOGOUT' | 'PASSWORD_CHANGED';

interface Entry {
  action: Action;
  entityType: string | null;
  entityId: string | null;
  /** Who is recorded as doing it (the caller of the row unless said). */
  by?: { id: string; email: string };
  /** Parts the snapshots must contain (toMatchObject). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** For events that change no row (login): no snapshots expected. */
  noSnapshot?: boolean;
}

interface Row {
  /** Why the entries are what they are, where it is not plain. */
  note?: string;
  /** Who runs it: the admin (unless said), the token of an earlier row, or no one (login). */
  as?: (() => string) | null;
  op: () => [string, Record<string, unknown>?];
  /** The entries the call must write, given the mutation's result. */
  entries: (result: any) => Entry[];
  /** For a call that leaves work to a job: resolves once that work has ended (its entries are then read). */
  settle?: () => Promise<void>;
}

const PASSWORD = 'audit-coverage-password';
const NEW_PASSWORD = 'audit-coverage-password-2';

let t: TestApp;
/** Fixed records of the demo data, and the records the rows make as they go. */
const s = {
  org: '', admin: { id: '', email: LOGINS.admin }, adminBranch: '', demoWard: '', leaderContact: '',
  employer: '', site: '', ward: '', union: '', tag: '', branch: '', user: { id: '', email: 'audit.coverage@unison.example' }, userToken: '',
  contact: '', membership: '', repRole: '', assessment: '', link: '', conversation: '',
  rep: '', member: '', partnerCase: '', kase: '', meeting: '', customDeadline: '', note: '', calendarFeed: '', document: '',
  ballotUnion: '', ballot: '', chase: '',
  campaign: '', action: '', partnerAction: '', participation: '', threshold: 0,
  importRun: '', reviewRun: '',
  dupKeep: '', dupMerge: '', merge: '',
};
const adminRoles = async () => (await t.sql('SELECT branch_id AS "branchId", role FROM user_branch_role WHERE user_id = $1', [s.admin.id])) as { branchId: string; role: string }[];

const ROWS: Record<string, Row> = {
  createEmployer: {
    op: () => ['mutation { createEmployer(data: { name: "Audit Coverage Trust" }) { id } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'Employer', entityId: (s.employer = r.id), after: { name: 'Audit Coverage Trust' } }],
  },
  updateEmployer: {
    op: () => ['mutation($id: ID!) { updateEmployer(id: $id, data: { region: "North West" }) { id } }', { id: s.employer }],
    entries: () => [{ action: 'UPDATE', entityType: 'Employer', entityId: s.employer, before: { region: null }, after: { region: 'North West' } }],
  },
  createSite: {
    op: () => ['mutation($e: ID!) { createSite(data: { name: "Audit Clinic", kind: CLINIC, employerId: $e }) { id } }', { e: s.employer }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Site', entityId: (s.site = r.id), after: { name: 'Audit Clinic', employerId: s.employer } }],
  },
  updateSite: {
    op: () => ['mutation($id: ID!) { updateSite(id: $id, data: { postcode: "M1 1AA" }) { id } }', { id: s.site }],
    entries: () => [{ action: 'UPDATE', entityType: 'Site', entityId: s.site, before: { postcode: null }, after: { postcode: 'M1 1AA' } }],
  },
  createWard: {
    op: () => ['mutation($s: ID!) { createWard(data: { name: "Audit Ward", type: DEPARTMENT, siteId: $s }) { id } }', { s: s.site }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Ward', entityId: (s.ward = r.id), after: { name: 'Audit Ward', siteId: s.site } }],
  },
  updateWard: {
    op: () => ['mutation($id: ID!) { updateWard(id: $id, data: { speciality: "Audit" }) { id } }', { id: s.ward }],
    entries: () => [{ action: 'UPDATE', entityType: 'Ward', entityId: s.ward, before: { speciality: null }, after: { speciality: 'Audit' } }],
  },
  createUnion: {
    op: () => ['mutation { createUnion(data: { name: "Audit Workers Union", shortName: "AWU" }) { id } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'Union', entityId: (s.union = r.id), after: { shortName: 'AWU' } }],
  },
  updateUnion: {
    op: () => ['mutation($id: ID!) { updateUnion(id: $id, data: { name: "Audit Workers Union (UK)" }) { id } }', { id: s.union }],
    entries: () => [{ action: 'UPDATE', entityType: 'Union', entityId: s.union, before: { name: 'Audit Workers Union' }, after: { name: "Audit Workers Union (UK)" } }],
  },
  createIssueTag: {
    op: () => ['mutation { createIssueTag(data: { name: "Audit coverage" }) { id } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'IssueTag', entityId: (s.tag = r.id), after: { name: 'Audit coverage', active: true } }],
  },
  updateIssueTag: {
    op: () => ['mutation($id: ID!) { updateIssueTag(id: $id, data: { name: "Audit coverage (renamed)" }) { id } }', { id: s.tag }],
    entries: () => [{ action: 'UPDATE', entityType: 'IssueTag', entityId: s.tag, before: { name: 'Audit coverage' }, after: { name: 'Audit coverage (renamed)' } }],
  },
  takeDensitySnapshot: {
    note: 'Snapshot rows are counts, not records of anyone: one entry says which days were taken.',
    op: () => ['mutation { takeDensitySnapshot { from to days } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'DensitySnapshot', entityId: null, after: { from: r.from, to: r.to, days: 1 } }],
  },
  publishCoalitionAggregates: {
    note: 'Published rows are suppressed counts by ODS code, not records of anyone: one entry says how many were published.',
    op: () => ['mutation { publishCoalitionAggregates { published } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'CoalitionPublication', entityId: null, after: { rows: r.published } }],
  },
  setCoalitionSharing: {
    note: 'Turning sharing off also removes what the organisation published: the entry records the count before and after.',
    op: () => ['mutation { setCoalitionSharing(share: false) { sharing } }'],
    entries: () => [{
      action: 'UPDATE', entityType: 'Organisation', entityId: s.org,
      before: { shareCoalitionAggregates: true, published: expect.any(Number) }, after: { shareCoalitionAggregates: false, published: 0 },
    }],
  },
  backfillDensitySnapshots: {
    op: () => ['mutation { backfillDensitySnapshots(from: "2026-01-01", to: "2026-01-03") { days } }'],
    entries: () => [{ action: 'CREATE', entityType: 'DensitySnapshot', entityId: null, after: { from: '2026-01-01', to: '2026-01-03', days: 3 } }],
  },
  createBranch: {
    note: 'Also gives the caller the admin role in the new branch: an update of their account.',
    op: () => ['mutation($e: ID!) { createBranch(data: { name: "Audit branch", employerIds: [$e] }) { id } }', { e: s.employer }],
    entries: (r) => [
      { action: 'CREATE', entityType: 'Branch', entityId: (s.branch = r.id), after: { name: 'Audit branch', employerIds: [s.employer] } },
      {
        action: 'UPDATE', entityType: 'User', entityId: s.admin.id,
        before: { roles: [{ branchId: s.adminBranch, role: 'ADMIN' }] },
        after: { roles: expect.arrayContaining([{ branchId: s.adminBranch, role: 'ADMIN' }, { branchId: s.branch, role: 'ADMIN' }]) },
      },
    ],
  },
  updateBranch: {
    op: () => ['mutation($id: ID!) { updateBranch(id: $id, data: { name: "Audit branch (renamed)" }) { id } }', { id: s.branch }],
    entries: () => [{ action: 'UPDATE', entityType: 'Branch', entityId: s.branch, before: { name: 'Audit branch' }, after: { name: 'Audit branch (renamed)' } }],
  },
  createUser: {
    op: () => ['mutation($d: UserCreateInput!) { createUser(data: $d) { id } }', { d: {
      email: s.user.email, displayName: 'Audit Rep', password: PASSWORD, roles: [{ branchId: s.branch, role: 'REP' }], patchSiteIds: [s.site],
    } }],
    entries: (r) => [{
      action: 'CREATE', entityType: 'User', entityId: (s.user.id = r.id),
      after: { email: s.user.email, roles: [{ branchId: s.branch, role: 'REP' }], patchSiteIds: [s.site] },
    }],
  },
  login: {
    note: 'Changes no record of the app: the sign-in itself is the event.',
    as: null,
    op: () => ['mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: s.user.email, p: PASSWORD }],
    entries: (r) => {
      s.userToken = r.token;
      return [{ action: 'LOGIN_SUCCEEDED', entityType: null, entityId: null, by: s.user, noSnapshot: true }];
    },
  },
  changePassword: {
    note: 'Sets the password hash (never recorded) and ends the other sessions (app_user.token_version).',
    as: () => s.userToken,
    op: () => ['mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }', { c: PASSWORD, n: NEW_PASSWORD }],
    entries: (r) => {
      s.userToken = r.token;
      return [{
        action: 'PASSWORD_CHANGED', entityType: 'User', entityId: s.user.id, by: s.user,
        before: { tokenVersion: expect.any(Number) }, after: { tokenVersion: expect.any(Number), passwordChanged: true },
      }];
    },
  },
  logout: {
    note: 'Ends every session of the caller: app_user.token_version goes up.',
    as: () => s.userToken,
    op: () => ['mutation { logout }'],
    entries: () => [{ action: 'LOGOUT', entityType: 'User', entityId: s.user.id, by: s.user, before: { tokenVersion: expect.any(Number) }, after: { tokenVersion: expect.any(Number) } }],
  },
  createContact: {
    note: 'Also posts the person to their first ward (a posting row): the ward is in the snapshot.',
    op: () => ['mutation($d: ContactCreateInput!) { createContact(data: $d) { id } }', { d: {
      firstName: 'Audrey', lastName: 'Coverage', staffGroup: 'NURSING_MIDWIFERY_REGISTERED', shiftPattern: 'DAYS', contractType: 'SUBSTANTIVE',
      employerId: t.demoEmployerId, wardId: s.demoWard,
    } }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Contact', entityId: (s.contact = r.id), after: { lastName: 'Coverage', wardId: s.demoWard } }],
  },
  updateContact: {
    op: () => ['mutation($id: ID!) { updateContact(id: $id, data: { jobTitle: "Staff Nurse" }) { id } }', { id: s.contact }],
    entries: () => [{ action: 'UPDATE', entityType: 'Contact', entityId: s.contact, before: { jobTitle: null }, after: { jobTitle: 'Staff Nurse' } }],
  },
  createMembership: {
    op: () => ['mutation($c: ID!, $u: ID!) { createMembership(data: { contactId: $c, unionId: $u, status: PENDING, source: SELF_REPORTED }) { id } }', { c: s.contact, u: s.union }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Membership', entityId: (s.membership = r.id), after: { status: 'PENDING', unionId: s.union } }],
  },
  updateMembership: {
    op: () => ['mutation($id: ID!) { updateMembership(id: $id, data: { status: MEMBER }) { id } }', { id: s.membership }],
    entries: () => [{ action: 'UPDATE', entityType: 'Membership', entityId: s.membership, before: { status: 'PENDING' }, after: { status: 'MEMBER' } }],
  },
  createRepRole: {
    op: () => ['mutation($c: ID!, $w: [ID!]!) { createRepRole(data: { contactId: $c, kind: LEARNING_REP, wardIds: $w }) { id } }', { c: s.contact, w: [s.ward, s.demoWard] }],
    entries: (r) => [{ action: 'CREATE', entityType: 'RepRole', entityId: (s.repRole = r.id), after: { kind: 'LEARNING_REP', wardIds: expect.arrayContaining([s.ward, s.demoWard]) } }],
  },
  updateRepRole: {
    op: () => ['mutation($id: ID!) { updateRepRole(id: $id, data: { kind: HEALTH_SAFETY_REP }) { id } }', { id: s.repRole }],
    entries: () => [{ action: 'UPDATE', entityType: 'RepRole', entityId: s.repRole, before: { kind: 'LEARNING_REP' }, after: { kind: 'HEALTH_SAFETY_REP' } }],
  },
  assessContact: {
    op: () => ['mutation($c: ID!) { assessContact(data: { contactId: $c, value: 3 }) { id } }', { c: s.contact }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Assessment', entityId: (s.assessment = r.id), after: { value: 3, contactId: s.contact } }],
  },
  setLeader: {
    op: () => ['mutation($c: ID!) { setLeader(data: { contactId: $c, leader: true, reason: "Organised the rota petition" }) { id } }', { c: s.contact }],
    entries: () => [{ action: 'UPDATE', entityType: 'Contact', entityId: s.contact, before: { leader: false }, after: { leader: true, leaderReason: 'Organised the rota petition' } }],
  },
  linkContacts: {
    note: 'A link that already exists is answered as it is, and writes nothing.',
    op: () => ['mutation($l: ID!, $f: ID!) { linkContacts(data: { leaderId: $l, followerId: $f }) { id } }', { l: s.leaderContact, f: s.contact }],
    entries: (r) => [{ action: 'CREATE', entityType: 'ContactLink', entityId: (s.link = r.id), after: { leaderId: s.leaderContact, followerId: s.contact } }],
  },
  unlinkContacts: {
    note: 'Answers a Boolean: the entry names the link it removed (false, and nothing written, when there was none).',
    op: () => ['mutation($l: ID!, $f: ID!) { unlinkContacts(data: { leaderId: $l, followerId: $f }) }', { l: s.leaderContact, f: s.contact }],
    entries: () => [{ action: 'DELETE', entityType: 'ContactLink', entityId: s.link, before: { leaderId: s.leaderContact, followerId: s.contact } }],
  },
  createConversation: {
    note: 'Its assessment (a row of the history) and issue tags are in the snapshot.',
    op: () => ['mutation($c: ID!, $t: [ID!]) { createConversation(data: { contactId: $c, assessment: 2, issueTagIds: $t, notes: "Talked about rotas" }) { id } }', { c: s.contact, t: [s.tag] }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Conversation', entityId: (s.conversation = r.id), after: { assessment: 2, issueTagIds: [s.tag] } }],
  },
  updateConversation: {
    op: () => ['mutation($id: ID!) { updateConversation(id: $id, data: { notes: "Talked about rotas and breaks" }) { id } }', { id: s.conversation }],
    entries: () => [{ action: 'UPDATE', entityType: 'Conversation', entityId: s.conversation, before: { notes: 'Talked about rotas' }, after: { notes: 'Talked about rotas and breaks' } }],
  },
  // a ballot of the admin's branch, in which the member (a member of its union since 2020, made before the run) pledges
  createBallot: {
    op: () => ['mutation($d: BallotCreateInput!) { createBallot(data: $d) { id } }', { d: {
      name: 'Audit ballot', branchId: s.adminBranch, unionId: s.ballotUnion, questions: ['STRIKE'], cutOffDate: '2026-01-10', openingDate: '2026-01-20', closingDate: '2026-02-10',
    } }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Ballot', entityId: (s.ballot = r.id), after: { name: 'Audit ballot', questions: ['STRIKE'] } }],
  },
  updateBallot: {
    op: () => ['mutation($id: ID!) { updateBallot(id: $id, data: { name: "Audit ballot (renamed)" }) { id } }', { id: s.ballot }],
    entries: () => [{ action: 'UPDATE', entityType: 'Ballot', entityId: s.ballot, before: { name: 'Audit ballot' }, after: { name: 'Audit ballot (renamed)' } }],
  },
  setBallotResult: {
    op: () => ['mutation($id: ID!) { setBallotResult(id: $id, data: { entitled: 100, votesCast: 60, yes: 50, no: 10 }) { id } }', { id: s.ballot }],
    entries: () => [{ action: 'UPDATE', entityType: 'Ballot', entityId: s.ballot, before: { resultYes: null }, after: { resultEntitled: 100, resultYes: 50 } }],
  },
  // a campaign of the admin's branch, with one action
  createCampaign: {
    op: () => ['mutation($d: CampaignCreateInput!) { createCampaign(data: $d) { id } }', { d: {
      name: 'Audit campaign', branchId: s.adminBranch, startDate: '2026-01-05', unionIds: [s.ballotUnion],
    } }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Campaign', entityId: (s.campaign = r.id), after: { name: 'Audit campaign', unionIds: [s.ballotUnion] } }],
  },
  updateCampaign: {
    op: () => ['mutation($id: ID!) { updateCampaign(id: $id, data: { goal: "Everyone on the ward asked" }) { id } }', { id: s.campaign }],
    entries: () => [{ action: 'UPDATE', entityType: 'Campaign', entityId: s.campaign, before: { goal: null }, after: { goal: 'Everyone on the ward asked' } }],
  },
  createCampaignAction: {
    op: () => ['mutation($c: ID!) { createCampaignAction(data: { campaignId: $c, title: "Audit petition", kind: PETITION, date: "2026-01-12" }) { id } }', { c: s.campaign }],
    entries: (r) => [{ action: 'CREATE', entityType: 'CampaignAction', entityId: (s.action = r.id), after: { title: 'Audit petition', campaignId: s.campaign } }],
  },
  updateCampaignAction: {
    op: () => ['mutation($id: ID!) { updateCampaignAction(id: $id, data: { isStructureTest: true }) { id } }', { id: s.action }],
    entries: () => [{ action: 'UPDATE', entityType: 'CampaignAction', entityId: s.action, before: { isStructureTest: false }, after: { isStructureTest: true } }],
  },
  recordParticipation: {
    note: "On an action made before the run, so that the run's action and campaign can then be deleted (refused while participation is recorded on them).",
    op: () => ['mutation($a: ID!, $c: ID!) { recordParticipation(actionId: $a, entries: [{ contactId: $c, state: PLEDGED }]) { id } }', { a: s.partnerAction, c: s.member }],
    entries: (r) => [{ action: 'CREATE', entityType: 'Participation', entityId: (s.participation = r[0].id), after: { state: 'PLEDGED', contactId: s.member, actionId: s.partnerAction } }],
  },
  setStructureTestThreshold: {
    op: () => ['mutation($b: ID!) { setStructureTestThreshold(branchId: $b, percent: 65) { id } }', { b: s.adminBranch }],
    entries: () => [{ action: 'UPDATE', entityType: 'Branch', entityId: s.adminBranch, before: { structureTestThreshold: s.threshold }, after: { structureTestThreshold: 65 } }],
  },
  setBallotMemberState: {
    note: 'A new row of the member\'s chase history (who and when are in it).',
    op: () => ['mutation($b: ID!, $c: ID!) { setBallotMemberState(ballotId: $b, contactId: $c, state: PLEDGED_YES) { id } }', { b: s.ballot, c: s.member }],
    entries: (r) => [{ action: 'CREATE', entityType: 'BallotMemberState', entityId: (s.chase = r.id), after: { state: 'PLEDGED_YES', contactId: s.member, ballotId: s.ballot } }],
  },
  // duplicates: two copies of a demo contact (made before the run)
  dismissDuplicate: {
    note: 'A pair judged not the same person: the dismissal names both (it has no id of its own).',
    op: () => ['mutation($a: ID!, $b: ID!) { dismissDuplicate(aId: $a, bId: $b) }', { a: s.dupKeep, b: s.dupMerge }],
    entries: () => [{ action: 'CREATE', entityType: 'DuplicateDismissal', entityId: null, after: { aId: s.dupKeep, bId: s.dupMerge } }],
  },
  mergeContacts: {
    note: "The merge record (everything that moved), the merged contact's soft deletion, and the kept contact's fields it took.",
    op: () => ['mutation($k: ID!, $m: ID!) { mergeContacts(keepId: $k, mergeId: $m, choices: { fromMerged: [firstName] }) { id } }', { k: s.dupKeep, m: s.dupMerge }],
    entries: (r) => [
      { action: 'CREATE', entityType: 'ContactMerge', entityId: (s.merge = r.id), after: { keptId: s.dupKeep, mergedId: s.dupMerge, fields: { firstName: { from: 'Audit Keep', to: 'Audit Merge' } } } },
      { action: 'DELETE', entityType: 'Contact', entityId: s.dupMerge, before: { firstName: 'Audit Merge' } },
      { action: 'UPDATE', entityType: 'Contact', entityId: s.dupKeep, before: { firstName: 'Audit Keep' }, after: { firstName: 'Audit Merge' } },
    ],
  },
  undoMerge: {
    note: 'The merge marked undone, the merged contact back, the kept contact\'s fields restored.',
    op: () => ['mutation($id: ID!) { undoMerge(mergeId: $id) { id } }', { id: s.merge }],
    entries: () => [
      { action: 'UPDATE', entityType: 'ContactMerge', entityId: s.merge, before: { undone: false }, after: { undone: true } },
      { action: 'CREATE', entityType: 'Contact', entityId: s.dupMerge, after: { firstName: 'Audit Merge' } },
      { action: 'UPDATE', entityType: 'Contact', entityId: s.dupKeep, before: { firstName: 'Audit Merge' }, after: { firstName: 'Audit Keep' } },
    ],
  },
  // casework: the appeal (s.kase) of a case made before the run (s.partnerCase), of the same member
  createCase: {
    note: 'Its team (the caller as caseworker by default) is in the snapshot; its sealed summary only as hasSummary.',
    op: () => ['mutation($c: ID!) { createCase(data: { contactId: $c, type: APPEAL, summary: "Appeal against the warning" }) { id } }', { c: s.member }],
    entries: (r) => [{
      action: 'CREATE', entityType: 'Case', entityId: (s.kase = r.id),
      after: { type: 'APPEAL', contactId: s.member, hasSummary: true, team: [{ userId: s.admin.id, role: 'CASEWORKER' }], linkedCaseIds: [] },
    }],
  },
  updateCase: {
    op: () => ['mutation($id: ID!) { updateCase(id: $id, data: { status: AWAITING_MEETING, summary: "Appeal against the final written warning" }) { id } }', { id: s.kase }],
    entries: () => [{ action: 'UPDATE', entityType: 'Case', entityId: s.kase, before: { status: 'OPEN', hasSummary: true }, after: { status: 'AWAITING_MEETING', hasSummary: true } }],
  },
  setCaseTeam: {
    note: 'A new team is an update of the case.',
    op: () => ['mutation($id: ID!, $u: ID!, $r: ID!) { setCaseTeam(caseId: $id, data: { caseworkerId: $u, repId: $r }) { id } }', { id: s.kase, u: s.admin.id, r: s.rep }],
    entries: () => [{
      action: 'UPDATE', entityType: 'Case', entityId: s.kase,
      before: { team: [{ userId: s.admin.id, role: 'CASEWORKER' }] }, after: { team: [{ userId: s.admin.id, role: 'CASEWORKER' }, { userId: s.rep, role: 'REP' }] },
    }],
  },
  linkCases: {
    note: 'A link is an update of the appeal (or claim) that follows the other case.',
    op: () => ['mutation($a: ID!, $c: ID!) { linkCases(data: { caseId: $a, linkedCaseId: $c }) { id } }', { a: s.kase, c: s.partnerCase }],
    entries: () => [{ action: 'UPDATE', entityType: 'Case', entityId: s.kase, before: { linkedCaseIds: [] }, after: { linkedCaseIds: [s.partnerCase] } }],
  },
  createCaseMeeting: {
    note: 'Its sealed notes only as hasNotes.',
    op: () => ['mutation($c: ID!) { createCaseMeeting(data: { caseId: $c, kind: APPEAL_HEARING, date: "2026-12-14", notes: "Bring the letter" }) { id } }', { c: s.kase }],
    entries: (r) => [{ action: 'CREATE', entityType: 'CaseMeeting', entityId: (s.meeting = r.id), after: { caseId: s.kase, kind: 'APPEAL_HEARING', date: '2026-12-14', hasNotes: true } }],
  },
  updateCaseMeeting: {
    op: () => ['mutation($id: ID!) { updateCaseMeeting(id: $id, data: { place: "Room 4" }) { id } }', { id: s.meeting }],
    entries: () => [{ action: 'UPDATE', entityType: 'CaseMeeting', entityId: s.meeting, before: { place: null }, after: { place: 'Room 4' } }],
  },
  createCaseCustomDeadline: {
    op: () => ['mutation($c: ID!) { createCaseCustomDeadline(data: { caseId: $c, label: "Send the appeal pack", due: "2026-12-10" }) { id } }', { c: s.kase }],
    entries: (r) => [{ action: 'CREATE', entityType: 'CaseCustomDeadline', entityId: (s.customDeadline = r.id), after: { caseId: s.kase, label: 'Send the appeal pack', done: false } }],
  },
  updateCaseCustomDeadline: {
    op: () => ['mutation($id: ID!) { updateCaseCustomDeadline(id: $id, data: { done: true }) { id } }', { id: s.customDeadline }],
    entries: () => [{ action: 'UPDATE', entityType: 'CaseCustomDeadline', entityId: s.customDeadline, before: { done: false }, after: { done: true } }],
  },
  createCaseNote: {
    note: 'Who wrote it and when; never its text.',
    op: () => ['mutation($c: ID!) { createCaseNote(data: { caseId: $c, body: "Member agreed the grounds" }) { id } }', { c: s.kase }],
    entries: (r) => [{ action: 'CREATE', entityType: 'CaseNote', entityId: (s.note = r.id), after: { caseId: s.kase, authorId: s.admin.id } }],
  },
  regenerateCalendarFeed: {
    note: "The caller's first feed link makes their feed; a later one is an update of it (calendar-feed.e2e). Never the token or its hash.",
    op: () => ['mutation { regenerateCalendarFeed { id url } }'],
    entries: (r) => [{ action: 'CREATE', entityType: 'CalendarFeed', entityId: (s.calendarFeed = r.id), after: { userId: s.admin.id } }],
  },
  revokeCalendarFeed: {
    op: () => ['mutation { revokeCalendarFeed }'],
    entries: () => [{ action: 'DELETE', entityType: 'CalendarFeed', entityId: s.calendarFeed, before: { userId: s.admin.id } }],
  },
  unlinkCases: {
    note: 'Answers a Boolean: an update of the case that followed (false, and nothing written, when there was no link).',
    op: () => ['mutation($a: ID!, $c: ID!) { unlinkCases(data: { caseId: $a, linkedCaseId: $c }) }', { a: s.kase, c: s.partnerCase }],
    entries: () => [{ action: 'UPDATE', entityType: 'Case', entityId: s.kase, before: { linkedCaseIds: [s.partnerCase] }, after: { linkedCaseIds: [] } }],
  },
  deleteCaseCustomDeadline: {
    op: () => ['mutation($id: ID!) { deleteCaseCustomDeadline(id: $id) { id } }', { id: s.customDeadline }],
    entries: () => [{ action: 'DELETE', entityType: 'CaseCustomDeadline', entityId: s.customDeadline, before: { label: 'Send the appeal pack' } }],
  },
  deleteCaseDocument: {
    note: 'Uploads and downloads are plain HTTP routes (their entries: case-documents.e2e); the delete removes the bytes and keeps what it was.',
    op: () => ['mutation($id: ID!) { deleteCaseDocument(id: $id) { id } }', { id: s.document }],
    entries: () => [{ action: 'DELETE', entityType: 'CaseDocument', entityId: s.document, before: { caseId: s.partnerCase, filename: 'Outcome letter.pdf' } }],
  },
  deleteCaseMeeting: {
    op: () => ['mutation($id: ID!) { deleteCaseMeeting(id: $id) { id } }', { id: s.meeting }],
    entries: () => [{ action: 'DELETE', entityType: 'CaseMeeting', entityId: s.meeting, before: { place: 'Room 4' } }],
  },
  deleteCase: {
    note: 'Marked deleted (kept for history), recorded as the deletion it is to the user.',
    op: () => ['mutation($id: ID!) { deleteCase(id: $id) { id } }', { id: s.kase }],
    entries: () => [{ action: 'DELETE', entityType: 'Case', entityId: s.kase, before: { type: 'APPEAL', status: 'AWAITING_MEETING' } }],
  },
  deleteConversation: {
    note: 'Takes the assessment it recorded and its issue tags with it: both are in the snapshot.',
    op: () => ['mutation($id: ID!) { deleteConversation(id: $id) { id } }', { id: s.conversation }],
    entries: () => [{ action: 'DELETE', entityType: 'Conversation', entityId: s.conversation, before: { assessment: 2, issueTagIds: [s.tag] } }],
  },
  deleteCampaignAction: {
    op: () => ['mutation($id: ID!) { deleteCampaignAction(id: $id) { id } }', { id: s.action }],
    entries: () => [{ action: 'DELETE', entityType: 'CampaignAction', entityId: s.action, before: { title: 'Audit petition' } }],
  },
  deleteCampaign: {
    op: () => ['mutation($id: ID!) { deleteCampaign(id: $id) { id } }', { id: s.campaign }],
    entries: () => [{ action: 'DELETE', entityType: 'Campaign', entityId: s.campaign, before: { name: 'Audit campaign', goal: 'Everyone on the ward asked' } }],
  },
  deleteBallot: {
    note: 'Its chase history goes with it (ON DELETE CASCADE); the ballot\'s entry is the record of it.',
    op: () => ['mutation($id: ID!) { deleteBallot(id: $id) { id } }', { id: s.ballot }],
    entries: () => [{ action: 'DELETE', entityType: 'Ballot', entityId: s.ballot, before: { name: 'Audit ballot (renamed)' } }],
  },
  deleteIssueTag: {
    op: () => ['mutation($id: ID!) { deleteIssueTag(id: $id) { id } }', { id: s.tag }],
    entries: () => [{ action: 'DELETE', entityType: 'IssueTag', entityId: s.tag, before: { name: 'Audit coverage (renamed)' } }],
  },
  deleteWard: {
    note: 'Rep roles covering the ward lose it (ON DELETE CASCADE): an update of each.',
    op: () => ['mutation($id: ID!) { deleteWard(id: $id) { id } }', { id: s.ward }],
    entries: () => [
      { action: 'DELETE', entityType: 'Ward', entityId: s.ward, before: { name: 'Audit Ward' } },
      { action: 'UPDATE', entityType: 'RepRole', entityId: s.repRole, before: { wardIds: expect.arrayContaining([s.ward, s.demoWard]) }, after: { wardIds: [s.demoWard] } },
    ],
  },
  deleteSite: {
    note: "Reps' patches lose the site (ON DELETE CASCADE): an update of each account.",
    op: () => ['mutation($id: ID!) { deleteSite(id: $id) { id } }', { id: s.site }],
    entries: () => [
      { action: 'DELETE', entityType: 'Site', entityId: s.site, before: { name: 'Audit Clinic' } },
      { action: 'UPDATE', entityType: 'User', entityId: s.user.id, before: { patchSiteIds: [s.site] }, after: { patchSiteIds: [] } },
    ],
  },
  deleteEmployer: {
    note: 'Branches organising the employer lose it (ON DELETE CASCADE): an update of each.',
    op: () => ['mutation($id: ID!) { deleteEmployer(id: $id) { id } }', { id: s.employer }],
    entries: () => [
      { action: 'DELETE', entityType: 'Employer', entityId: s.employer, before: { name: 'Audit Coverage Trust', region: 'North West' } },
      { action: 'UPDATE', entityType: 'Branch', entityId: s.branch, before: { employerIds: [s.employer] }, after: { employerIds: [] } },
    ],
  },
  deleteRepRole: {
    op: () => ['mutation($id: ID!) { deleteRepRole(id: $id) { id } }', { id: s.repRole }],
    entries: () => [{ action: 'DELETE', entityType: 'RepRole', entityId: s.repRole, before: { kind: 'HEALTH_SAFETY_REP', wardIds: [s.demoWard] } }],
  },
  // imports (the upload is POST /imports, audited in import-upload.e2e)
  setImportMapping: {
    op: () => ['mutation($i: ImportMappingInput!) { setImportMapping(input: $i) { id } }', { i: { id: s.importRun, mapping: ['employeeNumber', 'firstName', 'lastName'] } }],
    entries: () => [{ action: 'UPDATE', entityType: 'ImportRun', entityId: s.importRun, before: { status: 'UPLOADED', mapping: null },
      after: { status: 'UPLOADED', mapping: ['employeeNumber', 'firstName', 'lastName'] } }],
  },
  dryRunImport: {
    op: () => ['mutation($id: ID!) { dryRunImport(id: $id) { id } }', { id: s.importRun }],
    entries: () => [{ action: 'UPDATE', entityType: 'ImportRun', entityId: s.importRun, before: { status: 'UPLOADED' }, after: { status: 'DRY_RUN' } }],
  },
  applyImport: {
    note: 'The request queues the apply (its entry); the job then records the outcome as the same user (settle waits for the job to end).',
    op: () => ['mutation($id: ID!) { applyImport(id: $id) { id } }', { id: s.importRun }],
    settle: () => importEnded(s.importRun),
    entries: () => [
      { action: 'UPDATE', entityType: 'ImportRun', entityId: s.importRun, before: { status: 'DRY_RUN' }, after: { status: 'QUEUED' } },
      { action: 'UPDATE', entityType: 'ImportRun', entityId: s.importRun, before: { status: 'APPLYING' }, after: { status: 'APPLIED' } },
    ],
  },
  resolveImportRow: {
    op: () => ['mutation($i: ResolveImportRowInput!) { resolveImportRow(input: $i) { id } }', { i: { importId: s.reviewRun, rowNo: 2, contactId: null, skip: true } }],
    entries: () => [{ action: 'UPDATE', entityType: 'ImportRun', entityId: s.reviewRun, before: { review: 1, refused: 0 }, after: { review: 0, refused: 1 } }],
  },
  cancelImport: {
    op: () => ['mutation($id: ID!) { cancelImport(id: $id) { id } }', { id: s.reviewRun }],
    entries: () => [{ action: 'UPDATE', entityType: 'ImportRun', entityId: s.reviewRun, before: { status: 'DRY_RUN' }, after: { status: 'CANCELLED' } }],
  },
  deleteMembership: {
    op: () => ['mutation($id: ID!) { deleteMembership(id: $id) { id } }', { id: s.membership }],
    entries: () => [{ action: 'DELETE', entityType: 'Membership', entityId: s.membership, before: { status: 'MEMBER' } }],
  },
  deleteContact: {
    note: 'A soft delete (deleted_at is set), recorded as the deletion it is to the user.',
    op: () => ['mutation($id: ID!) { deleteContact(id: $id) { id } }', { id: s.contact }],
    entries: () => [{ action: 'DELETE', entityType: 'Contact', entityId: s.contact, before: { lastName: 'Coverage' } }],
  },
  deleteUnion: {
    op: () => ['mutation($id: ID!) { deleteUnion(id: $id) { id } }', { id: s.union }],
    entries: () => [{ action: 'DELETE', entityType: 'Union', entityId: s.union, before: { shortName: 'AWU' } }],
  },
  updateUser: {
    op: () => ['mutation($id: ID!, $b: ID!) { updateUser(id: $id, data: { displayName: "Audit Rep (moved)", roles: [{ branchId: $b, role: REP }] }) { id } }', { id: s.user.id, b: s.adminBranch }],
    entries: () => [{
      action: 'UPDATE', entityType: 'User', entityId: s.user.id,
      before: { displayName: 'Audit Rep', roles: [{ branchId: s.branch, role: 'REP' }] },
      after: { displayName: 'Audit Rep (moved)', roles: [{ branchId: s.adminBranch, role: 'REP' }] },
    }],
  },
  deleteBranch: {
    note: "Takes the caller's own role in it (ON DELETE CASCADE): an update of their account.",
    op: () => ['mutation($id: ID!) { deleteBranch(id: $id) { id } }', { id: s.branch }],
    entries: () => [
      { action: 'DELETE', entityType: 'Branch', entityId: s.branch, before: { name: 'Audit branch (renamed)' } },
      {
        action: 'UPDATE', entityType: 'User', entityId: s.admin.id,
        before: { roles: expect.arrayContaining([{ branchId: s.branch, role: 'ADMIN' }]) }, after: { roles: [{ branchId: s.adminBranch, role: 'ADMIN' }] },
      },
    ],
  },
};

const SNAPSHOTS: Record<Action, { before: boolean; after: boolean }> = {
  CREATE: { before: false, after: true },
  UPDATE: { before: true, after: true },
  DELETE: { before: true, after: false },
  LOGOUT: { before: true, after: true },
  PASSWORD_CHANGED: { before: true, after: true },
  LOGIN_SUCCEEDED: { before: false, after: false },
};

interface AuditRow {
  action: Action; entity_type: string | null; entity_id: string | null; user_id: string | null; actor_email: string | null;
  organisation_id: string | null; before: Record<string, any> | null; after: Record<string, any> | null;
}

/** Where the entries differ from what the row expects (empty when they match). */
/** Resolves once the import's job has ended (applied, failed or cancelled): a condition, polled, never a fixed wait. */
async function importEnded(id: string): Promise<void> {
  for (;;) {
    const [run] = await t.sql('SELECT status FROM import_run WHERE id = $1', [id]);
    if (['APPLIED', 'FAILED', 'CANCELLED'].includes(run?.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function compare(field: string, expected: Entry[], written: AuditRow[], caller: { id: string; email: string }): string[] {
  const problems: string[] = [];
  const key = (a: string, type: string | null, id: string | null) => `${a} ${type ?? '-'} ${id ?? '-'}`;
  const left = [...written];
  for (const e of expected) {
    const i = left.findIndex((w) => key(w.action, w.entity_type, w.entity_id) === key(e.action, e.entityType, e.entityId));
    if (i < 0) {
      problems.push(`${field}: no ${key(e.action, e.entityType, e.entityId)} entry`);
      continue;
    }
    const [w] = left.splice(i, 1);
    const by = e.by ?? caller;
    const what = `${field}: ${key(e.action, e.entityType, '')}`;
    if (w.user_id !== by.id || w.actor_email !== by.email) problems.push(`${what} recorded as by ${w.actor_email}, not ${by.email}`);
    if (w.organisation_id !== s.org) problems.push(`${what} recorded in organisation ${w.organisation_id}`);
    const want = e.noSnapshot ? { before: false, after: false } : SNAPSHOTS[e.action];
    for (const side of ['before', 'after'] as const) {
      const snap = w[side];
      if (!!snap !== want[side]) problems.push(`${what} has ${snap ? 'a' : 'no'} ${side}`);
      if (snap && e.entityId && snap.id !== e.entityId) problems.push(`${what} ${side} is of ${snap.id}`);
      if (snap && JSON.stringify(snap).includes('passwordHash')) problems.push(`${what} ${side} records a password hash`);
      if (side === 'after' && w.before && w.after && 'tokenVersion' in w.before && w.after.tokenVersion !== w.before.tokenVersion + 1) {
        problems.push(`${what} does not record the sessions ending (token version ${w.before.tokenVersion} to ${w.after.tokenVersion})`);
      }
      const part = e[side];
      if (snap && part) {
        try {
          expect(snap).toMatchObject(part);
        } catch {
          problems.push(`${what} ${side} ${JSON.stringify(snap)} does not contain ${JSON.stringify(part)}`);
        }
      }
    }
  }
  for (const w of left) problems.push(`${field}: unexpected ${key(w.action, w.entity_type, w.entity_id)} entry`);
  return problems;
}

beforeAll(async () => {
  t = await startTestApp();
  [{ id: s.admin.id, org: s.org }] = await t.sql('SELECT id, organisation_id AS org FROM app_user WHERE email = $1', [LOGINS.admin]);
  [{ branchId: s.adminBranch }] = await adminRoles();
  [{ id: s.demoWard }] = await t.sql('SELECT w.id FROM ward w JOIN site si ON si.id = w.site_id WHERE si.employer_id = $1 ORDER BY w.name LIMIT 1', [t.demoEmployerId]);
  [{ id: s.leaderContact }] = await t.sql('SELECT id FROM contact WHERE employer_id = $1 AND deleted_at IS NULL ORDER BY last_name, id LIMIT 1', [t.demoEmployerId]);
  [{ id: s.rep }] = await t.sql('SELECT id FROM app_user WHERE email = $1', [LOGINS.rep]);
  // a member on the demo rep's patch (the rep joins the team of their case), and the case their appeal will follow (made
  // before the run: its entries are not the run's)
  [{ id: s.member }] = await t.sql(`SELECT p.contact_id AS id FROM posting p JOIN ward w ON w.id = p.ward_id JOIN contact c ON c.id = p.contact_id
    WHERE p.end_date IS NULL AND c.deleted_at IS NULL AND c.employer_id = $1 AND w.site_id IN ${PATCH_SITES} ORDER BY c.last_name, c.id LIMIT 1`, [t.demoEmployerId]);
  const partner = await t.as('admin')('mutation($c: ID!) { createCase(data: { contactId: $c, type: DISCIPLINARY }) { id } }', { c: s.member });
  s.partnerCase = partner.data?.createCase?.id ?? '';
  if (!s.partnerCase) throw new Error(`the partner case: ${JSON.stringify(partner.errors)}`);
  // a document on it, uploaded before the run
  [{ id: s.document }] = await t.sql(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
    SELECT organisation_id, id, 'Outcome letter.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea, $2 FROM case_file WHERE id = $1 RETURNING id`, [s.partnerCase, s.admin.id]);
  // the union of the audit run's ballot, and the member's membership of it since 2020
  [{ id: s.ballotUnion }] = await t.sql('SELECT id FROM trade_union WHERE organisation_id = $1 ORDER BY short_name LIMIT 1', [s.org]);
  await t.sql(`INSERT INTO membership (organisation_id, contact_id, union_id, status, join_date, source)
    SELECT organisation_id, id, $2, 'MEMBER', '2020-01-01', 'VERIFIED_LIST' FROM contact WHERE id = $1
      AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = $1 AND m.union_id = $2)`, [s.member, s.ballotUnion]);
  await t.sql("UPDATE membership SET status = 'MEMBER', join_date = '2020-01-01', leave_date = NULL WHERE contact_id = $1 AND union_id = $2", [s.member, s.ballotUnion]);
  // the campaign action participation is recorded on, and the branch's structure-test threshold (made before the run)
  const partnerCampaign = await t.as('admin')('mutation($b: ID!) { createCampaign(data: { name: "Audit partner campaign", branchId: $b, startDate: "2026-01-05" }) { id } }', { b: s.adminBranch });
  const action = await t.as('admin')('mutation($c: ID!) { createCampaignAction(data: { campaignId: $c, title: "Audit meeting", kind: MEETING, date: "2026-01-06" }) { id } }', { c: partnerCampaign.data?.createCampaign?.id });
  s.partnerAction = action.data?.createCampaignAction?.id ?? '';
  if (!s.partnerAction) throw new Error(`the partner action: ${JSON.stringify(partnerCampaign.errors ?? action.errors)}`);
  [{ threshold: s.threshold }] = await t.sql('SELECT structure_test_threshold AS threshold FROM branch WHERE id = $1', [s.adminBranch]);
  // an uploaded staff list of one row, and a dry-run one with a row waiting for review (made before the run, as the upload would)
  [{ id: s.importRun }] = await t.sql(`INSERT INTO import_run (organisation_id, kind, employer_id, employer_ids, file_name, headers, created_by_id, rows_total)
    VALUES ($1, 'STAFF', $2, ARRAY[$2::uuid], 'audit.csv', ARRAY['Employee Number', 'First Name', 'Last Name'], $3, 1) RETURNING id`, [s.org, t.demoEmployerId, s.admin.id]);
  await t.sql(`INSERT INTO import_row (import_id, organisation_id, row_no, cells) VALUES ($1, $2, 2, ARRAY['99000001', 'Ann', 'Audit'])`, [s.importRun, s.org]);
  [{ id: s.reviewRun }] = await t.sql(`INSERT INTO import_run (organisation_id, kind, employer_id, employer_ids, file_name, headers, mapping, created_by_id, rows_total, status, review)
    VALUES ($1, 'STAFF', $2, ARRAY[$2::uuid], 'review.csv', ARRAY['Full Name'], '["fullName"]', $3, 1, 'DRY_RUN', 1) RETURNING id`, [s.org, t.demoEmployerId, s.admin.id]);
  await t.sql(`INSERT INTO import_row (import_id, organisation_id, row_no, cells, values, problems, outcome, reason, candidates)
    VALUES ($1, $2, 2, ARRAY['Ann Audit'], '{"firstName":"Ann","lastName":"Audit"}', '[]', 'REVIEW', 'A similar name', ARRAY[$3::uuid])`, [s.reviewRun, s.org, s.leaderContact]);
  s.dupKeep = await cloneRow(t, 'contact', s.leaderContact, { first_name: 'Audit Keep', work_email: null, personal_email: null });
  s.dupMerge = await cloneRow(t, 'contact', s.leaderContact, { first_name: 'Audit Merge', work_email: null, personal_email: null });
  await t.login('admin');
});
afterAll(async () => { await t?.close(); });

describe('audit coverage', () => {
  it('has a row for every mutation in the schema', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.filter((m) => !ROWS[m]).sort()).toEqual([]);
    expect(Object.keys(ROWS).filter((m) => !mutations.includes(m)).sort()).toEqual([]);
  });

  it('writes the entries of every change each mutation makes, and nothing else', async () => {
    expect(await adminRoles()).toEqual([{ branchId: s.adminBranch, role: 'ADMIN' }]);
    const problems: string[] = [];
    for (const [field, row] of Object.entries(ROWS)) {
      const [query, variables] = row.op();
      expect(query).toContain(`{ ${field}`);
      const token = row.as === undefined ? await t.login('admin') : row.as?.() ?? undefined;
      const caller = row.as === undefined ? s.admin : s.user;
      const [{ mark }] = await t.sql('SELECT clock_timestamp() AS mark');
      const res = await t.gql(query, variables, token);
      if (res.errors || res.data?.[field] === undefined) throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
      await row.settle?.();
      const expected = row.entries(res.data[field]);
      const written = await t.sql<AuditRow>(`SELECT action, entity_type, entity_id, user_id, actor_email, organisation_id, before, after
        FROM audit_event WHERE created_at >= $1 ORDER BY created_at`, [mark]);
      problems.push(...compare(field, expected, written, caller));
    }
    expect(problems).toEqual([]);
  });

  it('keeps no entry of a change that fails after writing it: the change and its entry roll back together', async () => {
    const [{ id, name }] = await t.sql('SELECT id, name FROM employer WHERE id = $1', [t.demoEmployerId]);
    const entries = async () => (await t.sql("SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'UPDATE'", [id]))[0].n as number;
    const before = await entries();
    const change = AuditService.prototype.change;
    const written: unknown[] = [];
    // The entry is written (in the request's transaction), then a later step fails.
    const spy = jest.spyOn(AuditService.prototype, 'change').mockImplementationOnce(async function (this: AuditService, ...args) {
      await change.apply(this, args);
      written.push(args[1]);
      throw new Error('a later step failed');
    });
    try {
      const res = await t.as('admin')('mutation($id: ID!) { updateEmployer(id: $id, data: { name: "Renamed and rolled back" }) { id } }', { id });
      expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['Employer']);
    expect(await entries()).toBe(before);
    expect((await t.sql('SELECT name FROM employer WHERE id = $1', [id]))[0].name).toBe(name);
  });
});
