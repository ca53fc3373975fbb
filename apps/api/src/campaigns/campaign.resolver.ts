import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { daysToJoinBy, MIN_CELL_SIZE, shareOf, ukToday } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { Branch } from '../branches/branch.entity.js';
import { DEFAULT_PER_PAGE, ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { TargetGroupService } from '../target-groups/target-group.service.js';
import { TargetGroupView } from '../target-groups/target-group.type.js';
import { Site } from '../sites/site.entity.js';
import { SiteService } from '../sites/site.service.js';
import { UserService } from '../users/user.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { siteById, wardById } from '../wards/workplace-loaders.js';
import { seesPeopleOf } from './campaign-access.js';
import { CampaignAction } from './campaign-action.entity.js';
import { CampaignActionService } from './campaign-action.service.js';
import { Campaign } from './campaign.entity.js';
import { type CampaignCounts, CampaignService } from './campaign.service.js';
import { CampaignNumbers, CampaignRecruitment, PeopleToAsk, StructureTestResult, StructureTestWard } from './campaign.types.js';
import {
  CampaignActionCreateInput, CampaignActionFilter, CampaignActionUpdateInput, CampaignCreateInput, CampaignFilter, CampaignUpdateInput,
  ParticipationEntry, ParticipationFilter,
} from './dto/campaign.input.js';
import { Participation } from './participation.entity.js';
import { ParticipationService } from './participation.service.js';
import { PeopleToAskArgs } from './dto/recruitment.input.js';
import { RecruitmentService } from './recruitment.service.js';
import { StructureTestService } from './structure-test.service.js';

/** A count a caller with aggregates only must not see when it is small (but not none): DOMAIN.md "Privacy". */
const withheld = (n: number) => n > 0 && n < MIN_CELL_SIZE;

/** Campaigns of the caller's branches, their numbers against the goal and the join-by countdown. */
@Resolver(() => Campaign)
export class CampaignResolver {
  constructor(private readonly campaigns: CampaignService, private readonly groups: TargetGroupService, private readonly recruitment: RecruitmentService) {}

  @Can(Permission.AGGREGATES_READ)
  @Query(() => Campaign, { name: 'Campaign' })
  campaign(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.get(id, user);
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => [Campaign])
  allCampaigns(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CampaignFilter): Promise<Campaign[]> {
    return this.campaigns.list(args, filter, user);
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => ListMetadata)
  async _allCampaignsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CampaignFilter): Promise<ListMetadata> {
    return { count: await this.campaigns.count(filter, user) };
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => CampaignRecruitment, {
    description: "A campaign's recruitment drive: the join-by countdown, joiners since its start against its target, by ward and by rep's patch, "
      + 'and who recruited them (counts in your count scope; small ones withheld, and no names, for an aggregate-only caller)',
  })
  campaignRecruitment(@Args('campaignId', { type: () => ID }, UuidPipe) campaignId: string, @CurrentUser() user: AuthUser): Promise<CampaignRecruitment> {
    return this.recruitment.recruitment(campaignId, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => PeopleToAsk, {
    description: "Who to ask to join now: non-members of the campaign's unions in its target group among your people (a rep: their patch), "
      + 'optionally on one rep\'s patch; best assessment first, then the most recently spoken to',
  })
  campaignPeopleToAsk(@Args() args: PeopleToAskArgs, @CurrentUser() user: AuthUser): Promise<PeopleToAsk> {
    return this.recruitment.peopleToAsk(args.campaignId, args.repId ?? null, args.page ?? 0, args.perPage ?? DEFAULT_PER_PAGE, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => Campaign, { description: 'Creates a campaign of a branch you are secretary or admin of' })
  createCampaign(@Args('data') data: CampaignCreateInput, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.createCampaign(data, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => Campaign)
  updateCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: CampaignUpdateInput, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.updateCampaign(id, data, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => Campaign, { description: "Deletes a campaign and its actions (refused while people's participation is recorded on them)" })
  deleteCampaign(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Campaign> {
    return this.campaigns.removeCampaign(id, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => Branch, { description: "Sets the share (percent) of a ward's headcount a structure test must reach, for a branch you are secretary or admin of" })
  setStructureTestThreshold(
    @Args('branchId', { type: () => ID }, UuidPipe) branchId: string,
    @Args('percent', { type: () => Int }) percent: number,
    @CurrentUser() user: AuthUser,
  ): Promise<Branch> {
    return this.campaigns.setStructureTestThreshold(branchId, percent, user);
  }

  @ResolveField(() => [ID], { description: "The organisation's unions involved" })
  unionIds(@Parent() c: Campaign, @Loaders() loaders: RequestLoaders): Promise<string[]> {
    return loaders.get<string, string[]>('campaign.unions', (ids) => this.campaigns.unionIds(ids)).load(c.id);
  }

  @ResolveField(() => TargetGroupView, { description: 'The staff it targets' })
  targetGroup(@Parent() c: Campaign, @Loaders() loaders: RequestLoaders): Promise<TargetGroupView> {
    return loaders.get<Campaign, TargetGroupView>('campaign.targetGroup', (rows, user) => this.groups.views(rows.map((r) => r.targetGroup), user)).load(c);
  }

  @ResolveField(() => Boolean, { description: 'Running today' })
  active(@Parent() c: Campaign): boolean {
    return this.campaigns.active(c);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Days from today to the join-by date (0 on the day, negative after; null without one)' })
  daysToJoinBy(@Parent() c: Campaign): number | null {
    return daysToJoinBy(c.joinByDate, ukToday());
  }

  @ResolveField(() => CampaignNumbers, { description: 'Its actions and the people who took part or pledged, against its goal' })
  async numbers(@Parent() c: Campaign, @Loaders() loaders: RequestLoaders, @CurrentUser() user: AuthUser): Promise<CampaignNumbers> {
    const n = await loaders.get<string, CampaignCounts>('campaign.counts', (ids, u) => this.campaigns.counts(ids, u)).load(c.id);
    const hide = !seesPeopleOf(user, c.branchId);
    const participants = hide && withheld(n.participants) ? null : n.participants;
    const pledged = hide && withheld(n.pledged) ? null : n.pledged;
    return {
      actions: n.actions, participants, pledged, targetParticipants: c.targetParticipants,
      shareOfGoal: participants === null || !c.targetParticipants ? null : shareOf(participants, c.targetParticipants),
      suppressed: participants === null || pledged === null,
    };
  }
}

/** The actions of campaigns, and the structure test's result per ward. */
@Resolver(() => CampaignAction)
export class CampaignActionResolver {
  constructor(
    private readonly actions: CampaignActionService,
    private readonly campaigns: CampaignService,
    private readonly structure: StructureTestService,
    private readonly wards: WardService,
    private readonly sites: SiteService,
  ) {}

  @Can(Permission.AGGREGATES_READ)
  @Query(() => CampaignAction, { name: 'CampaignAction' })
  action(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CampaignAction> {
    return this.actions.get(id, user);
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => [CampaignAction])
  allCampaignActions(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CampaignActionFilter): Promise<CampaignAction[]> {
    return this.actions.list(args, filter, user);
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => ListMetadata)
  async _allCampaignActionsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CampaignActionFilter): Promise<ListMetadata> {
    return { count: await this.actions.count(filter, user) };
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => CampaignAction)
  createCampaignAction(@Args('data') data: CampaignActionCreateInput, @CurrentUser() user: AuthUser): Promise<CampaignAction> {
    return this.actions.createAction(data, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => CampaignAction)
  updateCampaignAction(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: CampaignActionUpdateInput, @CurrentUser() user: AuthUser): Promise<CampaignAction> {
    return this.actions.updateAction(id, data, user);
  }

  @Can(Permission.CAMPAIGNS_MANAGE)
  @Mutation(() => CampaignAction, { description: "Deletes an action (refused while people's participation is recorded on it)" })
  deleteCampaignAction(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CampaignAction> {
    return this.actions.remove(id, user);
  }

  @Can(Permission.AGGREGATES_READ)
  @Query(() => StructureTestResult, { description: "A structure test's result per ward of its campaign's target group, strongest first, against the branch's threshold" })
  structureTest(@Args('actionId', { type: () => ID }, UuidPipe) actionId: string, @CurrentUser() user: AuthUser): Promise<StructureTestResult> {
    return this.structure.result(actionId, user);
  }

  @ResolveField(() => Campaign, { nullable: true })
  campaign(@Parent() a: CampaignAction, @Loaders() loaders: RequestLoaders): Promise<Campaign | null> {
    return loaders.get<string, Campaign | null>('campaign.byId', (ids, user) => this.campaigns.byIds(ids, user)).load(a.campaignId);
  }

  @ResolveField(() => Ward, { nullable: true })
  ward(@Parent() a: CampaignAction, @Loaders() loaders: RequestLoaders): Promise<Ward | null> {
    return a.wardId ? wardById(loaders, this.wards).load(a.wardId) : Promise.resolve(null);
  }

  @ResolveField(() => Site, { nullable: true, description: 'The site it was held at (when given instead of a ward)' })
  site(@Parent() a: CampaignAction, @Loaders() loaders: RequestLoaders): Promise<Site | null> {
    return a.siteId ? siteById(loaders, this.sites).load(a.siteId) : Promise.resolve(null);
  }
}

/** The ward of a structure test's row. */
@Resolver(() => StructureTestWard)
export class StructureTestWardResolver {
  constructor(private readonly wards: WardService) {}

  @ResolveField(() => Ward, { nullable: true })
  ward(@Parent() w: StructureTestWard, @Loaders() loaders: RequestLoaders): Promise<Ward | null> {
    return wardById(loaders, this.wards).load(w.id);
  }
}

/** Who was invited to, pledged or took part in an action: through the PeopleDoor. */
@Resolver(() => Participation)
export class ParticipationResolver {
  constructor(private readonly participation: ParticipationService, private readonly contacts: ContactService, private readonly users: UserService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => Participation, { name: 'Participation' })
  one(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Participation> {
    return this.participation.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Participation])
  allParticipations(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ParticipationFilter): Promise<Participation[]> {
    return this.participation.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allParticipationsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ParticipationFilter): Promise<ListMetadata> {
    return { count: await this.participation.count(filter, user) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => [Participation], {
    description: "Records people's state on an action (null clears it), all or nothing: each entry a different person you may change; "
      + 'a bad entry is named in the error (entries.3.contactId). Returns their rows as they now stand.',
  })
  recordParticipation(
    @Args('actionId', { type: () => ID }, UuidPipe) actionId: string,
    @Args('entries', { type: () => [ParticipationEntry] }) entries: ParticipationEntry[],
    @CurrentUser() user: AuthUser,
  ): Promise<Participation[]> {
    return this.participation.record(actionId, entries, user);
  }

  @ResolveField(() => Contact, { nullable: true })
  contact(@Parent() p: Participation, @Loaders() loaders: RequestLoaders): Promise<Contact | null> {
    return loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(p.contactId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Who recorded the latest state' })
  recordedByName(@Parent() p: Participation, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return p.recordedById
      ? loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(p.recordedById)
      : Promise.resolve(null);
  }
}
