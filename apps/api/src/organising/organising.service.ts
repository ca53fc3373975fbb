import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import {
  type Assessment, ASSESSMENT_LABELS, CONVERSATION_CHANNEL_LABELS, CONVERSATION_TYPE_LABELS, type ConversationChannel,
  type ConversationType, coverageStatus, REP_ROLE_KIND_LABELS, type RepRoleKind, ShiftPattern, uncoveredShifts,
} from '@rollcall/domain';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor } from '../access/people-door.js';
import { Permission } from '../access/permissions.js';
import { type AuditedRecord, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ContactService } from '../contacts/contact.service.js';
import { UserInputError } from '../common/errors.js';
import { likePattern } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { ContactLink } from './contact-link.entity.js';

export interface TimelineRow {
  contact_id: string;
  id: string;
  kind: string;
  at: Date;
  title: string;
  detail: string | null;
  actor: string | null;
  conversation_id: string | null;
  assessment: number | null;
}

/** A timeline event's title, in the domain's words ("One-to-one (in person)", "Became Learning rep"). */
export function timelineTitle(kind: string, raw: string): string {
  switch (kind) {
    case 'CONVERSATION': {
      const [type, channel] = raw.split(':') as [ConversationType, ConversationChannel];
      return `${CONVERSATION_TYPE_LABELS[type] ?? type} (${(CONVERSATION_CHANNEL_LABELS[channel] ?? channel).toLowerCase()})`;
    }
    case 'ASSESSMENT':
      return `Assessed ${raw} · ${ASSESSMENT_LABELS[Number(raw) as Assessment] ?? ''}`;
    case 'REP_ROLE_STARTED':
      return `Became ${REP_ROLE_KIND_LABELS[raw as RepRoleKind] ?? raw}`;
    case 'REP_ROLE_ENDED':
      return `Stopped as ${REP_ROLE_KIND_LABELS[raw as RepRoleKind] ?? raw}`;
    default:
      return raw;
  }
}

export interface PatchWardRow {
  ward_id: string;
  headcount: number;
  members: number;
  assessed: number;
  supportive: number;
  leaders: number;
  spoken_to: number;
  last_conversation_at: Date | null;
  open_follow_ups: number;
  overdue_follow_ups: number;
}

export interface CoverageRow {
  ward_id: string;
  headcount: number;
  members: number;
  rep_contact_ids: string[];
  staff_shifts: ShiftPattern[];
  rep_shifts: ShiftPattern[];
}

/**
 * The organising picture around contacts: assessment history, leaders and who follows whom, each
 * person's timeline, "my patch" and rep coverage. Everything is limited to the caller's people scope.
 */
