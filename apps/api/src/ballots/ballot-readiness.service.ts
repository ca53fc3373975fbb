import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import {
  BALLOT_ADDRESS_CONFIRMED_MONTHS, BallotMemberState, ballotEligibility, type BallotEligibilityProblem, MembershipStatus,
  normaliseTargetGroup, projectTurnout, summariseBallotStates, type TargetGroup, ukDay,
} from '@rollcall/domain';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor } from '../access/people-door.js';
import { currentAssessment } from '../assessments/current-assessment.sql.js';
import { Permission } from '../access/permissions.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { NotFoundError } from '../common/errors.js';
import { contactName } from '../contacts/contact.entity.js';
import { targetGroupCondition } from '../target-groups/target-group.sql.js';
import { BallotMemberStateChange } from './ballot-member-state.entity.js';
import type { Ballot } from './ballot.entity.js';
import { addressConfirmedSince } from './ballot.service.js';
import type { BallotMember, BallotProjection, BallotReport, BallotTurnoutDay, ContactBallot } from './ballot.types.js';
import type { BallotMemberFilter, BallotMemberProblem } from './dto/ballot.input.js';

/** Membership problems: any of these on every membership of the union means not entitled. */
const NOT_ENTITLED: ReadonlySet<BallotEligibilityProblem> = new Set(['NOT_A_MEMBER', 'JOIN_DATE_UNKNOWN', 'JOINED_AFTER_CUTOFF', 'LEFT_BEFORE_CUTOFF']);

/** "Who to talk to next": the order of states to chase (voted is left out). */
const CHASE_ORDER: BallotMemberState[] = [
  BallotMemberState.PAPER_RECEIVED, BallotMemberState.NEEDS_REPLACEMENT_PAPER, BallotMemberState.PLEDGED_YES, BallotMemberState.NOT_CONTACTED,
  BallotMemberState.PLEDGED_NO, BallotMemberState.WONT_VOTE,
];

interface Row {
  id: string; first_name: string; last_name: string; preferred_name: string | null; ward_id: string | null; ward_name: string | null;
  site_id: string | null; has_address: boolean; address_confirmed_on: string | null; memberships: { status: MembershipStatus; joinDate: string | null; leaveDate: string | null }[];
  state: BallotMemberState | null; state_at: Date | null; last_pledge: BallotMemberState | null; assessment: number | null;
}

/**
 * Who may vote in a ballot and where each stands, read through the PeopleDoor (a rep: their patch):
 * members of the ballot's union at the cut-off (libs/domain ballotEligibility on each of their
 * memberships of it), in the eligible group on the cut-off day, at an employer of the ballot's branch.
 * Readiness problems, chase states (an append-only history) and projections (projectTurnout) follow.
 */
