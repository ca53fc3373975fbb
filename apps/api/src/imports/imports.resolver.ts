import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DEFAULT_PER_PAGE, ListArgs, ListMetadata, MetaArgs } from '../common/list.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { ImportApplyService } from '../access/import-apply.service.js';
import { ImportDryRunService } from './import-dry-run.service.js';
import { ImportLocation, ImportMappingInput, ImportRowsArgs, ImportRowView, ImportRun, ImportRunFilter, ResolveImportRowInput } from './import.types.js';
import { ImportViews, type ImportRunView } from './import-views.js';
import { ImportsService, type RunRow } from './imports.service.js';

/** What the audit log keeps of a run: its state, mapping and counts (never a row of the file). */
const snapshot = (r: RunRow) => ({
  id: r.id, kind: r.kind, fileName: r.fileName, status: r.status, mapping: r.mapping, defaults: r.defaults, markLeavers: r.markLeavers,
  created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused, review: r.review, cancelRequested: r.cancelRequested,
});

/**
 * The import wizard's GraphQL: runs, their mapping, the dry run and its rows, review, apply and
 * cancel (the upload is POST /imports). Only a branch secretary or admin (ImportsService.get).
 */
@Resolver(() => ImportRun)
export class ImportsResolver {
  constructor(
    private readonly imports: ImportsService, private readonly views: ImportViews, private readonly dryRuns: ImportDryRunService,
    private readonly applies: ImportApplyService, private readonly audit: AuditService,
  ) {}

  /** A change to a run, audit-logged in the request's transaction (before and after). */
  private async changed(id: string, user: AuthUser, change: () => Promise<RunRow>): Promise<RunRow> {
    const before = await this.imports.get(id, user);
    const after = await change();
    await this.audit.record({
      action: AuditAction.UPDATE, user, entityType: 'ImportRun', entityId: id, employerId: after.employerId, before: snapshot(before), after: snapshot(after),
    });
    return after;
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Query(() => ImportRun)
  async importRun(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ImportRunView> {
    return this.views.view(await this.imports.get(id, user));
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Query(() => [ImportRun])
  async allImportRuns(
    @Args() args: ListArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ImportRunFilter,
  ): Promise<ImportRunView[]> {
    // newest first, whatever the sort asked (the provider sends one)
    const runs = await this.imports.list(user, args.page ?? 0, Math.min(args.perPage ?? DEFAULT_PER_PAGE, 100), filter);
    return runs.map((r) => this.views.view(r));
  }

  // The run's parts read from its rows, only when asked: the parent is a run the caller was allowed to read (above).
  @ResolveField(() => [[String]], { description: 'The first 10 rows, as uploaded' })
  sampleRows(@Parent() view: ImportRunView): Promise<string[][]> {
    return this.views.sampleRows(view);
  }

  @ResolveField(() => [String], { nullable: 'items', description: 'A field key per column (null: ignored), remembered for these headers first' })
  suggestedMapping(@Parent() view: ImportRunView): Promise<(string | null)[]> {
    return this.views.suggestedMapping(view);
  }

  @ResolveField(() => [ImportLocation])
  locations(@Parent() view: ImportRunView): Promise<ImportLocation[]> {
    return this.views.locations(view);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Query(() => ListMetadata)
  async _allImportRunsMeta(@Args() _page: MetaArgs, @CurrentUser() user: AuthUser, @Args('filter', { nullable: true }) filter?: ImportRunFilter): Promise<ListMetadata> {
    return { count: await this.imports.count(user, filter) };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Query(() => [ImportRowView])
  async importRows(@Args() args: ImportRowsArgs, @CurrentUser() user: AuthUser): Promise<ImportRowView[]> {
    await this.imports.get(args.importId, user);
    return this.imports.rows(args.importId, args.outcome, args.page, args.perPage);
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => ImportRun)
  async setImportMapping(@Args('input') input: ImportMappingInput, @CurrentUser() user: AuthUser): Promise<ImportRunView> {
    return this.views.view(await this.changed(input.id, user, () => this.dryRuns.setMapping(input, user)));
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => ImportRun)
  async dryRunImport(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ImportRunView> {
    return this.views.view(await this.changed(id, user, () => this.dryRuns.dryRun(id, user)));
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => ImportRun)
  async resolveImportRow(@Args('input') input: ResolveImportRowInput, @CurrentUser() user: AuthUser): Promise<ImportRunView> {
    return this.views.view(await this.changed(input.importId, user, () => this.dryRuns.resolveRow(input, user)));
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => ImportRun, { description: 'Starts applying a dry-run import in the background; poll importRun for progress' })
  async applyImport(
    @Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser,
    @Args('markLeavers', { defaultValue: false }) markLeavers: boolean,
  ): Promise<ImportRunView> {
    return this.views.view(await this.changed(id, user, () => this.applies.request(id, markLeavers, user)));
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Mutation(() => ImportRun)
  async cancelImport(@Args('id', { type: () => ID }, UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<ImportRunView> {
    return this.views.view(await this.changed(id, user, () => this.imports.cancel(id, user)));
  }
}
