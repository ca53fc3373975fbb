import { Injectable } from '@nestjs/common';
import { Role } from '@rollcall/domain';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError } from '../common/errors.js';
import { Permission } from './permissions.js';
import { inScope, type Scope } from './scopes.js';

const NOTHING: Scope = { employerIds: [], siteIds: [] };

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * "Who may see what", asked by every service (deny by default). The organisation is a hard wall;
 * inside it a user sees the people of their branches' employers, and a rep only those posted on the
 * sites of their patch. The database enforces the organisation and branch walls again with
 * row-level security (see the RowLevelSecurity migration), so a slip here still leaks nothing.
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

  /**
   * SQL limiting a contact (table alias `contact`, or an expression naming contact ids) to the
   * people of this operation's scope, organisation included (and, through an id, not deleted).
   * Parameter names are prefixed with `key`.
   */
  peopleCondition(user: AuthUser, target: { alias: string } | { contactId: string }, key = 'acc'): SqlCondition {
    const s = this.people(user);
    const params = { [`${key}Org`]: user.organisationId, [`${key}Emp`]: s.employerIds, [`${key}Sites`]: s.siteIds };
    const inBranch = (c: string) => {
      // Whole employers, patch sites, or both; each as a form the planner can drive an index with
      // (a rep's patch as a semi-join from the postings on its sites, not a check per contact).
      const parts: string[] = [];
      if (s.employerIds.length || !s.siteIds.length) parts.push(`${c}.employer_id = ANY(:${key}Emp)`);
      if (s.siteIds.length) {
        parts.push(`${c}.id IN (SELECT ${key}p.contact_id FROM posting ${key}p JOIN ward ${key}w ON ${key}w.id = ${key}p.ward_id
          WHERE ${key}p.end_date IS NULL AND ${key}w.site_id = ANY(:${key}Sites))`);
      }
      return `${c}.organisation_id = :${key}Org AND (${parts.join(' OR ')})`;
    };
    if ('alias' in target) return { sql: `(${inBranch(target.alias)})`, params };
    return {
      sql: `EXISTS (SELECT 1 FROM contact ${key}c WHERE ${key}c.id = ${target.contactId} AND ${key}c.deleted_at IS NULL AND ${inBranch(`${key}c`)})`,
      params,
    };
  }

  /** Whether someone at this employer, posted on this site, is in the scope of a permission. */
  reaches(user: AuthUser, permission: Permission, employerId: string, siteId: string | null): boolean {
    return inScope(user.scopes[permission], employerId, siteId);
  }

  /**
   * Whether the user may read this person's personal phone and email: those who organise them, i.e.
   * their branch's secretary or admin, or a rep whose patch their current posting is on (siteId).
   */
  readsPersonalContact(user: AuthUser, employerId: string, siteId: string | null): boolean {
    return this.reaches(user, Permission.PERSONAL_CONTACT_READ, employerId, siteId);
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
