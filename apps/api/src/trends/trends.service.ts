import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, ukToday } from '@rollcall/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { asWholeOrganisation, forEachOrganisation } from '../database/request-transaction.js';
import { JobQueue } from '../jobs/job-queue.js';
import { SNAPSHOT_SQL } from './snapshot.sql.js';

export const DENSITY_SNAPSHOT_JOB = 'density-snapshot';

/** Which wards' snapshots a trend sums: whole employers, the sites of a rep's patch; narrowed by a filter. */
export interface TrendWards {
  organisationId: string;
  employerIds: string[];
  siteIds: string[];
  filter: { employerId?: string | null; siteId?: string | null; wardId?: string | null };
}

export interface TrendRow {
  day: string;
  employerId: string;
  headcount: number;
  members: number;
  assessed: number;
  onesAndTwos: number;
  leaders: number;
  reps: number;
  spokenTo30d: number;
}

/**
 * Dated density snapshots: taken for a range of days by one statement per organisation (SNAPSHOT_SQL),
 * replacing the days' rows (idempotent), and read back as trends.
 *
 * Taking a snapshot counts the whole organisation, whoever asks: it runs in a transaction of its own
 * on the API's database role, as the organisation (row-level security still binds it to that one
 * organisation) with every employer of its map. The daily job does that for each organisation in
 * turn: the system identity reads one organisation at a time and learns nothing but counts.
 */
@Injectable()
export class TrendsService implements OnModuleInit {
  private readonly log = new Logger('DensitySnapshot');

  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: DENSITY_SNAPSHOT_JOB,
      cron: { expression: this.config.DENSITY_SNAPSHOT_CRON, tz: this.config.DENSITY_SNAPSHOT_TZ },
      run: () => this.daily(),
    });
  }

  /** The daily job: yesterday again (now complete) and today, for every organisation. */
  async daily(): Promise<void> {
    const today = ukToday();
    await forEachOrganisation(this.ds, async (id) => {
      const n = await this.snapshot(id, addDays(today, -1), today);
      this.log.log(`organisation ${id}: ${n} snapshot rows for ${addDays(today, -1)}..${today}`);
    });
  }

  /** Takes (or retakes) one organisation's snapshots for the days from..to. Returns the rows written. */
  async snapshot(organisationId: string, from: string, to: string): Promise<number> {
    return asWholeOrganisation(this.ds, organisationId, async (m) => {
      // One snapshot of an organisation at a time (another API process, or an admin's retake).
      await m.query("SELECT pg_advisory_xact_lock(hashtext('density_snapshot'), hashtext($1))", [organisationId]);
      await m.query('DELETE FROM density_snapshot WHERE organisation_id = $1 AND day BETWEEN $2 AND $3', [organisationId, from, to]);
      const [{ n }] = await m.query<{ n: number }[]>(SNAPSHOT_SQL, [organisationId, from, to]);
      return n;
    });
  }

  /** Sums of the any-union rows (members: of `unionId` if given) per day and employer of the wards in reach. */
  async trend(wards: TrendWards, unionId: string | null, from: string, to: string): Promise<TrendRow[]> {
    const f = wards.filter;
    return this.db.query(`
      SELECT s.day, si.employer_id AS "employerId", sum(s.headcount)::int AS headcount,
        ${unionId ? 'coalesce(sum(u.members), 0)::int' : 'sum(s.members)::int'} AS members,
        sum(s.assessed)::int AS assessed, sum(s.ones_and_twos)::int AS "onesAndTwos", sum(s.leaders)::int AS leaders,
        sum(s.reps)::int AS reps, sum(s.spoken_to_30d)::int AS "spokenTo30d"
      FROM density_snapshot s
      JOIN ward w ON w.id = s.ward_id JOIN site si ON si.id = w.site_id
      ${unionId ? 'LEFT JOIN density_snapshot u ON u.organisation_id = s.organisation_id AND u.day = s.day AND u.ward_id = s.ward_id AND u.union_id = $9' : ''}
      WHERE s.organisation_id = $1 AND s.union_id IS NULL AND s.day BETWEEN $2 AND $3
        AND (si.employer_id = ANY($4::uuid[]) OR w.site_id = ANY($5::uuid[]))
        AND ($6::uuid IS NULL OR si.employer_id = $6) AND ($7::uuid IS NULL OR w.site_id = $7) AND ($8::uuid IS NULL OR w.id = $8)
      GROUP BY s.day, si.employer_id ORDER BY s.day, si.employer_id`,
    [wards.organisationId, from, to, wards.employerIds, wards.siteIds, f.employerId ?? null, f.siteId ?? null, f.wardId ?? null, ...(unionId ? [unionId] : [])]);
  }

  /** The employers of some sites (a rep's patch). */
  async employersOfSites(organisationId: string, siteIds: string[]): Promise<string[]> {
    if (!siteIds.length) return [];
    return (await this.db.query<{ id: string }[]>('SELECT DISTINCT employer_id AS id FROM site WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
      [organisationId, siteIds])).map((r) => r.id);
  }

  /** When the organisation's latest snapshot was taken, and of which day. */
  async latest(organisationId: string): Promise<{ takenAt: Date | null; day: string | null }> {
    const [row] = await this.db.query<{ takenAt: Date | null; day: string | null }[]>(
      'SELECT max(taken_at) AS "takenAt", max(day) AS day FROM density_snapshot WHERE organisation_id = $1', [organisationId]);
    return row ?? { takenAt: null, day: null };
  }
}
