import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import type { RequestLoaders } from '../common/loaders.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { Contact } from '../contacts/contact.entity.js';
import { ContactService } from '../contacts/contact.service.js';
import { Ward } from '../wards/ward.entity.js';
import { WardService } from '../wards/ward.service.js';
import { wardById } from '../wards/workplace-loaders.js';
import { RepRoleCreateInput, RepRoleFilter, RepRoleUpdateInput } from './dto/rep-role.input.js';
import { RepRole } from './rep-role.entity.js';
import { RepRoleService } from './rep-role.service.js';

@Resolver(() => RepRole)
export class RepRoleResolver {
  constructor(
    private readonly repRoles: RepRoleService,
    private readonly contacts: ContactService,
    private readonly wardService: WardService,
  ) {}

  @Can(Permission.PEOPLE_READ)
  @Query(() => RepRole, { name: 'RepRole' })
  repRole(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<RepRole> {
    return this.repRoles.get(id, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => [RepRole])
  allRepRoles(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: RepRoleFilter): Promise<RepRole[]> {
    return this.repRoles.list(args, filter, user);
  }

  @Can(Permission.PEOPLE_READ)
  @Query(() => ListMetadata)
  async _allRepRolesMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: RepRoleFilter): Promise<ListMetadata> {
    return { count: await this.repRoles.count(filter, user) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => RepRole)
  createRepRole(@Args('data') data: RepRoleCreateInput, @CurrentUser() user: AuthUser): Promise<RepRole> {
    return this.repRoles.create(data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => RepRole)
  updateRepRole(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: RepRoleUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<RepRole> {
    return this.repRoles.update(id, data, user);
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => RepRole)
  deleteRepRole(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<RepRole> {
    return this.repRoles.remove(id, user);
  }

  @ResolveField(() => Contact, { nullable: true })
  contact(@Parent() r: RepRole, @Loaders() loaders: RequestLoaders): Promise<Contact | null> {
    return loaders.get<string, Contact | null>('contact.byId', (ids, user) => this.contacts.byIds(ids, user)).load(r.contactId);
  }

  @ResolveField(() => [ID])
  wardIds(@Parent() r: RepRole, @Loaders() loaders: RequestLoaders): Promise<string[]> {
    return loaders.get<string, string[]>('repRole.wardIds', (ids, user) => this.repRoles.wardIdsByRole(ids, user)).load(r.id);
  }

  @ResolveField(() => [Ward])
  async wards(@Parent() r: RepRole, @Loaders() loaders: RequestLoaders): Promise<Ward[]> {
    const ids = await this.wardIds(r, loaders);
    const wards = await wardById(loaders, this.wardService).loadMany(ids);
    return wards.filter((w): w is Ward => w instanceof Ward);
  }
}

@Resolver(() => Contact)
export class ContactRepRolesResolver {
  constructor(private readonly service: RepRoleService) {}

  @ResolveField(() => [RepRole])
  repRoles(@Parent() c: Contact, @Loaders() loaders: RequestLoaders): Promise<RepRole[]> {
    return loaders.get<string, RepRole[]>('repRole.byContact', (ids, user) => this.service.byContacts(ids, user)).load(c.id);
  }
}
