import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from '../common/crud.service.js';
import { UserInputError } from '../common/errors.js';
import { groupByKey } from '../common/loaders.js';
import { ContactService } from '../contacts/contact.service.js';
import { MembershipStatus } from '../common/enums.js';
import type { MembershipCreateInput, MembershipFilter, MembershipUpdateInput } from './dto/membership.input.js';
import { Membership } from './membership.entity.js';

/** Memberships recorded by the caller's organisation; they never cross to another. */
@Injectable()
export class MembershipService extends CrudService<Membership, MembershipFilter, AuthUser> {
  protected readonly label = 'Membership';
  protected readonly sortable = {
    status: 'membership.status', joinDate: 'membership.join_date', leaveDate: 'membership.leave_date',
    membershipNumber: 'membership.membership_number', unionId: 'membership.union_id', source: 'membership.source',
    createdAt: 'membership.created_at',
  };
  protected readonly defaultSort = 'joinDate';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_membership_contact_union: ['unionId', 'this contact already has a membership of this union: edit it instead'],
  };

  constructor(
    @InjectRepository(Membership) repo: Repository<Membership>,
    private readonly contacts: ContactService,
    private readonly door: PeopleDoor,
    private readonly audit: AuditService,
  ) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<Membership>, user: AuthUser): void {
    this.door.scope(qb, user);
  }

  protected filter(qb: SelectQueryBuilder<Membership>, f: MembershipFilter): void {
    if (f.contactId) qb.andWhere('membership.contact_id = :contactId', { contactId: f.contactId });
    if (f.unionId) qb.andWhere('membership.union_id = :unionId', { unionId: f.unionId });
    if (f.status) qb.andWhere('membership.status = :status', { status: f.status });
  }

  /** The caller recorded the membership (a retry of their create may return it). */
  protected override createdBy(row: Membership, user: AuthUser): boolean {
    return row.createdById === user.id;
  }

  /** Records a membership once per client-made id (see createOnce). */
  async create(input: MembershipCreateInput, user: AuthUser): Promise<Membership> {
    return this.createOnce(input.id, user, async (tx) => {
      // The contact must be one of ours: an unknown or hidden contact is "not found", never "forbidden".
      const contact = await this.contacts.find(input.contactId, user);
      if (!contact) throw new UserInputError({ contactId: 'does not exist' });
      this.checkDates(input.joinDate, input.leaveDate);
      const row = tx.create(Membership, { ...input, organisationId: contact.organisationId, createdById: user.id });
      await tx.insert(Membership, row);
      await this.audit.change(user, 'Membership', null, row);
      return row;
    });
  }

  async update(id: string, input: MembershipUpdateInput, user: AuthUser): Promise<Membership> {
    const row = await this.get(id, user);
    const before = { ...row };
    const merged = this.repo.merge(row, input);
    this.checkDates(merged.joinDate, merged.leaveDate);
    const saved = await this.save(merged);
    await this.audit.change(user, 'Membership', before, saved);
    return saved;
  }

  protected override onRemoved(row: Membership, user: AuthUser): Promise<void> {
    return this.audit.change(user, 'Membership', row, null);
  }

  async byContacts(contactIds: readonly string[], user: AuthUser): Promise<Membership[][]> {
    const rows = await this.query(user).andWhere({ contactId: In([...contactIds]) }).orderBy('membership.created_at').getMany();
    return groupByKey(contactIds, rows, (m) => m.contactId);
  }

  /**
   * Current members (of any union) whose membership started between `since` and `today`, among the
   * people the caller may see: how many, and the newest `limit` of them.
   */
  async recentJoiners(user: AuthUser, since: string, today: string, limit: number): Promise<{ count: number; memberships: Membership[] }> {
    const qb = this.query(user)
      .andWhere('membership.status = :member', { member: MembershipStatus.MEMBER })
      .andWhere('membership.join_date BETWEEN :since AND :today', { since, today })
      .andWhere('(membership.leave_date IS NULL OR membership.leave_date > :today)');
    const [memberships, count] = await qb
      .orderBy('membership.join_date', 'DESC').addOrderBy('membership.created_at', 'DESC').addOrderBy('membership.id')
      .take(limit).getManyAndCount();
    return { count, memberships };
  }

  private checkDates(join: string | null | undefined, leave: string | null | undefined): void {
    if (join && leave && leave < join) throw new UserInputError({ leaveDate: 'must not be before joinDate' });
  }
}
