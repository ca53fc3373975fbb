import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  CONTRACT_TYPE_LABELS, type ContractType, coverageStatus, density, type Grade, gradeLabel, MIN_CELL_SIZE, SHIFT_PATTERN_LABELS, type ShiftPattern,
  type SliceCell, type SliceTable, STAFF_GROUP_LABELS, type StaffGroup, suppressSlices, tableId, cellId, WARD_TYPE_LABELS, type WardType,
} from '@rollcall/domain';
import { AccessService } from '../access/access.service.js';
import type { CountScope } from '../access/people-door.js';
import { Can, Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UserInputError } from '../common/errors.js';
import { DensitySuppression } from '../density/density.types.js';
import { CoverageStatus } from '../organising/organising.types.js';
import { type GroupDim, type GroupedCounts, type GroupFigures, setId, SliceService, valuesId } from './slice.service.js';
import { DensitySlice, SliceDimension, SliceFilter, type SliceKey, type SliceRow } from './slice.types.js';

const D = SliceDimension;
/** What an aggregate-only viewer may slice by, in the order their tables are kept. */
export const COALITION_DIMENSIONS: readonly SliceDimension[] = [D.EMPLOYER, D.SITE, D.WARD_TYPE, D.STAFF_GROUP, D.UNION];
const COALITION_GROUPS: readonly GroupDim[] = [D.EMPLOYER, D.SITE, D.WARD_TYPE, D.STAFF_GROUP] as GroupDim[];

/** The dimension each filter field selects values of. */
const FILTER_DIMENSION: Record<keyof SliceFilter, SliceDimension> = {
  employerIds: D.EMPLOYER, siteIds: D.SITE, wardIds: D.WARD, wardTypes: D.WARD_TYPE, staffGroups: D.STAFF_GROUP,
  grades: D.GRADE, shiftPatterns: D.SHIFT_PATTERN, contractTypes: D.CONTRACT_TYPE, unionIds: D.UNION,
};

const ZERO: GroupFigures = { headcount: 0, members: 0, assessed: 0, ones: 0, twos: 0, leaders: 0, reps: 0, conversations: 0, neverSpokenTo: 0 };
const EMPTY_ROW = {
  membersByUnion: null, assessed: null, assessedShare: null, ones: null, twos: null, leaders: null, reps: null,
  workersPerRep: null, coverage: null, conversations30d: null, neverSpokenTo: null,
};

/** All subsets of up to two of these dimensions, in their order: (), (a), (b), (a, b)… */
function subsets<T>(dims: readonly T[], max: number): T[][] {
  const out: T[][] = [[]];
  dims.forEach((a, i) => {
    out.push([a]);
    if (max >= 2) dims.slice(i + 1).forEach((b) => out.push([a, b]));
  });
  return out;
}

/**
 * Density by any one or two dimensions (see DensitySlice). People are counted through the
 * PeopleDoor: those the caller may see (a rep: the staff posted on their patch; a branch's
 * secretary or caseworker: its employers' staff). A caller who sees nobody's records but may count
 * (a coalition viewer) gets aggregates only, over the whole count scope, suppressed as a family of
 * tables (libs/domain slices.ts): see `aggregate`.
 */
@Resolver()
export class SliceResolver {
  constructor(private readonly slices: SliceService, private readonly access: AccessService) {}

  @Can(Permission.AGGREGATES_READ)
  @Query(() => DensitySlice, {
    description: 'Headcount, members, density and organising figures of current staff by one or two dimensions, with a total row. '
      + "A rep's figures count only their patch. Aggregate-only viewers (coalition) may slice by EMPLOYER, SITE, WARD_TYPE, STAFF_GROUP "
      + 'or UNION only, filter only by values of those dimensions in `by`, and get headcount, members and density, small cells withheld',
  })
  async densitySlice(
    @CurrentUser() user: AuthUser,
    @Args('by', { type: () => [SliceDimension] }) by: SliceDimension[],
    @Args('filter', { type: () => SliceFilter, nullable: true }) filter?: SliceFilter,
  ): Promise<DensitySlice> {
    if (by.length < 1 || by.length > 2) throw new UserInputError({ by: 'choose one or two dimensions' });
    if (new Set(by).size !== by.length) throw new UserInputError({ by: 'choose two different dimensions' });
    const f = filter ?? {};
    const people = this.access.people(user);
    if (!people.employerIds.length && !people.siteIds.length) return this.aggregate(user, by, f);
    return this.full(user, by, f);
  }