@Injectable()
export class BallotReadinessService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly door: PeopleDoor,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Everyone in the group with a membership of the union that could count, the entitled and those who joined after the cut-off. */
  async members(ballot: Ballot, user: AuthUser, only: string | null = null): Promise<BallotMember[]> {
    // The current ward is looked up inside the posting's lateral join (one row, by key): joined outside it, the planner
    // (expecting a dozen members, not hundreds) hashed the whole ward table once per member, seconds at --scale 40.
    const group = targetGroupCondition(normaliseTargetGroup(ballot.eligibleGroupData as TargetGroup), 'c', { on: ballot.cutOffDate, prefix: 'bg' });
    const rows = await this.door.sql<Row>(user, (people) => `
      SELECT c.id, c.first_name, c.last_name, c.preferred_name, cw.ward_id, cw.ward_name, cw.site_id,
        (c.postal_address_lines IS NOT NULL AND btrim(c.postal_address_lines) <> '' AND c.postal_postcode IS NOT NULL) AS has_address,
        to_char(c.address_confirmed_on, 'YYYY-MM-DD') AS address_confirmed_on,
        (SELECT json_agg(json_build_object('status', m.status, 'joinDate', m.join_date, 'leaveDate', m.leave_date))
          FROM membership m WHERE m.contact_id = c.id AND m.union_id = :unionId) AS memberships,
        st.state, st.created_at AS state_at,
        (SELECT s.state FROM ballot_member_state s WHERE s.ballot_id = :ballotId AND s.contact_id = c.id AND s.state IN ('PLEDGED_YES', 'PLEDGED_NO')
          ORDER BY s.created_at DESC LIMIT 1) AS last_pledge,
        ${currentAssessment('c.id')} AS assessment
      FROM contact c
      LEFT JOIN LATERAL (SELECT p.ward_id, w.name AS ward_name, w.site_id FROM posting p LEFT JOIN ward w ON w.id = p.ward_id
        WHERE p.contact_id = c.id AND p.end_date IS NULL ORDER BY p.start_date DESC LIMIT 1) cw ON TRUE
      LEFT JOIN LATERAL (SELECT s.state, s.created_at FROM ballot_member_state s WHERE s.ballot_id = :ballotId AND s.contact_id = c.id
        ORDER BY s.created_at DESC LIMIT 1) st ON TRUE
      WHERE c.deleted_at IS NULL AND ${people({ alias: 'c' })}
        AND c.employer_id IN (SELECT be.employer_id FROM branch_employer be WHERE be.branch_id = :branchId)
        AND ${group.sql}
        AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = :unionId AND m.status IN ('MEMBER', 'LAPSED'))
        ${only ? 'AND c.id = :only' : ''}`,
    { ...group.params, unionId: ballot.unionId, ballotId: ballot.id, branchId: ballot.branchId, ...(only ? { only } : {}) });
    const confirmedSince = addressConfirmedSince(BALLOT_ADDRESS_CONFIRMED_MONTHS);
    const out: BallotMember[] = [];
    for (const r of rows) {
      let entitledJoin: string | null | undefined;
      let lateJoin: string | null = null;
      for (const m of r.memberships ?? []) {
        const e = ballotEligibility({ ...m, hasCurrentWorkplace: true, hasPostalAddress: true }, ballot.cutOffDate);
        if (!e.problems.some((p) => NOT_ENTITLED.has(p))) entitledJoin = m.joinDate;
        else if (e.problems.includes('JOINED_AFTER_CUTOFF') && e.problems.length === 1) lateJoin = m.joinDate;
      }
      if (entitledJoin === undefined && lateJoin === null) continue;
      const problems: BallotMemberProblem[] = [];
      if (!r.ward_id) problems.push('NO_CURRENT_WORKPLACE');
      if (!r.has_address) problems.push('NO_POSTAL_ADDRESS');
      else if (!r.address_confirmed_on || r.address_confirmed_on < confirmedSince) problems.push('ADDRESS_NOT_CONFIRMED');
      out.push({
        id: r.id,
        fullName: contactName({ firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name }),
        wardId: r.ward_id, wardName: r.ward_name, siteId: r.site_id,
        entitled: entitledJoin !== undefined,
        joinDate: entitledJoin !== undefined ? entitledJoin : lateJoin,
        problems,
        state: r.state ?? BallotMemberState.NOT_CONTACTED,
        stateChangedAt: r.state_at,
        lastPledge: r.last_pledge,
        assessment: r.assessment,
      });
    }
    return out;
  }

  /** Of these ballots, those the contact is entitled to vote in as the caller sees them, with their state in each. */
  async ofContact(ballots: readonly Ballot[], contactId: string, user: AuthUser): Promise<ContactBallot[]> {
    const out: ContactBallot[] = [];
    for (const ballot of ballots) {
      const member = (await this.members(ballot, user, contactId)).find((m) => m.id === contactId && m.entitled);
      if (member) out.push({ ballot, state: member.state, stateChangedAt: member.stateChangedAt });
    }
    return out;
  }

  /** The members' list, filtered and in order (ward, then name; or who to talk to next). */
  async list(ballot: Ballot, user: AuthUser, filter: BallotMemberFilter = {}): Promise<BallotMember[]> {
    let list = await this.members(ballot, user);
    list = list.filter((m) => m.entitled === !filter.notEntitled);
    if (filter.wardId) list = list.filter((m) => m.wardId === filter.wardId);
    if (filter.repUserId) {
      const sites = new Set(await this.patchSites(filter.repUserId, user));
      list = list.filter((m) => m.siteId !== null && sites.has(m.siteId));
    }
    if (filter.state) list = list.filter((m) => m.state === filter.state);
    if (filter.problem) list = list.filter((m) => m.problems.includes(filter.problem!));
    if (filter.q) {
      const q = filter.q.trim().toLowerCase();
      list = list.filter((m) => m.fullName.toLowerCase().includes(q));
    }
    if (filter.next) {
      list = list.filter((m) => m.state !== BallotMemberState.VOTED);
      const rank = (m: BallotMember) => CHASE_ORDER.indexOf(m.state);
      return list.sort((a, b) => rank(a) - rank(b) || (a.assessment ?? 9) - (b.assessment ?? 9) || a.fullName.localeCompare(b.fullName));
    }
    return list.sort((a, b) => (a.wardName ?? '~').localeCompare(b.wardName ?? '~') || a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id));
  }

  /** Sets an entitled member's chase state (a new row of the history), as the caller: only someone they may change. */
  async setState(ballot: Ballot, contactId: string, state: BallotMemberState, user: AuthUser): Promise<BallotMemberStateChange> {
    const writer = this.access.forWriting(user);
    const member = (await this.members(ballot, writer, contactId)).find((m) => m.id === contactId && m.entitled);
    if (!member) throw new NotFoundError('Entitled member');
    const row = { organisationId: user.organisationId, ballotId: ballot.id, contactId, state, changedById: user.id, createdAt: new Date() };
    await this.door.write(writer, (w) => w.insertRows(BallotMemberStateChange, row));
    const saved = row as unknown as BallotMemberStateChange; // insertRows filled in its id
    await this.audit.change(user, 'BallotMemberState', null, { ...saved });
    return saved;
  }

  /** A member's chase history, newest first. */
  history(ballot: Ballot, contactId: string, user: AuthUser): Promise<BallotMemberStateChange[]> {
    return this.door.query(BallotMemberStateChange, user, 's')
      .andWhere('s.ballot_id = :b AND s.contact_id = :c', { b: ballot.id, c: contactId })
      .orderBy('s.created_at', 'DESC').getMany();
  }

  /** Readiness, projections per ward, per rep patch and overall, and turnout by day, over the members the caller may see. */
  async report(ballot: Ballot, user: AuthUser): Promise<BallotReport> {
    const members = await this.members(ballot, user);
    const entitled = members.filter((m) => m.entitled);
    const wards = new Map<string, { name: string; list: BallotMember[] }>();
    for (const m of entitled) {
      const key = m.wardId ?? '';
      const w = wards.get(key) ?? { name: m.wardName ?? 'No current workplace', list: [] };
      w.list.push(m);
      wards.set(key, w);
    }
    const byWard = [...wards.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name))
      .map(([id, w]) => ({ ...this.project(ballot, w.name, w.list), wardId: id || null }));
    const byPatch: BallotProjection[] = [];
    for (const rep of await this.patches(ballot, user)) {
      const sites = new Set(rep.sites);
      const list = entitled.filter((m) => m.siteId !== null && sites.has(m.siteId));
      if (list.length) byPatch.push({ ...this.project(ballot, rep.name, list), repUserId: rep.id });
    }
    const count = (p: BallotMemberProblem) => entitled.filter((m) => m.problems.includes(p)).length;
    return {
      scope: this.access.people(user).siteIds.length && !this.access.people(user).employerIds.length ? 'Your patch' : 'Your branch',
      readiness: {
        entitled: entitled.length,
        joinedAfterCutOff: members.length - entitled.length,
        noCurrentWorkplace: count('NO_CURRENT_WORKPLACE'),
        noPostalAddress: count('NO_POSTAL_ADDRESS'),
        addressNotConfirmed: count('ADDRESS_NOT_CONFIRMED'),
        ready: entitled.filter((m) => !m.problems.length).length,
      },
      overall: this.project(ballot, 'Overall', entitled),
      byWard,
      byPatch,
      turnoutByDay: await this.turnoutByDay(ballot, entitled.map((m) => m.id), user),
    };
  }

  /** projectTurnout for these members' states: voted are returned, pledges not yet voted are pledged. */
  project(ballot: Ballot, label: string, members: readonly BallotMember[]): BallotProjection {
    const summary = summariseBallotStates(members.map((m) => m.state));
    const byState = Object.entries(summary.byState).map(([state, count]) => ({ state: state as BallotMemberState, count }));
    const votedYes = members.filter((m) => m.state === BallotMemberState.VOTED && m.lastPledge === BallotMemberState.PLEDGED_YES).length;
    const votedKnown = members.filter((m) => m.state === BallotMemberState.VOTED && m.lastPledge !== null).length;
    const base = {
      label, wardId: null, repUserId: null, entitled: summary.total, voted: summary.returned, pledged: summary.pledged, pledgedYes: summary.pledgedYes, byState,
      projectedYesShare: votedKnown + summary.pledged ? (votedYes + summary.pledgedYes) / (votedKnown + summary.pledged) : null,
    };
    if (!summary.total) {
      return { ...base, projectedVotes: 0, turnoutSoFar: 0, projectedTurnout: 0, requiredVotes: null, votesNeeded: 0, shortfallAfterPledges: 0,
        requiredYes: null, yesShortfallAfterPledges: null, onTrack: false, margin: 'Nobody entitled' };
    }
    const p = projectTurnout({
      entitled: summary.total, returned: summary.returned, pledged: summary.pledged, pledgedYes: summary.pledgedYes, returnedYes: votedYes,
      importantPublicService: ballot.importantPublicService, openingDate: ballot.openingDate,
    });
    const parts: string[] = [];
    if (p.shortfallAfterPledges > 0) parts.push(`${p.shortfallAfterPledges} more ${p.shortfallAfterPledges === 1 ? 'voter' : 'voters'} needed`);
    if (p.yesShortfallAfterPledges) parts.push(`${p.yesShortfallAfterPledges} more Yes ${p.yesShortfallAfterPledges === 1 ? 'vote' : 'votes'} needed (40 % rule)`);
    const spare = p.requiredVotes === null ? 0 : p.projectedVotes - p.requiredVotes;
    return {
      ...base, projectedVotes: p.projectedVotes, turnoutSoFar: p.turnoutSoFar, projectedTurnout: p.projectedTurnout, requiredVotes: p.requiredVotes,
      votesNeeded: p.votesNeeded, shortfallAfterPledges: p.shortfallAfterPledges, requiredYes: p.requiredYes,
      yesShortfallAfterPledges: p.yesShortfallAfterPledges, onTrack: p.onTrack,
      margin: parts.length ? parts.join('; ') : `On track: ${spare} ${spare === 1 ? 'vote' : 'votes'} to spare`,
    };
  }

  /** Each UK day on which members were first reported voted, with the running total. */
  private async turnoutByDay(ballot: Ballot, contactIds: string[], user: AuthUser): Promise<BallotTurnoutDay[]> {
    if (!contactIds.length) return [];
    const rows = await this.door.sql<{ at: Date }>(user, (people) => `
      SELECT min(s.created_at) AS at FROM ballot_member_state s
      WHERE s.ballot_id = :ballotId AND s.state = 'VOTED' AND s.contact_id IN ${people({ among: ':ids' })}
      GROUP BY s.contact_id`, { ballotId: ballot.id, ids: contactIds });
    const perDay = new Map<string, number>();
    for (const r of rows) {
      const day = ukDay(r.at);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    let cumulative = 0;
    return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, voted]) => ({ date, voted, cumulative: (cumulative += voted) }));
  }

  /** Reps' patches in the ballot's branch (the caller alone, for a rep). */
  private async patches(ballot: Ballot, user: AuthUser): Promise<{ id: string; name: string; sites: string[] }[]> {
    const patchOnly = !this.access.can(user, Permission.BALLOTS_MANAGE);
    const rows: { id: string; name: string; sites: string[] }[] = await this.db.query(`
      SELECT u.id, u.display_name AS name, array_agg(rp.site_id ORDER BY rp.site_id) AS sites
      FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id JOIN site s ON s.id = rp.site_id
      WHERE u.organisation_id = $1 AND s.employer_id IN (SELECT be.employer_id FROM branch_employer be WHERE be.branch_id = $2)
        AND ($3::uuid IS NULL OR u.id = $3)
      GROUP BY u.id, u.display_name ORDER BY u.display_name`, [user.organisationId, ballot.branchId, patchOnly ? user.id : null]);
    return rows;
  }

  private async patchSites(repUserId: string, user: AuthUser): Promise<string[]> {
    const rows: { site_id: string }[] = await this.db.query(
      'SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.organisation_id = $1 AND rp.user_id = $2',
      [user.organisationId, repUserId]);
    return rows.map((r) => r.site_id);
  }
}
