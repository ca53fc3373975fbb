import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { Branch } from '../branches/branch.entity.js';
import { BranchService } from '../branches/branch.service.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { UserCreateInput, UserFilter, UserUpdateInput } from './dto/user.input.js';
import { UserBranchRole } from './user-branch-role.entity.js';
import { User } from './user.entity.js';
import { UserService } from './user.service.js';

/** Accounts, roles and patches: for admins, within the branches they administer. */
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly users: UserService) {}

  @Can(Permission.USERS_MANAGE)
  @Query(() => User, { name: 'User' })
  user(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() admin: AuthUser): Promise<User> {
    return this.users.get(id, admin);
  }

  @Can(Permission.USERS_MANAGE)
  @Query(() => [User])
  allUsers(@Args() args: ListArgs, @CurrentUser() admin: AuthUser, @Args('filter', { nullable: true }) filter?: UserFilter): Promise<User[]> {
    return this.users.list(args, filter, admin);
  }

  @Can(Permission.USERS_MANAGE)
  @Query(() => ListMetadata)
  async _allUsersMeta(@Args() _page: MetaArgs, @CurrentUser() admin: AuthUser, @Args('filter', { nullable: true }) filter?: UserFilter): Promise<ListMetadata> {
    return { count: await this.users.count(filter, admin) };
  }

  @Can(Permission.USERS_MANAGE)
  @Mutation(() => User, { description: 'A new account with roles in branches you administer' })
  createUser(@Args('data') data: UserCreateInput, @CurrentUser() admin: AuthUser): Promise<User> {
    return this.users.create(data, admin);
  }

  @Can(Permission.USERS_MANAGE)
  @Mutation(() => User, { description: "Changes an account's name, roles, patch or password, or deactivates it (ending its sessions)" })
  updateUser(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: UserUpdateInput,
    @CurrentUser() admin: AuthUser,
  ): Promise<User> {
    return this.users.update(id, data, admin);
  }

  @ResolveField(() => [UserBranchRole], { description: 'Roles per branch' })
  roles(@Parent() u: User, @Loaders() loaders: RequestLoaders): Promise<UserBranchRole[]> {
    return loaders.reference<string, UserBranchRole[]>('user.roles', (ids) => this.users.rolesOf(ids)).load(u.id);
  }

  @ResolveField(() => [ID], { description: "Sites of a rep's patch" })
  patchSiteIds(@Parent() u: User, @Loaders() loaders: RequestLoaders): Promise<string[]> {
    return loaders.reference<string, string[]>('user.patch', (ids) => this.users.patchOf(ids)).load(u.id);
  }

  @ResolveField(() => [Permission], { description: "What the logged-in user may do (empty for anyone else's account)" })
  permissions(@Parent() u: User, @CurrentUser() me: AuthUser): Permission[] {
    return u.id === me.id ? (Object.keys(me.scopes) as Permission[]).sort() : [];
  }

  @ResolveField(() => Organisation)
  organisation(@Parent() u: User, @Loaders() loaders: RequestLoaders): Promise<Organisation> {
    // Never null: the foreign key guarantees a user's organisation.
    return loaders.reference<string, Organisation | null>('organisation.byId', (ids) => this.users.organisations(ids)).load(u.organisationId) as Promise<Organisation>;
  }
}

@Resolver(() => UserBranchRole)
export class UserBranchRoleResolver {
  constructor(private readonly branches: BranchService) {}

  @ResolveField(() => Branch, { nullable: true })
  async branch(@Parent() r: UserBranchRole, @Loaders() loaders: RequestLoaders): Promise<Branch | null> {
    return loaders.get<string, Branch | null>('branch.byId', (ids, user) => this.branches.byIds(ids, user)).load(r.branchId);
  }
}
