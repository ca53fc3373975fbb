import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { checkPeriod, UserInputError } from '../common/errors.js';
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

  constructor(contacts: ContactService, door: PeopleDoor, private readonly audit: AuditService, @InjectTransaction() private readonly db: EntityManager) {
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
      const recruiter = await this.checkRecruiter(input.contactId, input, user);
      const row = await this.insert(this.repo.create({ ...input, recruitedByContactId: null, recruitedByUserId: null, ...recruiter, organisationId: contact.organisationId, createdById: user.id }), user);
      await this.audit.change(user, 'Membership', null, row);
      return row;
    });
  }

  async update(id: string, input: MembershipUpdateInput, user: AuthUser): Promise<Membership> {
    const row = await this.get(id, user);
    const before = { ...row };
    const recruiter = await this.checkRecruiter(row.contactId, input, user);
    const merged = this.repo.merge(row, { ...input, ...recruiter });
    checkPeriod(merged.joinDate, merged.leaveDate, 'joinDate', 'leaveDate');
    const saved = await this.save(merged, user);
    await this.audit.change(user, 'Membership', before, saved);
    return saved;
  }

  /**
   * Who recruited them, if given: a contact the caller may see (through the PeopleDoor; in a mutation,
   * one they may change) other than the member, or a user of the caller's organisation, never both.
   * Naming one clears the other (an update). Returns the pair to write, or nothing when neither is given.
   */
  private async checkRecruiter(memberId: string, input: Pick<MembershipUpdateInput, 'recruitedByContactId' | 'recruitedByUserId'>, user: AuthUser):
    Promise<{ recruitedByContactId?: string | null; recruitedByUserId?: string | null }> {
    const { recruitedByContactId: contactId, recruitedByUserId: userId } = input;
    if (contactId && userId) throw new UserInputError({ recruitedByUserId: 'give the contact or the user who recruited them, not both' });
    if (contactId) {
      if (contactId.toLowerCase() === memberId.toLowerCase()) throw new UserInputError({ recruitedByContactId: 'cannot be the member themselves' });
      if (!(await this.contacts.find(contactId, user))) throw new UserInputError({ recruitedByContactId: 'does not exist or is outside your branch or patch' });
      return { recruitedByContactId: contactId, recruitedByUserId: null };
    }
    if (userId) {
      const found: unknown[] = await this.db.query('SELECT 1 FROM app_user WHERE id = $1 AND organisation_id = $2', [userId, user.organisationId]);
      if (!found.length) throw new UserInputError({ recruitedByUserId: 'is not a user of your organisation' });
      return { recruitedByContactId: null, recruitedByUserId: userId };
    }
    return {};
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
