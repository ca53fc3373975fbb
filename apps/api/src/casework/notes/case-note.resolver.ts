import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../../access/permissions.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Loaders } from '../../auth/current-user.decorator.js';
import { ListArgs, ListMetadata, MetaArgs } from '../../common/list.js';
import type { RequestLoaders } from '../../common/loaders.js';
import { UuidPipe } from '../../common/uuid.pipe.js';
import { UserService } from '../../users/user.service.js';
import { CaseAudit } from '../case-audit.js';
import { caseLoader } from '../cases/case.resolver.js';
import { CaseService } from '../cases/case.service.js';
import { CaseNote } from './case-note.entity.js';
import { CaseNoteService } from './case-note.service.js';
import { CaseNoteCreateInput, CaseNoteFilter } from './dto/case-note.input.js';

/**
 * Notes on cases: every one handed out to a read is audited; their text is unsealed only through the
 * CaseDoor. Adding a note needs only CASES_READ: a case's rep adds notes too (the service checks the
 * team).
 */
@Resolver(() => CaseNote)
export class CaseNoteResolver {
  constructor(
    private readonly notes: CaseNoteService,
    private readonly cases: CaseService,
    private readonly users: UserService,
    private readonly audit: CaseAudit,
  ) {}

  @Can(Permission.CASES_READ)
  @Query(() => CaseNote, { name: 'CaseNote' })
  async note(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders): Promise<CaseNote> {
    return (await this.audited([await this.notes.get(id, user)], loaders))[0];
  }

  @Can(Permission.CASES_READ)
  @Query(() => [CaseNote], { description: "Notes of the cases you read, newest first; q searches their text (your own cases' notes only)" })
  async allCaseNotes(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Loaders() loaders: RequestLoaders,
    @Args('filter', { nullable: true }) filter?: CaseNoteFilter,
  ): Promise<CaseNote[]> {
    return this.audited(await this.notes.list({ sortOrder: 'DESC', ...args }, filter, user), loaders);
  }

  @Can(Permission.CASES_READ)
  @Query(() => ListMetadata)
  async _allCaseNotesMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: CaseNoteFilter): Promise<ListMetadata> {
    return { count: await this.notes.count(filter, user) };
  }

  @Can(Permission.CASES_READ)
  @Mutation(() => CaseNote, { description: "Adds a note to a case whose team you are on (or of your branch, as secretary or admin)" })
  createCaseNote(@Args('data') data: CaseNoteCreateInput, @CurrentUser() user: AuthUser): Promise<CaseNote> {
    return this.notes.create(data, user);
  }

  @ResolveField(() => String, { nullable: true, description: 'Encrypted at rest (null where the CaseDoor hides the note)' })
  async body(@Parent() n: CaseNote, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    const own = await loaders.get<string, CaseNote | null>('caseNote.byId', (ids, user) => this.notes.byIds(ids, user)).load(n.id);
    return own ? this.notes.bodyOf(own) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Who wrote it' })
  authorName(@Parent() n: CaseNote, @Loaders() loaders: RequestLoaders): Promise<string | null> {
    return loaders.get<string, string | null>('user.name', (ids, user) => this.users.displayNames(ids, user)).load(n.authorId);
  }

  private async audited(rows: CaseNote[], loaders: RequestLoaders): Promise<CaseNote[]> {
    await this.audit.readAll(loaders, 'CaseNote', rows, ['note'], (id) => caseLoader(loaders, this.cases).load(id));
    return rows;
  }
}
