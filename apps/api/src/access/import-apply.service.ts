import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ukToday } from '@rollcall/domain';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { logsUnexpectedErrors } from '../common/route-error.filter.js';
import { asIdentity, type DbIdentity, identityStatement, outsideRequest } from '../database/request-transaction.js';
import { JobQueue } from '../jobs/job-queue.js';
import { importEmployers } from '../imports/import-access.js';
import { participationActionRefusal } from '../imports/import-participation.js';
import { changesContact, STAFF_COLUMNS, value } from '../imports/import-sql.js';
import { participationChunk } from './import-participation-apply.js';
import { ImportRunStatus } from '../imports/import.types.js';
import { ImportsService, type RunRow } from '../imports/imports.service.js';

export const IMPORT_APPLY_JOB = 'import-apply';

/** Rows applied per step: progress is written and a cancel is seen between steps. */
const chunkRows = () => Math.max(1, Number(process.env.IMPORT_CHUNK_ROWS ?? 2000));

const STAFF_KEYS = Object.keys(STAFF_COLUMNS);

/** Which staff fields a staged row gives (a value, not an empty cell), as bits in STAFF_KEYS' order: the rows of one shape share their field sources. */
const shapeOf = (alias: string) => `(${STAFF_KEYS.map((k, i) => `CASE WHEN ${alias}.values->>'${k}' IS NOT NULL THEN ${2 ** i} ELSE 0 END`).join(' | ')})`;

/**
 * The contact.field_sources of a row of shape `shape` (shapeOf): each field it gives → where it came
 * from, `source` (a parameter: `{ importId, on }`, made once per chunk).
 */
const sourcesOfShape = (shape: string, source: string) => `jsonb_strip_nulls(jsonb_build_object(${STAFF_KEYS.map((k, i) =>
  `'${k}', CASE WHEN ${shape} & ${2 ** i} <> 0 THEN ${source}::jsonb END`).join(', ')}))`;

/** Who applies, as the job carries it: the caller's organisation, the employers their branches cover, and those they may import into. */
interface ApplyJob {
  importId: string;
  organisationId: string;
  userId: string;
  email: string;
  employerIds: string[];
  writable: string[];
}

/** Who the job is to the database: the caller who asked, as their requests are. */
const identityOfJob = (job: ApplyJob): DbIdentity => ({ organisationId: job.organisationId, employerIds: job.employerIds, userId: job.userId, caseBranchIds: [] });

class Cancelled extends Error {}

/**
 * The door's part in importing (beside people-merge.ts: only access/ writes people's tables):
 * applies a dry-run import, writing only to the employers the user may import into (checked before and
 * after), as that user under row-level security. A job on the job queue (`import-apply`; in the API process, in the
 * background, when the queue is off, as in tests: the same code either way), in ONE transaction of
 * its own as the user who asked (row-level security binds it to their branches), set-based over the
 * staged rows, a chunk of rows at a time (INSERT … SELECT and UPDATE … FROM; no row is saved one by
 * one). Between chunks it writes its progress outside the transaction (rows done, rate, time left:
 * the web app polls it) and looks for a cancel, which rolls everything back. Staff: new people
 * created with their first posting, matched ones updated only where the file says otherwise (a
 * changed ward ends the current posting and starts a new one today), each written field's source
 * kept in contact.field_sources; leavers marked only when asked. Memberships: upserted per union,
 * source VERIFIED_LIST. The run's counts and the audit entry are written in the same transaction.
 */
