import { REP_FAILING_RATIO, REP_TARGET_RATIO, type CoverageStatus } from '@rollcall/domain';

export const COVERAGE_LABELS: Record<CoverageStatus, string> = {
  NO_REP: 'No rep',
  FAILING: `Failing (over 1:${REP_FAILING_RATIO})`,
  BELOW_TARGET: `Below 1:${REP_TARGET_RATIO} target`,
  ON_TARGET: 'On target',
  NO_STAFF: 'No staff',
};

export const COVERAGE_COLOURS: Record<CoverageStatus, 'error' | 'warning' | 'success' | 'default'> = {
  NO_REP: 'error',
  FAILING: 'error',
  BELOW_TARGET: 'warning',
  ON_TARGET: 'success',
  NO_STAFF: 'default',
};

/** A per-rep ratio as "1:34", or "—" with no rep. */
export function perRep(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `1:${Math.round(value)}`;
}
