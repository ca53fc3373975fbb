import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { buildSchema, getNamedType, type GraphQLNamedType, isObjectType } from 'graphql';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { PERSON_OWNED } from '../../apps/api/src/access/people-door.js';
import { Contact } from '../../apps/api/src/contacts/contact.entity.js';
import { ContactService } from '../../apps/api/src/contacts/contact.service.js';
import { Membership } from '../../apps/api/src/memberships/membership.entity.js';
import { MembershipService } from '../../apps/api/src/memberships/membership.service.js';
import { Conversation } from '../../apps/api/src/conversations/conversation.entity.js';
import { ConversationService } from '../../apps/api/src/conversations/conversation.service.js';
import { OrganisingService } from '../../apps/api/src/organising/organising.service.js';
import { WallChartService } from '../../apps/api/src/wallchart/wallchart.service.js';
import { RepRole } from '../../apps/api/src/rep-roles/rep-role.entity.js';
import { RepRoleService } from '../../apps/api/src/rep-roles/rep-role.service.js';
import { CaseFile } from '../../apps/api/src/casework/cases/case-file.entity.js';
import { CaseService } from '../../apps/api/src/casework/cases/case.service.js';
import type { CaseDeadlineView } from '../../apps/api/src/casework/deadlines/case-deadline.type.js';
import { CaseDeadlinesService } from '../../apps/api/src/casework/deadlines/case-deadlines.service.js';
import { CaseMeeting } from '../../apps/api/src/casework/meetings/case-meeting.entity.js';
import { CaseMeetingService } from '../../apps/api/src/casework/meetings/case-meeting.service.js';
import { CaseNote } from '../../apps/api/src/casework/notes/case-note.entity.js';
import { CaseNoteService } from '../../apps/api/src/casework/notes/case-note.service.js';
import { Participation } from '../../apps/api/src/campaigns/participation.entity.js';
import { Site } from '../../apps/api/src/sites/site.entity.js';
import { Ward } from '../../apps/api/src/wards/ward.entity.js';
import { ParticipationService } from '../../apps/api/src/campaigns/participation.service.js';
import { type GqlResult, type Login, LOGINS, startTestApp, type TestApp } from '../fixtures/app.js';
import {
  BMA, type CaseTarget, caseTargets, cloneRow, EXPECT, PATCH_SITES, participationTargets, type Scope, SCOPES, scopeTargets, type Target, UNISON,
} from '../fixtures/scope-targets.js';

/**
 * The scope matrix for nested fields: every field of the schema, at any depth, that returns a person
 * or a record about one (found by walking schema.gql) × every demo login × a parent in each scope
 * (see authz-scope for the root fields). The parent slips: its root service hands it out whatever
 * the caller's scope, as a bug in a root resolver would, so only the nested field's own loader
 * stands between the caller and the data. Every record that comes back is traced to its person and
 * that person's scope: nobody out of the caller's scope may come back, and the parent's own person
 * must come back when they are in it (so the check can fail). A nested field that returns a person
 * or a record about one and has no row below fails the test, as a root field does in authz-scope.
 */

type Where = Scope | 'elsewhere';

/**
 * Types that are a person or a record about one: Contact, and every type naming a contact (and the
 * timeline's events), or naming a case (a case's team, meetings, notes and deadlines: about its member).
 */
function personTypes(types: readonly GraphQLNamedType[]): Set<string> {
  const out = new Set(['Contact', 'TimelineEvent']);
  for (const type of types) {
    if (isObjectType(type) && ['contactId', 'leaderId', 'followerId', 'caseId'].some((f) => f in type.getFields())) out.add(type.name);
  }
  return out;
}

interface Cell {
  /** What it reads: a person's records (read scope), their personal phone and email, their case, or whether they have one open. */
  access: 'read' | 'personal' | 'cases' | 'existence';
  op: (x: Target & CaseTarget & { participationId: string }, scope: Scope) => [string, Record<string, unknown>];
  /** The root field the query goes through (its FORBIDDEN is a refusal). */
  root: string;
  /** Ids of the records (or people) the nested field returned. */
  ids: (data: Record<string, any>, x: Target & CaseTarget & { participationId: string }) => string[];
  /** How the parent slips: a root service that hands it out unscoped (default), or `real` (the field is the parent's own data). */
  real?: boolean;
}

