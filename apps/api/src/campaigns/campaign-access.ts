import { Role } from '@rollcall/domain';
import { Permission, roleHas } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';

/**
 * Whose campaigns: a campaign belongs to a branch, and is read by everyone holding a role in that
 * branch (coalition partners included: its numbers are aggregates, withheld where small), and
 * changed by its branch's secretary and admins.
 */
export function campaignBranches(user: AuthUser): string[] {
  return [...new Set(user.roles.map((r) => r.branchId))];
}

/** Branches whose campaigns and actions the user may create, change and delete. */
export function campaignOfficerBranches(user: AuthUser): string[] {
  return [...new Set(user.roles.filter((r) => r.role === Role.ADMIN || r.role === Role.BRANCH_SECRETARY).map((r) => r.branchId))];
}

/**
 * Whether the user reads the people of this branch (anyone whose role there holds PEOPLE_READ): they
 * see its campaigns' figures in full; anyone else in the branch (a coalition partner) sees small
 * figures withheld.
 */
export function seesPeopleOf(user: AuthUser, branchId: string): boolean {
  return user.roles.some((r) => r.branchId === branchId && roleHas(r.role, Permission.PEOPLE_READ));
}
