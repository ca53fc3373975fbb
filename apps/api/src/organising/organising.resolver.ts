import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ukToday } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { OptionalUuidPipe } from '../common/uuid.pipe.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { wardById } from '../wards/workplace-loaders.js';
import { OrganisingService } from './organising.service.js';
import { PatchWard, RepOverdueFollowUps, TimelineEvent, WardCoverage } from './organising.types.js';
import { Rep, RepFilter } from './rep.types.js';

/** A contact's timeline. */
@Resolver(() => Contact)
export class ContactTimelineResolver {
  constructor(private readonly organising: OrganisingService) {}

  @ResolveField(() => [TimelineEvent], { description: 'Conversations, assessments, memberships, rep roles and leader marks, newest first' })
  timeline(
    @Parent() c: Contact,
    @Loaders() loaders: RequestLoaders,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 100 }) limit: number,
  ): Promise<TimelineEvent[]> {
    const n = OrganisingService.timelineLimit(limit);
    return loaders.get<string, TimelineEvent[]>(`contact.timeline.${n}`, (ids, user) => this.organising.timelines(ids, n, user)).load(c.id);
  }
}

/** The organising read models: my patch, rep coverage, overdue follow-ups per rep, reps. */
@Resolver()
export class OrganisingResolver {
  constructor(private readonly organising: OrganisingService, private readonly wards: WardService, private readonly contacts: ContactService) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => [PatchWard], { description: "My patch: the wards of the caller's patch (or branches) with organising numbers" })
  async myPatch(
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
    @Args('siteId', { type: () => ID, nullable: true }, new OptionalUuidPipe('siteId')) siteId?: string,
  ): Promise<PatchWard[]> {
    const rows = await this.organising.patchWards(user, ukToday(), siteId ?? undefined);
    const wards = await this.wardLoader(loaders).loadMany(rows.map((r) => r.ward_id));
    return rows.map((r, i) => ({
      id: r.ward_id, ward: wards[i] as Ward, headcount: r.headcount, members: r.members, assessed: r.assessed,
      supportive: r.supportive, leaders: r.leaders, spokenTo: r.spoken_to, neverSpokenTo: r.never_spoken_to,
      lastConversationAt: r.last_conversation_at, openFollowUps: r.open_follow_ups, overdueFollowUps: r.overdue_follow_ups,
    })).filter((w) => w.ward && !(w.ward instanceof Error)).sort((a, b) => a.ward.name.localeCompare(b.ward.name));
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [WardCoverage], { description: 'Rep coverage per ward: reps, members per rep, and shifts with no rep' })
  async repCoverage(
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
    @Args('siteId', { type: () => ID, nullable: true }, new OptionalUuidPipe('siteId')) siteId?: string,
  ): Promise<WardCoverage[]> {
    const rows = await this.organising.wardCoverage(user, siteId ?? undefined);
    const wards = await this.wardLoader(loaders).loadMany(rows.map((r) => r.wardId));
    // Every ward's reps in one batch.
    const contactLoader = loaders.get<string, Contact | null>('contact.byId', (keys, user) => this.contacts.byIds(keys, user));
    const repsOf = await Promise.all(rows.map((r) => contactLoader.loadMany(r.repContactIds)));
    const out: WardCoverage[] = [];
    for (const [i, { wardId, repContactIds: _ids, ...figures }] of rows.entries()) {
      const ward = wards[i];
      if (!ward || ward instanceof Error) continue;
      const reps = repsOf[i].filter((x): x is Contact => !!x && !(x instanceof Error));
      out.push({ id: wardId, ward, reps, ...figures });
    }
    return out.sort(OrganisingService.byNeed);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [RepOverdueFollowUps], {
    description: "Overdue follow-ups with the people the caller may see (their branches, or a rep's patch), counted per rep who set them, most first",
  })
  overdueFollowUpsByRep(@CurrentUser() user: AuthUser): Promise<RepOverdueFollowUps[]> {
    return this.organising.overdueFollowUpsByRep(user, ukToday());
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Rep], { description: "Reps of the branches whose people the caller reads in full, and the caller (whose follow-ups they may see)" })
  allReps(
    @CurrentUser() user: AuthUser,
    @Args() _args: ListArgs,
    @Args('filter', { nullable: true }) filter?: RepFilter,
  ): Promise<Rep[]> {
    return this.organising.reps(user, filter ?? {});
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allRepsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: RepFilter): Promise<ListMetadata> {
    return { count: (await this.organising.reps(user, filter ?? {})).length };
  }

  private wardLoader(loaders: RequestLoaders) {
    return wardById(loaders, this.wards);
  }
}
