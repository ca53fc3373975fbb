import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PeopleDoor } from '../access/people-door.js';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Employer } from '../employers/employer.entity.js';
import { EmployerService } from '../employers/employer.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { Contact, contactName } from './contact.entity.js';
import { ContactService } from './contact.service.js';
import { ContactCreateInput, ContactFilter, ContactUpdateInput } from './dto/contact.input.js';
import { Posting } from './posting.entity.js';

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly contacts: ContactService,
    private readonly wards: WardService,
    private readonly employers: EmployerService,
    private readonly door: PeopleDoor,
  ) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => Contact, { name: 'Contact' })
  contact(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Contact> {
    return this.contacts.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Contact])
  allContacts(
    @Args() args: ListArgs,
    @CurrentUser() user: AuthUser,
    @Args('filter', { nullable: true }) filter?: ContactFilter,
  ): Promise<Contact[]> {
    return this.contacts.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allContactsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ContactFilter): Promise<ListMetadata> {
    return { count: await this.contacts.count(filter, user) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Contact)
  createContact(@Args('data') data: ContactCreateInput, @CurrentUser() user: AuthUser): Promise<Contact> {
    return this.contacts.create(data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Contact)
  updateContact(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: ContactUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Contact> {
    return this.contacts.update(id, data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => Contact)
  deleteContact(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Contact> {
    return this.contacts.remove(id, user);
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for those who organise this person (reps on their patch, secretaries, admins)' })
  async personalEmail(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.personalEmail : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for those who organise this person (reps on their patch, secretaries, admins)' })
  async personalPhone(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.personalPhone : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for those who organise this person (reps on their patch, secretaries, admins)' })
  async postalAddressLines(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.postalAddressLines : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for those who organise this person (reps on their patch, secretaries, admins)' })
  async postalTown(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.postalTown : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Only for those who organise this person (reps on their patch, secretaries, admins)' })
  async postalPostcode(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.postalPostcode : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'When the postal address was last confirmed; only for those who organise this person' })
  async addressConfirmedOn(@Parent() c: Contact, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.organises(c, user, loaders)) ? c.addressConfirmedOn : null;
  }

  /** Personal details go to those who organise this person (the door's rule), given the site of their current posting. */
  private organises(c: Contact, user: AuthUser, loaders: RequestLoaders): Promise<boolean> {
    return this.door.readsPersonalContact(user, c, async () => {
      const posting = await this.currentPosting(c, loaders);
      const ward = posting ? await this.wardLoader(loaders).load(posting.wardId) : null;
      return ward?.siteId ?? null;
    });
  }

  @ResolveField(() => String, { description: 'Preferred (or first) name and last name' })
  fullName(@Parent() c: Contact): string {
    return contactName(c);
  }

  @ResolveField(() => ID, { nullable: true, description: 'Ward of the current posting' })
  async wardId(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return (await this.currentPosting(c, loaders))?.wardId ?? null;
  }

  @ResolveField(() => Ward, { nullable: true, description: 'Ward of the current posting' })
  async ward(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Ward | null> {
    const posting = await this.currentPosting(c, loaders);
    return posting ? this.wardLoader(loaders).load(posting.wardId) : null;
  }

  @ResolveField(() => [Posting], { description: 'Ward history, newest first' })
  postings(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Posting[]> {
    return loaders.get<string, Posting[]>('posting.history', (ids, user) => this.contacts.postingHistory(ids, user)).load(c.id);
  }

  @ResolveField(() => Employer, { nullable: true })
  employer(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<Employer | null> {
    return loaders.get<string, Employer | null>('employer.byId', (ids, user) => this.employers.byIds(ids, user)).load(c.employerId);
  }

  private currentPosting(c: Contact, loaders: RequestLoaders): Promise<Posting | null> {
    return loaders.get<string, Posting | null>('posting.current', (ids, user) => this.contacts.currentPostings(ids, user)).load(c.id);
  }

  private wardLoader(loaders: RequestLoaders) {
    return loaders.get<string, Ward | null>('ward.byId', (ids, user) => this.wards.byIds(ids, user));
  }
}

@Resolver(() => Posting)
export class PostingResolver {
  constructor(private readonly wards: WardService) {}

  @ResolveField(() => Ward, { nullable: true })
  ward(@Parent() p: Posting, @Loaders() loaders: RequestLoaders): Promise<Ward | null> {
    return loaders.get<string, Ward | null>('ward.byId', (ids, user) => this.wards.byIds(ids, user)).load(p.wardId);
  }
}
