import { Injectable } from '@nestjs/common';
import { meetsThreshold, ParticipationState, shareOf, structureTestSuppression, type StructureTestCell } from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import { PeopleDoor } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { currentStaff, IS_MEMBER } from '../density/density.service.js';
import { targetGroupCondition } from '../target-groups/target-group.sql.js';
import { seesPeopleOf } from './campaign-access.js';
import { CampaignActionService } from './campaign-action.service.js';
import { CampaignService } from './campaign.service.js';
import type { StructureTestResult, StructureTestWard } from './campaign.types.js';

type Row = { id: string; headcount: number; members: number; participants: number; member_participants: number };

/**
 * A structure test's result per ward: the current staff of each ward in the campaign's target group
 * (headcount, members among them), and how many of them came to or signed the action, as shares
 * against the branch's threshold. People are counted through the PeopleDoor in the caller's count
 * scope (whole employers of their branches; names no one). A caller who sees aggregates only in the
 * campaign's branch (a coalition partner) gets small cells withheld, as density is.
 */
@Injectable()
export class StructureTestService {
  constructor(
    private readonly door: PeopleDoor,
    private readonly access: AccessService,
    private readonly campaigns: CampaignService,
    private readonly actions: CampaignActionService,
  ) {}

  async result(actionId: string, user: AuthUser): Promise<StructureTestResult> {
    const action = await this.actions.get(actionId, user);
    if (!action.isStructureTest) throw new UserInputError({ actionId: 'is not a structure test' });
    const campaign = await this.campaigns.get(action.campaignId, user);
    const [threshold] = await this.campaigns.thresholds([campaign.branchId], user);
    const group = targetGroupCondition(campaign.targetGroup, 'c', { prefix: 'stg' });
    const took = `EXISTS (SELECT 1 FROM participation pt WHERE pt.action_id = :action AND pt.contact_id = c.id AND pt.state = :came)`;
    const rows = await this.door.countSql<Row>(this.access.countScope(user), (people) =>
      `SELECT w.id, count(*)::int AS headcount, count(*) FILTER (WHERE ${IS_MEMBER})::int AS members,
          count(*) FILTER (WHERE ${took})::int AS participants, count(*) FILTER (WHERE ${took} AND ${IS_MEMBER})::int AS member_participants
        ${currentStaff(people)} AND ${group.sql}
        GROUP BY w.id`,
    { ...group.params, action: action.id, came: ParticipationState.ATTENDED_OR_SIGNED });

    const open = seesPeopleOf(user, campaign.branchId);
    const cells: StructureTestCell[] = rows.map((r) => ({ key: r.id, headcount: r.headcount, members: r.members, participants: r.participants }));
    const { withheld, totalWithheld } = open ? { withheld: new Set<string>(), totalWithheld: false } : structureTestSuppression(cells);
    const figures = (id: string, r: Omit<Row, 'id'>, hide: boolean): StructureTestWard => {
      if (hide) {
        return { id, headcount: null, members: null, participants: null, memberParticipants: null, shareOfHeadcount: null, shareOfMembers: null, meetsThreshold: false, suppressed: true };
      }
      const share = shareOf(r.participants, r.headcount);
      // Headcount and members of a target group are a cut of the density figures other than the slice
      // family's (the coalition's one suppressed family): an aggregate-only caller gets who took part, and
      // whether the threshold is met, never the staff or members counted (nor the shares they give away).
      return {
        id, headcount: open ? r.headcount : null, members: open ? r.members : null, participants: r.participants, memberParticipants: r.member_participants,
        shareOfHeadcount: open ? share : null, shareOfMembers: open ? shareOf(r.member_participants, r.members) : null,
        meetsThreshold: meetsThreshold(share, threshold), suppressed: false,
      };
    };
    const wards = rows.map((r) => figures(r.id, r, withheld.has(r.id)));
    wards.sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.shareOfHeadcount ?? -1) - (a.shareOfHeadcount ?? -1)
      || (b.headcount ?? 0) - (a.headcount ?? 0) || a.id.localeCompare(b.id));
    const sum = rows.reduce((t, r) => ({
      headcount: t.headcount + r.headcount, members: t.members + r.members, participants: t.participants + r.participants,
      member_participants: t.member_participants + r.member_participants,
    }), { headcount: 0, members: 0, participants: 0, member_participants: 0 });
    return { id: action.id, thresholdPercent: threshold, wards, wardsMeeting: wards.filter((w) => w.meetsThreshold).length, total: figures(action.id, sum, totalWithheld) };
  }
}
