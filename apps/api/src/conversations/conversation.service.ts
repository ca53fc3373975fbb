import { Injectable } from '@nestjs/common';
import {
  addDays, ConversationChannel, ConversationType, FOLLOW_UP_SOON_DAYS, FollowUpState, Role, UK_TIME_ZONE, ukDay, ukToday, validFollowUpDate,
} from '@rollcall/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import { Permission, roleHas } from '../access/permissions.js';
import type { PeopleWrites } from '../access/people-writes.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { PeopleCrudService } from '../access/people-crud.service.js';
import { ContactService } from '../contacts/contact.service.js';
import { ForbiddenError, UserInputError } from '../common/errors.js';
import { applyListArgs, applySearch, likePattern, type ListArgs } from '../common/list.js';
import { AssessmentEntry } from '../assessments/assessment-entry.entity.js';
import { Conversation } from './conversation.entity.js';
import { followUpDone, followUpDoneAt } from './follow-up.sql.js';
import type { ConversationCreateInput, ConversationFilter, ConversationUpdateInput, FollowUpFilter } from './dto/conversation.input.js';
import { IssueTagService } from '../issue-tags/issue-tag.service.js';

/** What the audit log keeps of a conversation (its notes included: they are about the person). */
function snapshot(c: Conversation, issueTagIds: string[]): Record<string, unknown> & { id: string; contactId: string } {
  const { issueTags: _t, contact: _c, repUser: _r, ...fields } = c;
  return { ...fields, issueTagIds };
}

/**
 * One-to-one conversations, follow-ups and the assessment history they feed. A conversation is
 * about one contact and visible where the contact is (people scope); it is logged by the caller, and
 * changed or deleted only by them or by a secretary or admin of the person's branch.
 */
@Injectable()
export class ConversationService extends PeopleCrudService<Conversation, ConversationFilter> {
  protected readonly label = 'Conversation';
  protected readonly sortable = {
    occurredAt: 'conversation.occurred_at', followUpDate: 'conversation.follow_up_date', createdAt: 'conversation.created_at',
    channel: 'conversation.channel', answer: 'conversation.answer', assessment: 'conversation.assessment',
  };
  protected readonly defaultSort = 'occurredAt';

  constructor(door: PeopleDoor, private readonly audit: AuditService, private readonly contacts: ContactService, private readonly tags: IssueTagService) {
    super(Conversation, door);
  }

  protected filter(qb: SelectQueryBuilder<Conversation>, f: ConversationFilter, user: AuthUser): void {
    applySearch(qb, f.q, ['conversation.notes', 'conversation.ask', 'conversation.next_step']);
    if (f.contactId) qb.andWhere('conversation.contact_id = :contactId', { contactId: f.contactId });
    if (f.repUserId) qb.andWhere('conversation.rep_user_id = :repUserId', { repUserId: f.repUserId });
    if (f.mine) qb.andWhere('conversation.rep_user_id = :me', { me: user.id });
    if (f.answer) qb.andWhere('conversation.answer = :answer', { answer: f.answer });
    if (f.issueTagId) {
      qb.andWhere('EXISTS (SELECT 1 FROM conversation_issue_tag ct WHERE ct.conversation_id = conversation.id AND ct.issue_tag_id = :issueTagId)', { issueTagId: f.issueTagId });
    }
    if (f.wardId) {
      qb.andWhere('EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = conversation.contact_id AND p.end_date IS NULL AND p.ward_id = :wardId)', { wardId: f.wardId });
    }
    if (f.from) qb.andWhere('conversation.occurred_at >= (CAST(:from AS date) AT TIME ZONE :zone)', { from: f.from, zone: UK_TIME_ZONE });
    if (f.to) qb.andWhere('conversation.occurred_at < ((CAST(:to AS date) + 1) AT TIME ZONE :zone)', { to: f.to, zone: UK_TIME_ZONE });
  }

  /** The conversation was logged by the caller (a retry of their create may return it). */
  protected override createdBy(row: Conversation, user: AuthUser): boolean {
    return row.repUserId === user.id && row.organisationId === user.organisationId;
  }

