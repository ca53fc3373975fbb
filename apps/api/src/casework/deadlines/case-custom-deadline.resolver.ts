import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../../common/list.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { CaseAudit } from '../case-audit.js';
import { caseLoader } from '../cases/case.resolver.js';
import { CaseService } from '../cases/case.service.js';
import { CaseCustomDeadline } from './case-custom-deadline.entity.js';
import { CaseCustomDeadlineService } from './case-custom-deadline.service.js';
import { CaseCustomDeadlineCreateInput, CaseCustomDeadlineFilter, CaseCustomDeadlineUpdateInput } from './dto/case-custom-deadline.input.js';

/** Custom deadlines of cases (every other deadline is computed: Case.deadlines); every one handed out to a read is audited. */
@Resolver(() => CaseCustomDeadline)
export class CaseCustomDeadlineResolver {
  constructor(private readonly custom: CaseCustomDeadlineService, private readonly cases: CaseService, private readonly audit: CaseAudit) {}

  @Can(Permission.CASES_READ)
  @Query(() => CaseCustomDeadline, { name: 'CaseCustomDeadline' })
  async customDeadline(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<CaseCustomDeadline> {
    return (await this.audited([await this.custom.get(id, user)], loaders))[0];
  }

  @Can(Permission.CASES_READ)
  @Query(() => [CaseCustomDeadline])
  async allCaseCustomDeadlines(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders,
    @Args('filter', { nullable: true }) filter?: CaseCustomDeadlineFilter,
  ): Promise<CaseCustomDeadline[]> {
    return this.audited(await this.custom.list(args, filter, user), loaders);
  }

  @Can(Permission.CASES_READ)
  @Query(() => ListMetadata)
  async _allCaseCustomDeadlinesMeta(
    @Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CaseCustomDeadlineFilter,
  ): Promise<ListMetadata> {
    return { count: await this.custom.count(filter, user) };
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseCustomDeadline)
  createCaseCustomDeadline(@Args('data') data: CaseCustomDeadlineCreateInput, @CurrentUser() user: AuthUser): Promise<CaseCustomDeadline> {
    return this.custom.create(data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseCustomDeadline)
  updateCaseCustomDeadline(
    @Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: CaseCustomDeadlineUpdateInput, @CurrentUser() user: AuthUser,
  ): Promise<CaseCustomDeadline> {
    return this.custom.update(id, data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseCustomDeadline)
  deleteCaseCustomDeadline(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseCustomDeadline> {
    return this.custom.remove(id, user);
  }

  private async audited(rows: CaseCustomDeadline[], loaders: RequestLoaders): Promise<CaseCustomDeadline[]> {
    await this.audit.readAll(loaders, 'CaseCustomDeadline', rows, ['deadline'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }
}