const listOf = (root: string, field: string) => (d: Record<string, any>) => (d[root]?.[field] ?? []).map((r: { id: string }) => r.id);
const onContact = (field: string, select = `${field} { id }`): Cell => ({
  access: 'read', root: 'Contact', op: (x) => [`query($id: ID!) { Contact(id: $id) { ${select} } }`, { id: x.contactId }], ids: listOf('Contact', field),
});
const contactOf = (root: 'Conversation' | 'Membership' | 'RepRole' | 'Participation', key: keyof Target | 'participationId'): Cell => ({
  access: 'read', root, op: (x) => [`query($id: ID!) { ${root}(id: $id) { contact { id } } }`, { id: x[key] }], ids: (d) => [d[root]?.contact?.id].filter(Boolean),
});
/** A list under a case (or a case under a meeting), read with the case rule. */
const onCase = (root: 'Case' | 'CaseMeeting', key: keyof CaseTarget, field: string, select = `${field} { id }`, id = (r: any): string => r.id): Cell => ({
  access: 'cases', root, op: (x) => [`query($id: ID!) { ${root}(id: $id) { ${select} } }`, { id: x[key] }],
  ids: (d) => [d[root]?.[field] ?? []].flat().filter(Boolean).map(id),
});
/** A value about the parent's person: present means it came back. */
const valueOf = (root: 'Contact' | 'Conversation' | 'Membership' | 'RepRole' | 'Case' | 'CaseMeeting' | 'CaseNote', key: keyof (Target & CaseTarget), field: string, access: Cell['access'] = 'read'): Cell => ({
  access, root, op: (x) => [`query($id: ID!) { ${root}(id: $id) { ${field} } }`, { id: x[key] }],
  ids: (d, x) => {
    const v = d[root]?.[field];
    return v === null || v === undefined || (Array.isArray(v) && !v.length) ? [] : [x.contactId];
  },
});

/** The case whose deadline allCaseDeadlines hands out whatever the caller's scope (its slip: see the test). */
let slippedCase = '';

/** Every nested field that returns a person or a record about one, and how the test reaches it. */
const NESTED: Record<string, Cell> = {
  'Contact.assessmentHistory': onContact('assessmentHistory'),
  'Contact.followers': onContact('followers'),
  'Contact.leaders': onContact('leaders'),
  'Contact.memberships': onContact('memberships'),
  'Contact.postings': onContact('postings'),
  'Contact.repRoles': onContact('repRoles'),
  'Contact.timeline': { ...onContact('timeline'), ids: (d) => listOf('Contact', 'timeline')(d).map((id: string) => id.split(':')[1]) },
  'Conversation.contact': contactOf('Conversation', 'conversationId'),
  'Membership.contact': contactOf('Membership', 'membershipId'),
  'RepRole.contact': contactOf('RepRole', 'repRoleId'),
  'Participation.contact': contactOf('Participation', 'participationId'),
  // the parent's own list, read through the door (every target's membership made a joiner of today)
  'RecentJoiners.memberships': {
    access: 'read', root: 'recentJoiners', real: true, op: () => ['{ recentJoiners(days: 1, limit: 100) { memberships { id } } }', {}], ids: listOf('recentJoiners', 'memberships'),
  },
  // coverage's read model slips: it names the target as a rep of a ward the caller can see
  'WardCoverage.reps': { access: 'read', root: 'repCoverage', op: () => ['{ repCoverage { reps { id } } }', {}], ids: (d) => (d.repCoverage ?? []).flatMap((w: { reps: { id: string }[] }) => w.reps.map((r) => r.id)) },
  // the wall chart's place slips: it charts the target's ward whoever asks; its cards are read through the door
  'WallChartShift.cards': {
    access: 'read', root: 'wallChart', op: (x) => ['query($w: ID) { wallChart(wardId: $w) { wards { shifts { cards { contactId } } } } }', { w: x.wardId }],
    ids: (d) => (d.wallChart?.wards ?? []).flatMap((w: { shifts: { cards: { contactId: string }[] }[] }) => w.shifts.flatMap((s) => s.cards.map((c) => c.contactId))),
  },
  // casework: a case's member by the people rules; the case and what is under it by the case rule
  'Case.contact': { access: 'read', root: 'Case', op: (x) => ['query($id: ID!) { Case(id: $id) { contact { id } } }', { id: x.caseId }], ids: (d) => [d.Case?.contact?.id].filter(Boolean) },
  'Case.customDeadlines': onCase('Case', 'caseId', 'customDeadlines'),
  'Case.deadlines': onCase('Case', 'caseId', 'deadlines', 'deadlines { caseId }', (r: { caseId: string }) => r.caseId),
  'Case.links': onCase('Case', 'caseId', 'links'),
  // each scope's appeal follows its case
  'Case.follows': onCase('Case', 'appealId', 'follows'),
  'Case.followedBy': onCase('Case', 'caseId', 'followedBy'),
  'Case.meetings': onCase('Case', 'caseId', 'meetings'),
  'Case.notes': onCase('Case', 'caseId', 'notes'),
  'Case.documents': onCase('Case', 'caseId', 'documents'),
  'Case.team': onCase('Case', 'caseId', 'team'),
  'CaseMeeting.case': onCase('CaseMeeting', 'meetingId', 'case'),
  // the deadlines across cases slip: the scope's case's deadline is handed out to anyone
  'CaseDeadline.case': {
    access: 'cases', root: 'allCaseDeadlines',
    op: (x) => {
      slippedCase = x.caseId;
      return ['{ allCaseDeadlines { case { id } } }', {}];
    },
    ids: (d) => (d.allCaseDeadlines ?? []).map((r: { case: { id: string } | null }) => r.case?.id).filter(Boolean),
  },
  'Contact.cases': { ...onContact('cases'), access: 'cases' },
};

