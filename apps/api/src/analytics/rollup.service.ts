import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentAssessments } from '../assessments/current-assessment.sql.js';
import { AppConfig } from '../config/app-config.js';
import { asWholeOrganisation, forEachOrganisation } from '../database/request-transaction.js';
import { JobQueue } from '../jobs/job-queue.js';

export const DENSITY_ROLLUP_JOB = 'density-rollup';

const CURRENT = 'current_date';

/**
 * One organisation's current staff counted per combination of every slice dimension and union set,
 * set-based (each person-owned table read once, hashed, joined to the staff list), replacing the
 * organisation's rows. $1: the organisation. Who counts as current staff and what each figure means
 * is exactly the live count's (SliceService.statement): a current posting, not deleted, not left;
 * members = any current membership; assessed/ones/twos = the latest assessment; reps = a rep role
 * current today; conversations in the 30 days to now(); never spoken to = no conversation at all.
 */
export const ROLLUP_SQL = `
  WITH staff AS (
    SELECT c.id, c.employer_id, w.site_id, p.ward_id, w.type::text AS ward_type, c.staff_group::text AS staff_group,
      c.grade::text AS grade, c.shift_pattern::text AS shift_pattern, c.contract_type::text AS contract_type, c.leader
    FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
    WHERE p.end_date IS NULL AND p.organisation_id = $1 AND c.organisation_id = $1 AND c.deleted_at IS NULL
      AND (c.leave_date IS NULL OR c.leave_date > ${CURRENT})
  ), unions AS (
    SELECT m.contact_id, array_agg(DISTINCT m.union_id ORDER BY m.union_id) AS unions FROM membership m
    WHERE m.organisation_id = $1 AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > ${CURRENT})
    GROUP BY m.contact_id
  ), latest AS (
    ${currentAssessments('a.organisation_id = $1')}
  ), reps AS (
    SELECT DISTINCT r.contact_id FROM rep_role r WHERE r.organisation_id = $1
      AND (r.end_date IS NULL OR r.end_date > ${CURRENT}) AND (r.start_date IS NULL OR r.start_date <= ${CURRENT})
  ), talks AS (
    SELECT cv.contact_id, count(*) FILTER (WHERE cv.occurred_at >= now() - interval '30 days')::int AS recent
    FROM conversation cv WHERE cv.organisation_id = $1 GROUP BY cv.contact_id
  ), counted AS (
    INSERT INTO density_rollup (organisation_id, level, employer_id, site_id, ward_id, ward_type, staff_group, grade, shift_pattern, contract_type,
      unions, headcount, members, assessed, ones, twos, leaders, reps, conversations_30d, never_spoken_to)
    SELECT $1, 0, s.employer_id, s.site_id, s.ward_id, s.ward_type, s.staff_group, s.grade, s.shift_pattern, s.contract_type,
      coalesce(u.unions, '{}'), count(*), count(u.contact_id), count(l.value), count(*) FILTER (WHERE l.value = 1),
      count(*) FILTER (WHERE l.value = 2), count(*) FILTER (WHERE s.leader), count(r.contact_id), coalesce(sum(t.recent), 0),
      count(*) FILTER (WHERE t.contact_id IS NULL)
    FROM staff s LEFT JOIN unions u ON u.contact_id = s.id LEFT JOIN latest l ON l.contact_id = s.id
      LEFT JOIN reps r ON r.contact_id = s.id LEFT JOIN talks t ON t.contact_id = s.id
    GROUP BY s.employer_id, s.site_id, s.ward_id, s.ward_type, s.staff_group, s.grade, s.shift_pattern, s.contract_type, coalesce(u.unions, '{}')
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM counted`;

/** The coarser levels, summed from level 0 (see the migration): level 1 keeps the staff group, level 2 only the workplace. $1: the organisation. */
export const ROLLUP_LEVELS_SQL = `
  INSERT INTO density_rollup (organisation_id, level, employer_id, site_id, ward_id, ward_type, staff_group, grade, shift_pattern, contract_type,
    unions, headcount, members, assessed, ones, twos, leaders, reps, conversations_30d, never_spoken_to)
  SELECT organisation_id, l.level, employer_id, site_id, ward_id, ward_type, CASE WHEN l.level = 1 THEN staff_group END, NULL, NULL, NULL,
    unions, sum(headcount), sum(members), sum(assessed), sum(ones), sum(twos), sum(leaders), sum(reps), sum(conversations_30d), sum(never_spoken_to)
  FROM density_rollup r CROSS JOIN (VALUES (1), (2)) l(level)
  WHERE r.organisation_id = $1 AND r.level = 0
  GROUP BY organisation_id, l.level, employer_id, site_id, ward_id, ward_type, CASE WHEN l.level = 1 THEN staff_group END, unions`;

