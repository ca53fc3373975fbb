import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { type CountScope, PeopleDoor, type PeopleSql } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { currentAssessment } from '../assessments/current-assessment.sql.js';
import { currentStaff, IS_MEMBER } from '../density/density.service.js';
import { SliceDimension, type SliceFilter } from './slice.types.js';

/** The dimensions grouped in SQL (UNION is a membership, counted apart), each as the expression it groups by. */
export const DIM_SQL: Record<Exclude<SliceDimension, SliceDimension.UNION>, string> = {
  EMPLOYER: 'c.employer_id',
  SITE: 'w.site_id',
  WARD: 'p.ward_id',
  WARD_TYPE: 'w.type',
  STAFF_GROUP: 'c.staff_group',
  GRADE: 'c.grade',
  SHIFT_PATTERN: 'c.shift_pattern',
  CONTRACT_TYPE: 'c.contract_type',
};
export type GroupDim = keyof typeof DIM_SQL;

/** Figures of one group (a grouping set's row). */
export interface GroupFigures {
  headcount: number;
  members: number;
  assessed: number;
  ones: number;
  twos: number;
  leaders: number;
  reps: number;
  conversations: number;
  neverSpokenTo: number;
}

/** One grouping set's rows: the values of its dimensions (JSON of the values in `dims` order) → figures. */
export interface GroupedCounts {
  /** When the figures were counted if they come from the density rollup; null: counted live for this answer. */
  asOf: Date | null;
  /** `setId(dims)` → values → figures. */
  groups: Map<string, Map<string, GroupFigures>>;
  /** `setId(dims)` → values → union id → members. */
  unions: Map<string, Map<string, Map<string, number>>>;
}

/** A dimension's column in the statement (lower case: PostgreSQL folds unquoted names). */
const col = (d: GroupDim): string => `k_${d.toLowerCase()}`;

export const setId = (dims: readonly string[]): string => dims.join('+');
export const valuesId = (values: readonly (string | null)[]): string => JSON.stringify(values);

/** The same dimensions as columns of the density rollup (text, like the live statement's values). */
const ROLLUP_SQL: Record<GroupDim, string> = {
  EMPLOYER: 'r.employer_id', SITE: 'r.site_id', WARD: 'r.ward_id', WARD_TYPE: 'r.ward_type', STAFF_GROUP: 'r.staff_group',
  GRADE: 'r.grade', SHIFT_PATTERN: 'r.shift_pattern', CONTRACT_TYPE: 'r.contract_type',
};

/**
 * The rollup's levels, coarsest first, with the person dimensions each keeps (the workplace's,
 * employer to ward type, and the union set are kept at every level): a slice reads the coarsest
 * level that keeps every dimension it groups or filters by.
 */
const ROLLUP_LEVELS: { level: number; keeps: readonly SliceDimension[] }[] = [
  { level: 2, keeps: [SliceDimension.EMPLOYER, SliceDimension.SITE, SliceDimension.WARD, SliceDimension.WARD_TYPE] },
  { level: 1, keeps: [SliceDimension.EMPLOYER, SliceDimension.SITE, SliceDimension.WARD, SliceDimension.WARD_TYPE, SliceDimension.STAFF_GROUP] },
  { level: 0, keeps: [SliceDimension.EMPLOYER, SliceDimension.SITE, SliceDimension.WARD, SliceDimension.WARD_TYPE, SliceDimension.STAFF_GROUP, SliceDimension.GRADE, SliceDimension.SHIFT_PATTERN, SliceDimension.CONTRACT_TYPE] },
];

const CURRENT_MEMBERSHIP = `m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)`;

/**
 * Each filter by a dimension's values: the dimension, its expression in the live statement, its
 * column in the density rollup, and the type its values are cast to. Both statements' WHERE come
 * from it (`filterWhere`).
 */