/** Fields about a person that are values, not records: each batch loader's own scope, checked the same way. */
const VALUES: Record<string, Cell> = {
  'Contact.assessment': valueOf('Contact', 'contactId', 'assessment'),
  'Contact.lastConversationAt': valueOf('Contact', 'contactId', 'lastConversationAt'),
  'Contact.wardId': valueOf('Contact', 'contactId', 'wardId'),
  'Contact.personalPhone': valueOf('Contact', 'contactId', 'personalPhone', 'personal'),
  'Conversation.completedAt': valueOf('Conversation', 'conversationId', 'completedAt'),
  'Conversation.issueTagIds': valueOf('Conversation', 'conversationId', 'issueTagIds'),
  'RepRole.wardIds': valueOf('RepRole', 'repRoleId', 'wardIds'),
  // who recruited them, by name: each target's membership names the target as its recruiter (see beforeAll)
  'Membership.recruitedByName': valueOf('Membership', 'membershipId', 'recruitedByName'),
  'Membership.recruitedByContactId': valueOf('Membership', 'membershipId', 'recruitedByContactId'),
  'Case.summary': valueOf('Case', 'caseId', 'summary', 'cases'),
  'Case.outcome': valueOf('Case', 'caseId', 'outcome', 'cases'),
  'CaseMeeting.notes': valueOf('CaseMeeting', 'meetingId', 'notes', 'cases'),
  'CaseNote.body': valueOf('CaseNote', 'noteId', 'body', 'cases'),
  // existence only: true came back, false or null did not
  'Contact.hasOpenCase': {
    access: 'existence', root: 'Contact', op: (x) => ['query($id: ID!) { Contact(id: $id) { hasOpenCase } }', { id: x.contactId }],
    ids: (d, x) => (d.Contact?.hasOpenCase === true ? [x.contactId] : []),
  },
};

let t: TestApp;
let targets: Record<Scope, Target & CaseTarget & { participationId: string }>;
/** Each person's scope, and each record's (the scope of the person it is about), by id. */
const whereIs = new Map<string, Where>();

/** A row as its service would hand it out, read past every check (the slip). */
async function rowOf<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string): Promise<T> {
  const meta = t.app.get(DataSource).getMetadata(entity);
  const [raw] = await t.sql(`SELECT * FROM ${meta.tableName} WHERE id = $1`, [id]);
  return Object.fromEntries(meta.columns.map((c) => [c.propertyName, raw[c.databaseName]])) as T;
}

