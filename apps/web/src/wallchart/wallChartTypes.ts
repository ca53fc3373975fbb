/** One person's card on the wall chart (`wallChart`). */
export interface WallChartCardData {
  id: string;
  contactId: string;
  fullName: string;
  jobTitle: string | null;
  staffGroup: string;
  grade: string | null;
  shiftPattern: string;
  assessment: number | null;
  member: boolean;
  unions: { unionId: string; shortName: string }[];
  leader: boolean;
  rep: boolean;
  neverSpokenTo: boolean;
  lastConversationAt: string | null;
}

/** A column: one ward and its people by shift pattern. */
export interface WallChartWard {
  id: string;
  name: string;
  type: string;
  headcount: number;
  members: number;
  density: number | null;
  shifts: { shiftPattern: string; cards: WallChartCardData[] }[];
}

/** The chart's place and totals (the view's `meta`). */
export interface WallChartMeta {
  site: { id: string; name: string };
  ward: { id: string; name: string } | null;
  headcount: number;
  members: number;
  density: number | null;
}

/** What the chart shows, as kept in the page's address (`/wall-chart?site=…&shift=NIGHTS,DAYS`). */
export interface WallChartQuery {
  siteId: string | null;
  wardId: string | null;
  shiftPatterns: string[];
  staffGroups: string[];
  grades: string[];
  unionIds: string[];
}

export const LIST_KEYS = { shiftPatterns: 'shift', staffGroups: 'group', grades: 'grade', unionIds: 'union' } as const;
export type ListKey = keyof typeof LIST_KEYS;

export function parseWallChartQuery(search: string): WallChartQuery {
  const p = new URLSearchParams(search);
  const list = (k: string) => (p.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    siteId: p.get('site') || null, wardId: p.get('ward') || null,
    shiftPatterns: list(LIST_KEYS.shiftPatterns), staffGroups: list(LIST_KEYS.staffGroups), grades: list(LIST_KEYS.grades), unionIds: list(LIST_KEYS.unionIds),
  };
}

export function wallChartSearch(q: WallChartQuery): string {
  const p = new URLSearchParams();
  if (q.wardId) p.set('ward', q.wardId);
  else if (q.siteId) p.set('site', q.siteId);
  for (const key of Object.keys(LIST_KEYS) as ListKey[]) if (q[key].length) p.set(LIST_KEYS[key], q[key].join(','));
  const s = p.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** The wall chart of a site or a ward, with any filters: a link for the site and ward pages. */
export function wallChartPath(place: { siteId?: string; wardId?: string }): string {
  return `/wall-chart${wallChartSearch({ siteId: place.siteId ?? null, wardId: place.wardId ?? null, shiftPatterns: [], staffGroups: [], grades: [], unionIds: [] })}`;
}