@Injectable()
export class OrganisingService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
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

  /** The current assessment per contact: the latest entry of the history (never stored twice). */
  async currentAssessment(contactIds: readonly string[], user: AuthUser): Promise<(number | null)[]> {
    const rows = await this.door.sql<{ contact_id: string; value: number }>(user, (people) =>
      `SELECT DISTINCT ON (a.contact_id) a.contact_id, a.value FROM assessment a WHERE a.contact_id IN ${people({ among: ':ids' })}
       ORDER BY a.contact_id, a.assessed_at DESC, a.created_at DESC`, { ids: [...contactIds] });
    const map = new Map(rows.map((r) => [r.contact_id, r.value]));
    return contactIds.map((id) => map.get(id) ?? null);
  }

  /** When each contact (of the caller's people) was last spoken to (any rep), for DataLoader. */
  async lastConversationAt(contactIds: readonly string[], user: AuthUser): Promise<(Date | null)[]> {
    const rows = await this.door.sql<{ contact_id: string; at: Date }>(user, (people) =>
      `SELECT cv.contact_id, max(cv.occurred_at) AS at FROM conversation cv WHERE cv.contact_id IN ${people({ among: ':ids' })}
       GROUP BY cv.contact_id`, { ids: [...contactIds] });
    const map = new Map(rows.map((r) => [r.contact_id, r.at]));
    return contactIds.map((id) => map.get(id) ?? null);
  }

  /** Records an assessment without a conversation (e.g. after a chat in the corridor). */
  async assess(contactId: string, value: number, user: AuthUser): Promise<AssessmentEntry> {
    const contact = await this.contacts.find(contactId, user);
    if (!contact) throw new UserInputError({ contactId: 'does not exist' });
    const repo = this.db.getRepository(AssessmentEntry);
    const entry = await repo.save(repo.create({
      organisationId: contact.organisationId, contactId, value, assessedAt: new Date(), assessedById: user.id, conversationId: null,
    }));
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
    await this.door.sql(user, (people) => `UPDATE contact SET leader = :leader, leader_reason = :reason, leader_marked_by_id = :by, leader_marked_at = :at,
      updated_at = now() WHERE contact.id = :id AND ${people({ alias: 'contact' })}`,
    { id: contactId, leader: patch.leader, reason: patch.leaderReason, by: patch.leaderMarkedById, at: patch.leaderMarkedAt });
    await this.audit.change(user, 'Contact', before, { ...before, leader: patch.leader, leaderReason: patch.leaderReason } as AuditedRecord);
    return { ...contact, ...patch };
  }

  /** "Follower looks to leader": both must be people the caller may change. */
  async link(leaderId: string, followerId: string, user: AuthUser): Promise<ContactLink> {
    if (leaderId === followerId) throw new UserInputError({ followerId: 'must be someone other than the leader' });
    const [leader, follower] = await Promise.all([this.contacts.find(leaderId, user), this.contacts.find(followerId, user)]);
    if (!leader) throw new UserInputError({ leaderId: 'does not exist' });
    if (!follower) throw new UserInputError({ followerId: 'does not exist' });
    const repo = this.db.getRepository(ContactLink);
    const existing = await this.linkOf(leaderId, followerId, user);
    if (existing) return existing;
    const link = await repo.save(repo.create({ organisationId: leader.organisationId, leaderId, followerId, createdById: user.id }));
    await this.audit.change(user, 'ContactLink', null, { ...link, contactId: followerId } as AuditedRecord);
    return link;
  }

  async unlink(leaderId: string, followerId: string, user: AuthUser): Promise<boolean> {
    const [leader, follower] = await Promise.all([this.contacts.find(leaderId, user), this.contacts.find(followerId, user)]);
    if (!leader || !follower) throw new UserInputError({ [leader ? 'followerId' : 'leaderId']: 'does not exist' });
    const repo = this.db.getRepository(ContactLink);
    const link = await this.linkOf(leaderId, followerId, user);
    if (!link) return false;
    await repo.delete(link.id);
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

  /** Each contact's timeline, newest first: conversations, assessments, memberships, rep roles, leader marks. */
  async timelines(contactIds: readonly string[], limit: number, user: AuthUser): Promise<TimelineRow[][]> {
    const rows = await this.door.sql<TimelineRow>(user, (people) =>
      `WITH mine AS ${people({ among: ':ids' })}
       SELECT * FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.contact_id ORDER BY e.at DESC, e.kind) AS n FROM (
           SELECT c.contact_id, c.id, 'CONVERSATION' AS kind, c.occurred_at AS at,
                  c.type::text || ':' || c.channel::text AS title,
                  concat_ws(' · ', nullif(c.ask, ''), CASE WHEN c.answer IS NOT NULL THEN 'answer: ' || lower(c.answer::text) END,
                    CASE WHEN c.assessment IS NOT NULL THEN 'assessed ' || c.assessment END, nullif(c.next_step, '')) AS detail,
                  u.display_name AS actor, c.id AS conversation_id, c.assessment
             FROM conversation c LEFT JOIN app_user u ON u.id = c.rep_user_id WHERE c.contact_id IN (SELECT id FROM mine)
           UNION ALL
           SELECT a.contact_id, a.id, 'ASSESSMENT', a.assessed_at, a.value::text, NULL, u.display_name, a.conversation_id, a.value
             FROM assessment a LEFT JOIN app_user u ON u.id = a.assessed_by_id
             WHERE a.contact_id IN (SELECT id FROM mine) AND a.conversation_id IS NULL -- a conversation's own assessment shows on it
           UNION ALL
           SELECT m.contact_id, m.id, 'MEMBERSHIP_JOINED', m.join_date::timestamptz, 'Joined ' || t.short_name, m.status::text, NULL, NULL, NULL
             FROM membership m JOIN trade_union t ON t.id = m.union_id WHERE m.contact_id IN (SELECT id FROM mine) AND m.join_date IS NOT NULL
           UNION ALL
           SELECT m.contact_id, m.id, 'MEMBERSHIP_LEFT', m.leave_date::timestamptz, 'Left ' || t.short_name, NULL, NULL, NULL, NULL
             FROM membership m JOIN trade_union t ON t.id = m.union_id WHERE m.contact_id IN (SELECT id FROM mine) AND m.leave_date IS NOT NULL
           UNION ALL
           SELECT r.contact_id, r.id, 'REP_ROLE_STARTED', r.start_date::timestamptz, r.kind::text, NULL, NULL, NULL, NULL
             FROM rep_role r WHERE r.contact_id IN (SELECT id FROM mine) AND r.start_date IS NOT NULL
           UNION ALL
           SELECT r.contact_id, r.id, 'REP_ROLE_ENDED', r.end_date::timestamptz, r.kind::text, NULL, NULL, NULL, NULL
             FROM rep_role r WHERE r.contact_id IN (SELECT id FROM mine) AND r.end_date IS NOT NULL
           UNION ALL
           SELECT k.id, k.id, CASE WHEN k.leader THEN 'LEADER_MARKED' ELSE 'LEADER_UNMARKED' END, k.leader_marked_at,
                  CASE WHEN k.leader THEN 'Marked as a leader' ELSE 'No longer marked as a leader' END, k.leader_reason, u.display_name, NULL, NULL
             FROM contact k LEFT JOIN app_user u ON u.id = k.leader_marked_by_id WHERE k.id IN (SELECT id FROM mine) AND k.leader_marked_at IS NOT NULL
         ) e
       ) x WHERE n <= :limit ORDER BY contact_id, at DESC, kind`, { ids: [...contactIds], limit });
    return groupByKey(contactIds, rows, (r) => r.contact_id);
  }

  /**
   * "My patch": the wards of the caller's patch (a rep) or of their branches, each with who is
   * there, members, how many are assessed, supportive or leaders, spoken to, and the caller's open
   * and overdue follow-ups there.
   */
  async patchWards(user: AuthUser, today: string, siteId?: string): Promise<PatchWardRow[]> {
    return this.door.sql<PatchWardRow>(user, (people) => `
      WITH base AS MATERIALIZED (
        SELECT c.id, p.ward_id, c.leader
        FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
        WHERE c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${people({ alias: 'c' })}
          AND (CAST(:siteId AS uuid) IS NULL OR w.site_id = :siteId)
      ), latest AS (
        SELECT DISTINCT ON (a.contact_id) a.contact_id, a.value FROM assessment a
        WHERE a.contact_id IN (SELECT id FROM base) ORDER BY a.contact_id, a.assessed_at DESC, a.created_at DESC
      ), spoken AS (
        SELECT cv.contact_id, max(cv.occurred_at) AS last_at FROM conversation cv WHERE cv.contact_id IN (SELECT id FROM base) GROUP BY cv.contact_id
      ), members AS (
        SELECT DISTINCT m.contact_id FROM membership m WHERE m.contact_id IN (SELECT id FROM base)
          AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)
      ), people AS (
        SELECT b.id, b.ward_id, mb.contact_id IS NOT NULL AS member, la.value AS assessment, b.leader, sp.last_at
        FROM base b LEFT JOIN members mb ON mb.contact_id = b.id LEFT JOIN latest la ON la.contact_id = b.id LEFT JOIN spoken sp ON sp.contact_id = b.id
      ), follow AS (
        SELECT p.ward_id, count(*)::int AS open, count(*) FILTER (WHERE cv.follow_up_date < :today)::int AS overdue
        FROM conversation cv JOIN posting p ON p.contact_id = cv.contact_id AND p.end_date IS NULL
        WHERE cv.rep_user_id = :me AND cv.follow_up_date IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM conversation l WHERE l.contact_id = cv.contact_id AND l.occurred_at > cv.occurred_at)
        GROUP BY p.ward_id
      )
      SELECT pe.ward_id, count(*)::int AS headcount, count(*) FILTER (WHERE pe.member)::int AS members,
        count(pe.assessment)::int AS assessed, count(*) FILTER (WHERE pe.assessment <= 2)::int AS supportive,
        count(*) FILTER (WHERE pe.leader)::int AS leaders, count(pe.last_at)::int AS spoken_to, max(pe.last_at) AS last_conversation_at,
        coalesce(max(f.open), 0)::int AS open_follow_ups, coalesce(max(f.overdue), 0)::int AS overdue_follow_ups
      FROM people pe LEFT JOIN follow f ON f.ward_id = pe.ward_id
      GROUP BY pe.ward_id`, { me: user.id, today, siteId: siteId ?? null });
  }

  /**
   * Rep coverage per ward of the caller's scope: current staff, members, the reps covering it and
   * their shifts, against the 1 rep per 20 workers target.
   */
  async coverage(user: AuthUser, siteId?: string): Promise<CoverageRow[]> {
    return this.door.sql<CoverageRow>(user, (people) => `
      WITH staff AS (
        SELECT p.ward_id, count(*)::int AS headcount,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)))::int AS members,
          array_agg(DISTINCT c.shift_pattern) AS staff_shifts
        FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
        WHERE c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${people({ alias: 'c' })}
          AND (CAST(:siteId AS uuid) IS NULL OR w.site_id = :siteId)
        GROUP BY p.ward_id
      ), reps AS (
        SELECT rw.ward_id, array_agg(DISTINCT rc.id) AS rep_contact_ids, array_agg(DISTINCT rc.shift_pattern) AS rep_shifts
        FROM rep_role r JOIN rep_role_ward rw ON rw.rep_role_id = r.id JOIN contact rc ON rc.id = r.contact_id
        WHERE rc.deleted_at IS NULL AND (r.end_date IS NULL OR r.end_date > current_date)
          AND (r.start_date IS NULL OR r.start_date <= current_date) AND ${people({ alias: 'rc' })}
        GROUP BY rw.ward_id
      )
      SELECT s.ward_id, s.headcount, s.members, coalesce(r.rep_contact_ids, '{}') AS rep_contact_ids,
        s.staff_shifts::text[] AS staff_shifts, coalesce(r.rep_shifts::text[], '{}') AS rep_shifts
      FROM staff s LEFT JOIN reps r ON r.ward_id = s.ward_id`, { siteId: siteId ?? null });
  }

  /**
   * Overdue follow-ups across the caller's people (a branch, or a rep's patch), per user who set
   * them: open (nobody has spoken to the person since) and dated before today. Most overdue first.
   */
  async overdueFollowUpsByRep(user: AuthUser, today: string): Promise<{ id: string; repName: string; overdue: number; oldestDate: string }[]> {
    return this.door.sql(user, (people) => `
      SELECT cv.rep_user_id AS id, u.display_name AS "repName", count(*)::int AS overdue, min(cv.follow_up_date)::text AS "oldestDate"
      FROM conversation cv JOIN app_user u ON u.id = cv.rep_user_id
      WHERE cv.follow_up_date IS NOT NULL AND cv.follow_up_date < :today AND ${people({ table: 'conversation', alias: 'cv' })}
        AND NOT EXISTS (SELECT 1 FROM conversation l WHERE l.contact_id = cv.contact_id AND l.occurred_at > cv.occurred_at)
      GROUP BY cv.rep_user_id, u.display_name
      ORDER BY overdue DESC, "oldestDate", "repName", id`, { today });
  }

  /**
   * Reps (users with a rep role) in the branches whose people the caller reads in full, plus the
   * caller: whose follow-ups a secretary, admin or caseworker may look at.
   */
  async reps(user: AuthUser, filter: { q?: string; ids?: string[] } = {}): Promise<{ id: string; displayName: string }[]> {
    const employers = this.access.scope(user, Permission.PEOPLE_READ).employerIds;
    const q = filter.q?.trim() ? likePattern(filter.q.trim()) : null;
    return this.db.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName" FROM app_user u
       WHERE u.organisation_id = $1 AND u.active
         AND (u.id = $2 OR EXISTS (SELECT 1 FROM user_branch_role r JOIN branch_employer be ON be.branch_id = r.branch_id
                                  WHERE r.user_id = u.id AND r.role = 'REP' AND be.employer_id = ANY($3)))
         AND ($4::text IS NULL OR u.display_name ILIKE $4)
         AND ($5::uuid[] IS NULL OR u.id = ANY($5))
       ORDER BY 2, 1`,
      [user.organisationId, user.id, employers, q, filter.ids?.length ? filter.ids : null],
    );
  }

  static coverageOf(row: CoverageRow) {
    return {
      status: coverageStatus(row.rep_contact_ids.length, row.headcount),
      shiftsWithoutRep: uncoveredShifts(row.staff_shifts, row.rep_shifts),
    };
  }
}
