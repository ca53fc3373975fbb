import { Injectable } from '@nestjs/common';
import { ImportDryRunService } from './import-dry-run.service.js';
import { type ImportLocation, ImportRun, ImportRunStatus } from './import.types.js';
import { ImportsService, type RunRow } from './imports.service.js';

/** A run as GraphQL answers it: its stored row (the parent of the fields resolved on demand). */
export type ImportRunView = ImportRun & { run: RunRow };

/**
 * A run as GraphQL answers it: the stored row; its first rows, suggested mapping and locations are
 * read only when a query asks for them (a progress poll, or the list of runs, does not).
 */
@Injectable()
export class ImportViews {
  constructor(private readonly imports: ImportsService, private readonly mapping: ImportDryRunService) {}

  view(run: RunRow): ImportRunView {
    const { cancelRequested: _c, organisationId: _o, ...rest } = run;
    return { ...rest, status: run.status as ImportRunStatus, defaults: JSON.stringify(run.defaults ?? {}), run };
  }

  sampleRows(view: ImportRunView): Promise<string[][]> {
    return this.imports.sample(view.run.id);
  }

  suggestedMapping(view: ImportRunView): Promise<(string | null)[]> {
    return this.mapping.suggested(view.run, view.run.organisationId);
  }

  async locations(view: ImportRunView): Promise<ImportLocation[]> {
    return this.mapping.locations(view.run, view.run.mapping ?? (await this.suggestedMapping(view)));
  }
}