  /** Everything, for a caller who sees the people counted. */
  private async full(user: AuthUser, by: SliceDimension[], f: SliceFilter): Promise<DensitySlice> {
    const groupDims = by.filter((d) => d !== D.UNION) as GroupDim[];
    const sets = subsets(groupDims, 2);
    const counts = await this.slices.forPeople(user, groupDims, sets, sets, f);
    const label = await this.labeller(user.organisationId, counts);
    const unions = label.unions.filter((u) => !f.unionIds?.length || f.unionIds.includes(u.id));
    const at = (dims: readonly GroupDim[], values: readonly (string | null)[]) => counts.groups.get(setId(dims))?.get(valuesId(values)) ?? ZERO;
    const unionAt = (dims: readonly GroupDim[], values: readonly (string | null)[]) => counts.unions.get(setId(dims))?.get(valuesId(values));
    const fullRow = (keys: SliceKey[], dims: readonly GroupDim[], values: readonly (string | null)[]): SliceRow => {
      const g = at(dims, values);
      const byUnion = unionAt(dims, values);
      return {
        keys, headcount: g.headcount, members: g.members, density: density(g.members, g.headcount),
        membersByUnion: unions.map((u) => ({ unionId: u.id, name: u.name, members: byUnion?.get(u.id) ?? 0 })),
        assessed: g.assessed, assessedShare: g.headcount ? g.assessed / g.headcount : null, ones: g.ones, twos: g.twos,
        leaders: g.leaders, reps: g.reps, workersPerRep: g.reps ? g.headcount / g.reps : null,
        coverage: CoverageStatus[coverageStatus(g.reps, g.headcount)], conversations30d: g.conversations, neverSpokenTo: g.neverSpokenTo,
        suppressed: false, suppression: null,
      };
    };
    const unionRow = (keys: SliceKey[], dims: readonly GroupDim[], values: readonly (string | null)[], unionId: string): SliceRow => {
      const headcount = at(dims, values).headcount;
      const members = unionAt(dims, values)?.get(unionId) ?? 0;
      return { keys, headcount, members, density: density(members, headcount), ...EMPTY_ROW, suppressed: false, suppression: null };
    };
    const valuesOf = (dims: readonly GroupDim[]) => [...(counts.groups.get(setId(dims))?.keys() ?? [])].map((v) => JSON.parse(v) as (string | null)[]);
    const unionKey = (id: string) => label.key(D.UNION, id);

    let rows: SliceRow[];
    const margins: SliceRow[] = [];
    if (!by.includes(D.UNION)) {
      rows = valuesOf(groupDims).map((vs) => fullRow(vs.map((v, i) => label.key(groupDims[i], v)), groupDims, vs));
      if (by.length === 2) for (const d of groupDims) margins.push(...sorted(valuesOf([d]).map(([v]) => fullRow([label.key(d, v)], [d], [v]))));
    } else if (!groupDims.length) {
      rows = unions.map((u) => unionRow([unionKey(u.id)], [], [], u.id));
    } else {
      const [d] = groupDims;
      const unionFirst = by[0] === D.UNION;
      rows = valuesOf([d]).flatMap(([v]) => unions.map((u) => {
        const keys = unionFirst ? [unionKey(u.id), label.key(d, v)] : [label.key(d, v), unionKey(u.id)];
        return unionRow(keys, [d], [v], u.id);
      }));
      const own = sorted(valuesOf([d]).map(([v]) => fullRow([label.key(d, v)], [d], [v])));
      const perUnion = unions.map((u) => unionRow([unionKey(u.id)], [], [], u.id));
      margins.push(...(unionFirst ? [...perUnion, ...own] : [...own, ...perUnion]));
    }
    return { by, rows: sorted(rows), margins, total: fullRow([], [], []), aggregateOnly: false, minCell: MIN_CELL_SIZE, asOf: counts.asOf };
  }

