import { InjectTransaction, TransactionHost } from '@nestjs-cls/transactional';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cellId, type SuppressionReason, tableId } from '@rollcall/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import type { CountScope } from '../access/people-door.js';
import { SliceResolver } from '../analytics/slice.resolver.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AppConfig } from '../config/app-config.js';
import { asWholeOrganisation, forEachOrganisation } from '../database/request-transaction.js';
import { DensityService } from '../density/density.service.js';
import { JobQueue } from '../jobs/job-queue.js';
import { CoalitionLevel } from './coalition.types.js';

export const COALITION_PUBLISH_JOB = 'coalition-publish';

/** One group's figures, or withheld (with why). */
export interface Figure { headcount: number | null; members: number | null; reason: SuppressionReason | null }
/** A trust or site of an organisation's map: its ODS code and name. */
interface Ref { id: string; name: string; ods: string | null }
export interface PublishedRow { organisationId: string; organisation: string; level: CoalitionLevel; odsCode: string; name: string; headcount: number | null; members: number | null; suppression: SuppressionReason | null; publishedAt: Date }

/**
 * Figures by ODS code from cells by employer or site id: only cells with an ODS code; several cells
 * under one code are summed, and withheld if any of them is (SMALL_CELL if one is small).
 */
export function byOds(cells: readonly (Figure & { id: string })[], refs: ReadonlyMap<string, Ref>): Map<string, Figure & { name: string }> {
  const out = new Map<string, Figure & { name: string }>();
  for (const c of cells) {
    const ref = refs.get(c.id);
    if (!ref?.ods) continue;
    const was = out.get(ref.ods);
    if (!was) { out.set(ref.ods, { name: ref.name, headcount: c.headcount, members: c.members, reason: c.reason }); continue; }
    const reason = was.reason === 'SMALL_CELL' || c.reason === 'SMALL_CELL' ? 'SMALL_CELL' : was.reason ?? c.reason;
    out.set(ref.ods, reason
      ? { name: was.name, headcount: null, members: null, reason }
      : { name: was.name, headcount: was.headcount! + c.headcount!, members: was.members! + c.members!, reason: null });
  }
  for (const f of out.values()) if (f.reason) Object.assign(f, { headcount: null, members: null });
  return out;
}

/**
 * The coalition line-up across organisations. An organisation that opts in publishes the EMPLOYER
 * and SITE tables of its aggregate-only slice family over its whole map (SliceResolver.coalitionFamily:
 * already suppressed), keyed by ODS code, into `coalition_published`; the daily job and an admin's
 * "publish now" do it. Publishing runs in a transaction of its own on the API's database role, as the
 * organisation with every employer of its map (as the density snapshot does): row-level security still
 * binds it to that one organisation, and it writes nothing but those suppressed figures.
 */
