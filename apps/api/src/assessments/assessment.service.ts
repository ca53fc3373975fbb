import { Injectable } from '@nestjs/common';
import { PeopleDoor } from '../access/people-door.js';
import { type AuditedRecord, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { UserInputError } from '../common/errors.js';
import { groupByKey } from '../common/loaders.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { ContactLink } from './contact-link.entity.js';
import { currentAssessment } from './current-assessment.sql.js';

/**
 * Assessments and leadership: each contact's assessment history and current assessment, organic
 * leaders, and who looks to whom. Everything is limited to the caller's people scope (the PeopleDoor).
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly door: PeopleDoor,
    private readonly audit: AuditService,
    private readonly contacts: ContactService,
  ) {}

  /** Assessment history per contact (of the caller's people), newest first, for DataLoader. */
  async assessmentHistory(contactIds: readonly string[], user: AuthUser): Promise<AssessmentEntry[][]> {
    const rows = await this.door.ofPeople(AssessmentEntry, user, contactIds, 'a')
      .orderBy('a.assessed_at', 'DESC').addOrderBy('a.created_at', 'DESC').getMany();
    return groupByKey(contactIds, rows, (r) => r.contactId);
  }

  /** The current assessment per contact (of the caller's people; see current-assessment.sql.ts), for DataLoader. */
  async currentAssessment(contactIds: readonly string[], user: AuthUser): Promise<(number | null)[]> {
    const rows = await this.door.sql<{ contact_id: string; value: number | null }>(user, (people) =>
      `SELECT k.id AS contact_id, ${currentAssessment('k.id')} AS value FROM ${people({ among: ':ids' })} k`, { ids: [...contactIds] });
    const map = new Map(rows.map((r) => [r.contact_id, r.value]));
    return contactIds.map((id) => map.get(id) ?? null);
  }

  /** Records an assessment without a conversation (e.g. after a chat in the corridor). */
  async assess(contactId: string, value: number, user: AuthUser): Promise<AssessmentEntry> {
    const contact = await this.contacts.find(contactId, user);
    if (!contact) throw new UserInputError({ contactId: 'does not exist' });
    const entry = Object.assign(new AssessmentEntry(), {
      organisationId: contact.organisationId, contactId, value, assessedAt: new Date(), assessedById: user.id, conversationId: null,
    });
    await this.door.write(user, (w) => w.insertRows(AssessmentEntry, entry));
    await this.audit.change(user, 'Assessment', null, { ...entry, contactId } as AuditedRecord);
    return entry;
  }

  /** Marks or unmarks an organic leader, with who and why. */
  async setLeader(contactId: string, leader: boolean, reason: string | null | undefined, user: AuthUser) {
    const contact = await this.contacts.find(contactId, user);
    if (!contact) throw new UserInputError({ contactId: 'does not exist' });
    if (leader && !reason?.trim()) throw new UserInputError({ reason: 'say why they are a leader (who follows them, what they did)' });
    const before = { id: contact.id, employerId: contact.employerId, leader: contact.leader, leaderReason: contact.leaderReason };
    const patch = leader
      ? { leader: true, leaderReason: reason!.trim(), leaderMarkedById: user.id, leaderMarkedAt: new Date() }
      : { leader: false, leaderReason: null, leaderMarkedById: user.id, leaderMarkedAt: new Date() };
    await this.door.write(user, (w) => w.updateRows(Contact, { id: contactId }, patch));
    await this.audit.change(user, 'Contact', before, { ...before, leader: patch.leader, leaderReason: patch.leaderReason } as AuditedRecord);
    return { ...contact, ...patch };
  }

  /** "Follower looks to leader": both must be people the caller may change. */
  async link(leaderId: string, followerId: string, user: AuthUser): Promise<ContactLink> {
    if (leaderId === followerId) throw new UserInputError({ followerId: 'must be someone other than the leader' });
    const [leader, follower] = await Promise.all([this.contacts.find(leaderId, user), this.contacts.find(followerId, user)]);
    if (!leader) throw new UserInputError({ leaderId: 'does not exist' });
    if (!follower) throw new UserInputError({ followerId: 'does not exist' });
    const existing = await this.linkOf(leaderId, followerId, user);
    if (existing) return existing;
    const link = Object.assign(new ContactLink(), { organisationId: leader.organisationId, leaderId, followerId, createdById: user.id });
    await this.door.write(user, (w) => w.insertRows(ContactLink, link));
    await this.audit.change(user, 'ContactLink', null, { ...link, contactId: followerId } as AuditedRecord);
    return link;
  }

  async unlink(leaderId: string, followerId: string, user: AuthUser): Promise<boolean> {
    const [leader, follower] = await Promise.all([this.contacts.find(leaderId, user), this.contacts.find(followerId, user)]);
    if (!leader || !follower) throw new UserInputError({ [leader ? 'followerId' : 'leaderId']: 'does not exist' });
    const link = await this.linkOf(leaderId, followerId, user);
    if (!link) return false;
    await this.door.write(user, (w) => w.deleteRows(ContactLink, { id: link.id }));
    await this.audit.change(user, 'ContactLink', { ...link, contactId: followerId } as AuditedRecord, null);
    return true;
  }

  private linkOf(leaderId: string, followerId: string, user: AuthUser): Promise<ContactLink | null> {
    return this.door.query(ContactLink, user, 'l').andWhere('l.leader_id = :leaderId AND l.follower_id = :followerId', { leaderId, followerId }).getOne();
  }

  /** Each contact's leaders (whom they look to) and followers, both ends within scope, in one statement, for DataLoader. */
  async links(contactIds: readonly string[], user: AuthUser): Promise<{ leaders: string[]; followers: string[] }[]> {
    const rows = await this.door.sql<{ me: string; other: string; direction: 'leaders' | 'followers' }>(user, (people) => `SELECT x.me, x.other, x.direction FROM (
        SELECT l.follower_id AS me, l.leader_id AS other, 'leaders' AS direction, l.created_at FROM contact_link l WHERE l.follower_id = ANY(:ids)
        UNION ALL
        SELECT l.leader_id, l.follower_id, 'followers', l.created_at FROM contact_link l WHERE l.leader_id = ANY(:ids)
      ) x WHERE ${people({ contactId: 'x.me' })} AND ${people({ contactId: 'x.other' })} ORDER BY x.created_at`, { ids: [...contactIds] });
    return groupByKey(contactIds, rows, (r) => r.me).map((mine) => ({
      leaders: mine.filter((r) => r.direction === 'leaders').map((r) => r.other),
      followers: mine.filter((r) => r.direction === 'followers').map((r) => r.other),
    }));
  }
}
