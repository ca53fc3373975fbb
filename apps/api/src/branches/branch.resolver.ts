import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Employer } from '../employers/employer.entity.js';
import { EmployerService } from '../employers/employer.service.js';
import { Branch } from './branch.entity.js';
import { BranchService } from './branch.service.js';
import { BranchCreateInput, BranchFilter, BranchUpdateInput } from './dto/branch.input.js';

@Resolver(() => Branch)
export class BranchResolver {
  constructor(private readonly branches: BranchService, private readonly employerService: EmployerService) {}

  @Can(Permission.SELF)
  @Query(() => Branch, { name: 'Branch' })
  branch(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Branch> {
    return this.branches.get(id, user);
  }

  @Can(Permission.SELF)
  @Query(() => [Branch], { description: "Branches of the caller's organisation" })
  allBranches(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: BranchFilter): Promise<Branch[]> {
    return this.branches.list(args, filter, user);
  }

  @Can(Permission.SELF)
  @Query(() => ListMetadata)
  async _allBranchesMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: BranchFilter): Promise<ListMetadata> {
    return { count: await this.branches.count(filter, user) };
  }

  @Can(Permission.USERS_MANAGE)
  @Mutation(() => Branch, { description: 'A new branch of your organisation; you become its admin' })
  createBranch(@Args('data') data: BranchCreateInput, @CurrentUser() user: AuthUser): Promise<Branch> {
    return this.branches.create(data, user);
  }

  @Can(Permission.USERS_MANAGE)
  @Mutation(() => Branch, { description: 'Renames a branch you administer or changes the employers it organises' })
  updateBranch(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: BranchUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Branch> {
    return this.branches.update(id, data, user);
  }

  @Can(Permission.USERS_MANAGE)
  @Mutation(() => Branch, { description: 'Deletes a branch you administer in which nobody else holds a role' })
  deleteBranch(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Branch> {
    return this.branches.remove(id, user);
  }

  @ResolveField(() => [ID])
  employerIds(@Parent() b: Branch, @Loaders() loaders: RequestLoaders): Promise<string[]> {
    return loaders.reference<string, string[]>('branch.employerIds', (ids) => this.branches.employerIds(ids)).load(b.id);
  }

  @ResolveField(() => [Employer])
  async employers(@Parent() b: Branch, @Loaders() loaders: RequestLoaders): Promise<Employer[]> {
    const ids = await this.employerIds(b, loaders);
    const rows = await loaders.get<string, Employer | null>('employer.byId', (keys, user) => this.employerService.byIds(keys, user)).loadMany(ids);
    return rows.filter((e): e is Employer => !!e && !(e instanceof Error));
  }
}
