import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { Can, Permission } from '../access/permissions.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { RateLimited } from '../common/rate-limit.js';
import { UuidPipe } from '../common/uuid.pipe.js';
import { continueAs, type RequestWithTransaction } from '../database/request-transaction.js';
import { plainText } from '../export/csv-format.js';
import { ImportErrorFilter } from './import-error.filter.js';
import { ImportUploadService } from './import-upload.service.js';
import { ImportsService } from './imports.service.js';

/**
 * Imports over plain HTTP, with the bearer token: `POST /imports` (multipart/form-data: the fields
 * `kind` (STAFF, MEMBERSHIP or PARTICIPATION) and `employerId` (staff), `unionId` (memberships) or
 * `actionId` (a campaign action's participation: a petition's sign-ups, a meeting's attendance) first, then the
 * file in `file`, at most 50 MB; answers `{ id }`, or 400/413 `{ message }`), and
 * `GET /imports/:id/problems.csv` (the error report: row, field, reason). The rest is GraphQL's.
 */
@Controller('imports')
@RateLimited()
@UseFilters(ImportErrorFilter)
export class ImportsController {
  constructor(private readonly uploads: ImportUploadService, private readonly imports: ImportsService, private readonly audit: AuditService) {}

  @Can(Permission.WORKPLACE_WRITE)
  @Post()
  @HttpCode(201)
  async upload(@Req() req: RequestWithTransaction): Promise<{ id: string; rows: number }> {
    const user = req.user as AuthUser;
    const run = await this.uploads.upload(req, user);
    // the body is in (and the run committed): the request's transaction begins now, as the caller, for the audit entry
    await continueAs(user);
    await this.audit.record({
      action: AuditAction.CREATE, user, ip: req.ip ?? null, entityType: 'ImportRun', entityId: run.id, employerId: run.target.employerId,
      after: { id: run.id, kind: run.target.kind, fileName: run.fileName, rows: run.rows, employerId: run.target.employerId, unionId: run.target.unionId,
        ...(run.target.actionId ? { actionId: run.target.actionId } : {}) },
    });
    return { id: run.id, rows: run.rows };
  }

  @Can(Permission.WORKPLACE_WRITE)
  @Get(':id/problems.csv')
  async problems(@Param('id', UuidPipe) id: string, @Req() req: RequestWithTransaction, @Res() res: Response): Promise<void> {
    const user = req.user as AuthUser;
    const run = await this.imports.get(id, user);
    const rows = await this.imports.problems(id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.attachment(`${run.fileName.replace(/\.[^.]*$/, '')}-problems.csv`);
    res.setHeader('Cache-Control', 'no-store');
    const csv = stringify({ header: true, columns: ['Row', 'Field', 'Reason'], bom: true });
    csv.pipe(res);
    for (const r of rows) csv.write([String(r.rowNo), plainText(r.field), plainText(r.reason)]);
    csv.end();
  }
}