export interface RollupState {
  asOf: Date;
  rows: number;
  tookMs: number;
}

/**
 * The density rollup (table density_rollup, see its migration): refreshed per organisation on the
 * job queue, every DENSITY_ROLLUP_CRON (default every 10 minutes), at start-up for an organisation
 * never refreshed, and on demand (`requestRefresh`, or `refresh` directly), read by SliceService for
 * callers whose people are whole employers.
 *
 * A refresh counts the whole organisation, whoever asked: like the density snapshot, it runs in a
 * transaction of its own on the API's database role, as the organisation with every employer of its
 * map (row-level security still binds it to that one organisation), under an advisory lock per
 * organisation, and replaces the organisation's rows and its `as_of` in that one transaction, so a
 * reader sees the old rollup or the new one, never a mix, and no other organisation's rows.
 */
@Injectable()
export class RollupService implements OnModuleInit {
  private readonly log = new Logger('DensityRollup');

  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly jobs: JobQueue, private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.jobs.define({
      name: DENSITY_ROLLUP_JOB,
      cron: { expression: this.config.DENSITY_ROLLUP_CRON, tz: this.config.DENSITY_SNAPSHOT_TZ },
      run: (data) => (typeof data.organisationId === 'string' ? this.refresh(data.organisationId).then(() => undefined) : this.refreshAll()),
      atStart: () => this.requestFirstRefreshes(),
    });
  }

  /**
   * At start-up, the queue on: queues a refresh of each organisation whose rollup was never
   * refreshed (no rollup state) and not already queued, which would otherwise be counted live,
   * slowly, until the schedule comes round.
   */
  async requestFirstRefreshes(): Promise<void> {
    await forEachOrganisation(this.ds, async (id) => {
      // the state row is the organisation's own (row-level security): read as it
      const [state] = await asWholeOrganisation(this.ds, id, (m) => m.query<unknown[]>('SELECT 1 FROM density_rollup_state WHERE organisation_id = $1', [id]));
      // another API process starting with this one may have queued it already (atStart runs one process at a time)
      if (state || await this.jobs.queued(DENSITY_ROLLUP_JOB, { organisationId: id })) return;
      const job = await this.requestRefresh(id);
      this.log.log(`organisation ${id}: never refreshed, refresh queued (job ${job})`);
    });
  }

  /** The scheduled job: every organisation in turn. */
  async refreshAll(): Promise<void> {
    await forEachOrganisation(this.ds, async (id) => {
      const s = await this.refresh(id);
      this.log.log(`organisation ${id}: ${s.rows} rollup rows in ${s.tookMs} ms`);
    });
  }

  /** Queues a refresh of one organisation's rollup (null when the job queue is off). */
  requestRefresh(organisationId: string): Promise<string | null> {
    return this.jobs.send(DENSITY_ROLLUP_JOB, { organisationId });
  }

  /** Recounts one organisation's rollup now, replacing its rows in one transaction. */
  async refresh(organisationId: string): Promise<RollupState> {
    const started = Date.now();
    return asWholeOrganisation(this.ds, organisationId, async (m) => {
      // One refresh of an organisation at a time (another API process, the schedule and a request at once).
      await m.query("SELECT pg_advisory_xact_lock(hashtext('density_rollup'), hashtext($1))", [organisationId]);
      await m.query('DELETE FROM density_rollup WHERE organisation_id = $1', [organisationId]);
      const [{ n }] = await m.query<{ n: number }[]>(ROLLUP_SQL, [organisationId]);
      await m.query(ROLLUP_LEVELS_SQL, [organisationId]);
      const tookMs = Date.now() - started;
      const [state] = await m.query<{ asOf: Date }[]>(
        `INSERT INTO density_rollup_state (organisation_id, as_of, rows, took_ms) VALUES ($1, now(), $2, $3)
         ON CONFLICT (organisation_id) DO UPDATE SET as_of = excluded.as_of, rows = excluded.rows, took_ms = excluded.took_ms
         RETURNING as_of AS "asOf"`, [organisationId, n, tookMs]);
      return { asOf: state.asOf, rows: n, tookMs };
    });
  }
}
