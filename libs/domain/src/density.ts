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

/** How many more reps a slice needs to reach the 1:20 target. */
export function repsNeeded(reps: number, headcount: number): number {
  return Math.max(0, Math.ceil(headcount / REP_TARGET_RATIO) - reps);
}
