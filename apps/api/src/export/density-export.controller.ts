import { Body, Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ukToday } from '@rollcall/domain';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Can, Permission } from '../access/permissions.js';
import { SliceResolver } from '../analytics/slice.resolver.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RateLimited } from '../common/rate-limit.js';
import type { RequestWithTransaction } from '../database/request-transaction.js';
import { ExportErrorFilter } from './export-error.filter.js';
import { readSliceExportRequest, sliceRecords } from './slice-csv.js';

/**
 * The slice explorer's "Export CSV": `POST /export/density-slice.csv` with the bearer token and a
 * JSON body `{ by, filter }` (densitySlice's arguments). The file is densitySlice's answer for the
 * caller, counted by the same resolver (same scope, same coalition suppression: a withheld cell is
 * empty with the reason beside it), in words. Every export is audited (who, by, filter, rows);
 * refusals are the guard's (anonymous: nothing written; without AGGREGATES_READ: a REFUSED entry).
 */
@Controller('export')
@UseFilters(ExportErrorFilter)
@RateLimited()
export class DensityExportController {
  constructor(private readonly slices: SliceResolver, private readonly audit: AuditService) {}

  @Can(Permission.AGGREGATES_READ)
  @Post('density-slice.csv')
  @HttpCode(200)
  async densitySlice(@Body() body: unknown, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    const user = req.user as AuthUser;
    const tx = req.transaction;
    if (!tx) throw new Error('exports run inside the request transaction');
    const { by, filter } = await readSliceExportRequest(body);
    const slice = await this.slices.densitySlice(user, by, filter);
    const { header, records } = sliceRecords(slice);
    // A byte-order mark, so spreadsheet programs read the UTF-8 as such (as the list exports).
    const text = stringify([header, ...records], { bom: true, record_delimiter: 'windows' });
    await this.audit.record({
      action: AuditAction.EXPORT, user, ip: req.ip ?? null, entityType: 'DensitySlice',
      employerId: user.employerIds.length === 1 ? user.employerIds[0] : null,
      after: { list: 'density-slice', by, filter: { ...filter }, aggregateOnly: slice.aggregateOnly, columns: header, rows: records.length, complete: true },
    });
    await tx.finish(false);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="density-${by.join('-').toLowerCase().replace(/_/g, '-')}-${ukToday()}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(text);
  }
}
