import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { addDays, ukToday as today } from '@rollcall/domain';
import { type SelectQueryBuilder, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleCrudService } from '../access/people-crud.service.js';
import { PeopleDoor } from '../access/people-door.js';
import type { PeopleWrites } from '../access/people-writes.js';
import { Permission } from '../access/permissions.js';
import { currentAssessment, isAssessed } from '../assessments/current-assessment.sql.js';
import { type AuditedRecord, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { MembershipStatus } from '../common/enums.js';
import { checkPeriod, mapConstraintError, UserInputError } from '../common/errors.js';
import { applySearch, applySort, type SortArgs } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import { Ward } from '../wards/ward.entity.js';
import { Contact } from './contact.entity.js';
import type { ContactCreateInput, ContactFilter, ContactUpdateInput } from './dto/contact.input.js';
import { Posting } from './posting.entity.js';

/** The contact's current assessment (one definition: assessments/current-assessment.sql.ts). */
const CURRENT_ASSESSMENT = currentAssessment('contact.id');

/** Sorts on values derived per contact: selected under an alias, ordered by it. */
const DERIVED_SORT: Record<string, { sql: string; alias: string }> = {
  assessment: { sql: CURRENT_ASSESSMENT, alias: 'sort_assessment' },
  lastConversationAt: { sql: '(SELECT max(cv.occurred_at) FROM conversation cv WHERE cv.contact_id = contact.id)', alias: 'sort_last_conversation' },
};

/** The number is another contact's, one the caller can see (and find by searching for it). */
const EMPLOYEE_NUMBER_IN_USE = 'is already used by another contact at this employer';
/**
 * The number is someone's the caller cannot see (off a rep's patch): still refused, one employee
 * number per person, but naming no one, and sending the caller to whoever sees the whole branch.
 */
const EMPLOYEE_NUMBER_UNUSABLE = 'cannot be used here: check it with your branch secretary';

const CONSTRAINTS: Record<string, [string, string]> = {
  // Reached only when no contact the caller can see has the number (checkEmployeeNumber), or in a race.
  uq_contact_employee_number: ['employeeNumber', EMPLOYEE_NUMBER_UNUSABLE],
};

/** Contacts of the caller's branches (or patch) only; wards through effective-dated postings. */
@Injectable()
export class ContactService extends PeopleCrudService<Contact, ContactFilter> {
  protected readonly label = 'Contact';
  protected readonly sortable = {
    lastName: 'contact.last_name', firstName: 'contact.first_name', employeeNumber: 'contact.employee_number',
    staffGroup: 'contact.staff_group', grade: 'contact.grade', shiftPattern: 'contact.shift_pattern',
    contractType: 'contact.contract_type', jobTitle: 'contact.job_title', startDate: 'contact.start_date',
    leaveDate: 'contact.leave_date', createdAt: 'contact.created_at', updatedAt: 'contact.updated_at',
  };
  protected readonly defaultSort = 'lastName';
  protected override readonly constraints = CONSTRAINTS;

  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    door: PeopleDoor,
    private readonly audit: AuditService,
  ) {
    super(Contact, door);
  }

  override listQuery(args: SortArgs, filter: ContactFilter | undefined, user: AuthUser): SelectQueryBuilder<Contact> {
    const qb = this.query(user, filter);
    const derived = args.sortField && Object.hasOwn(DERIVED_SORT, args.sortField) ? DERIVED_SORT[args.sortField] : undefined;
    if (derived) qb.addSelect(derived.sql, derived.alias);
    const sortable = { ...this.sortable, ...Object.fromEntries(Object.entries(DERIVED_SORT).map(([k, v]) => [k, v.alias])) };
    return applySort(qb, args, sortable, this.defaultSort);
  }

  protected filter(qb: SelectQueryBuilder<Contact>, f: ContactFilter): void {
    applySearch(qb, f.q, ['contact.first_name', 'contact.last_name', 'contact.preferred_name', 'contact.employee_number']);
    if (f.employerId) qb.andWhere('contact.employer_id = :employerId', { employerId: f.employerId });
    for (const key of ['staffGroup', 'grade', 'shiftPattern', 'contractType'] as const) {
      if (f[key]) qb.andWhere(`contact.${this.repo.metadata.findColumnWithPropertyName(key)!.databaseName} = :${key}`, { [key]: f[key] });
    }
    if (f.wardId) {
      qb.andWhere('EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = contact.id AND p.end_date IS NULL AND p.ward_id = :wardId)', { wardId: f.wardId });
    }
    if (f.siteId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.contact_id = contact.id AND p.end_date IS NULL AND w.site_id = :siteId)',
        { siteId: f.siteId },
      );
    }
    const union = f.unionId ? ' AND m.union_id = :unionId' : '';
    if (f.membershipStatus === MembershipStatus.NON_MEMBER) {
      qb.andWhere(`NOT EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = contact.id AND m.status IN ('MEMBER', 'PENDING')${union})`, { unionId: f.unionId });
    } else if (f.membershipStatus) {
      qb.andWhere(`EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = contact.id AND m.status = :membershipStatus${union})`, {
        membershipStatus: f.membershipStatus, unionId: f.unionId,
      });
    } else if (f.unionId) {
      qb.andWhere('EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = contact.id AND m.union_id = :unionId)', { unionId: f.unionId });
    }
    if (f.isCurrent !== undefined && f.isCurrent !== null) {
      qb.andWhere(`${f.isCurrent ? '' : 'NOT '}(contact.leave_date IS NULL OR contact.leave_date > current_date)`);
    }
    if (f.assessment) qb.andWhere(`${CURRENT_ASSESSMENT} = :assessment`, { assessment: f.assessment });
    if (f.assessed !== undefined && f.assessed !== null) {
      qb.andWhere(`${f.assessed ? '' : 'NOT '}${isAssessed('contact.id')}`);
    }
    if (f.leader !== undefined && f.leader !== null) qb.andWhere('contact.leader = :leader', { leader: f.leader });
    if (f.spokenTo !== undefined && f.spokenTo !== null) {
      qb.andWhere(`${f.spokenTo ? '' : 'NOT '}EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = contact.id)`);
    }
    if (f.isRep !== undefined && f.isRep !== null) {
      qb.andWhere(`${f.isRep ? '' : 'NOT '}EXISTS (SELECT 1 FROM rep_role r WHERE r.contact_id = contact.id AND (r.end_date IS NULL OR r.end_date > current_date))`);
    }
  }

  /** Adds a contact and opens their posting, once per client-made id (see createOnce). */
  async create(input: ContactCreateInput, user: AuthUser): Promise<Contact> {
    return this.createOnce(input.id, user, async () => {
      const { wardId, postedFrom, ...fields } = input;
      checkPeriod(fields.startDate, fields.leaveDate, 'startDate', 'leaveDate');
      await this.checkWard(wardId, input.employerId, user);
      await this.checkEmployeeNumber(input.employerId, fields.employeeNumber, null, user);
      const organisationId = this.access.organisationOf(user);
      const contact = this.repo.create({ ...fields, organisationId, createdById: user.id });
      // The person and their first posting together: for a rep, the posting is what puts them on the patch.
      await this.door.write(user, async (w) => {
        await w.insertRows(Contact, contact);
        await w.insertRows(Posting, { organisationId, contactId: contact.id, wardId, startDate: postedFrom ?? fields.startDate ?? today(), endDate: null });
      });
      await this.audit.change(user, 'Contact', null, { ...contact, wardId } as AuditedRecord);
      return contact;
    });
  }

  async update(id: string, input: ContactUpdateInput, user: AuthUser): Promise<Contact> {
    const contact = await this.get(id, user);
    const before = { ...contact };
    const { wardId, movedOn, postedFrom: _ignored, ...fields } = input;
    const merged = this.repo.merge(contact, fields);
    checkPeriod(merged.startDate, merged.leaveDate, 'startDate', 'leaveDate');
    const [current] = await this.currentPostings([id], user);
    if (wardId || fields.employerId) await this.checkWard(wardId ?? current?.wardId, merged.employerId, user);
    if (fields.employeeNumber || fields.employerId) await this.checkEmployeeNumber(merged.employerId, merged.employeeNumber, id, user);
    try {
      const saved = await this.door.write(user, async (w) => {
        const row = await w.saveRow(Contact, merged);
        if (wardId && wardId !== current?.wardId) await this.move(w, row, current, wardId, movedOn ?? today());
        return row;
      });
      const moved = wardId && wardId !== current?.wardId ? { wardId, movedOn: movedOn ?? today() } : { wardId: current?.wardId ?? null };
      await this.audit.change(user, 'Contact', { ...before, wardId: current?.wardId ?? null } as AuditedRecord, { ...saved, ...moved });
      return saved;
    } catch (e) {
      mapConstraintError(e, CONSTRAINTS);
    }
  }

  /** A rotation or move: the current posting ends the day before the new one starts. */
  private async move(w: PeopleWrites, contact: Contact, current: Posting | null, wardId: string, from: string): Promise<void> {
    if (current && from < current.startDate) {
      throw new UserInputError({ movedOn: `must be on or after the current posting's start (${current.startDate})` });
    }
    if (current && from === current.startDate) {
      await w.updateRows(Posting, { id: current.id }, { wardId });
      return;
    }
    if (current) await w.updateRows(Posting, { id: current.id }, { endDate: addDays(from, -1) });
    await w.insertRows(Posting, { organisationId: contact.organisationId, contactId: contact.id, wardId, startDate: from, endDate: null });
  }

  /** Soft delete: history matters, and later retention rules decide when rows go for good. */
  override async remove(id: string, user: AuthUser): Promise<Contact> {
    const contact = await this.get(id, user);
    await this.erase(id, user);
    await this.audit.change(user, 'Contact', contact, null);
    return contact;
  }

  private async checkWard(wardId: string | undefined, employerId: string, user: AuthUser): Promise<void> {
    if (!wardId) return;
    const ward = await this.db.getRepository(Ward).findOne({ where: { id: wardId }, relations: { site: true } });
    if (!ward) throw new UserInputError({ wardId: 'does not exist' });
    if (ward.site.employerId !== employerId) throw new UserInputError({ wardId: "must be a ward of the contact's employer" });
    if (!this.access.mayPlace(user, employerId, ward.siteId)) throw new UserInputError({ wardId: 'is outside your branch or patch' });
  }

  /**
   * A clash with someone the caller can see is named as such; any other clash is left to the unique
   * index, whose answer names no one (see CONSTRAINTS), so nothing off a patch can be inferred
   * beyond the refusal itself.
   */
  private async checkEmployeeNumber(employerId: string, employeeNumber: string | null | undefined, self: string | null, user: AuthUser): Promise<void> {
    if (!employeeNumber) return;
    const qb = this.query({ ...user, people: this.access.scope(user, Permission.PEOPLE_READ) })
      .andWhere('contact.employer_id = :numberEmployer AND contact.employee_number = :employeeNumber', { numberEmployer: employerId, employeeNumber });
    if (self) qb.andWhere('contact.id <> :self', { self });
    if (await qb.getExists()) throw new UserInputError({ employeeNumber: EMPLOYEE_NUMBER_IN_USE });
  }

  /** Current posting per contact (of the caller's people), for DataLoader. */
  async currentPostings(contactIds: readonly string[], user: AuthUser): Promise<(Posting | null)[]> {
    const rows = await this.door.ofPeople(Posting, user, contactIds, 'posting').andWhere('posting.end_date IS NULL').getMany();
    const map = new Map(rows.map((p) => [p.contactId, p]));
    return contactIds.map((id) => map.get(id) ?? null);
  }

  /** Posting history per contact (of the caller's people), newest first, for DataLoader. */
  async postingHistory(contactIds: readonly string[], user: AuthUser): Promise<Posting[][]> {
    const rows = await this.door.ofPeople(Posting, user, contactIds, 'posting').orderBy('posting.start_date', 'DESC').getMany();
    return groupByKey(contactIds, rows, (p) => p.contactId);
  }
}
