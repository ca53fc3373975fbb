import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { checkPeriod } from '../common/errors.js';
import { ContactRecordService } from '../contacts/contact-record.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { MembershipStatus } from '../common/enums.js';
import type { MembershipCreateInput, MembershipFilter, MembershipUpdateInput } from './dto/membership.input.js';
import { Membership } from './membership.entity.js';

/** Memberships recorded by the caller's organisation; they never cross to another. */
@Injectable()
export class MembershipService extends ContactRecordService<Membership, MembershipFilter> {
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

  constructor(contacts: ContactService, door: PeopleDoor, private readonly audit: AuditService) {
    super(Membership, door, contacts);
  }

  protected override filter(qb: SelectQueryBuilder<Membership>, f: MembershipFilter): void {
    super.filter(qb, f);
    if (f.unionId) qb.andWhere('membership.union_id = :unionId', { unionId: f.unionId });
    if (f.status) qb.andWhere('membership.status = :status', { status: f.status });
  }

  /** Records a membership once per client-made id (see createOnce). */
  async create(input: MembershipCreateInput, user: AuthUser): Promise<Membership> {
    return this.createOnce(input.id, user, async () => {
      const contact = await this.contactFor(input.contactId, user);
      checkPeriod(input.joinDate, input.leaveDate, 'joinDate', 'leaveDate');
      const row = await this.insert(this.repo.create({ ...input, organisationId: contact.organisationId, createdById: user.id }), user);
      await this.audit.change(user, 'Membership', null, row);
      return row;
    });
  }

  async update(id: string, input: MembershipUpdateInput, user: AuthUser): Promise<Membership> {
    const row = await this.get(id, user);
    const before = { ...row };
    const merged = this.repo.merge(row, input);
    checkPeriod(merged.joinDate, merged.leaveDate, 'joinDate', 'leaveDate');
    const saved = await this.save(merged, user);
    await this.audit.change(user, 'Membership', before, saved);
    return saved;
  }

  protected override onRemoved(row: Membership, user: AuthUser): Promise<void> {
    return this.audit.change(user, 'Membership', row, null);
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
}