  /** Logs a conversation once per client-made id: a retried save returns the first one (see createOnce). */
  async create(input: ConversationCreateInput, user: AuthUser): Promise<Conversation> {
    return this.createOnce(input.id, user, async () => {
      const contact = await this.contacts.find(input.contactId, user);
      if (!contact) throw new UserInputError({ contactId: 'does not exist' });
      const occurredAt = this.checkTime(input.occurredAt ?? new Date());
      this.checkFollowUp(occurredAt, input.followUpDate);
      const issueTags = await this.checkTags(input.issueTagIds ?? [], user);
      const draft = this.repo.create({
        id: input.id, organisationId: user.organisationId, contactId: contact.id, repUserId: user.id, occurredAt,
        channel: input.channel ?? ConversationChannel.IN_PERSON, type: input.type ?? ConversationType.ONE_TO_ONE, aeiouSteps: dedupe(input.aeiouSteps ?? []),
        ask: input.ask ?? null, answer: input.answer ?? null, assessment: input.assessment ?? null, notes: input.notes ?? null,
        nextStep: input.nextStep ?? null, followUpDate: input.followUpDate ?? null, issueTags,
      });
      const row = await this.door.write(user, async (w) => {
        await w.insertRows(Conversation, draft);
        // Read back as a retry would find it (an insert's RETURNING leaves enum arrays unparsed).
        const row = await this.get(draft.id, user);
        if (row.assessment) await this.recordAssessment(w, row, user);
        return row;
      });
      row.issueTags = issueTags;
      await this.audit.change(user, 'Conversation', null, snapshot(row, issueTags.map((t) => t.id)));
      return row;
    });
  }

  async update(id: string, input: ConversationUpdateInput, user: AuthUser): Promise<Conversation> {
    const row = await this.get(id, user);
    await this.requireMayChange(row, user, 'change');
    const beforeTags = (await this.tags.byConversations([id], user))[0].map((t) => t.id);
    const before = snapshot({ ...row }, beforeTags);
    const { issueTagIds, occurredAt, ...fields } = input;
    const merged = this.repo.merge(row, fields as Partial<Conversation>);
    if (occurredAt) merged.occurredAt = this.checkTime(occurredAt);
    if (input.aeiouSteps) merged.aeiouSteps = dedupe(input.aeiouSteps);
    this.checkFollowUp(merged.occurredAt, merged.followUpDate);
    merged.issueTags = issueTagIds ? await this.checkTags(issueTagIds, user) : (await this.tags.byConversations([id], user))[0];
    const saved = await this.door.write(user, async (w) => {
      const out = await w.saveRow(Conversation, merged);
      // A changed assessment is a new entry in the history; the old one stays.
      if (input.assessment !== undefined && input.assessment !== null && input.assessment !== before.assessment) {
        await this.recordAssessment(w, out, user);
      }
      return out;
    });
    await this.audit.change(user, 'Conversation', before, snapshot(saved, merged.issueTags.map((t) => t.id)));
    return saved;
  }

  /** A conversation logged by mistake goes, and so does the assessment it recorded. */
  override async remove(id: string, user: AuthUser): Promise<Conversation> {
    const row = await this.get(id, user);
    await this.requireMayChange(row, user, 'delete');
    const tags = (await this.tags.byConversations([id], user))[0].map((t) => t.id);
    await this.door.write(user, async (w) => {
      await w.deleteRows(AssessmentEntry, { conversationId: id });
      await w.deleteRows(Conversation, { id });
    });
    await this.audit.change(user, 'Conversation', snapshot(row, tags), null);
    return { ...row, id };
  }

  /** Follow-ups: conversations with a follow-up date, open until the person is spoken to again. */
  followUps(args: ListArgs, filter: FollowUpFilter | undefined, user: AuthUser): Promise<Conversation[]> {
    return applyListArgs(this.followUpQuery(filter, user), args, { followUpDate: 'conversation.follow_up_date', occurredAt: 'conversation.occurred_at' }, 'followUpDate').getMany();
  }

  countFollowUps(filter: FollowUpFilter | undefined, user: AuthUser): Promise<number> {
    return this.followUpQuery(filter, user).getCount();
  }

  private followUpQuery(f: FollowUpFilter | undefined, user: AuthUser): SelectQueryBuilder<Conversation> {
    const qb = this.query(user).andWhere('conversation.follow_up_date IS NOT NULL');
    qb.andWhere('conversation.rep_user_id = :rep', { rep: f?.repUserId ?? user.id });
    if (f?.contactId) qb.andWhere('conversation.contact_id = :contactId', { contactId: f.contactId });
    if (f?.q) {
      qb.andWhere(`EXISTS (SELECT 1 FROM contact fc WHERE fc.id = conversation.contact_id
        AND (fc.first_name || ' ' || fc.last_name || ' ' || coalesce(fc.preferred_name, '')) ILIKE :fq)`, { fq: likePattern(f.q.trim()) });
    }
    const t = ukToday();
    const soon = addDays(t, FOLLOW_UP_SOON_DAYS);
    if (f?.state === FollowUpState.DONE) qb.andWhere(followUpDone('conversation'));
    else if (!f?.includeDone) qb.andWhere(`NOT ${followUpDone('conversation')}`);
    if (f?.state === FollowUpState.OVERDUE) qb.andWhere('conversation.follow_up_date < :t', { t });
    if (f?.state === FollowUpState.DUE_TODAY) qb.andWhere('conversation.follow_up_date = :t', { t });
    if (f?.state === FollowUpState.DUE_SOON) qb.andWhere('conversation.follow_up_date > :t AND conversation.follow_up_date <= :soon', { t, soon });
    if (f?.state === FollowUpState.LATER) qb.andWhere('conversation.follow_up_date > :soon', { soon });
    return qb;
  }

