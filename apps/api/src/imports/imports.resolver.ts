import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DEFAULT_PER_PAGE, ListMetadata } from '../common/list.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { ImportRun } from './import.types.js';
import { ImportViews } from './import-views.js';
import { ImportsService } from './imports.service.js';

/** The import wizard's GraphQL: runs, their mapping, dry run, rows, apply and cancel (the upload is POST /imports). */
@Resolver(() => ImportRun)
export class ImportsResolver {
  constructor(private readonly imports: ImportsService, private readonly views: ImportViews) {}

  @Can(Permission.PEOPLE_WRITE)
  @Query(() => ImportRun)
  async importRun(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ImportRun> {
    return this.views.view(await this.imports.get(id, user));
  }

  @Can(Permission.PEOPLE_WRITE)
  @Query(() => [ImportRun])
  async allImportRuns(
    @CurrentUser() user: AuthUser,
    @Args('page', { type: () => Int, defaultValue: 0 }) page: number,
    @Args('perPage', { type: () => Int, defaultValue: DEFAULT_PER_PAGE }) perPage: number,
  ): Promise<ImportRun[]> {
    const runs = await this.imports.list(user, Math.max(0, page), Math.min(Math.max(1, perPage), 100));
    return Promise.all(runs.map((r) => this.views.view(r, { brief: true })));
  }

  @Can(Permission.PEOPLE_WRITE)
  @Query(() => ListMetadata)
  async _allImportRunsMeta(@CurrentUser() user: AuthUser): Promise<ListMetadata> {
    return { count: await this.imports.count(user) };
  }

  @Can(Permission.PEOPLE_WRITE)
  @Mutation(() => ImportRun)
  async cancelImport(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ImportRun> {
    return this.views.view(await this.imports.cancel(id, user));
  }
}
