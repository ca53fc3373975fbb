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
import type { AuthUser } from '../auth/auth-user.js';
import { likePattern } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import { coverageSql, overdueFollowUpsByRepSql, patchWardsSql, REPS_SQL, timelineSql } from './organising.sql.js';
import { CoverageStatus, type TimelineEvent, TimelineKind, type WardCoverage } from './organising.types.js';

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
  never_spoken_to: number;
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

/** A ward's rep coverage, worked out (WardCoverage without the ward and reps themselves). */
export type CoverageFigures = Omit<WardCoverage, 'id' | 'ward' | 'reps'> & { wardId: string; repContactIds: string[] };

const COVERAGE_ORDER: Record<CoverageStatus, number> = { NO_REP: 0, FAILING: 1, BELOW_TARGET: 2, ON_TARGET: 3, NO_STAFF: 4 };

/**
 * The organising read models: each person's timeline, "my patch", rep coverage, overdue follow-ups
 * per rep and the reps whose follow-ups a secretary may look at. Their SQL is in organising.sql.ts;
 * everything about people is limited to the caller's people scope (the PeopleDoor).
 */
@Injectable()
export class OrganisingService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    private readonly door: PeopleDoor,
  ) {}

  /** How many events a contact's timeline field returns: as asked, from 1 to 500. */
  static timelineLimit(limit: number): number {
    return Math.min(Math.max(limit, 1), 500);
  }

  /** Each contact's timeline, newest first: conversations, assessments, memberships, rep roles, leader marks. */
  async timelines(contactIds: readonly string[], limit: number, user: AuthUser): Promise<TimelineEvent[][]> {
    const rows = await this.door.sql<TimelineRow>(user, timelineSql, { ids: [...contactIds], limit });
    return groupByKey(contactIds, rows, (r) => r.contact_id).map((mine) => mine.map((r) => ({
      id: `${r.kind}:${r.id}`, kind: r.kind as TimelineKind, at: r.at,
      title: timelineTitle(r.kind, r.title), detail: r.detail || null,
      actorName: r.actor, conversationId: r.conversation_id, assessment: r.assessment,
    })));
  }

  /**
   * "My patch": the wards of the caller's patch (a rep) or of their branches, each with who is
   * there, members, how many are assessed, supportive or leaders, spoken to, and the caller's open
   * and overdue follow-ups there.
   */
  async patchWards(user: AuthUser, today: string, siteId?: string): Promise<PatchWardRow[]> {
    return this.door.sql<PatchWardRow>(user, patchWardsSql, { me: user.id, today, siteId: siteId ?? null });
  }

  /**
   * Rep coverage per ward of the caller's scope: current staff, members, the reps covering it and
   * their shifts, against the 1 rep per 20 workers target.
   */
  async coverage(user: AuthUser, siteId?: string): Promise<CoverageRow[]> {
    return this.door.sql<CoverageRow>(user, coverageSql, { siteId: siteId ?? null });
  }

  /**
   * Rep coverage per ward of the caller's scope, with its figures worked out: reps, members and staff
   * per rep (one decimal; null with no rep), status against the target, and shifts no rep reaches.
   */
  async wardCoverage(user: AuthUser, siteId?: string): Promise<CoverageFigures[]> {
    return (await this.coverage(user, siteId)).map((row) => {
      const n = row.rep_contact_ids.length;
      return {
        wardId: row.ward_id, headcount: row.headcount, members: row.members, repContactIds: row.rep_contact_ids, repCount: n,
        membersPerRep: n ? Math.round((row.members / n) * 10) / 10 : null, staffPerRep: n ? Math.round((row.headcount / n) * 10) / 10 : null,
        status: coverageStatus(n, row.headcount) as CoverageStatus, shiftsWithoutRep: uncoveredShifts(row.staff_shifts, row.rep_shifts),
      };
    });
  }

  /**
   * Overdue follow-ups across the caller's people (a branch, or a rep's patch), per user who set
   * them: open (nobody has spoken to the person since) and dated before today. Most overdue first.
   */
  async overdueFollowUpsByRep(user: AuthUser, today: string): Promise<{ id: string; repName: string; overdue: number; oldestDate: string }[]> {
    return this.door.sql(user, overdueFollowUpsByRepSql, { today });
  }

  /**
   * Reps (users with a rep role) in the branches whose people the caller reads in full, plus the
   * caller: whose follow-ups a secretary, admin or caseworker may look at.
   */
  async reps(user: AuthUser, filter: { q?: string; ids?: string[] } = {}): Promise<{ id: string; displayName: string }[]> {
    const employers = this.access.scope(user, Permission.PEOPLE_READ).employerIds;
    const q = filter.q?.trim() ? likePattern(filter.q.trim()) : null;
    return this.db.query(REPS_SQL, [user.organisationId, user.id, employers, q, filter.ids?.length ? filter.ids : null]);
  }

  /** The order rep coverage is shown in: the wards most in need of a rep first, then the biggest, then by name. */
  static byNeed(a: WardCoverage, b: WardCoverage): number {
    return COVERAGE_ORDER[a.status] - COVERAGE_ORDER[b.status] || b.headcount - a.headcount || a.ward.name.localeCompare(b.ward.name);
  }
}
