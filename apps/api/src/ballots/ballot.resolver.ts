import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BallotMemberState, evaluateBallot, mandateExpires, ruleSetFor } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { UserInputError } from '../common/errors.js';
import { DEFAULT_PER_PAGE, ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { TargetGroupService } from '../target-groups/target-group.service.js';
import { TargetGroupView } from '../target-groups/target-group.type.js';
import { BallotMemberStateChange } from './ballot-member-state.entity.js';
import { BallotReadinessService } from './ballot-readiness.service.js';
import { Ballot } from './ballot.entity.js';
import { BallotService } from './ballot.service.js';
import { BallotEvaluationView, BallotMember, BallotReport, BallotRuleSetView, ContactBallot } from './ballot.types.js';
import { BallotCreateInput, BallotFilter, BallotMemberFilter, BallotResultInput, BallotUpdateInput } from './dto/ballot.input.js';

/** Ballots (react-admin's grammar), their members, chase states, projections and result. */
@Resolver(() => Ballot)
export class BallotResolver {
  constructor(private readonly ballots: BallotService, private readonly readiness: BallotReadinessService, private readonly groups: TargetGroupService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => Ballot, { name: 'Ballot' })
  ballot(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Ballot> {
    return this.ballots.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Ballot])
  allBallots(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: BallotFilter): Promise<Ballot[]> {
    return this.ballots.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allBallotsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: BallotFilter): Promise<ListMetadata> {
    return { count: await this.ballots.count(filter, user) };
  }

  @Can(Permission.BALLOTS_MANAGE)
  @Mutation(() => Ballot)
  createBallot(@Args('data') data: BallotCreateInput, @CurrentUser() user: AuthUser): Promise<Ballot> {
    return this.ballots.createBallot(data, user);
  }

  @Can(Permission.BALLOTS_MANAGE)
  @Mutation(() => Ballot)
  updateBallot(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: BallotUpdateInput, @CurrentUser() user: AuthUser): Promise<Ballot> {
    return this.ballots.updateBallot(id, data, user);
  }

  @Can(Permission.BALLOTS_MANAGE)
  @Mutation(() => Ballot, { description: 'Deletes a ballot and its chase history' })
  deleteBallot(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Ballot> {
    return this.ballots.remove(id, user);
  }

  @Can(Permission.BALLOTS_MANAGE)
  @Mutation(() => Ballot, { description: 'Records the official result (evaluated by the rule set for the opening date)' })
  setBallotResult(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: BallotResultInput, @CurrentUser() user: AuthUser): Promise<Ballot> {
    return this.ballots.setResult(id, data, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [BallotMember], {
    description: "A ballot's entitled members you may see (filter.ballotId; with notEntitled, those who joined after the cut-off), by ward and name",
  })
  async allBallotMembers(@Args() page: ListArgs, @Loaders() loaders: RequestLoaders, @Args('filter', { nullable: true }) filter?: BallotMemberFilter): Promise<BallotMember[]> {
    const list = await this.members(loaders, filter);
    const perPage = page.perPage ?? DEFAULT_PER_PAGE;
    const start = (page.page ?? 0) * perPage;
    return list.slice(start, start + perPage);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allBallotMembersMeta(@Args() _page: MetaArgs, @Loaders() loaders: RequestLoaders, @Args('filter', { nullable: true }) filter?: BallotMemberFilter): Promise<ListMetadata> {
    return { count: (await this.members(loaders, filter)).length };
  }

  /** The members the filter names (none without a ballot), worked out once per request: a page and its count are asked together. */
  private async members(loaders: RequestLoaders, filter: BallotMemberFilter | undefined): Promise<BallotMember[]> {
    if (!filter?.ballotId) return [];
    return loaders.get<string, BallotMember[] | Error>('ballot.members', (keys, user) => Promise.all(keys.map(async (key) => {
      try {
        const f = JSON.parse(key) as BallotMemberFilter;
        const list = await this.readiness.list(await this.ballots.get(f.ballotId!, user), user, f);
        return f.ids ? list.filter((m) => f.ids!.includes(m.id)) : list;
      } catch (e) {
        return e as Error; // this filter's own error (DataLoader rejects its key alone)
      }
    }))).load(JSON.stringify(filter)) as Promise<BallotMember[]>;
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => BallotMemberStateChange, { description: "Sets an entitled member's chase state (kept in the history, with who and when)" })
  async setBallotMemberState(
    @Args('ballotId', { type: () => ID }, UuidPipe) ballotId: string,
    @Args('contactId', { type: () => ID }, UuidPipe) contactId: string,
    @Args('state', { type: () => BallotMemberState }) state: BallotMemberState,
    @CurrentUser() user: AuthUser,
  ): Promise<BallotMemberStateChange> {
    return this.readiness.setState(await this.ballots.get(ballotId, user), contactId, state, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [ContactBallot], {
    description: 'The live ballots (not closed) a contact you may see is entitled to vote in, with their chase state in each: closing soonest first',
  })
  async contactBallots(@Args('contactId', { type: () => ID }, UuidPipe) contactId: string, @CurrentUser() user: AuthUser): Promise<ContactBallot[]> {
    return this.readiness.ofContact(await this.ballots.live(user), contactId, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [BallotMemberStateChange], { description: "A member's chase history in a ballot, newest first" })
  async ballotMemberHistory(
    @Args('ballotId', { type: () => ID }, UuidPipe) ballotId: string,
    @Args('contactId', { type: () => ID }, UuidPipe) contactId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<BallotMemberStateChange[]> {
    return this.readiness.history(await this.ballots.get(ballotId, user), contactId, user);
  }

  @ResolveField(() => TargetGroupView)
  async eligibleGroup(@Parent() b: Ballot, @Loaders() loaders: RequestLoaders): Promise<TargetGroupView> {
    return loaders.get<Ballot, TargetGroupView>('ballot.group', (rows, user) => this.groups.views(rows.map((r) => r.eligibleGroupData), user)).load(b);
  }

  @ResolveField(() => BallotRuleSetView, { description: 'The rule set for its opening date, with its thresholds' })
  ruleSet(@Parent() b: Ballot): BallotRuleSetView {
    return ruleSetFor(b.openingDate);
  }

  @ResolveField(() => Boolean, { description: 'Whether the important-public-services flag matters: only under the 2016 rules (the 40 % rule)' })
  importantPublicServiceApplies(@Parent() b: Ballot): boolean {
    return ruleSetFor(b.openingDate).importantPublicServiceYesPercent !== null;
  }

  @ResolveField(() => BallotReport, { description: "Readiness, projections and turnout over the members you may see" })
  report(@Parent() b: Ballot, @CurrentUser() user: AuthUser): Promise<BallotReport> {
    return this.readiness.report(b, user);
  }

  @ResolveField(() => BallotEvaluationView, { nullable: true, description: 'The official result judged by its rule set (null: no result yet)' })
  evaluation(@Parent() b: Ballot): BallotEvaluationView | null {
    if (b.resultEntitled === null || b.resultVotesCast === null || b.resultYes === null) return null;
    try {
      const e = evaluateBallot({
        entitled: b.resultEntitled, votesCast: b.resultVotesCast, yes: b.resultYes, no: b.resultNo ?? undefined,
        importantPublicService: b.importantPublicService, openingDate: b.openingDate,
      });
      return { ...e, failures: [...e.failures], mandateExpires: e.valid ? mandateExpires(b.closingDate, e.ruleSet) : null };
    } catch (err) {
      throw new UserInputError({ result: err instanceof Error ? err.message : 'cannot be evaluated' });
    }
  }
}