  /** When each conversation's follow-up was done (see follow-up.sql.ts), for DataLoader. */
  async completedAt(ids: readonly string[], user: AuthUser): Promise<(Date | null)[]> {
    const rows = await this.door.sql<{ id: string; at: Date }>(user, (people) =>
      `SELECT c.id, ${followUpDoneAt('c')} AS at
       FROM conversation c WHERE c.id = ANY(:ids) AND ${people({ table: 'conversation', alias: 'c' })}`, { ids: [...ids] });
    const map = new Map(rows.map((r) => [r.id, r.at]));
    return ids.map((id) => map.get(id) ?? null);
  }

  /** When each contact (of the caller's people) was last spoken to (any rep), for DataLoader. */
  async lastConversationAt(contactIds: readonly string[], user: AuthUser): Promise<(Date | null)[]> {
    const rows = await this.door.sql<{ contact_id: string; at: Date }>(user, (people) =>
      `SELECT cv.contact_id, max(cv.occurred_at) AS at FROM conversation cv WHERE cv.contact_id IN ${people({ among: ':ids' })}
       GROUP BY cv.contact_id`, { ids: [...contactIds] });
    const map = new Map(rows.map((r) => [r.contact_id, r.at]));
    return contactIds.map((id) => map.get(id) ?? null);
  }

  private async recordAssessment(w: PeopleWrites, c: Conversation, user: AuthUser): Promise<void> {
    await w.insertRows(AssessmentEntry, {
      organisationId: c.organisationId, contactId: c.contactId, value: c.assessment!, assessedAt: c.occurredAt,
      assessedById: user.id, conversationId: c.id,
    });
  }

  /**
   * Only whoever logged a conversation, or a secretary or admin of a branch covering the person's
   * employer, may change or delete it: a rep may not rewrite what the secretary (or another rep) logged.
   */
  private async requireMayChange(row: Conversation, user: AuthUser, doing: 'change' | 'delete'): Promise<void> {
    const [may] = await this.mayChange([row], user);
    if (!may) throw new ForbiddenError(`Only the person who logged this conversation, or a branch secretary or admin, may ${doing} it`);
  }

  /**
   * Whether the caller may change or delete each conversation: whoever logged it, or a secretary or admin of a branch
   * covering the person's employer, and only with PEOPLE_WRITE. The one rule, for the mutations and for the web app
   * (`Conversation.mayChange`), which offers Edit and Delete only where they would be allowed.
   */
  async mayChange(rows: readonly Pick<Conversation, 'contactId' | 'repUserId'>[], user: AuthUser): Promise<boolean[]> {
    if (!user.roles.some((r) => roleHas(r.role, Permission.PEOPLE_WRITE))) return rows.map(() => false);
    const branches = user.roles.filter((r) => r.role === Role.BRANCH_SECRETARY || r.role === Role.ADMIN).map((r) => r.branchId);
    const others = [...new Set(rows.filter((r) => r.repUserId !== user.id).map((r) => r.contactId))];
    let officerOf = new Set<string>();
    if (branches.length && others.length) {
      const found = await this.door.sql<{ id: string }>(user, (people) =>
        `SELECT c.id FROM contact c JOIN branch_employer be ON be.employer_id = c.employer_id
          WHERE be.branch_id = ANY(:branches) AND c.id IN ${people({ among: ':contactIds' })}`,
      { contactIds: others, branches });
      officerOf = new Set(found.map((f) => f.id));
    }
    return rows.map((r) => r.repUserId === user.id || officerOf.has(r.contactId));
  }

  private checkTime(at: Date): Date {
    if (Number.isNaN(at.getTime())) throw new UserInputError({ occurredAt: 'must be a date and time' });
    if (at.getTime() > Date.now() + 5 * 60_000) throw new UserInputError({ occurredAt: 'must not be in the future' });
    if (at.getFullYear() < 2000) throw new UserInputError({ occurredAt: 'must be this century' });
    return at;
  }

  private checkFollowUp(occurredAt: Date, followUpDate: string | null | undefined): void {
    if (!followUpDate) return;
    if (!validFollowUpDate(ukDay(occurredAt), followUpDate)) throw new UserInputError({ followUpDate: 'must be on or after the conversation' });
  }

  private async checkTags(ids: string[], user: AuthUser) {
    const unique = [...new Set(ids)];
    const tags = await this.tags.activeOf(unique, user);
    if (tags.length !== unique.length) throw new UserInputError({ issueTagIds: 'include an issue tag that does not exist or is retired' });
    return tags;
  }
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
