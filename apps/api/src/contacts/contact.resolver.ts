import type { OnModuleInit } from '@nestjs/common';
import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { PeopleDoor } from '../access/people-door.js';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { listPage, listTotal } from '../common/list-page.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Employer } from '../employers/employer.entity.js';
import { EmployerService } from '../employers/employer.service.js';
import { Site } from '../sites/site.entity.js';
import { SiteService } from '../sites/site.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { siteById, wardById } from '../wards/workplace-loaders.js';
import { ContactPrefetches } from './contact-prefetch.js';
import { Contact, contactName } from './contact.entity.js';
import { ContactService } from './contact.service.js';
import { ContactCreateInput, ContactFilter, ContactUpdateInput } from './dto/contact.input.js';
import { Posting } from './posting.entity.js';

/** The request's current posting per contact (of the caller's people). */
function currentPostingOf(loaders: RequestLoaders, contacts: ContactService): DataLoader<string, Posting | null> {
  return loaders.get<string, Posting | null>('posting.current', (ids, user) => contacts.currentPostings(ids, user));
}

@Resolver(() => Contact)
export class ContactResolver implements OnModuleInit {
  constructor(
    private readonly contacts: ContactService,
    private readonly wards: WardService,
    private readonly sites: SiteService,
    private readonly employers: EmployerService,
    private readonly door: PeopleDoor,
    private readonly prefetch: ContactPrefetches,
  ) {}

  /** A page of contacts fetches their current posting, its ward and the ward's site ahead (see ContactPrefetches). */
  onModuleInit(): void {
    this.prefetch.add({
      fields: ['wardId', 'ward', 'personalEmail', 'personalPhone', 'postalAddressLines', 'postalTown', 'postalPostcode', 'addressConfirmedOn'],
      sql: `(SELECT json_build_array(row_to_json(p), row_to_json(w), row_to_json(s)) FROM posting p
        LEFT JOIN ward w ON w.id = p.ward_id AND w.organisation_id = k.organisation_id
        LEFT JOIN site s ON s.id = w.site_id AND s.organisation_id = k.organisation_id
        WHERE p.contact_id = k.id AND p.end_date IS NULL)`,
      prime: (loaders, contactId, value, hydrate) => {
        const [posting, ward, site] = (value ?? [null, null, null]) as (Record<string, unknown> | null)[];
        const p = posting ? hydrate(Posting, posting) : null;
        currentPostingOf(loaders, this.contacts).prime(contactId, p);
        if (!p) return;
        const w = ward ? hydrate(Ward, ward) : null;
        wardById(loaders, this.wards).prime(p.wardId, w);
        if (w) siteById(loaders, this.sites).prime(w.siteId, site ? hydrate(Site, site) : null);
      },
    });
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => Contact, { name: 'Contact' })
  async contact(
    @Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders, @Info() info: GraphQLResolveInfo,
  ): Promise<Contact> {
    const contact = await this.contacts.get(id, user);
    await this.prefetch.prime([contact], info, user, loaders);
    return contact;
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [Contact])
  async allContacts(
    @Args() args: ListArgs,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true }) filter?: ContactFilter,
  ): Promise<Contact[]> {
    // The page's fields come in the page's own statement (ContactPrefetches.readPage).
    return listPage(this.contacts, '_allContactsMeta', args, filter, user, loaders, info, this.prefetch.readPage(info, user, loaders));
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allContactsMeta(
    @Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders, @Args('filter', { nullable: true }) filter?: ContactFilter,
  ): Promise<ListMetadata> {
    return { count: await listTotal(this.contacts, '_allContactsMeta', filter, user, loaders) };
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
      const ward = posting ? await wardById(loaders, this.wards).load(posting.wardId) : null;
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
    return posting ? wardById(loaders, this.wards).load(posting.wardId) : null;
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
    return currentPostingOf(loaders, this.contacts).load(c.id);
  }
}

@Resolver(() => Posting)
export class PostingResolver {
  constructor(private readonly wards: WardService) {}

  @ResolveField(() => Ward, { nullable: true })
  ward(@Parent() p: Posting, @Loaders() loaders: RequestLoaders): Promise<Ward | null> {
    return wardById(loaders, this.wards).load(p.wardId);
  }
}