const FILTERS: Record<Exclude<keyof SliceFilter, 'unionIds'>, { dim: SliceDimension; live: string; rollup: string; cast: 'uuid[]' | 'text[]' }> = {
  employerIds: { dim: SliceDimension.EMPLOYER, live: 'c.employer_id', rollup: 'r.employer_id', cast: 'uuid[]' },
  siteIds: { dim: SliceDimension.SITE, live: 'w.site_id', rollup: 'r.site_id', cast: 'uuid[]' },
  wardIds: { dim: SliceDimension.WARD, live: 'p.ward_id', rollup: 'r.ward_id', cast: 'uuid[]' },
  wardTypes: { dim: SliceDimension.WARD_TYPE, live: 'w.type::text', rollup: 'r.ward_type', cast: 'text[]' },
  staffGroups: { dim: SliceDimension.STAFF_GROUP, live: 'c.staff_group::text', rollup: 'r.staff_group', cast: 'text[]' },
  grades: { dim: SliceDimension.GRADE, live: 'c.grade::text', rollup: 'r.grade', cast: 'text[]' },
  shiftPatterns: { dim: SliceDimension.SHIFT_PATTERN, live: 'c.shift_pattern::text', rollup: 'r.shift_pattern', cast: 'text[]' },
  contractTypes: { dim: SliceDimension.CONTRACT_TYPE, live: 'c.contract_type::text', rollup: 'r.contract_type', cast: 'text[]' },
};
/** The union filter (current members of any of the unions), live and in the rollup (its rows' union sets). */
const UNION_FILTER = {
  live: `EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND ${CURRENT_MEMBERSHIP} AND m.union_id = ANY(CAST(:unionIds AS uuid[])))`,
  rollup: 'r.unions && CAST(:unionIds AS uuid[])',
};

/**
 * A filter's conditions on the live statement's expressions or the rollup's columns (its values
 * into `params`, by name), and the condition on the per-union rows' `u` when it names unions.
 */
function filterWhere(f: SliceFilter, side: 'live' | 'rollup', params: Record<string, unknown>): { where: string[]; unionWhere: string } {
  const where: string[] = [];
  for (const [key, filter] of Object.entries(FILTERS) as [keyof typeof FILTERS, (typeof FILTERS)[keyof typeof FILTERS]][]) {
    const v = f[key];
    if (!v?.length) continue;
    params[key] = v;
    where.push(`${filter[side]} = ANY(CAST(:${key} AS ${filter.cast}))`);
  }
  if (!f.unionIds?.length) return { where, unionWhere: '' };
  params.unionIds = f.unionIds;
  where.push(UNION_FILTER[side]);
  return { where, unionWhere: 'WHERE u = ANY(CAST(:unionIds AS uuid[]))' };
}

/**
 * Counts for density slices, grouped in the database: one statement for any grouping sets over the
 * dimensions (GROUPING SETS), with each person's figures worked out once in a materialized list
 * (current staff, as `currentStaff` counts them for density: not deleted, not left, with a current
 * posting), their union memberships unnested for the per-union counts.
 *
 * At scale, people of whole employers (a branch's secretary, admin or caseworker; an aggregate-only
 * viewer's count scope) are counted from the density rollup instead (RollupService): the same
 * figures, summed over its rows (one per combination of every dimension and union set) in the same
 * grouping sets, as of its last refresh (`asOf`). A rep's patch is small and stays live, and so does
 * an organisation whose rollup was never refreshed.
 */
