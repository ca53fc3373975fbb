import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { addDays, countsAsMember, ukToday } from '@rollcall/domain';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { MembershipStatus } from '../common/enums.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Contact, contactName } from '../contacts/contact.entity.js';
import { ContactPrefetches } from '../contacts/contact-prefetch.js';
import { ContactService } from '../contacts/contact.service.js';
import { Union } from '../unions/union.entity.js';
import { UnionService } from '../unions/union.service.js';
import { UserService } from '../users/user.service.js';
import { MembershipCreateInput, MembershipFilter, MembershipUpdateInput, RecentJoiners, RecentJoinersArgs } from './dto/membership.input.js';
import { Membership } from './membership.entity.js';
import { MembershipService } from './membership.service.js';

function membershipsOf(c: Contact, loaders: RequestLoaders, service: MembershipService): Promise<Membership[]> {
  return membershipsByContact(loaders, service).load(c.id);
}

function membershipsByContact(loaders: RequestLoaders, service: MembershipService): DataLoader<string, Membership[]> {
  return loaders.get<string, Membership[]>('membership.byContact', (ids, user) => service.byContacts(ids, user));
}

function unionById(loaders: RequestLoaders, unions: UnionService): DataLoader<string, Union | null> {
  return loaders.get<string, Union | null>('union.byId', (ids, user) => unions.byIds(ids, user));
}

@Resolver(() => Membership)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly contacts: ContactService,
    private readonly unions: UnionService,
    private readonly users: UserService,
  ) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => Membership, { name: 'Membership' })
  membership(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Membership> {
    return this.memberships.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Membership])
  allMemberships(
    @Args() args: ListArgs,
    @CurrentUser() user: AuthUser,
    @Args('filter', { nullable: true }) filter?: MembershipFilter,
  ): Promise<Membership[]> {
    return this.memberships.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allMembershipsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: MembershipFilter): Promise<ListMetadata> {
    return { count: await this.memberships.count(filter, user) };
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => RecentJoiners, { description: "Who joined a union lately among the people the caller may see (their branches, or a rep's patch)" })
  async recentJoiners(@Args() args: RecentJoinersArgs, @CurrentUser() user: AuthUser): Promise<RecentJoiners> {
    const now = ukToday();
    const since = addDays(now, 1 - args.days);
    return { since, ...(await this.memberships.recentJoiners(user, since, now, args.limit)) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Membership)
  createMembership(@Args('data') data: MembershipCreateInput, @CurrentUser() user: AuthUser): Promise<Membership> {
    return this.memberships.create(data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Membership)
  updateMembership(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: MembershipUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Membership> {
    return this.memberships.update(id, data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Membership)
  deleteMembership(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Membership> {
    return this.memberships.remove(id, user);
  }

  @ResolveField(() => Contact, { nullable: true })
  contact(@Parent() m: Membership, @Loaders() loaders: RequestLoaders): Promise<Contact | null> {
    return loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(m.contactId);
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: 'The contact who recruited them (or recruitedByUserId; never both): only if you may see that contact, else null',
  })
  async recruitedByContactId(@Parent() m: Membership, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (!m.recruitedByContactId) return null;
    const c = await loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(m.recruitedByContactId);
    return c ? c.id : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "Who recruited them, by name: the contact's only if you may see that contact (else null), or the user's",
  })
  async recruitedByName(@Parent() m: Membership, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    if (m.recruitedByContactId) {
      const c = await loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(m.recruitedByContactId);
      return c ? contactName(c) : null;
    }
    if (m.recruitedByUserId) return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(m.recruitedByUserId);
    return null;
  }

  @ResolveField(() => Union, { nullable: true })
  union(@Parent() m: Membership, @Loaders() loaders: RequestLoaders): Promise<Union | null> {
    return unionById(loaders, this.unions).load(m.unionId);
  }
}

/** Contact.memberships and Contact.isMember live here so contacts need not know about memberships. */
@Resolver(() => Contact)
export class ContactMembershipsResolver implements OnModuleInit {
  constructor(private readonly service: MembershipService, private readonly unions: UnionService, private readonly prefetch: ContactPrefetches) {}

  /** A page of contacts fetches their memberships, and each membership's union, ahead (see ContactPrefetches). */
  onModuleInit(): void {
    this.prefetch.add({
      fields: ['memberships', 'isMember'],
      sql: `(SELECT coalesce(json_agg(json_build_array(row_to_json(m), row_to_json(u)) ORDER BY m.created_at, m.id), '[]') FROM membership m
        LEFT JOIN trade_union u ON u.id = m.union_id AND u.organisation_id = k.organisation_id
        WHERE m.contact_id = k.id AND m.organisation_id = k.organisation_id)`,
      prime: (loaders, contactId, value, hydrate) => {
        const rows = (value ?? []) as [Record<string, unknown>, Record<string, unknown> | null][];
        const memberships = rows.map(([m]) => hydrate(Membership, m));
        membershipsByContact(loaders, this.service).prime(contactId, memberships);
        rows.forEach(([, u], i) => unionById(loaders, this.unions).prime(memberships[i].unionId, u ? hydrate(Union, u) : null));
      },
    });
  }

  @ResolveField(() => [Membership])
  memberships(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Membership[]> {
    return membershipsOf(c, loaders, this.service);
  }

  @ResolveField(() => Boolean, { description: 'A current member of any union' })
  async isMember(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    const now = ukToday();
    return (await membershipsOf(c, loaders, this.service)).some((m) => countsAsMember(m.status as MembershipStatus, m.leaveDate, now));
  }
}
