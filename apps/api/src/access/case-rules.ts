import { Role } from '@rollcall/domain';
import type { AuthUser } from '../auth/auth-user.js';

/**
 * Who reads every case of a branch: its secretary and its admins. Everyone else with case access
 * reads only the cases whose team they are on (see CaseDoor). Written once: the API's case scope and
 * the request's database identity (row-level security) both read it from here.
 */
export const CASE_OFFICER_ROLES: readonly Role[] = [Role.BRANCH_SECRETARY, Role.ADMIN];

/** The branches whose every case this user reads (and staffs, and deletes): where they are secretary or admin. */
export function caseOfficerBranches(user: Pick<AuthUser, 'roles'>): string[] {
  return [...new Set(user.roles.filter((r) => CASE_OFFICER_ROLES.includes(r.role)).map((r) => r.branchId))].sort();
}