  /**
   * Aggregate-only viewers. Every table they may ask for (each allowed dimension alone and each pair)
   * is counted in one statement over the whole count scope, unfiltered, and suppressed together
   * (suppressSlices), so a two-dimension table's margins are the one-dimension tables' cells. An
   * answer is then a part of one of those tables: filters may only pick values of the dimensions in
   * `by`, and a filtered answer's total is withheld (only its reader could sum just those cells).
   */
  private async aggregate(user: AuthUser, by: SliceDimension[], f: SliceFilter): Promise<DensitySlice> {
    const refused = by.find((d) => !COALITION_DIMENSIONS.includes(d));
    if (refused) throw new UserInputError({ by: `${refused} is not available to aggregate-only viewers` });
    const picked = new Map<SliceDimension, Set<string>>();
    for (const [field, values] of Object.entries(f) as [keyof SliceFilter, string[] | undefined][]) {
      if (!values?.length) continue;
      const d = FILTER_DIMENSION[field];
      if (!COALITION_DIMENSIONS.includes(d)) throw new UserInputError({ [field]: `${d} is not available to aggregate-only viewers` });
      if (!by.includes(d)) throw new UserInputError({ [field]: 'aggregate-only viewers may filter only by a dimension of the table (by)' });
      picked.set(d, new Set(values));
    }
    const { tables, suppression: s, total, label, asOf } = await this.coalitionFamily(user.organisationId, this.access.countScope(user));
    const row = (dims: readonly SliceDimension[], cell: SliceCell, order: readonly SliceDimension[]): SliceRow => {
      const keys = order.map((d) => label.key(d, cell.key[dims.indexOf(d)]));
      const reason = s.hidden.get(tableId(dims))!.get(cellId(cell.key));
      if (reason) return { keys, headcount: null, members: null, density: null, ...EMPTY_ROW, suppressed: true, suppression: DensitySuppression[reason] };
      return { keys, headcount: cell.headcount, members: cell.members, density: density(cell.members, cell.headcount), ...EMPTY_ROW, suppressed: false, suppression: null };
    };
    const kept = (dims: readonly SliceDimension[], cell: SliceCell) => dims.every((d, i) => !picked.has(d) || picked.get(d)!.has(cell.key[i]));
    const part = (order: readonly SliceDimension[]) => {
      const dims = COALITION_DIMENSIONS.filter((d) => order.includes(d));
      const table = tables.find((t) => tableId(t.dims) === tableId(dims))!;
      return sorted(table.cells.filter((c) => kept(dims, c)).map((c) => row(dims, c, order)));
    };
    const margins = by.length === 2 ? by.flatMap((d) => part([d])) : [];
    const withheld = picked.size > 0 || s.totalSuppressed;
    const totalRow: SliceRow = withheld
      ? { keys: [], headcount: null, members: null, density: null, ...EMPTY_ROW, suppressed: true, suppression: picked.size ? DensitySuppression.COMPLEMENTARY : DensitySuppression.SMALL_CELL }
      : { keys: [], headcount: total.headcount, members: total.members, density: density(total.members, total.headcount), ...EMPTY_ROW, suppressed: false, suppression: null };
    return { by, rows: part(by), margins, total: totalRow, aggregateOnly: true, minCell: s.minCell, asOf };
  }

