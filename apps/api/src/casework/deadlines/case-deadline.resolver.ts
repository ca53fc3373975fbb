import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import { UserInputError } from '../../common/errors.js';
import { DEFAULT_PER_PAGE, ListArgs, ListMetadata, MetaArgs } from '../../common/list.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { CaseAudit } from '../case-audit.js';
import { CaseFile } from '../cases/case-file.entity.js';
import { caseLoader } from '../cases/case.resolver.js';
import { CaseService } from '../cases/case.service.js';
import { CaseDeadlineView } from './case-deadline.type.js';
import { CaseDeadlinesService } from './case-deadlines.service.js';
import { CaseDeadlineFilter } from './dto/case-deadline.filter.js';

/**
 * Deadlines across the caller's open cases: the caseworker's dashboard and the menu's count. Each
 * deadline handed out is a read of its case's deadlines (audited, once per case and request); the
 * count names no case and is not.
 */
@Resolver(() => CaseDeadlineView)
export class CaseDeadlineResolver {
  constructor(private readonly rules: CaseDeadlinesService, private readonly cases: CaseService, private readonly audit: CaseAudit) {}

  @Can(Permission.CASES_READ)
  @Query(() => [CaseDeadlineView], {
    description: 'Deadlines of the open cases you read (mine: your team\'s), most overdue first then soonest; sortField: due',
  })
  async allCaseDeadlines(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders,
    @Args('filter', { nullable: true }) filter?: CaseDeadlineFilter,
  ): Promise<CaseDeadlineView[]> {
    if (args.sortField && args.sortField !== 'due') throw new UserInputError({ sortField: `cannot sort by "${args.sortField}"; use due` });
    const agenda = await this.agenda(filter, loaders);
    const deadlines = args.sortOrder?.toUpperCase() === 'DESC' ? [...agenda.deadlines].reverse() : agenda.deadlines;
    const { cases } = agenda;
    const perPage = args.perPage ?? DEFAULT_PER_PAGE;
    const page = deadlines.slice((args.page ?? 0) * perPage, ((args.page ?? 0) + 1) * perPage);
    await Promise.all([...new Set(page.map((d) => d.caseId))].map((id) => this.audit.read(loaders, cases.get(id)!, 'Case', id, ['deadlines'])));
    return page;
  }

  @Can(Permission.CASES_READ)
  @Query(() => ListMetadata)
  async _allCaseDeadlinesMeta(
    @Args() _page: MetaArgs, @Loaders() loaders: RequestLoaders, @Args('filter', { nullable: true }) filter?: CaseDeadlineFilter,
  ): Promise<ListMetadata> {
    return { count: (await this.agenda(filter, loaders)).deadlines.length };
  }

  /** The agenda for this filter, worked out once per request (a page and its count are usually asked together). */
  private agenda(filter: CaseDeadlineFilter | undefined, loaders: RequestLoaders) {
    return loaders.get<string, Awaited<ReturnType<CaseDeadlinesService['agenda']>>>('case.agenda',
      (keys, user) => Promise.all(keys.map((key) => this.rules.agenda(JSON.parse(key) as CaseDeadlineFilter, user))))
      .load(JSON.stringify(filter ?? {}));
  }

  @ResolveField(() => CaseFile, { nullable: true, description: 'The case it belongs to' })
  case(@Parent() d: CaseDeadlineView, @Loaders() loaders: RequestLoaders): Promise<CaseFile | null> {
    return caseLoader(loaders, this.cases).load(d.caseId);
  }
}
