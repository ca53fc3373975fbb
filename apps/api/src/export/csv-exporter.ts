import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { ukToday } from '@rollcall/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError, validationFields } from '../common/errors.js';
import { type BaseFilter, ListArgs, type SortArgs } from '../common/list.js';
import type { RequestWithTransaction } from '../database/request-transaction.js';
import type { ExportColumn, ExportList } from './export-lists.js';

/** Rows read per FETCH from the list's cursor (and loaded, enriched and written per batch). */
export const EXPORT_BATCH = 1000;
const CURSOR = 'rollcall_export';

/** What the web app sends: the list's current filter and sort (the `allX` arguments without a page). */
export interface ExportRequest<F> {
  filter?: F;
  sort: SortArgs;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The request body, validated as the GraphQL list validates its arguments: unknown filter fields are refused. */
export async function readExportRequest<F extends BaseFilter>(filterType: new () => F, body: unknown): Promise<ExportRequest<F>> {
  const raw = body === undefined || body === null || (isPlainObject(body) && !Object.keys(body).length) ? {} : body;
  if (!isPlainObject(raw)) throw new UserInputError({ body: 'must be a JSON object with filter, sortField and sortOrder' });
  const { filter, sortField, sortOrder, ...rest } = raw;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new UserInputError(Object.fromEntries(unknown.map((k) => [k, 'is not an export option (use filter, sortField, sortOrder)'])));
  if (filter !== undefined && filter !== null && !isPlainObject(filter)) throw new UserInputError({ filter: 'must be an object' });
  const sort = plainToInstance(ListArgs, { sortField, sortOrder });
  const fields = validationFields(await validate(sort, { forbidUnknownValues: false }));
  let parsed: F | undefined;
  if (isPlainObject(filter)) {
    parsed = plainToInstance(filterType, filter);
    Object.assign(fields, validationFields(await validate(parsed, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false })));
  }
  if (Object.keys(fields).length) throw new UserInputError(fields);
  return { filter: parsed, sort: { sortField: sort.sortField, sortOrder: sort.sortOrder } };
}

function cell<R>(column: ExportColumn<R>, row: R): string | number {
  const v = column.value(row);
  return v === null || v === undefined ? '' : v;
}

/** Resolves when the CSV stream can take more, or when the client has gone. */
function drained(csv: NodeJS.EventEmitter, res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      csv.off('drain', done);
      res.off('close', done);
      resolve();
    };
    csv.once('drain', done);
    res.once('close', done);
  });
}

/**
 * Streams a list as CSV: the list's own scoped query (as GraphQL's `allX` runs it, in the request's
 * transaction, so row-level security sees the same caller) is read through a server-side cursor,
 * EXPORT_BATCH rows at a time; each batch is loaded through the service's scoped `byIds`, put in
 * words and written with csv-stringify as the client takes it. Memory stays flat whatever the size.
 * An export of people writes one audit entry (who, which list, filter, sort, columns, rows) in the
 * same transaction, committed before the download completes; if the download is cut short, an entry
 * saying so (with the rows sent) is written on its own.
 */
@Injectable()
export class CsvExporter {
  private readonly logger = new Logger('CsvExporter');

  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly audit: AuditService) {}

  async send<T extends { id: string }, F extends BaseFilter, R>(list: ExportList<T, F, R>, body: unknown, req: RequestWithTransaction, res: Response): Promise<void> {
    const user = req.user as AuthUser;
    const tx = req.transaction;
    if (!tx) throw new Error('exports run inside the request transaction');
    const request = await readExportRequest(list.filterType, body);
    // Bad sort fields are refused here, before anything is sent.
    const qb = list.query(request.sort, request.filter, user);
    const idKey = `${qb.alias}_id`;
    const [sql, params] = qb.getQueryAndParameters();
    await this.db.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, params);

    const columns = list.columns(user);
    const fileName = `${list.name}-${ukToday()}.csv`;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    // A byte-order mark, so spreadsheet programs read the UTF-8 (names with accents) as such.
    const csv = stringify({ bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' });
    csv.pipe(res);
    let gone = false;
    res.once('close', () => { gone = true; });

    let rows = 0;
    const entry = (complete: boolean) => ({
      action: AuditAction.EXPORT, user, ip: req.ip ?? null, entityType: list.entityType,
      // Entries about people are read by the admins of their branch: here, the caller's branch when it is one.
      employerId: user.employerIds.length === 1 ? user.employerIds[0] : null,
      after: {
        list: list.name, filter: request.filter ?? {}, sortField: request.sort.sortField ?? null, sortOrder: request.sort.sortOrder ?? null,
        columns: columns.map((c) => c.header), rows, complete,
      },
    });
    try {
      for (;;) {
        const raw: Record<string, unknown>[] = await this.db.query(`FETCH ${EXPORT_BATCH} FROM ${CURSOR}`);
        if (!raw.length || gone) break;
        const ids = raw.map((r) => r[idKey] as string);
        if (ids.some((id) => typeof id !== 'string')) throw new Error(`export of ${list.name}: no ${idKey} in the cursor's rows`);
        const loaded = (await list.load(ids, user)).filter((r): r is T => r !== null);
        for (const row of await list.enrich(loaded, user)) {
          if (gone) break;
          rows++;
          if (!csv.write(columns.map((c) => cell(c, row)))) await drained(csv, res);
        }
      }
      if (gone) throw new Error('the client closed the download');
      await this.db.query(`CLOSE ${CURSOR}`);
      if (list.people) await this.audit.record(entry(true));
      await tx.finish(false);
      csv.end();
    } catch (e) {
      if (!gone) this.logger.error(`export of ${list.name} failed: ${e instanceof Error ? e.stack : String(e)}`);
      // The file is cut short (the client sees a failed download), and what left is on record.
      if (list.people) await this.audit.record(entry(false), { durable: true }).catch((err: unknown) => this.logger.error(err));
      csv.unpipe(res);
      csv.destroy();
      res.destroy();
    }
  }
}
