import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../../common/list.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { CaseAudit } from '../case-audit.js';
import { CaseFile } from '../cases/case-file.entity.js';
import { caseLoader } from '../cases/case.resolver.js';
import { CaseService } from '../cases/case.service.js';
import { CaseMeeting } from './case-meeting.entity.js';
import { CaseMeetingService } from './case-meeting.service.js';
import { CaseMeetingCreateInput, CaseMeetingFilter, CaseMeetingUpdateInput } from './dto/case-meeting.input.js';

/** Meetings of cases: every one handed out to a read is audited; their notes are unsealed only through the CaseDoor. */
@Resolver(() => CaseMeeting)
export class CaseMeetingResolver {
  constructor(private readonly meetings: CaseMeetingService, private readonly cases: CaseService, private readonly audit: CaseAudit) {}

  @Can(Permission.CASES_READ)
  @Query(() => CaseMeeting, { name: 'CaseMeeting' })
  async meeting(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<CaseMeeting> {
    return (await this.audited([await this.meetings.get(id, user)], loaders))[0];
  }

  @Can(Permission.CASES_READ)
  @Query(() => [CaseMeeting], { description: 'Meetings of the cases you read (mine: of your own cases), by date' })
  async allCaseMeetings(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders,
    @Args('filter', { nullable: true }) filter?: CaseMeetingFilter,
  ): Promise<CaseMeeting[]> {
    return this.audited(await this.meetings.list(args, filter, user), loaders);
  }

  @Can(Permission.CASES_READ)
  @Query(() => ListMetadata)
  async _allCaseMeetingsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CaseMeetingFilter): Promise<ListMetadata> {
    return { count: await this.meetings.count(filter, user) };
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseMeeting)
  createCaseMeeting(@Args('data') data: CaseMeetingCreateInput, @CurrentUser() user: AuthUser): Promise<CaseMeeting> {
    return this.meetings.create(data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseMeeting)
  updateCaseMeeting(
    @Args('id', { type: () => ID }, UuidPipe) id: string, @Args('data') data: CaseMeetingUpdateInput, @CurrentUser() user: AuthUser,
  ): Promise<CaseMeeting> {
    return this.meetings.update(id, data, user);
  }

  @Can(Permission.CASES_WRITE)
  @Mutation(() => CaseMeeting)
  deleteCaseMeeting(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<CaseMeeting> {
    return this.meetings.remove(id, user);
  }

  @ResolveField(() => String, { nullable: true, description: 'Encrypted at rest' })
  async notes(@Parent() m: CaseMeeting, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    const own = await loaders.get<string, CaseMeeting | null>('caseMeeting.byId', (ids, user) => this.meetings.byIds(ids, user)).load(m.id);
    return own ? this.meetings.notesOf(own) : null;
  }

  @ResolveField(() => CaseFile, { nullable: true, description: 'Its case (null where the CaseDoor hides it)' })
  case(@Parent() m: CaseMeeting, @Loaders() loaders: RequestLoaders): Promise<CaseFile | null> {
    return caseLoader(loaders, this.cases).load(m.caseId);
  }

  private async audited(rows: CaseMeeting[], loaders: RequestLoaders): Promise<CaseMeeting[]> {
    await this.audit.readAll(loaders, 'CaseMeeting', rows, ['meeting'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }
}
