import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { DensityService } from '../density/density.service.js';
import { UnionCreateInput, UnionFilter, UnionUpdateInput } from './dto/union.input.js';
import { Union } from './union.entity.js';
import { UnionService } from './union.service.js';

@Resolver(() => Union)
export class UnionResolver {
  constructor(
    private readonly unions: UnionService,
    private readonly density: DensityService,
  ) {}

  @Can(Permission.WORKPLACE_READ)
  @Query(() => Union, { name: 'Union' })
  union(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Union> {
    return this.unions.get(id, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => [Union])
  allUnions(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: UnionFilter): Promise<Union[]> {
    return this.unions.list(args, filter, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => ListMetadata)
  async _allUnionsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: UnionFilter): Promise<ListMetadata> {
    return { count: await this.unions.count(filter, user) };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Union)
  createUnion(@Args('data') data: UnionCreateInput, @CurrentUser() user: AuthUser): Promise<Union> {
    return this.unions.create(data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Union)
  updateUnion(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: UnionUpdateInput, @CurrentUser() user: AuthUser): Promise<Union> {
    return this.unions.update(id, data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Union)
  deleteUnion(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Union> {
    return this.unions.remove(id, user);
  }

  @ResolveField(() => Int, { nullable: true, description: "Current members recorded by the caller's organisation, at the employers whose people the caller sees; null (withheld) for an aggregate-only caller" })
  memberCount(@Parent() union: Union, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return loaders.get<string, number | null>('union.members', (ids, user) => this.density.shownUnionMembers(ids, user)).load(union.id);
  }
}
