/** One site's density as the API sends it (figures are null where withheld or nobody works there). */
export interface SiteDensityRow {
  id: string;
  site: { id: string; name: string; employerId: string };
  headcount: number | null;
  members: number | null;
  density: number | null;
  suppressed: boolean;
  suppression: 'SMALL_CELL' | 'COMPLEMENTARY' | null;
}

export interface DensityTotal {
  headcount: number | null;
  members: number | null;
  density: number | null;
  suppressed: boolean;
}

/** A density (0–1) as a whole percentage, "—" when there is none. */
export function percent(density: number | null | undefined): string {
  return density === null || density === undefined ? '—' : `${Math.round(density * 100)}%`;
}

/**
 * Sites in the order a secretary reads them: lowest density first (where the gaps are), then the
 * sites with nobody counted, then those whose figures are withheld; by name within each.
 */
export function byDensity(rows: SiteDensityRow[]): SiteDensityRow[] {
  const rank = (r: SiteDensityRow) => (r.suppressed ? 2 : r.density === null ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.density ?? 0) - (b.density ?? 0) || a.site.name.localeCompare(b.site.name));
}
