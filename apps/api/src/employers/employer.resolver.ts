import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import { ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { EmployerCreateInput, EmployerFilter, EmployerUpdateInput } from './dto/employer.input.js';
import { Employer } from './employer.entity.js';
import { EmployerService } from './employer.service.js';

@Resolver(() => Employer)
export class EmployerResolver {
  constructor(private readonly employers: EmployerService) {}

  @Can(Permission.WORKPLACE_READ)
  @Query(() => Employer, { name: 'Employer' })
  employer(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Employer> {
    return this.employers.get(id, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => [Employer])
  allEmployers(@Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: EmployerFilter): Promise<Employer[]> {
    return this.employers.list(args, filter, user);
  }

  @Can(Permission.WORKPLACE_READ)
  @Query(() => ListMetadata)
  async _allEmployersMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: EmployerFilter): Promise<ListMetadata> {
    return { count: await this.employers.count(filter, user) };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Employer)
  createEmployer(@Args('data') data: EmployerCreateInput, @CurrentUser() user: AuthUser): Promise<Employer> {
    return this.employers.create(data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Employer)
  async updateEmployer(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('data') data: EmployerUpdateInput,
    @CurrentUser() user: AuthUser,
  ): Promise<Employer> {
    return this.employers.update(id, data, user);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => Employer)
  async deleteEmployer(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<Employer> {
    return this.employers.remove(id, user);
  }
}
