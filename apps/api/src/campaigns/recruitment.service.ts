import { Injectable } from '@nestjs/common';
import { daysToJoinBy, MIN_CELL_SIZE, shareOf, structureTestSuppression, type StructureTestCell, ukToday } from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor, type PeopleSql } from '../access/people-door.js';
import { currentAssessment } from '../assessments/current-assessment.sql.js';
import type { AuthUser } from '../auth/auth-user.js';
import { contactName } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { targetGroupCondition } from '../target-groups/target-group.sql.js';
import { UserService } from '../users/user.service.js';
import { seesPeopleOf } from './campaign-access.js';
import type { Campaign } from './campaign.entity.js';
import { CampaignService } from './campaign.service.js';
import type { CampaignRecruitment, PeopleToAsk, PersonToAsk, Recruiter, RecruitmentPatch, RecruitmentWard } from './campaign.types.js';

type WardRow = { ward_id: string; ward_name: string; site_id: string; site_name: string; headcount: number; members: number; joiners: number };
type PatchRow = { id: string; name: string; headcount: number; members: number; joiners: number };
type LeaderRow = { contact_id: string | null; user_id: string | null; recruits: number };
type AskRow = {
  id: string; first_name: string; last_name: string; preferred_name: string | null; ward_id: string | null; ward_name: string | null;
  site_id: string | null; assessment: number | null; last_conversation_at: string | null;
};

/** A count a caller with aggregates only must not see when it is small (but not none): DOMAIN.md "Privacy". */
const withheld = (n: number) => n > 0 && n < MIN_CELL_SIZE;

/**
 * A campaign's recruitment drive to its join-by date. Everything is about the campaign's people: the
 * current staff (not left, with a current posting) of its target group at its branch's employers. A
 * member is one with a current MEMBER membership of one of the campaign's unions (any union when it
 * names none); a joiner, a member whose membership of one of them started on or after the campaign's
 * start (and by its end, if it has one). Figures are counted in the caller's count scope (whole
 * employers; names no one), small ones withheld from an aggregate-only caller as a structure test's
 * are; the people to ask are read through the PeopleDoor in the caller's people scope (a rep: their patch).
 */
@Injectable()
export class RecruitmentService {
  constructor(
    private readonly door: PeopleDoor,
    private readonly access: AccessService,
    private readonly campaigns: CampaignService,
    private readonly contacts: ContactService,
    private readonly users: UserService,
  ) {}

  /** The conditions (and their parameters) every part shares, on a contact `c`. */
  private async terms(campaign: Campaign) {
    const [unions] = await this.campaigns.unionIds([campaign.id]);
    const group = targetGroupCondition(campaign.targetGroup, 'c', { prefix: 'rg' });
    const ofUnions = `m.contact_id = c.id AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > CAST(:today AS date))
      AND (cardinality(CAST(:unions AS uuid[])) = 0 OR m.union_id = ANY(CAST(:unions AS uuid[])))`;
    const joinedIn = `m.join_date >= CAST(:start AS date) AND (CAST(:end AS date) IS NULL OR m.join_date <= CAST(:end AS date))`;
    return {
      member: `EXISTS (SELECT 1 FROM membership m WHERE ${ofUnions})`,
      joined: `EXISTS (SELECT 1 FROM membership m WHERE ${ofUnions} AND ${joinedIn})`,
      ofUnions, joinedIn,
      staff: `c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > CAST(:today AS date))
        AND c.employer_id IN (SELECT be.employer_id FROM branch_employer be WHERE be.branch_id = :branchId) AND ${group.sql}`,
      params: {
        ...group.params, today: ukToday(), unions, start: campaign.startDate, end: campaign.endDate, branchId: campaign.branchId,
      } as Record<string, unknown>,
    };
  }

