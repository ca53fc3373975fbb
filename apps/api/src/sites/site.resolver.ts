import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { type Counts, DensityService } from '../density/density.service.js';
import { Employer } from '../employers/employer.entity.js';
import { EmployerService } from '../employers/employer.service.js';
import { SiteCreateInput, SiteFilter, SiteUpdateInput } from './dto/site.input.js';
import { Site } from './site.entity.js';
import { SiteService } from './site.service.js';

@Resolver(() => Site)
export class SiteResolver {
  constructor(
    private readonly sites: SiteService,
    private readonly employers: EmployerService,
    private readonly density: DensityService,
  ) {}

  @Can(Permission.WORKPLACE_READ)
  @Query(() => Site, { name: 'Site' })
  site(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Site> {
    return this.sites.get(id, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => [Site])
  async allSites(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: SiteFilter): Promise<Site[]> {
    return this.sites.list(args, filter, user, await this.density.shownScope(user));
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => ListMetadata)
  async _allSitesMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: SiteFilter): Promise<ListMetadata> {
    return { count: await this.sites.count(filter, user) };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Site)
  async createSite(@Args('data') data: SiteCreateInput, @CurrentUser() user: AuthUser): Promise<Site> {
    return this.sites.create(data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Site)
  async updateSite(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: SiteUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Site> {
    return this.sites.update(id, data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Site)
  async deleteSite(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Site> {
    return this.sites.remove(id, user);
  }

  @ResolveField(() => Employer, { nullable: true })
  employer(@Parent() site: Site, @Loaders() loaders: RequestLoaders): Promise<Employer | null> {
    return loaders.get<string, Employer | null>('employer.byId', (ids, user) => this.employers.byIds(ids, user)).load(site.employerId);
  }

  @ResolveField(() => Int, { nullable: true, description: "Current staff on this site known to the caller's organisation; null (withheld) unless the caller sees the people of the site's employer" })
  async headcount(@Parent() site: Site, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(site, loaders))?.headcount ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Current members among them (any union); null (withheld) as headcount' })
  async memberCount(@Parent() site: Site, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(site, loaders))?.members ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Current reps covering wards on this site; null (withheld) as headcount' })
  async repCount(@Parent() site: Site, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(site, loaders))?.reps ?? null;
  }

  /** Null where the caller does not see the people of the site's employer (DensityService.shownCounts). */
  private counts(site: Site, loaders: RequestLoaders): Promise<Counts | null> {
    return loaders.get<string, Counts | null>('site.counts', (ids, user) => this.density.shownCounts('site', ids, user)).load(site.id);
  }
}
