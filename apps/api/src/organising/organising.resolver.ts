import { Args, Field, GraphQLISODateTime, ID, InputType, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { MAX_LENGTH, ukToday } from '@rollcall/domain';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../common/loaders.js';
import { OptionalUuidPipe } from '../common/uuid.pipe.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { UserService } from '../users/user.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { AssessmentEntry } from './assessment-entry.entity.js';
import { ContactLink } from './contact-link.entity.js';
import { OrganisingService, timelineTitle } from './organising.service.js';
import { Rep, RepFilter } from './rep.types.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { CoverageStatus, PatchWard, RepOverdueFollowUps, TimelineEvent, TimelineKind, WardCoverage } from './organising.types.js';

@InputType()
export class AssessInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => Int)
  @IsInt({ message: 'value must be a whole number from 1 to 5' })
  @Min(1, { message: 'value must be from 1 (leader) to 5 (opposed)' })
  @Max(5, { message: 'value must be from 1 (leader) to 5 (opposed)' })
  value: number;
}

@InputType()
export class LeaderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field()
  @IsBoolean()
  leader: boolean;

  @Field(() => String, { nullable: true, description: 'Why (required when marking)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.SHORT_TEXT)
  reason?: string | null;
}

@InputType()
export class LinkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'leaderId must be a valid id' })
  leaderId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'followerId must be a valid id' })
  followerId: string;
}

/** The organising picture on a contact: assessment, leaders, followers, timeline. */
@Resolver(() => Contact)
export class ContactOrganisingResolver {
  constructor(private readonly organising: OrganisingService, private readonly contacts: ContactService) {}

  @ResolveField(() => Int, { nullable: true, description: 'Current assessment: the latest of the history (null: not assessed)' })
  assessment(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return loaders.get<string, number | null>('contact.assessment', (ids, user) => this.organising.currentAssessment(ids, user)).load(c.id);
  }

