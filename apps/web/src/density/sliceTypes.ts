import { addDays } from '@rollcall/domain';
import { CONTRACT_TYPE_CHOICES, GRADE_CHOICES, SHIFT_PATTERN_CHOICES, STAFF_GROUP_CHOICES, WARD_TYPE_CHOICES } from '../choices';

/** What a density slice groups current staff by (the API's SliceDimension). */
export type SliceDimension = 'EMPLOYER' | 'SITE' | 'WARD' | 'WARD_TYPE' | 'STAFF_GROUP' | 'GRADE' | 'SHIFT_PATTERN' | 'CONTRACT_TYPE' | 'UNION';

export const DIMENSION_LABELS: Record<SliceDimension, string> = {
  EMPLOYER: 'Employer', SITE: 'Site', WARD: 'Ward', WARD_TYPE: 'Ward type', STAFF_GROUP: 'Staff group', GRADE: 'Grade',
  SHIFT_PATTERN: 'Shift pattern', CONTRACT_TYPE: 'Contract type', UNION: 'Union',
};
export const DIMENSIONS = Object.keys(DIMENSION_LABELS) as SliceDimension[];
/** What an aggregate-only (coalition) viewer may slice and filter by: the API refuses the rest. */
export const COALITION_DIMENSIONS: readonly SliceDimension[] = ['EMPLOYER', 'SITE', 'WARD_TYPE', 'STAFF_GROUP', 'UNION'];

/** The API's SliceFilter: a list of values per dimension. */
export type FilterField = 'employerIds' | 'siteIds' | 'wardIds' | 'wardTypes' | 'staffGroups' | 'grades' | 'shiftPatterns' | 'contractTypes' | 'unionIds';
export type SliceFilter = Partial<Record<FilterField, string[]>>;

/** Each filter field, the dimension it picks values of, and where its choices come from (a list resource, or fixed). */
export const FILTER_FIELDS: { field: FilterField; dimension: SliceDimension; label: string; resource?: string; choices?: { id: string; name: string }[] }[] = [
  { field: 'employerIds', dimension: 'EMPLOYER', label: 'Employers', resource: 'Employers' },
  { field: 'siteIds', dimension: 'SITE', label: 'Sites', resource: 'Sites' },
  { field: 'wardIds', dimension: 'WARD', label: 'Wards', resource: 'Wards' },
  { field: 'wardTypes', dimension: 'WARD_TYPE', label: 'Ward types', choices: WARD_TYPE_CHOICES },
  { field: 'staffGroups', dimension: 'STAFF_GROUP', label: 'Staff groups', choices: STAFF_GROUP_CHOICES },
  { field: 'grades', dimension: 'GRADE', label: 'Grades', choices: GRADE_CHOICES },
  { field: 'shiftPatterns', dimension: 'SHIFT_PATTERN', label: 'Shift patterns', choices: SHIFT_PATTERN_CHOICES },
  { field: 'contractTypes', dimension: 'CONTRACT_TYPE', label: 'Contract types', choices: CONTRACT_TYPE_CHOICES },
  { field: 'unionIds', dimension: 'UNION', label: 'Members of', resource: 'Unions' },
];

export interface SliceKey { dimension: SliceDimension; value: string | null; label: string }
export interface SliceRow {
  keys: SliceKey[];
  headcount: number | null;
  members: number | null;
  membersByUnion: { unionId: string; name: string; members: number }[] | null;
  density: number | null;
  assessed: number | null;
  assessedShare: number | null;
  ones: number | null;
  twos: number | null;
  leaders: number | null;
  reps: number | null;
  workersPerRep: number | null;
  coverage: string | null;
  conversations30d: number | null;
  neverSpokenTo: number | null;
  suppressed: boolean;
  suppression: 'SMALL_CELL' | 'COMPLEMENTARY' | null;
}
export interface DensitySlice {
  by: SliceDimension[];
  rows: SliceRow[];
  margins: SliceRow[];
  total: SliceRow;
  aggregateOnly: boolean;
  minCell: number;
  asOf: string | null;
}

export interface DensityTrendPoint {
  day: string;
  headcount: number | null;
  members: number | null;
  density: number | null;
  suppressed: boolean;
  suppression: 'SMALL_CELL' | 'COMPLEMENTARY' | null;
}
export interface DensityTrend {
  from: string;
  to: string;
  asOf: string | null;
  latestDay: string | null;
  aggregateOnly: boolean;
  minCell: number;
  points: DensityTrendPoint[];
}

/** "41%", or "—" with nobody to count. */
export const percent = (d: number | null | undefined): string => (d === null || d === undefined ? '—' : `${Math.round(d * 100)}%`);
export const figure = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toLocaleString('en-GB'));

/** Why a figure is withheld, in words (the CSV says the same). */
export function withheldText(reason: SliceRow['suppression'], minCell: number): string {
  return reason === 'COMPLEMENTARY' ? 'withheld so a small cell cannot be worked out' : `withheld: fewer than ${minCell}`;
}

/** A row's value of one dimension (its key), or undefined in a margin without it. */
export const keyOf = (row: SliceRow, d: SliceDimension): SliceKey | undefined => row.keys.find((k) => k.dimension === d);

/** What the explorer shows, as kept in its address (`/density/explore?by=WARD,SHIFT_PATTERN&staffGroups=…`). */
export interface ExplorerQuery {
  by: SliceDimension[];
  filter: SliceFilter;
}

export function parseExplorerQuery(search: string): ExplorerQuery {
  const p = new URLSearchParams(search);
  const list = (k: string) => (p.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const by = list('by').filter((d): d is SliceDimension => (DIMENSIONS as string[]).includes(d)).slice(0, 2);
  const filter: SliceFilter = {};
  for (const { field } of FILTER_FIELDS) {
    const values = list(field);
    if (values.length) filter[field] = values;
  }
  return { by: by.length ? by : ['SITE'], filter };
}

export function explorerSearch(q: ExplorerQuery): string {
  const p = new URLSearchParams();
  p.set('by', q.by.join(','));
  for (const { field } of FILTER_FIELDS) if (q.filter[field]?.length) p.set(field, q.filter[field]!.join(','));
  return `?${p.toString().replace(/%2C/g, ',')}`;
}

/** The filter as the API takes it: empty lists left out. */
export function apiFilter(filter: SliceFilter): SliceFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v && v.length)) as SliceFilter;
}

/** Every day from `from` to `to` (YYYY-MM-DD), for a trend line with the missing days left as gaps. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 800; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Shift patterns in the order the app lists them. */
export const SHIFT_ORDER: string[] = SHIFT_PATTERN_CHOICES.map((c) => c.id);
