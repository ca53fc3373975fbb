import { Role } from '@rollcall/domain';
import { Permission, ROLE_PERMISSIONS } from './permissions.js';

/** Whose people a permission reaches: every employer of some branches, plus (for reps) the sites of a patch. */
export interface Scope {
  /** Employers whose staff are all in scope (branches where the role is not limited to a patch). */
  employerIds: string[];
  /** Sites whose currently posted staff are in scope (a rep's patch, within the rep's branches). */
  siteIds: string[];
}

/** A role held in a branch, with the employers that branch covers. */
export interface Grant {
  branchId: string;
  role: Role;
  employerIds: string[];
}

/** A site of a rep's patch and its employer. */
export interface PatchSite {
  siteId: string;
  employerId: string;
}

/** Permissions a rep holds only on their patch; everything else a rep may do reaches their whole branch. */
const PATCH_LIMITED: ReadonlySet<Permission> = new Set([
  Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PERSONAL_CONTACT_READ,
]);

/**
 * What each permission reaches for a user holding these grants: the union over grants of the
 * branch's employers, or for a rep's patch-limited permissions, the patch sites inside that branch.
 * A permission the user holds nowhere is absent (refused by the guard).
 */
export function scopesFor(grants: readonly Grant[], patch: readonly PatchSite[]): Partial<Record<Permission, Scope>> {
  const out: Partial<Record<Permission, { employerIds: Set<string>; siteIds: Set<string> }>> = {};
  for (const g of grants) {
    for (const p of ROLE_PERMISSIONS[g.role] ?? []) {
      const s = (out[p] ??= { employerIds: new Set(), siteIds: new Set() });
      if (g.role === Role.REP && PATCH_LIMITED.has(p)) {
        for (const site of patch) if (g.employerIds.includes(site.employerId)) s.siteIds.add(site.siteId);
      } else {
        for (const e of g.employerIds) s.employerIds.add(e);
      }
    }
  }
  // Every active user may see and manage their own account, whatever their roles.
  const result: Partial<Record<Permission, Scope>> = { [Permission.SELF]: { employerIds: [], siteIds: [] } };
  for (const [p, s] of Object.entries(out) as [Permission, { employerIds: Set<string>; siteIds: Set<string> }][]) {
    if (p === Permission.SELF) continue;
    result[p] = { employerIds: [...s.employerIds].sort(), siteIds: [...s.siteIds].filter(Boolean).sort() };
  }
  return result;
}

/** Whether a person (their employer, and the site of their current posting if any) is inside a scope. */
export function inScope(scope: Scope | undefined, employerId: string, siteId: string | null): boolean {
  if (!scope) return false;
  return scope.employerIds.includes(employerId) || (siteId !== null && scope.siteIds.includes(siteId));
}

/** Every employer any of the user's branches covers: what the database lets their requests see. */
export function branchEmployers(grants: readonly Grant[]): string[] {
  return [...new Set(grants.flatMap((g) => g.employerIds))].sort();
}
