export interface WardRef {
  id: string;
  name: string;
  siteId: string;
  site?: { id: string; name: string } | null;
}

/** A ward of the user's patch with its organising numbers (`myPatch`). */
export interface PatchWard {
  id: string;
  ward: WardRef;
  headcount: number;
  members: number;
  assessed: number;
  supportive: number;
  leaders: number;
  spokenTo: number;
  neverSpokenTo: number;
  lastConversationAt: string | null;
  openFollowUps: number;
  overdueFollowUps: number;
}

/** The ward's people page, optionally with a filter already set (e.g. `{ spokenTo: false }`). */
export function patchWardPath(wardId: string, filter?: Record<string, unknown>): string {
  return `/patch/${wardId}${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;
}