  async recruitment(campaignId: string, user: AuthUser): Promise<CampaignRecruitment> {
    const campaign = await this.campaigns.get(campaignId, user);
    const open = seesPeopleOf(user, campaign.branchId);
    const x = await this.terms(campaign);
    const scope = this.access.countScope(user);
    const current = (people: PeopleSql) => `FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
      WHERE p.end_date IS NULL AND ${people({ alias: 'c' })} AND ${x.staff}`;

    const wards = await this.door.countSql<WardRow>(scope, (people) => `
      SELECT w.id AS ward_id, w.name AS ward_name, w.site_id, (SELECT s.name FROM site s WHERE s.id = w.site_id) AS site_name,
        count(DISTINCT c.id)::int AS headcount, count(DISTINCT c.id) FILTER (WHERE ${x.member})::int AS members,
        count(DISTINCT c.id) FILTER (WHERE ${x.joined})::int AS joiners
      ${current(people)}
      GROUP BY w.id`, x.params);

    // A rep sees their own patch; an aggregate-only caller no one's (a patch is named by its rep).
    const patchOnly = this.patchOnly(user);
    const patches = !open ? [] : await this.door.countSql<PatchRow>(scope, (people) => `
      SELECT u.id, u.display_name AS name, count(DISTINCT c.id)::int AS headcount,
        count(DISTINCT c.id) FILTER (WHERE ${x.member})::int AS members, count(DISTINCT c.id) FILTER (WHERE ${x.joined})::int AS joiners
      FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id AND u.organisation_id = :org
      JOIN ward w ON w.site_id = rp.site_id JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL JOIN contact c ON c.id = p.contact_id
      WHERE ${people({ alias: 'c' })} AND ${x.staff} ${patchOnly ? 'AND u.id = :me' : ''}
      GROUP BY u.id, u.display_name
      ORDER BY u.display_name, u.id`, { ...x.params, org: user.organisationId, ...(patchOnly ? { me: user.id } : {}) });

    const leaders = await this.door.countSql<LeaderRow>(scope, (people) => `
      SELECT m.recruited_by_contact_id AS contact_id, m.recruited_by_user_id AS user_id, count(DISTINCT c.id)::int AS recruits
      FROM membership m JOIN contact c ON c.id = m.contact_id
      WHERE ${x.ofUnions} AND ${x.joinedIn} AND num_nonnulls(m.recruited_by_contact_id, m.recruited_by_user_id) = 1
        AND ${people({ alias: 'c' })} AND ${x.staff}
        AND EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL)
      GROUP BY 1, 2`, x.params);

    const cells: StructureTestCell[] = wards.map((w) => ({ key: w.ward_id, headcount: w.headcount, members: w.members, participants: w.joiners }));
    const { withheld: hidden, totalWithheld } = open ? { withheld: new Set<string>(), totalWithheld: false } : structureTestSuppression(cells);
    const byWard: RecruitmentWard[] = wards.map((w) => {
      const hide = hidden.has(w.ward_id);
      return {
        wardId: w.ward_id, wardName: w.ward_name, siteId: w.site_id, siteName: w.site_name,
        joiners: hide ? null : w.joiners, nonMembers: hide || !open ? null : w.headcount - w.members, suppressed: hide,
      };
    });
    byWard.sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.nonMembers ?? 0) - (a.nonMembers ?? 0)
      || a.siteName.localeCompare(b.siteName) || a.wardName.localeCompare(b.wardName) || a.wardId.localeCompare(b.wardId));
    const total = wards.reduce((t, w) => ({ joiners: t.joiners + w.joiners, nonMembers: t.nonMembers + w.headcount - w.members }), { joiners: 0, nonMembers: 0 });
    const joiners = totalWithheld ? null : total.joiners;
    const byRepPatch: RecruitmentPatch[] = patches.map((r) => ({ repUserId: r.id, repName: r.name, joiners: r.joiners, nonMembers: r.headcount - r.members }));

    return {
      id: campaign.id, joinByDate: campaign.joinByDate, daysToJoinBy: daysToJoinBy(campaign.joinByDate, ukToday()),
      recruitmentTarget: campaign.recruitmentTarget, joinersSinceStart: joiners,
      // Non-members of a target group are a cut of the density figures other than the slice family's: never to aggregate-only callers.
      nonMembers: totalWithheld || !open ? null : total.nonMembers,
      shareOfTarget: joiners === null || !campaign.recruitmentTarget ? null : shareOf(joiners, campaign.recruitmentTarget),
      byWard, byRepPatch, leaderboard: await this.leaderboard(leaders, open, user),
      suppressed: !open && (totalWithheld || hidden.size > 0),
    };
  }

  /**
   * Recruiters, most recruits first. A contact is named only if the caller may see them through the
   * PeopleDoor; an aggregate-only caller gets no names or ids, and no small counts (those rows are left out).
   */
  private async leaderboard(rows: LeaderRow[], open: boolean, user: AuthUser): Promise<Recruiter[]> {
    if (!open) {
      return rows.filter((r) => !withheld(r.recruits))
        .map((r): Recruiter => ({ id: null, kind: r.contact_id ? 'CONTACT' : 'USER', name: null, recruits: r.recruits }))
        .sort((a, b) => b.recruits! - a.recruits! || a.kind.localeCompare(b.kind));
    }
    const contactIds = rows.flatMap((r) => (r.contact_id ? [r.contact_id] : []));
    const userIds = rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
    const people = contactIds.length ? await this.contacts.byIds(contactIds, user) : [];
    const names = userIds.length ? await this.users.displayNames(userIds, user) : [];
    const contactNames = new Map(contactIds.map((id, i) => [id, people[i] ? contactName(people[i]!) : null]));
    const userNames = new Map(userIds.map((id, i) => [id, names[i]]));
    return rows.map((r): Recruiter => (r.contact_id
      ? { id: r.contact_id, kind: 'CONTACT', name: contactNames.get(r.contact_id) ?? null, recruits: r.recruits }
      : { id: r.user_id, kind: 'USER', name: userNames.get(r.user_id!) ?? null, recruits: r.recruits }))
      .sort((a, b) => b.recruits! - a.recruits! || (a.name ?? '~').localeCompare(b.name ?? '~') || a.id!.localeCompare(b.id!));
  }

  /**
   * Non-members of the campaign's unions in its target group among the caller's people (a rep: their
   * patch), optionally on one rep's patch: best assessment first (1 leader; the unassessed last),
   * then the most recently spoken to (never spoken to last), then by name. A page, and how many in all.
   */
  async peopleToAsk(campaignId: string, repId: string | null, page: number, perPage: number, user: AuthUser): Promise<PeopleToAsk> {
    const campaign = await this.campaigns.get(campaignId, user);
    const x = await this.terms(campaign);
    const onPatch = repId
      ? `AND w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE rp.user_id = :rep AND u.organisation_id = :org)`
      : '';
    const [row] = await this.door.sql<{ total: number; people: AskRow[] | null }>(user, (people) => `
      WITH x AS (
        SELECT c.id, c.first_name, c.last_name, c.preferred_name, cw.ward_id, w.name AS ward_name, w.site_id,
          ${currentAssessment('c.id')} AS assessment,
          (SELECT max(v.occurred_at) FROM conversation v WHERE v.contact_id = c.id) AS last_conversation_at
        FROM contact c
        JOIN LATERAL (SELECT p.ward_id FROM posting p WHERE p.contact_id = c.id AND p.end_date IS NULL ORDER BY p.start_date DESC, p.id LIMIT 1) cw ON TRUE
        JOIN ward w ON w.id = cw.ward_id
        WHERE ${people({ alias: 'c' })} AND ${x.staff} AND NOT ${x.member} ${onPatch}
      )
      SELECT (SELECT count(*)::int FROM x) AS total,
        (SELECT json_agg(y ORDER BY y.rn) FROM (SELECT x.*, row_number() OVER (ORDER BY x.assessment ASC NULLS LAST,
          x.last_conversation_at DESC NULLS LAST, x.last_name, x.first_name, x.id) AS rn FROM x ORDER BY rn LIMIT :limit OFFSET :offset) y) AS people`,
    { ...x.params, limit: perPage, offset: page * perPage, ...(repId ? { rep: repId, org: user.organisationId } : {}) });
    const list: PersonToAsk[] = (row?.people ?? []).map((r) => ({
      id: r.id, fullName: contactName({ firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name }),
      wardId: r.ward_id, wardName: r.ward_name, siteId: r.site_id, assessment: r.assessment,
      lastConversationAt: r.last_conversation_at ? new Date(r.last_conversation_at) : null,
    }));
    return { total: row?.total ?? 0, people: list };
  }

  /** A caller who reads only a patch (a rep): their own patch's figures alone. */
  private patchOnly(user: AuthUser): boolean {
    const people = this.access.people(user);
    return people.siteIds.length > 0 && !people.employerIds.length;
  }
}
