import { Injectable } from '@nestjs/common';
import { ImportRun, ImportRunStatus } from './import.types.js';
import { ImportsService, type RunRow } from './imports.service.js';

/** A run as GraphQL answers it: the stored row, with its first rows (and later its suggested mapping and locations). */
@Injectable()
export class ImportViews {
  constructor(private readonly imports: ImportsService) {}

  async view(run: RunRow, opts: { brief?: boolean } = {}): Promise<ImportRun> {
    const { cancelRequested: _c, ...rest } = run;
    return {
      ...rest,
      status: run.status as ImportRunStatus,
      defaults: JSON.stringify(run.defaults ?? {}),
      sampleRows: opts.brief ? [] : await this.imports.sample(run.id),
      suggestedMapping: [],
      locations: [],
    };
  }
}
