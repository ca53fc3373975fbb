import { Injectable } from '@nestjs/common';
import { InjectTransaction } from '@nestjs-cls/transactional';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { NotFoundError, UserInputError } from '../common/errors.js';
import { likePattern } from '../common/list.js';
import { mayImport } from './import-access.js';
import { ImportRun, type ImportRowView, type ImportRunFilter, ImportRunStatus } from './import.types.js';

/** An import_run row as read (snake-case columns → the GraphQL type's names). */
export const RUN_COLUMNS = `r.id, r.organisation_id AS "organisationId", r.kind, r.employer_id AS "employerId", r.union_id AS "unionId", r.campaign_action_id AS "actionId", r.file_name AS "fileName", r.status,
  r.headers, r.mapping, r.defaults, r.mark_leavers AS "markLeavers", r.rows_total AS "rowsTotal", r.rows_done AS "rowsDone",
  r.rate_per_second AS "ratePerSecond", r.seconds_left AS "secondsLeft", r.created, r.updated, r.unchanged, r.refused, r.review,
  r.leavers, r.error, r.created_by_id AS "createdById", u.display_name AS "createdBy", r.created_at AS "createdAt",
  r.finished_at AS "finishedAt", r.cancel_requested AS "cancelRequested"`;

export type RunRow = Omit<ImportRun, 'sampleRows' | 'suggestedMapping' | 'locations' | 'defaults'> & {
  organisationId: string;
  defaults: Record<string, string>;
  cancelRequested: boolean;
};

/**
 * Import runs as the caller sees them: only a branch secretary or admin (importEmployers), only runs
 * of their organisation (row-level security) whose employers (`employer_ids`: a staff list's
 * employer, or every employer a membership list's uploader could import into) they may all import
 * into, read in the request's transaction.
 */
@Injectable()
export class ImportsService {
  constructor(@InjectTransaction() private readonly db: EntityManager) {}

  /** A run the caller may see and act on; NOT_FOUND otherwise (another organisation's or branch's runs do not exist to them). */
  async get(id: string, user: AuthUser, opts: { lock?: boolean } = {}): Promise<RunRow> {
    const employers = mayImport(user);
    const [run] = await this.db.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM import_run r LEFT JOIN app_user u ON u.id = r.created_by_id
       WHERE r.id = $1 AND r.organisation_id = $2 AND r.employer_ids <@ $3::uuid[]${opts.lock ? ' FOR UPDATE OF r' : ''}`,
      [id, user.organisationId, employers],
    );
    if (!run) throw new NotFoundError('Import');
    return run;
  }

  /** The filter's conditions (ids, status, a file name search) after $1 (organisation) and $2 (employers); their parameters. */
  private filtered(filter: ImportRunFilter | undefined, params: unknown[]): string {
    let sql = '';
    if (filter?.ids) sql += ` AND r.id = ANY($${params.push(filter.ids)}::uuid[])`;
    if (filter?.status) sql += ` AND r.status = $${params.push(filter.status)}`;
    if (filter?.q) sql += ` AND r.file_name ILIKE $${params.push(likePattern(filter.q))}`;
    return sql;
  }

  async list(user: AuthUser, page: number, perPage: number, filter?: ImportRunFilter): Promise<RunRow[]> {
    const params: unknown[] = [user.organisationId, mayImport(user)];
    const where = this.filtered(filter, params);
    return this.db.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM import_run r LEFT JOIN app_user u ON u.id = r.created_by_id
       WHERE r.organisation_id = $1 AND r.employer_ids <@ $2::uuid[]${where}
       ORDER BY r.created_at DESC, r.id LIMIT ${Math.max(1, perPage)} OFFSET ${Math.max(0, page) * Math.max(1, perPage)}`,
      params,
    );
  }

  async count(user: AuthUser, filter?: ImportRunFilter): Promise<number> {
    const params: unknown[] = [user.organisationId, mayImport(user)];
    const where = this.filtered(filter, params);
    const [{ n }] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM import_run r WHERE r.organisation_id = $1 AND r.employer_ids <@ $2::uuid[]${where}`,
      params,
    );
    return n;
  }

  /** The first rows of a run, as uploaded. */
  async sample(id: string, n = 10): Promise<string[][]> {
    const rows = await this.db.query<{ cells: string[] }[]>(
      'SELECT cells FROM import_row WHERE import_id = $1 AND problems IS NULL ORDER BY row_no LIMIT $2', [id, n]);
    return rows.map((r) => r.cells);
  }

  /** Every problem of a run's rows, in row order: the error report. */
  async problems(id: string): Promise<{ rowNo: number; field: string; reason: string }[]> {
    return this.db.query(
      `SELECT r.row_no AS "rowNo", coalesce(p->>'field', '') AS field, coalesce(p->>'reason', r.reason, '') AS reason
       FROM import_row r LEFT JOIN LATERAL jsonb_array_elements(coalesce(r.problems, '[]')) p ON true
       WHERE r.import_id = $1 AND (r.outcome = 'REFUSED' OR r.outcome = 'REVIEW' OR jsonb_array_length(coalesce(r.problems, '[]')) > 0)
       ORDER BY r.row_no, p->>'field'`,
      [id],
    );
  }

  /** A page of a run's rows, of one outcome or all, in row order. */
  async rows(id: string, outcome: string | undefined, page: number, perPage: number): Promise<ImportRowView[]> {
    const rows = await this.db.query<(Omit<ImportRowView, 'values'> & { values: unknown })[]>(
      // a new person's id (a staff list's CREATE row), drawn by the dry run, is theirs only once the import is applied;
      // a membership or participation list's CREATE row is a matched person's new record: its person is shown
      `SELECT r.row_no AS "rowNo", r.cells, r.outcome, r.reason, coalesce(r.problems, '[]') AS problems,
         CASE WHEN r.outcome = 'CREATE' AND run.kind = 'STAFF' AND run.status <> 'APPLIED' THEN NULL ELSE r.contact_id END AS "contactId",
         coalesce(r.candidates, '{}') AS candidates, r.values
       FROM import_row r JOIN import_run run ON run.id = r.import_id
       WHERE r.import_id = $1 AND ($2::text IS NULL OR r.outcome = $2) ORDER BY r.row_no LIMIT $3 OFFSET $4`,
      [id, outcome ?? null, perPage, page * perPage]);
    return rows.map((r) => ({ ...r, values: r.values === null ? null : JSON.stringify(r.values) }));
  }

  /** Asks a running (or queued) apply to stop: it rolls back. A run not yet applying is simply marked cancelled. */
  async cancel(id: string, user: AuthUser): Promise<RunRow> {
    const run = await this.get(id, user, { lock: true });
    if (run.status === ImportRunStatus.APPLYING || run.status === ImportRunStatus.QUEUED) {
      await this.db.query('UPDATE import_run SET cancel_requested = true WHERE id = $1', [id]);
    } else if (run.status === ImportRunStatus.UPLOADED || run.status === ImportRunStatus.DRY_RUN) {
      await this.db.query(`UPDATE import_run SET status = 'CANCELLED', finished_at = now() WHERE id = $1`, [id]);
    } else {
      throw new UserInputError({ id: `this import is ${run.status.toLowerCase()}: there is nothing to cancel` });
    }
    return this.get(id, user);
  }
}