@Injectable()
export class ImportApplyService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('Import');
  /** Runs applying in this process when the queue is off (awaited at shutdown and by tests that ask). */
  readonly running = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    /** The request's transaction (the apply's request, not its job). */
    @InjectTransaction() private readonly db: EntityManager,
    private readonly jobs: JobQueue,
    private readonly imports: ImportsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: IMPORT_APPLY_JOB, run: (data) => this.run(data as unknown as ApplyJob) });
  }

  /** At shutdown, before the pool closes: the applies running here end (a cancel is not needed; they finish or fail). */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  /** Queues the apply (status QUEUED, committed at once, outside the request) and returns; the job does the rest. */
  async request(id: string, markLeavers: boolean, user: AuthUser): Promise<RunRow> {
    const run = await this.imports.get(id, user);
    if (run.status !== ImportRunStatus.DRY_RUN) {
      throw new UserInputError({ id: run.status === ImportRunStatus.UPLOADED ? 'dry-run the import first' : `this import is ${run.status.toLowerCase()}` });
    }
    if (markLeavers && !run.employerId) throw new UserInputError({ markLeavers: 'only a staff list marks leavers' });
    if (run.kind === 'PARTICIPATION') {
      const refused = run.actionId ? await participationActionRefusal(this.db, run.actionId, user) : 'its campaign action has been deleted';
      if (refused) throw new UserInputError({ actionId: refused });
    }
    const gone = await this.matchedSinceGone(this.db, id, run.kind);
    if (gone) throw new UserInputError({ id: `${gone === 1 ? 'a person' : `${gone} people`} this dry run matched ${gone === 1 ? 'has' : 'have'} since been deleted or merged: run the dry run again` });
    const job: ApplyJob = {
      importId: id, organisationId: user.organisationId, userId: user.id, email: user.email, employerIds: user.employerIds, writable: importEmployers(user),
    };
    const queued = await this.outside<unknown[]>(job,
      `UPDATE import_run SET status = 'QUEUED', mark_leavers = $2, cancel_requested = false, rows_done = 0, error = NULL
       WHERE id = $1 AND status = 'DRY_RUN' RETURNING id`, [id, markLeavers]);
    if (!(queued[0] as unknown[]).length) throw new UserInputError({ id: 'this import is already being applied' });
    if (!(await this.jobs.send(IMPORT_APPLY_JOB, job as never))) {
      // the same job, in the background, out of the request's transaction (the answer goes now)
      const p = outsideRequest(() => this.run(job)).finally(() => this.running.delete(id));
      this.running.set(id, p);
    }
    return { ...run, status: ImportRunStatus.QUEUED, markLeavers };
  }

  /**
   * How many people the dry run matched have since been deleted or merged into another: those of its
   * rows to update or leave unchanged, and of a membership or participation list those to create (a new
   * membership or participation of a matched person; a staff list's are new people).
   */
  private async matchedSinceGone(q: { query: (sql: string, params: unknown[]) => Promise<unknown> }, importId: string, kind: string): Promise<number> {
    const matched = kind === 'STAFF' ? ['UPDATE', 'UNCHANGED'] : ['CREATE', 'UPDATE', 'UNCHANGED'];
    const [{ gone }] = (await q.query(
      `SELECT count(*)::int AS gone FROM import_row r JOIN contact c ON c.id = r.contact_id
       WHERE r.import_id = $1 AND r.outcome = ANY($2::text[]) AND c.deleted_at IS NOT NULL`, [importId, matched])) as { gone: number }[];
    return gone;
  }

  /** The job: never throws (a failure is the run's FAILED status and its error), so it is not retried. */
  async run(job: ApplyJob): Promise<void> {
    const runner = this.ds.createQueryRunner();
    const started = Date.now();
    /** The run as claimed (for the failure's audit entry). */
    let claimedRun: { employerId: string | null; fileName: string } | undefined;
    try {
      // Claimed outside the transaction (one job per run, whatever the number of processes): the transaction must not hold the run's row,
      // which the progress and the cancel check write and read from other connections meanwhile.
      const [claimed] = await this.outside<[{ id: string; kind: string; employerId: string | null; unionId: string | null; actionId: string | null; rowsTotal: number; markLeavers: boolean; fileName: string }[], number]>(job,
        `UPDATE import_run SET status = 'APPLYING', started_at = now() WHERE id = $1 AND status = 'QUEUED'
         RETURNING id, kind, employer_id AS "employerId", union_id AS "unionId", campaign_action_id AS "actionId", rows_total AS "rowsTotal",
           mark_leavers AS "markLeavers", file_name AS "fileName"`,
        [job.importId]);
      const r = claimed[0];
      if (!r) return;
      claimedRun = r;
      await runner.connect();
      await runner.startTransaction();
      await runner.query(identityStatement(identityOfJob(job)));
      await this.progress(job, { done: 0, total: r.rowsTotal, started });
      if (r.employerId && !job.writable.includes(r.employerId)) throw new UserInputError({ id: 'you may no longer import into this employer' });
      if (r.kind === 'PARTICIPATION' && !r.actionId) throw new UserInputError({ id: 'its campaign action has been deleted' });
      // Checked again here: a person the dry run matched may have been deleted or merged since the request.
      if (await this.matchedSinceGone(runner, job.importId, r.kind)) {
        throw new UserInputError({ id: 'someone this import matched was deleted or merged while it waited: upload the file again' });
      }
      const [{ last }] = await runner.query('SELECT coalesce(max(row_no), 0)::int AS last FROM import_row WHERE import_id = $1', [job.importId]);
      const step = chunkRows();
      for (let from = 0; from < last; from += step) {
        if (r.actionId) await participationChunk(runner, job.importId, r.actionId, job.userId, from, from + step);
        else if (r.unionId) await this.membershipChunk(runner, job.importId, r.unionId, from, from + step);
        else await this.staffChunk(runner, job.importId, from, from + step);
        await this.progress(job, { done: Math.min(from + step, last), total: last, started });
      }
      let leavers = 0;
      if (r.markLeavers && r.employerId) leavers = await this.markLeavers(runner, job.importId, r.employerId);
      // Everyone written must be among the caller's writable people: the door's rule, checked once at the end.
      const [{ outside }] = await runner.query(
        `SELECT count(*)::int AS outside FROM import_row r JOIN contact c ON c.id = r.contact_id
         WHERE r.import_id = $1 AND r.outcome IN ('CREATE', 'UPDATE') AND NOT (c.employer_id = ANY($2::uuid[]))`, [job.importId, job.writable]);
      if (outside) throw new UserInputError({ id: 'this import would change people outside your branches' });
      const [counts] = await runner.query(
        `UPDATE import_run r SET status = 'APPLIED', finished_at = now(), rows_done = rows_total, seconds_left = 0, leavers = $2,
           created = c.created, updated = c.updated, unchanged = c.unchanged, refused = c.refused, review = c.review
         FROM (SELECT count(*) FILTER (WHERE outcome = 'CREATE')::int AS created, count(*) FILTER (WHERE outcome = 'UPDATE')::int AS updated,
                 count(*) FILTER (WHERE outcome = 'UNCHANGED')::int AS unchanged, count(*) FILTER (WHERE outcome = 'REFUSED')::int AS refused,
                 count(*) FILTER (WHERE outcome = 'REVIEW')::int AS review FROM import_row WHERE import_id = $1) c
         WHERE r.id = $1 RETURNING c.created, c.updated, c.unchanged, c.refused, c.review`, [job.importId, leavers]);
      await runner.query(
        `INSERT INTO audit_event (action, user_id, organisation_id, employer_id, actor_email, entity_type, entity_id, before, after)
         VALUES ($1, $2, $3, $4, $5, 'ImportRun', $6, $7, $8)`,
        [AuditAction.UPDATE, job.userId, job.organisationId, r.employerId, job.email, job.importId,
          JSON.stringify({ id: job.importId, status: 'APPLYING', fileName: r.fileName }),
          JSON.stringify({ id: job.importId, status: 'APPLIED', fileName: r.fileName, ...(counts as unknown[])[0] as object, leavers })]);
      await runner.commitTransaction();
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      const cancelled = e instanceof Cancelled;
      const message = cancelled ? null : e instanceof UserInputError ? e.message : 'The import failed and changed nothing';
      if (!cancelled && !(e instanceof UserInputError) && logsUnexpectedErrors()) this.log.error(`import ${job.importId}: ${e instanceof Error ? e.stack : String(e)}`);
      await this.outside(job,
        `UPDATE import_run SET status = $2, error = $3, finished_at = now(), rate_per_second = NULL, seconds_left = NULL WHERE id = $1`,
        [job.importId, cancelled ? 'CANCELLED' : 'FAILED', message]).catch((f: unknown) => this.log.error(`import ${job.importId}: ${String(f)}`));
      await this.audit.record({
        action: AuditAction.UPDATE, user: { id: job.userId, email: job.email, organisationId: job.organisationId }, entityType: 'ImportRun',
        entityId: job.importId, employerId: claimedRun?.employerId ?? null, before: { id: job.importId, status: 'APPLYING', fileName: claimedRun?.fileName },
        after: { id: job.importId, status: cancelled ? 'CANCELLED' : 'FAILED', fileName: claimedRun?.fileName, error: message },
      }, { durable: true }).catch(() => undefined);
    } finally {
      await runner.release();
    }
  }

  /** One statement in a transaction of its own (committed at once, outside any request's), as the job's user: row-level security applies. */
  private outside<T = unknown>(job: ApplyJob, sql: string, params: unknown[]): Promise<T> {
    return asIdentity(this.ds, identityOfJob(job), (m) => m.query(sql, params) as Promise<T>);
  }

  /**
   * Written outside the apply's transaction (the pool's own connection), so the web app sees it while
   * the transaction runs; the same statement reads whether a cancel was asked for (committed by
   * cancelImport's request), and if so the apply stops (its transaction rolls back).
   */
  private async progress(job: ApplyJob, p: { done: number; total: number; started: number }): Promise<void> {
    const seconds = Math.max((Date.now() - p.started) / 1000, 0.001);
    const rate = p.done / seconds;
    const left = rate > 0 ? Math.ceil((p.total - p.done) / rate) : null;
    const [rows] = await this.outside<[{ cancel: boolean }[], number]>(job,
      'UPDATE import_run SET rows_done = $2, rate_per_second = $3, seconds_left = $4 WHERE id = $1 RETURNING cancel_requested AS cancel',
      [job.importId, p.done, p.done ? rate : null, p.done ? left : null]);
    if (rows[0]?.cancel) throw new Cancelled();
  }

  /** One chunk of a staff list (rows from < row_no <= to). */
  private async staffChunk(q: QueryRunner, id: string, from: number, to: number): Promise<void> {
    const rows = `r.import_id = $1 AND r.row_no > $2 AND r.row_no <= $3`;
    const today = ukToday();
    // Re-checked in the transaction: a row the dry run called UPDATE or UNCHANGED is written only if it still changes something.
    const columns = Object.entries(STAFF_COLUMNS);
    const source = JSON.stringify({ importId: id, on: today });
    // New people, with the ids the dry run drew for them (so postings follow them), in one INSERT … SELECT. Their field sources are
    // built once per shape of row (a list's rows have a handful), not once per row: most of the statement's time, when built per row.
    await q.query(
      `WITH staged AS (SELECT r.*, ${shapeOf('r')} AS shape FROM import_row r WHERE ${rows} AND r.outcome = 'CREATE'),
       shapes AS (SELECT shape, ${sourcesOfShape('shape', '$4')} AS sources FROM (SELECT DISTINCT shape FROM staged) d)
       INSERT INTO contact (id, organisation_id, employer_id, ${columns.map(([, c]) => c.column).join(', ')}, created_by_id, field_sources)
       SELECT r.contact_id, run.organisation_id, run.employer_id, ${columns.map(([k]) => value(k, 'r', true)).join(', ')}, run.created_by_id, s.sources
       FROM staged r JOIN shapes s ON s.shape = r.shape JOIN import_run run ON run.id = r.import_id`,
      [id, from, to, source]);
    // Matched people: only what the file says otherwise; each changed field's source kept.
    await q.query(
      `UPDATE contact c SET ${columns.map(([k, { column }]) => `${column} = coalesce(${value(k)}, c.${column})`).join(', ')},
         field_sources = c.field_sources || ${sourcesOfShape(shapeOf('r'), '$4')}, updated_at = now()
       FROM import_row r WHERE ${rows} AND r.outcome = 'UPDATE' AND c.id = r.contact_id AND c.deleted_at IS NULL AND ${changesContact('r')}`,
      [id, from, to, source]);
    // Postings, effective-dated: a changed ward ends the current posting (today) and starts a new one.
    await q.query(
      `UPDATE posting p SET end_date = greatest(p.start_date, $4::date), updated_at = now() FROM import_row r
       WHERE ${rows} AND r.outcome IN ('CREATE', 'UPDATE') AND r.ward_id IS NOT NULL AND p.contact_id = r.contact_id AND p.end_date IS NULL
         AND p.ward_id <> r.ward_id`, [id, from, to, today]);
    await q.query(
      `INSERT INTO posting (organisation_id, contact_id, ward_id, start_date)
       SELECT run.organisation_id, r.contact_id, r.ward_id, CASE WHEN r.outcome = 'CREATE' THEN coalesce((r.values->>'startDate')::date, $4::date) ELSE $4::date END
       FROM import_row r JOIN import_run run ON run.id = r.import_id
       WHERE ${rows} AND r.outcome IN ('CREATE', 'UPDATE') AND r.ward_id IS NOT NULL
         AND (r.outcome = 'CREATE' OR NOT EXISTS (SELECT 1 FROM posting p WHERE p.contact_id = r.contact_id AND p.end_date IS NULL))`, [id, from, to, today]);
  }

  /** One chunk of a membership list: the union's membership of each matched person, from the union's own list (VERIFIED_LIST). */
  private async membershipChunk(q: QueryRunner, id: string, unionId: string, from: number, to: number): Promise<void> {
    await q.query(
      `INSERT INTO membership (organisation_id, contact_id, union_id, status, join_date, leave_date, membership_number, source)
       SELECT run.organisation_id, r.contact_id, $4, (r.values->>'status')::membership_status, (r.values->>'joinDate')::date,
         (r.values->>'leaveDate')::date, r.values->>'membershipNumber', 'VERIFIED_LIST'
       FROM import_row r JOIN import_run run ON run.id = r.import_id
       WHERE r.import_id = $1 AND r.row_no > $2 AND r.row_no <= $3 AND r.outcome IN ('CREATE', 'UPDATE')
       ON CONFLICT (contact_id, union_id) DO UPDATE SET status = excluded.status,
         join_date = coalesce(excluded.join_date, membership.join_date), leave_date = coalesce(excluded.leave_date, membership.leave_date),
         membership_number = coalesce(excluded.membership_number, membership.membership_number), source = 'VERIFIED_LIST', updated_at = now()`,
      [id, from, to, unionId]);
  }

  /** Staff of the employer absent from the file (not matched, not a candidate, no employee number in it) leave today. */
  private async markLeavers(q: QueryRunner, id: string, employerId: string): Promise<number> {
    const rows = await q.query(
      `UPDATE contact c SET leave_date = $3::date, updated_at = now()
       WHERE c.employer_id = $2 AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $3::date)
         AND NOT EXISTS (SELECT 1 FROM import_row r WHERE r.import_id = $1
           AND (r.contact_id = c.id OR c.id = ANY(coalesce(r.candidates, '{}')) OR (c.employee_number IS NOT NULL AND r.values->>'employeeNumber' = c.employee_number)))
       RETURNING c.id`, [id, employerId, ukToday()]) as unknown;
    const list = Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows;
    return (list as unknown[]).length;
  }
}