@Injectable()
export class CoalitionService implements OnModuleInit {
  private readonly log = new Logger('CoalitionPublish');

  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly txHost: TransactionHost,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly slices: SliceResolver,
    private readonly density: DensityService,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      name: COALITION_PUBLISH_JOB,
      cron: { expression: this.config.DENSITY_SNAPSHOT_CRON, tz: this.config.DENSITY_SNAPSHOT_TZ },
      run: () => this.publishAll(),
    });
  }

  /** The daily job: every organisation in turn (one that does not share has its rows, if any, removed). */
  async publishAll(): Promise<void> {
    await forEachOrganisation(this.ds, async (id) => {
      const n = await this.publish(id);
      this.log.log(`organisation ${id}: ${n} coalition rows published`);
    });
  }

  /** Replaces one organisation's published rows (none if it does not share). Returns the rows written. */
  publish(organisationId: string): Promise<number> {
    // on the TransactionHost: the slice family's services join this transaction
    return asWholeOrganisation(this.txHost, organisationId, async (m, employerIds) => {
      await m.query("SELECT pg_advisory_xact_lock(hashtext('coalition_published'), hashtext($1))", [organisationId]);
      await m.query('DELETE FROM coalition_published WHERE organisation_id = $1', [organisationId]);
      const [org] = await m.query<{ share: boolean }[]>('SELECT share_coalition_aggregates AS share FROM organisation WHERE id = $1', [organisationId]);
      if (!org?.share) return 0;
      const { employers, sites } = await this.refs(m, organisationId);
      const family = await this.slices.coalitionFamily(organisationId, { organisationId, employerIds });
      const rows: [CoalitionLevel, Map<string, Figure & { name: string }>][] = [
        [CoalitionLevel.EMPLOYER, byOds(familyCells(family, 'EMPLOYER'), employers)],
        [CoalitionLevel.SITE, byOds(familyCells(family, 'SITE'), sites)],
      ];
      const flat = rows.flatMap(([level, map]) => [...map].map(([ods, f]) => ({ level, ods, ...f })));
      if (flat.length) {
        await m.query(`INSERT INTO coalition_published (organisation_id, level, ods_code, name, headcount, members, suppression)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[])`,
        [organisationId, flat.map((r) => r.level), flat.map((r) => r.ods), flat.map((r) => r.name), flat.map((r) => r.headcount),
          flat.map((r) => r.members), flat.map((r) => r.reason)]);
      }
      return flat.length;
    });
  }

  /** Whether the organisation shares, and what it has published. */
  async sharing(organisationId: string): Promise<{ sharing: boolean; published: number; publishedAt: Date | null }> {
    const [r] = await this.db.query<{ sharing: boolean; published: number; publishedAt: Date | null }[]>(
      `SELECT o.share_coalition_aggregates AS sharing, count(p.*)::int AS published, max(p.published_at) AS "publishedAt"
       FROM organisation o LEFT JOIN coalition_published p ON p.organisation_id = o.id WHERE o.id = $1 GROUP BY o.id`, [organisationId]);
    return r;
  }

  async organisationName(id: string): Promise<string> {
    const [r] = await this.db.query<{ name: string }[]>('SELECT name FROM organisation WHERE id = $1', [id]);
    return r?.name ?? '';
  }

  /** Turns sharing on or off; off removes the organisation's published rows at once (in the caller's transaction). */
  async setSharing(organisationId: string, share: boolean): Promise<void> {
    if (!share) await this.db.query('DELETE FROM coalition_published WHERE organisation_id = $1', [organisationId]);
    await this.db.query('UPDATE organisation SET share_coalition_aggregates = $2 WHERE id = $1', [organisationId, share]);
  }

  /** Other organisations' published rows at this level (row-level security shows them only while both share). */
  async published(organisationId: string, level: CoalitionLevel): Promise<PublishedRow[]> {
    return this.db.query<PublishedRow[]>(
      `SELECT p.organisation_id AS "organisationId", o.name AS organisation, p.level, p.ods_code AS "odsCode", p.name, p.headcount, p.members,
         p.suppression, p.published_at AS "publishedAt"
       FROM coalition_published p JOIN organisation o ON o.id = p.organisation_id
       WHERE p.level = $1 AND p.organisation_id <> $2 ORDER BY o.name, p.ods_code`, [level, organisationId]);
  }

  /**
   * The caller's own figures by ODS code, as densityBySite and densitySlice give them: exact at the
   * employers whose people they see, and the suppressed tables of the slice family over the employers
   * they count only as a coalition partner.
   */
  async own(user: AuthUser, level: CoalitionLevel): Promise<Map<string, Figure & { name: string }>> {
    const scope = this.access.countScope(user);
    const seen = new Set(await this.density.seenEmployers(user));
    const shown: CountScope = { organisationId: scope.organisationId, employerIds: scope.employerIds.filter((e) => seen.has(e)) };
    const closed: CountScope = { organisationId: scope.organisationId, employerIds: scope.employerIds.filter((e) => !seen.has(e)) };
    const { employers, sites } = await this.refs(this.db, user.organisationId);
    const cells: (Figure & { id: string })[] = [];
    if (shown.employerIds.length) {
      const counted = await this.density.sitesWithCounts(shown, shown);
      if (level === CoalitionLevel.SITE) {
        for (const r of counted) if (r.counts.headcount) cells.push({ id: r.site.id, headcount: r.counts.headcount, members: r.counts.members, reason: null });
      } else {
        for (const e of shown.employerIds) {
          const mine = counted.filter((r) => r.site.employerId === e);
          const headcount = mine.reduce((n, r) => n + r.counts.headcount, 0);
          if (headcount) cells.push({ id: e, headcount, members: mine.reduce((n, r) => n + r.counts.members, 0), reason: null });
        }
      }
    }
    if (closed.employerIds.length) cells.push(...familyCells(await this.slices.coalitionFamily(closed.organisationId, closed), level));
    return byOds(cells, level === CoalitionLevel.SITE ? sites : employers);
  }

  private async refs(m: EntityManager, organisationId: string): Promise<{ employers: Map<string, Ref>; sites: Map<string, Ref> }> {
    const rows = await m.query<(Ref & { kind: string })[]>(
      `SELECT 'e' AS kind, id::text, name, ods_code AS ods FROM employer WHERE organisation_id = $1
       UNION ALL SELECT 's', id::text, name, ods_code FROM site WHERE organisation_id = $1`, [organisationId]);
    const of = (kind: string) => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.id, r]));
    return { employers: of('e'), sites: of('s') };
  }
}

type Family = Awaited<ReturnType<SliceResolver['coalitionFamily']>>;

/** A one-dimension table of the family (EMPLOYER or SITE), each cell published or withheld as the family has it. */
function familyCells(family: Family, dim: 'EMPLOYER' | 'SITE'): (Figure & { id: string })[] {
  const table = family.tables.find((t) => tableId(t.dims) === dim);
  const hidden = family.suppression.hidden.get(dim);
  return (table?.cells ?? []).filter((c) => c.headcount > 0).map((c) => {
    const reason = hidden?.get(cellId(c.key)) ?? null;
    return { id: c.key[0], headcount: reason ? null : c.headcount, members: reason ? null : c.members, reason };
  });
}
