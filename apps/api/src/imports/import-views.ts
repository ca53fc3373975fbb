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
  /** A view's suggested mapping, asked once however many of its fields need it (the mapping and the locations, in one query). */
  private readonly suggestions = new WeakMap<ImportRunView, Promise<(string | null)[]>>();

  constructor(private readonly imports: ImportsService, private readonly mapping: ImportDryRunService) {}

  view(run: RunRow): ImportRunView {
    const { cancelRequested: _c, organisationId: _o, ...rest } = run;
    return { ...rest, status: run.status as ImportRunStatus, defaults: JSON.stringify(run.defaults ?? {}), run };
  }

  sampleRows(view: ImportRunView): Promise<string[][]> {
    return this.imports.sample(view.run.id);
  }

  suggestedMapping(view: ImportRunView): Promise<(string | null)[]> {
    let suggested = this.suggestions.get(view);
    if (!suggested) {
      suggested = this.mapping.suggested(view.run, view.run.organisationId);
      this.suggestions.set(view, suggested);
    }
    return suggested;
  }

  async locations(view: ImportRunView): Promise<ImportLocation[]> {
    return this.mapping.locations(view.run, view.run.mapping ?? (await this.suggestedMapping(view)));
  }
}
