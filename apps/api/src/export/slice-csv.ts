import { COVERAGE_STATUS_LABELS, formatDensity } from '@rollcall/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UserInputError, validationFields } from '../common/errors.js';
import { DensitySuppression } from '../density/density.types.js';
import { type DensitySlice, SliceDimension, SliceFilter, type SliceRow } from '../analytics/slice.types.js';
import { plainText } from './csv-format.js';

/** A slice dimension as a column heading (the web app's words). */
export const SLICE_DIMENSION_LABELS: Record<SliceDimension, string> = {
  EMPLOYER: 'Employer', SITE: 'Site', WARD: 'Ward', WARD_TYPE: 'Ward type', STAFF_GROUP: 'Staff group', GRADE: 'Grade',
  SHIFT_PATTERN: 'Shift pattern', CONTRACT_TYPE: 'Contract type', UNION: 'Union',
};

/** What the explorer sends: the densitySlice arguments. */
export interface SliceExportRequest {
  by: SliceDimension[];
  filter: SliceFilter;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const DIMENSIONS = new Set<string>(Object.values(SliceDimension));

/** The request body `{ by, filter }`, validated as GraphQL validates densitySlice's arguments; unknown fields refused. */
export async function readSliceExportRequest(body: unknown): Promise<SliceExportRequest> {
  if (!isPlainObject(body)) throw new UserInputError({ body: 'must be a JSON object with by and filter' });
  const { by, filter, ...rest } = body;
  const fields: Record<string, string> = {};
  for (const k of Object.keys(rest)) fields[k] = 'is not an export option (use by, filter)';
  if (!Array.isArray(by) || !by.length) fields.by = 'choose one or two dimensions';
  else if (by.some((d) => typeof d !== 'string' || !DIMENSIONS.has(d))) fields.by = `must be dimensions (${[...DIMENSIONS].join(', ')})`;
  else if (by.length > 2) fields.by = 'choose one or two dimensions';
  let parsed = new SliceFilter();
  if (filter !== undefined && filter !== null) {
    if (!isPlainObject(filter)) fields.filter = 'must be an object';
    else {
      parsed = plainToInstance(SliceFilter, filter);
      const errors = validationFields(await validate(parsed, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false }));
      Object.assign(fields, errors);
    }
  }
  if (Object.keys(fields).length) throw new UserInputError(fields);
  return { by: by as SliceDimension[], filter: parsed };
}

/** Why a figure is withheld, in the explorer's words. */
export function withheldText(reason: DensitySuppression | null, minCell: number): string {
  if (reason === DensitySuppression.COMPLEMENTARY) return 'withheld so a small cell cannot be worked out';
  return `withheld: fewer than ${minCell}`;
}

type Cell = string | number;
const num = (n: number | null | undefined): Cell => (n === null || n === undefined ? '' : n);
const pct = (share: number | null | undefined): Cell => (share === null || share === undefined ? '' : `${Math.round(share * 100)}%`);
const ratio = (n: number | null | undefined): Cell => (n === null || n === undefined ? '' : Math.round(n * 10) / 10);

/**
 * A density slice as the explorer shows it, as CSV records: a column per dimension of `by`, then the
 * figures. The table's rows first, then (with two dimensions) each dimension's totals ("All" in the
 * other dimension's column), then the total ("All" in every dimension column). A withheld row has
 * every figure empty and says why in "Withheld"; never a number. Aggregate-only viewers get
 * headcount, members and density only, the other figures being never given to them.
 */
export function sliceRecords(slice: DensitySlice): { header: string[]; records: Cell[][] } {
  const dims = slice.by;
  const full = !slice.aggregateOnly;
  const unions = full ? (slice.total.membersByUnion ?? []).map((u) => ({ id: u.unionId, name: u.name })) : [];
  const header = [
    ...dims.map((d) => SLICE_DIMENSION_LABELS[d]), 'Headcount', 'Members', 'Density',
    ...(full ? [
      ...unions.map((u) => `${u.name} members`), 'Assessed', 'Assessed share', '1s', '2s', 'Leaders', 'Reps', 'Workers per rep', 'Coverage',
      'Conversations (30 days)', 'Never spoken to',
    ] : []),
    'Withheld',
  ];
  const record = (row: SliceRow): Cell[] => {
    const keys = dims.map((d) => {
      const key = row.keys.find((k) => k.dimension === d);
      return key ? plainText(key.label) : 'All';
    });
    if (row.suppressed) return [...keys, ...header.slice(dims.length, -1).map(() => ''), withheldText(row.suppression, slice.minCell)];
    const figures: Cell[] = [num(row.headcount), num(row.members),
      row.headcount === null || row.members === null ? '' : formatDensity(row.members, row.headcount)];
    if (full) {
      figures.push(
        ...unions.map((u) => num(row.membersByUnion?.find((m) => m.unionId === u.id)?.members)),
        num(row.assessed), pct(row.assessedShare), num(row.ones), num(row.twos), num(row.leaders), num(row.reps), ratio(row.workersPerRep),
        row.coverage ? COVERAGE_STATUS_LABELS[row.coverage] : '', num(row.conversations30d), num(row.neverSpokenTo),
      );
    }
    return [...keys, ...figures, ''];
  };
  return { header, records: [...slice.rows, ...slice.margins, slice.total].map(record) };
}
