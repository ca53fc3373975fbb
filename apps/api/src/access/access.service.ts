import { Injectable } from '@nestjs/common';
import { Role } from '@rollcall/domain';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError } from '../common/errors.js';
import { Permission } from './permissions.js';
import { inScope, type Scope } from './scopes.js';

const NOTHING: Scope = { employerIds: [], siteIds: [] };

/**
 * "Who may do what", asked by every service (deny by default): permissions and the scopes they
 * reach. The organisation is a hard wall; inside it a user sees the people of their branches'
 * employers, and a rep only those posted on the sites of their patch. Reading or writing people's
 * records goes through the PeopleDoor (people-door.ts), built on `people` here. The database
 * enforces the organisation and branch walls again with row-level security (see the
 * RowLevelSecurity migration), so a slip here still leaks nothing past them.
 */
@Injectable()
export class AccessService {
  /** The organisation whose people this user may see. */
  organisationOf(user: AuthUser): string {
    return user.organisationId;
  }

  can(user: AuthUser, permission: Permission): boolean {
    return user.scopes[permission] !== undefined;
  }

  require(user: AuthUser, permission: Permission): void {
    if (!this.can(user, permission)) throw new ForbiddenError();
  }

  scope(user: AuthUser, permission: Permission): Scope {
    return user.scopes[permission] ?? NOTHING;
  }

  /** The people scope of this operation: write scope in mutations, read scope otherwise. */
  people(user: AuthUser): Scope {
    return user.people ?? this.scope(user, Permission.PEOPLE_READ);
  }

  /** The same user, with people queries limited to whom they may change. */
  forWriting(user: AuthUser): AuthUser {
    this.require(user, Permission.PEOPLE_WRITE);
    return { ...user, people: this.scope(user, Permission.PEOPLE_WRITE) };
  }

  /** Whether someone at this employer, posted on this site, is in the scope of a permission. */
  reaches(user: AuthUser, permission: Permission, employerId: string, siteId: string | null): boolean {
    return inScope(user.scopes[permission], employerId, siteId);
  }

  /** Whether this operation may place a person at this employer and site (create, move). */
  mayPlace(user: AuthUser, employerId: string, siteId: string): boolean {
    return inScope(this.people(user), employerId, siteId);
  }

  /** Branches this user administers (manages users, roles and patches in). */
  administeredBranches(user: AuthUser): string[] {
    return [...new Set(user.roles.filter((r) => r.role === Role.ADMIN).map((r) => r.branchId))];
  }

  /** Whose aggregate counts (headcount, members, reps) this user may see: their branches' employers. */
  countScope(user: AuthUser): { organisationId: string; employerIds: string[] } {
    return { organisationId: user.organisationId, employerIds: this.scope(user, Permission.AGGREGATES_READ).employerIds };
  }
}
