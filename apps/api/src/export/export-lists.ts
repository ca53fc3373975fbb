import { Injectable } from '@nestjs/common';
import {
  AEIOU_LABELS, AEIOU_STEPS, ASK_ANSWER_LABELS, CONTRACT_TYPE_LABELS, CONVERSATION_CHANNEL_LABELS, CONVERSATION_TYPE_LABELS,
  COVERAGE_STATUS_LABELS, coverageStatus, gradeLabel, MEMBERSHIP_SOURCE_LABELS, MEMBERSHIP_STATUS_LABELS, REP_ROLE_KIND_LABELS,
  SHIFT_PATTERN_LABELS, SITE_KIND_LABELS, STAFF_GROUP_LABELS, WARD_TYPE_LABELS,
} from '@rollcall/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor } from '../access/people-door.js';
import { Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { CrudService } from '../common/crud.service.js';
import type { BaseFilter, SortArgs } from '../common/list.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { ContactFilter } from '../contacts/dto/contact.input.js';
import { type Counts, DensityService } from '../density/density.service.js';
import { EmployerFilter } from '../employers/dto/employer.input.js';
import type { Employer } from '../employers/employer.entity.js';
import { EmployerService } from '../employers/employer.service.js';
import { MembershipFilter } from '../memberships/dto/membership.input.js';
import type { Membership } from '../memberships/membership.entity.js';
import { MembershipService } from '../memberships/membership.service.js';
import type { Conversation } from '../conversations/conversation.entity.js';
import { ConversationService } from '../conversations/conversation.service.js';
import { ConversationFilter } from '../conversations/dto/conversation.input.js';
import { IssueTagService } from '../issue-tags/issue-tag.service.js';
import { AssessmentService } from '../assessments/assessment.service.js';
import { RepRoleFilter } from '../rep-roles/dto/rep-role.input.js';
import type { RepRole } from '../rep-roles/rep-role.entity.js';
import { RepRoleService } from '../rep-roles/rep-role.service.js';
import { SiteFilter } from '../sites/dto/site.input.js';
import type { Site } from '../sites/site.entity.js';
import { SiteService } from '../sites/site.service.js';
import { UnionFilter } from '../unions/dto/union.input.js';
import type { Union } from '../unions/union.entity.js';
import { UnionService } from '../unions/union.service.js';
import { UserService } from '../users/user.service.js';
import { WardFilter } from '../wards/dto/ward.input.js';
import type { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { assessmentText, densityText, plainText, ukDate, ukDateTime, words, yesNo } from './csv-format.js';

/** One column of an export: its heading and its value in words. */
export interface ExportColumn<R> {
  header: string;
  value: (row: R) => string | number | null | undefined;
}

/**
 * One list that can be exported: the same scoped, filtered and sorted query its GraphQL list
 * (`allX`) runs, the same scoped batch load, and what each row reads as in a spreadsheet.
 */
export interface ExportList<T extends { id: string } = { id: string }, F extends BaseFilter = BaseFilter, R = unknown> {
  /** URL and file name: `contacts` → POST /export/contacts.csv → contacts-2026-11-27.csv. */
  name: string;
  /** The record type, as the audit log names it. */
  entityType: string;
  /** About people: every export is written to the audit log. */
  people: boolean;
  /** The list's filter input (the GraphQL `XFilter`), validated the same way. */
  filterType: new () => F;
  /** The list's query, not paged (CrudService.listQuery). */
  query(sort: SortArgs, filter: F | undefined, user: AuthUser): SelectQueryBuilder<T>;
  /** Rows by id, scoped again, in key order (CrudService.byIds). */
  load(ids: string[], user: AuthUser): Promise<(T | null)[]>;
  /** What one batch of rows reads as: names for ids, counts, related records. */
  enrich(rows: T[], user: AuthUser): Promise<R[]>;
  /** The columns this user may read. */
  columns(user: AuthUser): ExportColumn<R>[];
}

function list<T extends { id: string }, F extends BaseFilter, R>(
  service: CrudService<T, F, AuthUser>,
  spec: Omit<ExportList<T, F, R>, 'query' | 'load'>,
): ExportList<T, F, R> {
  return {
    ...spec,
    query: (sort, filter, user) => service.listQuery(sort, filter, user),
    load: (ids, user) => service.byIds(ids, user),
  };
}

const unique = <K>(keys: (K | null | undefined)[]): K[] => [...new Set(keys.filter((k): k is K => k !== null && k !== undefined))];

/** Records by id, loaded through a service's scoped `byIds` (nothing asked for nothing). */
async function byId<T extends { id: string }>(ids: (string | null | undefined)[], load: (ids: string[]) => Promise<(T | null)[]>): Promise<Map<string, T>> {
  const keys = unique(ids);
  if (!keys.length) return new Map();
  return new Map((await load(keys)).filter((r): r is T => r !== null).map((r) => [r.id, r]));
}

/** A ward's or site's counts, or all null where they are withheld from the caller (DensityService.shownCounts). */
type WithCounts<T> = T & { [K in keyof Counts]: Counts[K] | null };
const WITHHELD = { headcount: null, members: null, reps: null };
const withheldOr = (n: number | null, text: (n: number) => string) => (n === null ? 'withheld' : text(n));
type ContactRow = Contact & {
  employerName?: string; wardName?: string; siteName?: string; memberships: string; repRoles: string;
  assessment: number | null; lastSpokenAt: Date | null; personal: boolean;
};
type ConversationRow = Conversation & { person?: Contact; wardName?: string; siteName?: string; repName: string | null; issues: string };
type MembershipRow = Membership & { person?: Contact; employerName?: string; unionName?: string };
type RepRoleRow = RepRole & { person?: Contact; wardNames: string };

const personName = (c: Contact | undefined) => (c ? plainText(`${c.preferredName || c.firstName} ${c.lastName}`) : '');

/** Every list with an export, each built on its module's own service. */
@Injectable()
export class ExportLists {
  constructor(
    private readonly access: AccessService,
    private readonly door: PeopleDoor,
    private readonly density: DensityService,
    private readonly employers: EmployerService,
    private readonly sites: SiteService,
    private readonly wards: WardService,
    private readonly unions: UnionService,
    private readonly contacts: ContactService,
    private readonly memberships: MembershipService,
    private readonly repRoles: RepRoleService,
    private readonly conversations: ConversationService,
    private readonly tags: IssueTagService,
    private readonly assessments: AssessmentService,
    private readonly users: UserService,
  ) {}

  get employerList(): ExportList<Employer, EmployerFilter, Employer> {
    return list<Employer, EmployerFilter, Employer>(this.employers, {
      name: 'employers', entityType: 'Employer', people: false, filterType: EmployerFilter,
      enrich: async (rows) => rows,
      columns: () => [
        { header: 'Name', value: (e) => plainText(e.name) },
        { header: 'ODS code', value: (e) => e.odsCode },
        { header: 'Region', value: (e) => plainText(e.region) },
      ],
    });
  }

  get siteList(): ExportList<Site, SiteFilter, WithCounts<Site> & { employerName?: string }> {
    return list<Site, SiteFilter, WithCounts<Site> & { employerName?: string }>(this.sites, {
      name: 'sites', entityType: 'Site', people: false, filterType: SiteFilter,
      enrich: async (rows, user) => {
        const [employers, counts] = await Promise.all([
          byId(rows.map((s) => s.employerId), (ids) => this.employers.byIds(ids, user)),
          this.density.shownCounts('site', rows.map((s) => s.id), user),
        ]);
        return rows.map((s, i) => ({ ...s, ...(counts[i] ?? WITHHELD), employerName: employers.get(s.employerId)?.name }));
      },
      columns: () => [
        { header: 'Name', value: (s) => plainText(s.name) },
        { header: 'Kind', value: (s) => words(SITE_KIND_LABELS, s.kind) },
        { header: 'Employer', value: (s) => plainText(s.employerName) },
        { header: 'Address', value: (s) => plainText(s.address) },
        { header: 'Postcode', value: (s) => plainText(s.postcode) },
        { header: 'ODS code', value: (s) => s.odsCode },
        { header: 'Headcount', value: (s) => withheldOr(s.headcount, String) },
        { header: 'Members', value: (s) => withheldOr(s.members, String) },
        { header: 'Density', value: (s) => withheldOr(s.headcount, (h) => densityText(s.members!, h)) },
        { header: 'Reps', value: (s) => withheldOr(s.reps, String) },
      ],
    });
  }

  get wardList(): ExportList<Ward, WardFilter, WithCounts<Ward> & { siteName?: string; employerName?: string }> {
    return list<Ward, WardFilter, WithCounts<Ward> & { siteName?: string; employerName?: string }>(this.wards, {
      name: 'wards', entityType: 'Ward', people: false, filterType: WardFilter,
      enrich: async (rows, user) => {
        const [sites, counts] = await Promise.all([
          byId(rows.map((w) => w.siteId), (ids) => this.sites.byIds(ids, user)),
          this.density.shownCounts('ward', rows.map((w) => w.id), user),
        ]);
        const employers = await byId([...sites.values()].map((s) => s.employerId), (ids) => this.employers.byIds(ids, user));
        return rows.map((w, i) => {
          const site = sites.get(w.siteId);
          return { ...w, ...(counts[i] ?? WITHHELD), siteName: site?.name, employerName: site ? employers.get(site.employerId)?.name : undefined };
        });
      },
      columns: () => [
        { header: 'Name', value: (w) => plainText(w.name) },
        { header: 'Type', value: (w) => words(WARD_TYPE_LABELS, w.type) },
        { header: 'Site', value: (w) => plainText(w.siteName) },
        { header: 'Employer', value: (w) => plainText(w.employerName) },
        { header: 'Speciality', value: (w) => plainText(w.speciality) },
        { header: 'Headcount', value: (w) => withheldOr(w.headcount, String) },
        { header: 'Members', value: (w) => withheldOr(w.members, String) },
        { header: 'Density', value: (w) => withheldOr(w.headcount, (h) => densityText(w.members!, h)) },
        { header: 'Reps', value: (w) => withheldOr(w.reps, String) },
        { header: 'Rep coverage', value: (w) => withheldOr(w.headcount, (h) => COVERAGE_STATUS_LABELS[coverageStatus(Math.max(0, w.reps!), Math.max(0, h))]) },
      ],
    });
  }

  get unionList(): ExportList<Union, UnionFilter, Union & { members: number | null }> {
    return list<Union, UnionFilter, Union & { members: number | null }>(this.unions, {
      name: 'unions', entityType: 'Union', people: false, filterType: UnionFilter,
      enrich: async (rows, user) => {
        const members = await this.density.shownUnionMembers(rows.map((u) => u.id), user);
        return rows.map((u, i) => ({ ...u, members: members[i] }));
      },
      columns: () => [
        { header: 'Short name', value: (u) => plainText(u.shortName) },
        { header: 'Name', value: (u) => plainText(u.name) },
        { header: 'Members', value: (u) => withheldOr(u.members, String) },
      ],
    });
  }

  get contactList(): ExportList<Contact, ContactFilter, ContactRow> {
    return list<Contact, ContactFilter, ContactRow>(this.contacts, {
      name: 'contacts', entityType: 'Contact', people: true, filterType: ContactFilter,
      enrich: async (rows, user) => {
        const ids = rows.map((c) => c.id);
        const postings = await this.contacts.currentPostings(ids, user);
        const wards = await byId(postings.map((p) => p?.wardId), (keys) => this.wards.byIds(keys, user));
        const [sites, employers, memberships, repRoles, assessments, lastSpoken] = await Promise.all([
          byId([...wards.values()].map((w) => w.siteId), (keys) => this.sites.byIds(keys, user)),
          byId(rows.map((c) => c.employerId), (keys) => this.employers.byIds(keys, user)),
          this.memberships.byContacts(ids, user),
          this.repRoles.byContacts(ids, user),
          this.assessments.currentAssessment(ids, user),
          this.conversations.lastConversationAt(ids, user),
        ]);
        const unions = await byId(memberships.flat().map((m) => m.unionId), (keys) => this.unions.byIds(keys, user));
        return rows.map((c, i) => {
          const ward = postings[i] ? wards.get(postings[i].wardId) : undefined;
          return {
            ...c, wardName: ward?.name, siteName: ward ? sites.get(ward.siteId)?.name : undefined, employerName: employers.get(c.employerId)?.name,
            memberships: memberships[i].map((m) => `${unions.get(m.unionId)?.shortName ?? 'Union'}: ${words(MEMBERSHIP_STATUS_LABELS, m.status)}`).join('; '),
            repRoles: repRoles[i].map((r) => words(REP_ROLE_KIND_LABELS, r.kind)).join('; '),
            assessment: assessments[i], lastSpokenAt: lastSpoken[i],
            // The same rule as Contact.personalEmail and Contact.personalPhone in GraphQL.
            personal: this.door.readsPersonalContactAt(user, c.employerId, ward?.siteId ?? null),
          };
        });
      },
      columns: (user) => [
        { header: 'First name', value: (c) => plainText(c.firstName) },
        { header: 'Last name', value: (c) => plainText(c.lastName) },
        { header: 'Preferred name', value: (c) => plainText(c.preferredName) },
        { header: 'Job title', value: (c) => plainText(c.jobTitle) },
        { header: 'Staff group', value: (c) => words(STAFF_GROUP_LABELS, c.staffGroup) },
        { header: 'Grade', value: (c) => (c.grade ? gradeLabel(c.grade) : '') },
        { header: 'Shift pattern', value: (c) => words(SHIFT_PATTERN_LABELS, c.shiftPattern) },
        { header: 'Contract', value: (c) => words(CONTRACT_TYPE_LABELS, c.contractType) },
        { header: 'Employer', value: (c) => plainText(c.employerName) },
        { header: 'Site', value: (c) => plainText(c.siteName) },
        { header: 'Ward', value: (c) => plainText(c.wardName) },
        { header: 'Employee number', value: (c) => plainText(c.employeeNumber) },
        { header: 'Work email', value: (c) => plainText(c.workEmail) },
        { header: 'Work phone', value: (c) => c.workPhone },
        // Personal details only for a role that may read them, and then only for the people it organises.
        ...(this.access.can(user, Permission.PERSONAL_CONTACT_READ)
          ? [
            { header: 'Personal email', value: (c: ContactRow) => (c.personal ? plainText(c.personalEmail) : '') },
            { header: 'Personal phone', value: (c: ContactRow) => (c.personal ? c.personalPhone : '') },
          ]
          : []),
        { header: 'Consents to personal email', value: (c) => yesNo(c.consentPersonalEmail) },
        { header: 'Consents to personal phone', value: (c) => yesNo(c.consentPersonalPhone) },
        { header: 'Start date', value: (c) => ukDate(c.startDate) },
        { header: 'Leave date', value: (c) => ukDate(c.leaveDate) },
        { header: 'Memberships', value: (c) => c.memberships },
        { header: 'Rep roles', value: (c) => c.repRoles },
        { header: 'Assessment', value: (c) => assessmentText(c.assessment) },
        { header: 'Organic leader', value: (c) => yesNo(c.leader) },
        { header: 'Last spoken to', value: (c) => ukDateTime(c.lastSpokenAt) },
      ],
    });
  }

  get membershipList(): ExportList<Membership, MembershipFilter, MembershipRow> {
    return list<Membership, MembershipFilter, MembershipRow>(this.memberships, {
      name: 'memberships', entityType: 'Membership', people: true, filterType: MembershipFilter,
      enrich: async (rows, user) => {
        const [people, unions] = await Promise.all([
          byId(rows.map((m) => m.contactId), (ids) => this.contacts.byIds(ids, user)),
          byId(rows.map((m) => m.unionId), (ids) => this.unions.byIds(ids, user)),
        ]);
        const employers = await byId([...people.values()].map((c) => c.employerId), (ids) => this.employers.byIds(ids, user));
        return rows.map((m) => {
          const person = people.get(m.contactId);
          return { ...m, person, employerName: person ? employers.get(person.employerId)?.name : undefined, unionName: unions.get(m.unionId)?.shortName };
        });
      },
      columns: () => [
        { header: 'Person', value: (m) => personName(m.person) },
        { header: 'Employer', value: (m) => plainText(m.employerName) },
        { header: 'Union', value: (m) => plainText(m.unionName) },
        { header: 'Status', value: (m) => words(MEMBERSHIP_STATUS_LABELS, m.status) },
        { header: 'Source', value: (m) => words(MEMBERSHIP_SOURCE_LABELS, m.source) },
        { header: 'Joined', value: (m) => ukDate(m.joinDate) },
        { header: 'Left', value: (m) => ukDate(m.leaveDate) },
        { header: 'Membership number', value: (m) => plainText(m.membershipNumber) },
      ],
    });
  }

  get repRoleList(): ExportList<RepRole, RepRoleFilter, RepRoleRow> {
    return list<RepRole, RepRoleFilter, RepRoleRow>(this.repRoles, {
      name: 'rep-roles', entityType: 'RepRole', people: true, filterType: RepRoleFilter,
      enrich: async (rows, user) => {
        const [people, wardIds] = await Promise.all([
          byId(rows.map((r) => r.contactId), (ids) => this.contacts.byIds(ids, user)),
          this.repRoles.wardIdsByRole(rows.map((r) => r.id), user),
        ]);
        const wards = await byId(wardIds.flat(), (ids) => this.wards.byIds(ids, user));
        return rows.map((r, i) => ({
          ...r, person: people.get(r.contactId),
          wardNames: wardIds[i].map((id) => wards.get(id)?.name).filter(Boolean).sort().join('; '),
        }));
      },
      columns: () => [
        { header: 'Person', value: (r) => personName(r.person) },
        { header: 'Role', value: (r) => words(REP_ROLE_KIND_LABELS, r.kind) },
        { header: 'Wards covered', value: (r) => plainText(r.wardNames) },
        { header: 'Start date', value: (r) => ukDate(r.startDate) },
        { header: 'End date', value: (r) => ukDate(r.endDate) },
      ],
    });
  }

  get conversationList(): ExportList<Conversation, ConversationFilter, ConversationRow> {
    return list<Conversation, ConversationFilter, ConversationRow>(this.conversations, {
      name: 'conversations', entityType: 'Conversation', people: true, filterType: ConversationFilter,
      enrich: async (rows, user) => {
        const contactIds = unique(rows.map((c) => c.contactId));
        const [people, postings, repNames, tags] = await Promise.all([
          byId(contactIds, (ids) => this.contacts.byIds(ids, user)),
          this.contacts.currentPostings(contactIds, user),
          this.users.displayNames(unique(rows.map((c) => c.repUserId)), user),
          this.tags.byConversations(rows.map((c) => c.id), user),
        ]);
        const wardOf = new Map(contactIds.map((id, i) => [id, postings[i]?.wardId]));
        const wards = await byId([...wardOf.values()], (ids) => this.wards.byIds(ids, user));
        const sites = await byId([...wards.values()].map((w) => w.siteId), (ids) => this.sites.byIds(ids, user));
        const names = new Map(unique(rows.map((c) => c.repUserId)).map((id, i) => [id, repNames[i]]));
        return rows.map((c, i) => {
          const wardId = wardOf.get(c.contactId);
          const ward = wardId ? wards.get(wardId) : undefined;
          return {
            ...c, person: people.get(c.contactId), wardName: ward?.name, siteName: ward ? sites.get(ward.siteId)?.name : undefined,
            repName: names.get(c.repUserId) ?? null, issues: tags[i].map((t) => t.name).join('; '),
          };
        });
      },
      columns: () => [
        { header: 'When', value: (c) => ukDateTime(c.occurredAt) },
        { header: 'Person', value: (c) => personName(c.person) },
        { header: 'Ward', value: (c) => plainText(c.wardName) },
        { header: 'Site', value: (c) => plainText(c.siteName) },
        { header: 'Had by', value: (c) => plainText(c.repName) },
        { header: 'Channel', value: (c) => words(CONVERSATION_CHANNEL_LABELS, c.channel) },
        { header: 'Type', value: (c) => words(CONVERSATION_TYPE_LABELS, c.type) },
        { header: 'Issues', value: (c) => plainText(c.issues) },
        { header: 'AEIOU steps', value: (c) => AEIOU_STEPS.filter((s) => c.aeiouSteps?.includes(s)).map((s) => AEIOU_LABELS[s]).join('; ') },
        { header: 'Ask', value: (c) => plainText(c.ask) },
        { header: 'Answer', value: (c) => words(ASK_ANSWER_LABELS, c.answer) },
        { header: 'Assessment', value: (c) => assessmentText(c.assessment) },
        { header: 'Next step', value: (c) => plainText(c.nextStep) },
        { header: 'Follow-up date', value: (c) => ukDate(c.followUpDate) },
        { header: 'Notes', value: (c) => plainText(c.notes) },
      ],
    });
  }
}
