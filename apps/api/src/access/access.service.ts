import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError } from '../common/errors.js';
import { type Permission, roleHas } from './permissions.js';

/**
 * "Who may see what", asked by every service. For now the wall is the organisation: every row
 * about a person carries one, and a user sees only their own organisation's people.
 */
@Injectable()
export class AccessService {
  /** The organisation whose people this user may see. */
  organisationOf(user: AuthUser): string {
    return user.organisationId;
  }

  /**
   * SQL that limits `contactId` (an SQL expression naming contact ids) to the people this user may
   * see: for a rep, people whose current posting is on a site of their patch; otherwise everyone
   * of the organisation (the caller adds the organisation condition). Parameter: :patchSiteIds.
   */
  patchCondition(user: AuthUser, contactId: string): { sql: string; params: Record<string, unknown> } | null {
    if (user.patchSiteIds === null) return null;
    return {
      sql: `EXISTS (SELECT 1 FROM posting pp JOIN ward pw ON pw.id = pp.ward_id
        WHERE pp.contact_id = ${contactId} AND pp.end_date IS NULL AND pw.site_id = ANY(:patchSiteIds))`,
      params: { patchSiteIds: user.patchSiteIds },
    };
  }

  /** Whether a rep may put someone on this site. */
  onPatch(user: AuthUser, siteId: string): boolean {
    return user.patchSiteIds === null || user.patchSiteIds.includes(siteId);
  }

  require(user: AuthUser, permission: Permission): void {
    if (!roleHas(user.role, permission)) throw new ForbiddenError();
  }

  can(user: AuthUser, permission: Permission): boolean {
    return roleHas(user.role, permission);
  }
}