beforeAll(async () => {
  t = await startTestApp();
  const people = await scopeTargets(t);
  const cases = await caseTargets(t, people);
  const participations = await participationTargets(t, people);
  targets = Object.fromEntries(SCOPES.map((s) => [s, { ...people[s], ...cases[s], participationId: participations[s].participationId }])) as typeof targets;
  for (const scope of SCOPES) {
    const x = targets[scope];
    // an assessment, a later conversation (the follow-up done), an issue tag, a covered ward, a membership joined today, recruited by the target
    await t.sql('UPDATE membership SET recruited_by_contact_id = contact_id WHERE id = $1', [x.membershipId]);
    await t.sql(`INSERT INTO assessment (organisation_id, contact_id, value, assessed_at) SELECT organisation_id, id, 2, now() - interval '2 days'
      FROM contact WHERE id = $1`, [x.contactId]);
    await cloneRow(t, 'conversation', x.conversationId, { occurred_at: new Date(Date.now() - 3_600_000), follow_up_date: null });
    await t.sql(`INSERT INTO conversation_issue_tag (conversation_id, issue_tag_id) SELECT cv.id, it.id FROM conversation cv
      JOIN issue_tag it ON it.organisation_id = cv.organisation_id WHERE cv.id = $1 ORDER BY it.name LIMIT 1`, [x.conversationId]);
    await t.sql('INSERT INTO rep_role_ward (rep_role_id, ward_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [x.repRoleId, x.wardId]);
    await t.sql("UPDATE membership SET status = 'MEMBER', join_date = current_date, leave_date = NULL WHERE id = $1", [x.membershipId]);
    await t.sql("UPDATE contact SET personal_phone = '07700 900123' WHERE id = $1", [x.contactId]);
    // a leader and a follower in the same scope (a copy of the person, on the same ward)
    const twin = await cloneRow(t, 'contact', x.contactId);
    const [posting] = await t.sql('SELECT id FROM posting WHERE contact_id = $1 AND end_date IS NULL', [x.contactId]);
    await cloneRow(t, 'posting', posting.id, { contact_id: twin });
    await t.sql(`INSERT INTO contact_link (organisation_id, leader_id, follower_id) SELECT organisation_id, $2::uuid, $1::uuid FROM contact WHERE id = $1::uuid
      UNION ALL SELECT organisation_id, $1::uuid, $2::uuid FROM contact WHERE id = $1::uuid`, [x.contactId, twin]);
    // a document on the case (its metadata is what Case.documents lists)
    await t.sql(`INSERT INTO case_document (organisation_id, case_id, filename, media_type, size_bytes, sha256, content, uploaded_by_id)
      SELECT organisation_id, id, 'nested.pdf', 'application/pdf', 1, repeat('0', 64), '\\x00'::bytea, created_by_id FROM case_file WHERE id = $1`, [x.caseId]);
  }
  // and links across every pair of scopes, as if a link had slipped past its checks: nobody out of scope may come back through them
  for (const a of SCOPES) {
    for (const b of SCOPES) {
      if (a === b) continue;
      await t.sql('INSERT INTO contact_link (organisation_id, leader_id, follower_id) SELECT organisation_id, id, $2::uuid FROM contact WHERE id = $1',
        [targets[a].contactId, targets[b].contactId]);
    }
  }
  const everyone: { id: string; scope: Where }[] = await t.sql(`SELECT c.id, CASE
      WHEN c.organisation_id = ${UNISON} AND c.employer_id = $1 THEN CASE WHEN EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id
        WHERE p.contact_id = c.id AND p.end_date IS NULL AND w.site_id IN ${PATCH_SITES}) THEN 'patch' ELSE 'branch' END
      WHEN c.organisation_id = ${UNISON} AND c.employer_id = $2 THEN 'otherBranch'
      WHEN c.organisation_id = ${BMA} AND c.employer_id = (SELECT b.id FROM employer b JOIN employer u ON u.name = b.name
        WHERE u.id = $1 AND b.organisation_id = ${BMA}) THEN 'otherOrg'
      ELSE 'elsewhere' END AS scope FROM contact c`, [t.demoEmployerId, t.otherEmployerId]);
  for (const p of everyone) whereIs.set(p.id, p.scope);
  for (const table of Object.keys(PERSON_OWNED)) {
    for (const column of PERSON_OWNED[table as keyof typeof PERSON_OWNED]) {
      if (column === 'id') continue;
      for (const r of await t.sql(`SELECT id, ${column} AS person FROM ${table}`)) whereIs.set(r.id, whereIs.get(r.person) ?? 'elsewhere');
    }
  }
  // a case's team, meetings, notes, custom deadlines and documents are about its member
  for (const table of ['case_team', 'case_meeting', 'case_note', 'case_custom_deadline', 'case_document']) {
    for (const r of await t.sql(`SELECT x.id, k.contact_id AS person FROM ${table} x JOIN case_file k ON k.id = x.case_id`)) whereIs.set(r.id, whereIs.get(r.person) ?? 'elsewhere');
  }
});
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.close();
});

