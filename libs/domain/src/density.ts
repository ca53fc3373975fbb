/** Density and rep-coverage maths. */

/** Members ÷ headcount, or null where there is nobody to count (a density of an empty ward is not 0 %). */
export function density(members: number, headcount: number): number | null {
  if (!Number.isFinite(members) || !Number.isFinite(headcount) || members < 0 || headcount < 0) {
    throw new RangeError('members and headcount must be non-negative numbers');
  }
  if (members > headcount) throw new RangeError(`members (${members}) exceed headcount (${headcount})`);
  return headcount === 0 ? null : members / headcount;
}

/** Density as a whole percentage for display ("—" when undefined). */
export function formatDensity(members: number, headcount: number): string {
  const d = density(members, headcount);
  return d === null ? '—' : `${Math.round(d * 100)}%`;
}

/** The usual target is one rep per 20 workers; worse than one per 50 is failing. */
export const REP_TARGET_RATIO = 20;
export const REP_FAILING_RATIO = 50;

export type CoverageStatus = 'NO_REP' | 'FAILING' | 'BELOW_TARGET' | 'ON_TARGET' | 'NO_STAFF';

export function coverageStatus(reps: number, headcount: number): CoverageStatus {
  if (reps < 0 || headcount < 0) throw new RangeError('reps and headcount must be non-negative');
  if (headcount === 0) return 'NO_STAFF';
  if (reps === 0) return 'NO_REP';
  const perRep = headcount / reps;
  if (perRep > REP_FAILING_RATIO) return 'FAILING';
  if (perRep > REP_TARGET_RATIO) return 'BELOW_TARGET';
  return 'ON_TARGET';
}

/** Rep coverage in words, as lists and exports show it. */
export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, string> = {
  NO_REP: 'No rep',
  FAILING: `Failing (over 1:${REP_FAILING_RATIO})`,
  BELOW_TARGET: `Below 1:${REP_TARGET_RATIO} target`,
  ON_TARGET: 'On target',
  NO_STAFF: 'No staff',
};

/** How many more reps a slice needs to reach the 1:20 target. */
export function repsNeeded(reps: number, headcount: number): number {
  return Math.max(0, Math.ceil(headcount / REP_TARGET_RATIO) - reps);
}

/**
 * Coalition partners see aggregates only, and small cells are suppressed (DOMAIN.md "Privacy").
 * Union membership is special-category data: a published figure must not let anyone who knows who
 * works on a ward work out who is (or is not) a member.
 */
export const MIN_CELL_SIZE = 5;

/** The base dated figures are rounded to for an aggregate-only audience (as official statistics round counts: to 5). */
export const ROUNDING_BASE = 5;

/**
 * A count rounded to the nearest multiple of `base` (halves up), for figures an aggregate-only
 * audience sees day after day: the difference between two days' figures then no longer shows that
 * one person joined or left. Suppression still decides what is published at all.
 */
export function roundedCount(n: number, base: number = ROUNDING_BASE): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number ≥ 0 (got ${n})`);
  if (!Number.isInteger(base) || base < 1) throw new RangeError(`base must be a whole number ≥ 1 (got ${base})`);
  return Math.floor((n + base / 2) / base) * base;
}

export interface DensityCell<K = string> {
  key: K;
  members: number;
  headcount: number;
}

export type SuppressionReason = 'SMALL_CELL' | 'COMPLEMENTARY';

export interface PublishedDensityCell<K = string> {
  key: K;
  suppressed: boolean;
  reason: SuppressionReason | null;
  /** null when suppressed. */
  members: number | null;
  /** null when suppressed. */
  headcount: number | null;
  /** null when suppressed or when nobody works there. */
  density: number | null;
}

export interface SuppressedAggregate<K = string> {
  cells: PublishedDensityCell<K>[];
  /** The sum of every cell, itself suppressed if it is small. */
  total: Omit<PublishedDensityCell<K>, 'key'>;
  suppressedCount: number;
  minCell: number;
}

/**
 * Whether publishing members and headcount for a group would disclose individuals: fewer than
 * `minCell` members (but some), or fewer than `minCell` non-members (including none: "everyone on
 * this ward is a member" names them all). A group of nobody discloses nothing; so does a group where
 * nobody is a member and at least `minCell` people work (non-membership is not what blacklisters seek).
 */
export function isDisclosive(members: number, headcount: number, minCell: number = MIN_CELL_SIZE): boolean {
  density(members, headcount); // validates
  if (headcount === 0) return false;
  const nonMembers = headcount - members;
  return (members > 0 && members < minCell) || nonMembers < minCell;
}

/**
 * Suppresses a one-dimensional table of density cells for a coalition audience. Primary
 * suppression hides every disclosive cell (isDisclosive); complementary suppression then hides the
 * smallest other cells until the suppressed cells, taken together, are not disclosive — otherwise
 * subtracting the published cells from the published total would reveal them. The total is
 * published unless it is itself disclosive (then nothing can be recovered from it, and it is hidden).
 * Keys must be unique. Cells keep their input order.
 */
export function aggregateSuppressed<K>(cells: readonly DensityCell<K>[], minCell: number = MIN_CELL_SIZE): SuppressedAggregate<K> {
  if (!Number.isInteger(minCell) || minCell < 1) throw new RangeError(`minCell must be a whole number ≥ 1 (got ${minCell})`);
  const keys = new Set<K>();
  for (const c of cells) {
    if (!Number.isInteger(c.members) || !Number.isInteger(c.headcount)) {
      throw new RangeError(`Cell ${String(c.key)}: members and headcount must be whole numbers`);
    }
    density(c.members, c.headcount);
    if (keys.has(c.key)) throw new RangeError(`Duplicate cell key: ${String(c.key)}`);
    keys.add(c.key);
  }
  const totalMembers = cells.reduce((n, c) => n + c.members, 0);
  const totalHeadcount = cells.reduce((n, c) => n + c.headcount, 0);
  const totalSuppressed = isDisclosive(totalMembers, totalHeadcount, minCell);

  const reasons = new Map<number, SuppressionReason>();
  cells.forEach((c, i) => {
    if (isDisclosive(c.members, c.headcount, minCell)) reasons.set(i, 'SMALL_CELL');
  });
  if (!totalSuppressed && reasons.size > 0) {
    const hidden = () => {
      let m = 0;
      let h = 0;
      for (const i of reasons.keys()) {
        m += cells[i].members;
        h += cells[i].headcount;
      }
      return { m, h };
    };
    for (;;) {
      const { m, h } = hidden();
      if (!isDisclosive(m, h, minCell)) break;
      let pick = -1;
      cells.forEach((c, i) => {
        if (reasons.has(i) || c.headcount === 0) return;
        if (pick === -1 || c.headcount < cells[pick].headcount) pick = i;
      });
      if (pick === -1) break; // everything with people in it is already hidden
      reasons.set(pick, 'COMPLEMENTARY');
    }
  }

  const published = cells.map((c, i): PublishedDensityCell<K> => {
    const reason = reasons.get(i) ?? null;
    return reason
      ? { key: c.key, suppressed: true, reason, members: null, headcount: null, density: null }
      : { key: c.key, suppressed: false, reason: null, members: c.members, headcount: c.headcount, density: density(c.members, c.headcount) };
  });
  return {
    cells: published,
    total: totalSuppressed
      ? { suppressed: true, reason: 'SMALL_CELL', members: null, headcount: null, density: null }
      : { suppressed: false, reason: null, members: totalMembers, headcount: totalHeadcount, density: density(totalMembers, totalHeadcount) },
    suppressedCount: reasons.size,
    minCell,
  };
}