@Injectable()
export class SliceService {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly door: PeopleDoor, private readonly access: AccessService) {}

  /** The caller's people (a rep: their patch), grouped. */
  async forPeople(user: AuthUser, dims: readonly GroupDim[], sets: readonly (readonly GroupDim[])[], unionSets: readonly (readonly GroupDim[])[], filter: SliceFilter): Promise<GroupedCounts> {
    const people = this.access.people(user);
    if (people.employerIds.length && !people.siteIds.length) {
      const rolled = await this.fromRollup({ organisationId: user.organisationId, employerIds: people.employerIds }, dims, sets, unionSets, filter);
      if (rolled) return rolled;
    }
    const { sql, params } = this.statement(dims, sets, unionSets, filter);
    return this.door.sql<Raw>(user, sql, params).then((rows) => this.collect(dims, rows, null));
  }

  /** The people of a count scope (whole employers), grouped: for aggregate-only viewers, unfiltered. */
  async forCount(scope: CountScope, dims: readonly GroupDim[], sets: readonly (readonly GroupDim[])[], unionSets: readonly (readonly GroupDim[])[]): Promise<GroupedCounts> {
    const rolled = scope.employerIds.length ? await this.fromRollup(scope, dims, sets, unionSets, {}) : null;
    if (rolled) return rolled;
    const { sql, params } = this.statement(dims, sets, unionSets, {});
    return this.door.countSql<Raw>(scope, sql, params).then((rows) => this.collect(dims, rows, null));
  }

  /**
   * Whole employers' people grouped from the density rollup, or null when the organisation's rollup
   * was never refreshed (then they are counted live). Row-level security binds these rows as it
   * binds `contact` (organisation, and the caller's branches' employers).
   */
  private async fromRollup(scope: CountScope, dims: readonly GroupDim[], sets: readonly (readonly GroupDim[])[], unionSets: readonly (readonly GroupDim[])[], f: SliceFilter): Promise<GroupedCounts | null> {
    const [state] = await this.db.query<{ as_of: Date }[]>('SELECT as_of FROM density_rollup_state WHERE organisation_id = $1', [scope.organisationId]);
    if (!state) return null;
    const { sql, params } = this.rollupStatement(scope, dims, sets, unionSets, f);
    const [text, values] = this.db.connection.driver.escapeQueryWithParameters(sql, params);
    return this.collect(dims, await this.db.query<Raw[]>(text, values), state.as_of);
  }

  /**
   * The rollup's rows of the scope's employers, filtered, summed in the grouping sets asked for;
   * per-union members are the headcounts of the rows whose union set holds the union (each person
   * of a row is a member of every union of its set). The same columns as `statement`.
   */
  private rollupStatement(scope: CountScope, dims: readonly GroupDim[], sets: readonly (readonly GroupDim[])[], unionSets: readonly (readonly GroupDim[])[], f: SliceFilter) {
    const used = new Set<SliceDimension>(dims as SliceDimension[]);
    for (const [k, v] of Object.entries(f) as [keyof SliceFilter, unknown[] | undefined][]) if (v?.length && k !== 'unionIds' && FILTERS[k]) used.add(FILTERS[k].dim);
    const { level } = ROLLUP_LEVELS.find((l) => [...used].every((d) => l.keeps.includes(d)))!;
    const params: Record<string, unknown> = { rollupOrg: scope.organisationId, rollupLevel: level, rollupEmployers: scope.employerIds };
    const filtered = filterWhere(f, 'rollup', params);
    const where = ['r.organisation_id = :rollupOrg', 'r.level = :rollupLevel', 'r.employer_id = ANY(CAST(:rollupEmployers AS uuid[]))', ...filtered.where];
    const { unionWhere } = filtered;
    const cols = dims.map(col);
    const grouping = cols.length ? `GROUPING(${cols.join(', ')})` : '0';
    const list = (s: readonly GroupDim[]) => `(${s.map(col).join(', ')})`;
    const pick = cols.length ? `${cols.join(', ')}, ` : '';
    const sum = (c: string, as: string) => `coalesce(sum(${c}), 0)::int AS ${as}`;
    const sql = `
      WITH base AS MATERIALIZED (
        SELECT ${dims.map((d) => `${ROLLUP_SQL[d]}::text AS ${col(d)}, `).join('')}r.unions, r.headcount, r.members, r.assessed, r.ones, r.twos,
          r.leaders, r.reps, r.conversations_30d, r.never_spoken_to
        FROM density_rollup r WHERE ${where.join(' AND ')}
      )
      SELECT 0 AS part, ${pick}NULL::text AS union_id, ${grouping} AS g, ${sum('headcount', 'headcount')}, ${sum('members', 'members')},
        ${sum('assessed', 'assessed')}, ${sum('ones', 'ones')}, ${sum('twos', 'twos')}, ${sum('leaders', 'leaders')}, ${sum('reps', 'reps')},
        ${sum('conversations_30d', 'conversations')}, ${sum('never_spoken_to', 'never_spoken')}
      FROM base GROUP BY GROUPING SETS (${sets.map(list).join(', ')})
      ${unionSets.length ? `UNION ALL
      SELECT 1, ${pick}u::text, ${grouping}, 0, sum(headcount)::int, 0, 0, 0, 0, 0, 0, 0
      FROM base CROSS JOIN LATERAL unnest(base.unions) u ${unionWhere}
      GROUP BY GROUPING SETS (${unionSets.map((s) => `(${[...s.map(col), 'u'].join(', ')})`).join(', ')})` : ''}`;
    return { sql, params };
  }

  /** Names of employers, sites, wards, and every union of the organisation (id → name), for labels. */
  async names(organisationId: string, ids: { employers: string[]; sites: string[]; wards: string[] }): Promise<{ names: Map<string, string>; unions: { id: string; name: string }[] }> {
    const rows = await this.db.query(
      `SELECT 'e' AS kind, id::text, name FROM employer WHERE organisation_id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT 's', id::text, name FROM site WHERE organisation_id = $1 AND id = ANY($3::uuid[])
       UNION ALL SELECT 'w', id::text, name FROM ward WHERE organisation_id = $1 AND id = ANY($4::uuid[])
       UNION ALL SELECT 'u', id::text, name FROM trade_union WHERE organisation_id = $1`,
      [organisationId, ids.employers, ids.sites, ids.wards],
    ) as { kind: string; id: string; name: string }[];
    const unions = rows.filter((r) => r.kind === 'u').map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { names: new Map(rows.map((r) => [r.id, r.name])), unions };
  }

  private statement(dims: readonly GroupDim[], sets: readonly (readonly GroupDim[])[], unionSets: readonly (readonly GroupDim[])[], f: SliceFilter) {
    const params: Record<string, unknown> = {};
    const { where, unionWhere } = filterWhere(f, 'live', params);
    const cols = dims.map(col);
    const grouping = cols.length ? `GROUPING(${cols.join(', ')})` : '0';
    const list = (s: readonly GroupDim[]) => `(${s.map(col).join(', ')})`;
    const pick = cols.length ? `${cols.join(', ')}, ` : '';
    const sql = (people: PeopleSql) => `
      WITH base AS MATERIALIZED (
        SELECT ${dims.map((d) => `${DIM_SQL[d]}::text AS ${col(d)}, `).join('')}c.leader,
          ${currentAssessment('c.id')} AS assessment,
          ${IS_MEMBER} AS member,
          ARRAY(SELECT DISTINCT m.union_id FROM membership m WHERE m.contact_id = c.id AND ${CURRENT_MEMBERSHIP}) AS unions,
          EXISTS (SELECT 1 FROM rep_role r WHERE r.contact_id = c.id AND (r.end_date IS NULL OR r.end_date > current_date)
            AND (r.start_date IS NULL OR r.start_date <= current_date)) AS rep,
          (SELECT count(*) FROM conversation cv WHERE cv.contact_id = c.id AND cv.occurred_at >= now() - interval '30 days')::int AS conversations,
          NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = c.id) AS never_spoken
        ${currentStaff(people)}${where.map((w) => ` AND ${w}`).join('')}
      )
      SELECT 0 AS part, ${pick}NULL::text AS union_id, ${grouping} AS g, count(*)::int AS headcount,
        count(*) FILTER (WHERE member)::int AS members, count(assessment)::int AS assessed,
        count(*) FILTER (WHERE assessment = 1)::int AS ones, count(*) FILTER (WHERE assessment = 2)::int AS twos,
        count(*) FILTER (WHERE leader)::int AS leaders, count(*) FILTER (WHERE rep)::int AS reps,
        coalesce(sum(conversations), 0)::int AS conversations, count(*) FILTER (WHERE never_spoken)::int AS never_spoken
      FROM base GROUP BY GROUPING SETS (${sets.map(list).join(', ')})
      ${unionSets.length ? `UNION ALL
      SELECT 1, ${pick}u::text, ${grouping}, 0, count(*)::int, 0, 0, 0, 0, 0, 0, 0
      FROM base CROSS JOIN LATERAL unnest(base.unions) u ${unionWhere}
      GROUP BY GROUPING SETS (${unionSets.map((s) => `(${[...s.map(col), 'u'].join(', ')})`).join(', ')})` : ''}`;
    return { sql, params };
  }

  private collect(dims: readonly GroupDim[], rows: Raw[], asOf: Date | null): GroupedCounts {
    const groups = new Map<string, Map<string, GroupFigures>>();
    const unions = new Map<string, Map<string, Map<string, number>>>();
    for (const r of rows) {
      // GROUPING(): a bit per dimension, the first the highest, set where the dimension is not grouped.
      const g = Number(r.g);
      const grouped = dims.filter((_, i) => !(g & (1 << (dims.length - 1 - i))));
      const id = setId(grouped);
      const values = valuesId(grouped.map((d) => r[col(d)] as string | null));
      if (Number(r.part) === 0) {
        if (!groups.has(id)) groups.set(id, new Map());
        groups.get(id)!.set(values, {
          headcount: r.headcount, members: r.members, assessed: r.assessed, ones: r.ones, twos: r.twos,
          leaders: r.leaders, reps: r.reps, conversations: r.conversations, neverSpokenTo: r.never_spoken,
        });
      } else {
        if (!unions.has(id)) unions.set(id, new Map());
        const byValues = unions.get(id)!;
        if (!byValues.has(values)) byValues.set(values, new Map());
        byValues.get(values)!.set(r.union_id as string, r.members);
      }
    }
    return { asOf, groups, unions };
  }
}

type Raw = GroupFigures & { part: number; g: number; union_id: string | null; never_spoken: number } & Record<string, unknown>;