describe('authorisation matrix (nested fields)', () => {
  it('has a row for every nested field that returns a person or a record about one', () => {
    const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
    const types = Object.values(schema.getTypeMap()).filter((x) => !x.name.startsWith('__'));
    const people = personTypes(types);
    const nested: string[] = [];
    for (const type of types) {
      if (!isObjectType(type) || type === schema.getQueryType() || type === schema.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        if (people.has(getNamedType(field.type).name)) nested.push(`${type.name}.${field.name}`);
      }
    }
    expect(nested.filter((f) => !NESTED[f]).sort()).toEqual([]);
    expect(Object.keys(NESTED).filter((f) => !nested.includes(f))).toEqual([]);
    expect([...people].sort()).toEqual(['AssessmentEntry', 'BallotMemberStateChange', 'Case', 'CaseCustomDeadline', 'CaseDeadline', 'CaseDocument', 'CaseMeeting', 'CaseNote', 'CaseTeamMember',
      // ImportRowView: a staged row of an import and the person it matched; only ever a root field's (importRows), walled by role and branch (import-upload.e2e)
      'Contact', 'ContactLink', 'Conversation', 'ImportRowView', 'Membership', 'MergeSide', 'Participation', 'Posting', 'RepRole', 'TimelineEvent', 'WallChartCard']);
  });

  /** Tables naming a person that are not read through the door, each with why it need not be. */
  const BESIDE_THE_DOOR: Record<string, string> = {
    import_row: "a staged row of an import and the person its dry run matched: read only by a run's own secretaries and admins "
      + "(WORKPLACE_WRITE), whose people are whole employers, and only for the employers of their branches (row-level security; import-upload.e2e)",
  };

  it('knows every table about a person: each goes through the door (PERSON_OWNED)', async () => {
    const tables = (await t.sql(`SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public'
      AND column_name IN ('contact_id', 'leader_id', 'follower_id')`)).map((r) => r.table_name as string);
    expect(tables.filter((x) => !Object.hasOwn(PERSON_OWNED, x) && !Object.hasOwn(BESIDE_THE_DOOR, x)).sort()).toEqual([]);
    // and no exception outlives its table or hides one the door knows
    expect(Object.keys(BESIDE_THE_DOOR).filter((x) => !tables.includes(x) || Object.hasOwn(PERSON_OWNED, x))).toEqual([]);
  });

  const tally = { seen: 0, hidden: 0, refused: 0 };
  let cells = 0;
  it.each(Object.keys(LOGINS) as Login[])('returns nobody out of scope through a nested field, even under a parent that slipped, as %s', async (who) => {
    // each root service hands out its parent whatever the caller's scope
    const slips = [
      jest.spyOn(t.app.get(ContactService), 'get').mockImplementation((id) => rowOf(Contact, id)),
      jest.spyOn(t.app.get(MembershipService), 'get').mockImplementation((id) => rowOf(Membership, id)),
      jest.spyOn(t.app.get(RepRoleService), 'get').mockImplementation((id) => rowOf(RepRole, id)),
      jest.spyOn(t.app.get(ConversationService), 'get').mockImplementation((id) => rowOf(Conversation, id)),
      jest.spyOn(t.app.get(CaseService), 'get').mockImplementation((id) => rowOf(CaseFile, id)),
      jest.spyOn(t.app.get(CaseMeetingService), 'get').mockImplementation((id) => rowOf(CaseMeeting, id)),
      jest.spyOn(t.app.get(CaseNoteService), 'get').mockImplementation((id) => rowOf(CaseNote, id)),
      jest.spyOn(t.app.get(CaseDeadlinesService), 'agenda').mockImplementation(async () => {
        const kase = await rowOf(CaseFile, slippedCase);
        const deadline: CaseDeadlineView = {
          key: 'custom:slipped', caseId: kase.id, rule: 'CUSTOM', source: 'slipped', label: 'Slipped', due: '2026-12-01', daysLeft: 1, explanation: '',
          inputs: {}, verified: true, caveats: [], meetingId: null, customDeadlineId: null, done: false, passed: false,
        };
        return { deadlines: [deadline], cases: new Map([[kase.id, kase]]) };
      }),
      jest.spyOn(t.app.get(ParticipationService), 'get').mockImplementation((id) => rowOf(Participation, id)),
    ];
    const coverage = jest.spyOn(t.app.get(OrganisingService), 'coverage');
    const place = jest.spyOn(t.app.get(WallChartService), 'place');
    // a ward of the caller's own map, which it may see
    const home = who === 'bmaSecretary' ? targets.otherOrg.wardId : targets.patch.wardId;
    const wrong: string[] = [];
    const as = t.as(who);
    try {
      for (const scope of SCOPES) {
        coverage.mockResolvedValue([{ ward_id: home, headcount: 1, members: 1, rep_contact_ids: [targets[scope].contactId], staff_shifts: [], rep_shifts: [] }]);
        const ward = await rowOf(Ward, targets[scope].wardId);
        place.mockResolvedValue({ site: await rowOf(Site, ward.siteId), ward, wards: [{ id: ward.id, name: ward.name, type: ward.type }] });
        for (const [name, cell] of Object.entries({ ...NESTED, ...VALUES })) {
          const x = targets[scope];
          const [query, variables] = cell.op(x, scope);
          const res: GqlResult = await as(query, variables);
          const allowed = EXPECT[who][cell.access];
          cells++;
          if (res.errors?.[0]?.extensions?.code === 'FORBIDDEN') {
            tally.refused++;
            if (allowed !== null) wrong.push(`${who} × ${scope} × ${name}: refused`);
            continue;
          }
          if (allowed === null) wrong.push(`${who} × ${scope} × ${name}: expected refused, got ${JSON.stringify(res.errors ?? res.data)}`);
          if (res.errors?.length || !res.data) {
            wrong.push(`${who} × ${scope} × ${name}: ${JSON.stringify(res.errors)}`);
            continue;
          }
          const came = cell.ids(res.data, x).map((id) => whereIs.get(id) ?? `unknown record ${id}`);
          const outside = came.filter((w) => !(allowed ?? []).includes(w as Scope));
          if (outside.length) wrong.push(`${who} × ${scope} × ${name}: returned someone out of scope (${[...new Set(outside)].join(', ')})`);
          const own = came.includes(scope);
          if ((allowed ?? []).includes(scope) !== own) wrong.push(`${who} × ${scope} × ${name}: the parent's own person ${own ? 'came back' : 'did not come back'}`);
          tally[own ? 'seen' : 'hidden']++;
        }
      }
    } finally {
      for (const s of slips) s.mockRestore();
      coverage.mockRestore();
      place.mockRestore();
    }
    expect(wrong).toEqual([]);
  });

  it('checked every cell', () => {
    console.log(`authorisation matrix (nested): ${cells} cells checked: ${tally.seen} seen, ${tally.hidden} hidden, ${tally.refused} refused`);
    expect(cells).toBe(Object.keys(LOGINS).length * SCOPES.length * (Object.keys(NESTED).length + Object.keys(VALUES).length));
    expect(tally.hidden).toBeGreaterThan(100);
    expect(tally.seen).toBeGreaterThan(50);
  });
});
