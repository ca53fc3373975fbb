import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { type Counts, DensityService } from '../density/density.service.js';
import { Site } from '../sites/site.entity.js';
import { SiteService } from '../sites/site.service.js';
import { WardCreateInput, WardFilter, WardUpdateInput } from './dto/ward.input.js';
import { Ward } from './ward.entity.js';
import { WardService } from './ward.service.js';
import { siteById } from './workplace-loaders.js';

@Resolver(() => Ward)
export class WardResolver {
  constructor(
    private readonly wards: WardService,
    private readonly sites: SiteService,
    private readonly density: DensityService,
  ) {}

  @Can(Permission.WORKPLACE_READ)
  @Query(() => Ward, { name: 'Ward' })
  ward(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Ward> {
    return this.wards.get(id, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => [Ward])
  async allWards(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: WardFilter): Promise<Ward[]> {
    return this.wards.list(args, filter, user, await this.density.shownScope(user));
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => ListMetadata)
  async _allWardsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: WardFilter): Promise<ListMetadata> {
    return { count: await this.wards.count(filter, user) };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Ward)
  async createWard(@Args('data') data: WardCreateInput, @CurrentUser() user: AuthUser): Promise<Ward> {
    return this.wards.create(data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Ward)
  async updateWard(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: WardUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Ward> {
    return this.wards.update(id, data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Ward)
  async deleteWard(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Ward> {
    return this.wards.remove(id, user);
  }

  @ResolveField(() => Site, { nullable: true })
  site(@Parent() ward: Ward, @Loaders() loaders: RequestLoaders): Promise<Site | null> {
    return siteById(loaders, this.sites).load(ward.siteId);
  }

  @ResolveField(() => Int, { nullable: true, description: "Current staff posted here known to the caller's organisation; null (withheld) unless the caller sees the people of the ward's employer" })
  async headcount(@Parent() ward: Ward, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(ward, loaders))?.headcount ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Current members among them (any union); null (withheld) as headcount' })
  async memberCount(@Parent() ward: Ward, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(ward, loaders))?.members ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Current reps covering this ward; null (withheld) as headcount' })
  async repCount(@Parent() ward: Ward, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.counts(ward, loaders))?.reps ?? null;
  }

  /** Null where the caller does not see the people of the ward's employer (DensityService.shownCounts). */
  private counts(ward: Ward, loaders: RequestLoaders): Promise<Counts | null> {
    return loaders.get<string, Counts | null>('ward.counts', (ids, user) => this.density.shownCounts('ward', ids, user)).load(ward.id);
  }
}