  @ResolveField(() => [AssessmentEntry], { description: 'Every assessment, newest first' })
  assessmentHistory(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<AssessmentEntry[]> {
    return loaders.get<string, AssessmentEntry[]>('contact.assessments', (ids, user) => this.organising.assessmentHistory(ids, user)).load(c.id);
  }

  @ResolveField(() => GraphQLISODateTime, { nullable: true, description: 'When anyone last spoke with them' })
  lastConversationAt(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Date | null> {
    return loaders.get<string, Date | null>('contact.lastConversation', (ids, user) => this.organising.lastConversationAt(ids, user)).load(c.id);
  }

  @ResolveField(() => [Contact], { description: 'The leaders this person looks to (that the caller may see)' })
  async leaders(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Contact[]> {
    return this.linked(c, 'leaders', loaders);
  }

  @ResolveField(() => [Contact], { description: 'Who looks to this person (that the caller may see)' })
  async followers(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Contact[]> {
    return this.linked(c, 'followers', loaders);
  }

  @ResolveField(() => [TimelineEvent], { description: 'Conversations, assessments, memberships, rep roles and leader marks, newest first' })
  async timeline(
    @Parent() c: Contact,
    @Loaders() loaders: RequestLoaders,
    @Args('limit', { type: () => Int, nullable: true, defaultValue: 100 }) limit: number,
  ): Promise<TimelineEvent[]> {
    const n = Math.min(Math.max(limit, 1), 500);
    const rows = await loaders.get<string, Awaited<ReturnType<OrganisingService['timelines']>>[number]>(
      `contact.timeline.${n}`, (ids, user) => this.organising.timelines(ids, n, user),
    ).load(c.id);
    return rows.map((r) => ({
      id: `${r.kind}:${r.id}`, kind: r.kind as TimelineKind, at: r.at,
      title: timelineTitle(r.kind, r.title), detail: r.detail || null,
      actorName: r.actor, conversationId: r.conversation_id, assessment: r.assessment,
    }));
  }

  /** Leaders and followers of a batch of contacts: the links and the people, two statements whatever the data. */
  private async linked(c: Contact, direction: 'leaders' | 'followers', loaders: RequestLoaders): Promise<Contact[]> {
    const links = await loaders.get<string, { leaders: Contact[]; followers: Contact[] }>('contact.links', async (keys, user) => {
      const ids = await this.organising.links(keys, user);
      const people = await this.contacts.byIds([...new Set(ids.flatMap((l) => [...l.leaders, ...l.followers]))], user);
      const byId = new Map(people.filter((p): p is Contact => !!p).map((p) => [p.id, p]));
      const pick = (xs: string[]) => xs.map((x) => byId.get(x)).filter((x): x is Contact => !!x);
      return ids.map((l) => ({ leaders: pick(l.leaders), followers: pick(l.followers) }));
    }).load(c.id);
    return links[direction];
  }
}

@Resolver(() => AssessmentEntry)
export class AssessmentResolver {
  constructor(private readonly organising: OrganisingService, private readonly users: UserService) {}

  @ResolveField(() => String, { nullable: true })
  assessedByName(@Parent() a: AssessmentEntry, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (!a.assessedById) return Promise.resolve(null);
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(a.assessedById);
  }
}

/** Organising actions and views that are not one resource's CRUD. */
@Resolver()
export class OrganisingResolver {
  constructor(private readonly organising: OrganisingService, private readonly wards: WardService, private readonly contacts: ContactService) {}

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => AssessmentEntry, { description: 'Records an assessment without a conversation' })
  assessContact(@Args('data') data: AssessInput, @CurrentUser() user: AuthUser): Promise<AssessmentEntry> {
    return this.organising.assess(data.contactId, data.value, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Contact, { description: 'Marks (with a reason) or unmarks an organic leader' })
  setLeader(@Args('data') data: LeaderInput, @CurrentUser() user: AuthUser): Promise<Contact> {
    return this.organising.setLeader(data.contactId, data.leader, data.reason, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => ContactLink, { description: 'Records that the follower looks to the leader' })
  linkContacts(@Args('data') data: LinkInput, @CurrentUser() user: AuthUser): Promise<ContactLink> {
    return this.organising.link(data.leaderId, data.followerId, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Boolean, { description: 'Removes a follower link; false if there was none' })
  unlinkContacts(@Args('data') data: LinkInput, @CurrentUser() user: AuthUser): Promise<boolean> {
    return this.organising.unlink(data.leaderId, data.followerId, user);
  }

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
      supportive: r.supportive, leaders: r.leaders, spokenTo: r.spoken_to, neverSpokenTo: r.headcount - r.spoken_to,
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
    const rows = await this.organising.coverage(user, siteId ?? undefined);
    const wards = await this.wardLoader(loaders).loadMany(rows.map((r) => r.ward_id));
    // Every ward's reps in one batch.
    const contactLoader = loaders.get<string, Contact | null>('contact.byId', (keys, user) => this.contacts.byIds(keys, user));
    const repsOf = await Promise.all(rows.map((r) => contactLoader.loadMany(r.rep_contact_ids)));
    const out: WardCoverage[] = [];
    for (const [i, r] of rows.entries()) {
      const ward = wards[i];
      if (!ward || ward instanceof Error) continue;
      const reps = repsOf[i].filter((x): x is Contact => !!x && !(x instanceof Error));
      const { status, shiftsWithoutRep } = OrganisingService.coverageOf(r);
      const n = r.rep_contact_ids.length;
      out.push({
        id: r.ward_id, ward, headcount: r.headcount, members: r.members, reps, repCount: n,
        membersPerRep: n ? Math.round((r.members / n) * 10) / 10 : null, staffPerRep: n ? Math.round((r.headcount / n) * 10) / 10 : null,
        status: status as CoverageStatus, shiftsWithoutRep,
      });
    }
    const order = { NO_REP: 0, FAILING: 1, BELOW_TARGET: 2, ON_TARGET: 3, NO_STAFF: 4 } as const;
    return out.sort((a, b) => order[a.status] - order[b.status] || b.headcount - a.headcount || a.ward.name.localeCompare(b.ward.name));
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
    return loaders.get<string, Ward | null>('ward.byId', (ids, user) => this.wards.byIds(ids, user));
  }
}