  /**
   * The family of tables an aggregate-only viewer of this count scope is given parts of: every allowed
   * dimension alone and each pair, counted unfiltered over the whole scope and suppressed together.
   * Also what densityBySite and the coalition line-up publish (its SITE and EMPLOYER tables), so that
   * no answer anywhere differs from the family's.
   */
  async coalitionFamily(organisationId: string, scope: CountScope) {
    const counts = await this.slices.forCount(scope, COALITION_GROUPS, subsets(COALITION_GROUPS, 2), subsets(COALITION_GROUPS, 1));
    const label = await this.labeller(organisationId, counts);
    const total = counts.groups.get('')?.get(valuesId([])) ?? ZERO;
    const cellsOf = (d: GroupDim) => [...(counts.groups.get(d)?.entries() ?? [])].map(([v, g]) => ({ key: JSON.parse(v) as string[], members: g.members, headcount: g.headcount }));
    const tables: SliceTable[] = [];
    for (const d of COALITION_GROUPS) tables.push({ dims: [d], cells: cellsOf(d) });
    const unionTotals = counts.unions.get('')?.get(valuesId([]));
    tables.push({ dims: [D.UNION], cells: label.unions.map((u) => ({ key: [u.id], members: unionTotals?.get(u.id) ?? 0, headcount: total.headcount })) });
    for (const [i, a] of COALITION_GROUPS.entries()) {
      for (const b of COALITION_GROUPS.slice(i + 1)) {
        const cells = [...(counts.groups.get(setId([a, b]))?.entries() ?? [])].map(([v, g]) => ({ key: JSON.parse(v) as string[], members: g.members, headcount: g.headcount }));
        tables.push({ dims: [a, b], cells });
      }
      tables.push({
        dims: [a, D.UNION],
        cells: cellsOf(a).flatMap((c) => label.unions.map((u) => ({
          key: [c.key[0], u.id], members: counts.unions.get(a)?.get(valuesId(c.key))?.get(u.id) ?? 0, headcount: c.headcount,
        }))),
      });
    }
    return { tables, suppression: suppressSlices(tables, total), total, label, asOf: counts.asOf };
  }

  /** Labels for the values in these counts: names of employers, sites, wards and unions, labels of enums. */
  private async labeller(organisationId: string, counts: GroupedCounts) {
    const ids = { employers: new Set<string>(), sites: new Set<string>(), wards: new Set<string>() };
    for (const [set, rows] of counts.groups) {
      const dims = set ? set.split('+') : [];
      for (const v of rows.keys()) {
        (JSON.parse(v) as (string | null)[]).forEach((value, i) => {
          if (!value) return;
          if (dims[i] === D.EMPLOYER) ids.employers.add(value);
          if (dims[i] === D.SITE) ids.sites.add(value);
          if (dims[i] === D.WARD) ids.wards.add(value);
        });
      }
    }
    const { names, unions } = await this.slices.names(organisationId, { employers: [...ids.employers], sites: [...ids.sites], wards: [...ids.wards] });
    const text = (d: SliceDimension, v: string | null): string => {
      if (v === null) return 'Not recorded';
      switch (d) {
        case D.WARD_TYPE: return WARD_TYPE_LABELS[v as WardType] ?? v;
        case D.STAFF_GROUP: return STAFF_GROUP_LABELS[v as StaffGroup] ?? v;
        case D.GRADE: return gradeLabel(v as Grade);
        case D.SHIFT_PATTERN: return SHIFT_PATTERN_LABELS[v as ShiftPattern] ?? v;
        case D.CONTRACT_TYPE: return CONTRACT_TYPE_LABELS[v as ContractType] ?? v;
        default: return names.get(v) ?? '—';
      }
    };
    return { unions, key: (dimension: SliceDimension, value: string | null): SliceKey => ({ dimension, value, label: text(dimension, value) }) };
  }
}

/** Rows by the labels of their keys, then their values. */
function sorted(rows: SliceRow[]): SliceRow[] {
  const text = (r: SliceRow) => r.keys.map((k) => `${k.label}\u0000${k.value ?? ''}`).join('\u0001');
  return rows.sort((a, b) => text(a).localeCompare(text(b)));
}
