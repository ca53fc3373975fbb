import { Injectable } from '@nestjs/common';
import { ImportDryRunService } from './import-dry-run.service.js';
import { ImportRun, ImportRunStatus } from './import.types.js';
import { ImportsService, type RunRow } from './imports.service.js';

/** A run as GraphQL answers it: the stored row, with its first rows, its suggested mapping and its locations. */
@Injectable()
export class ImportViews {
  constructor(private readonly imports: ImportsService, private readonly mapping: ImportDryRunService) {}

  async view(run: RunRow, opts: { brief?: boolean } = {}): Promise<ImportRun> {
    const { cancelRequested: _c, organisationId: _o, ...rest } = run;
    const base = { ...rest, status: run.status as ImportRunStatus, defaults: JSON.stringify(run.defaults ?? {}) };
    if (opts.brief) return { ...base, sampleRows: [], suggestedMapping: [], locations: [] };
    const suggestedMapping = await this.mapping.suggested(run, run.organisationId);
    return {
      ...base,
      sampleRows: await this.imports.sample(run.id),
      suggestedMapping,
      locations: await this.mapping.locations(run, run.mapping ?? suggestedMapping),
    };
  }
}
