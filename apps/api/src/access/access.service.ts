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

  require(user: AuthUser, permission: Permission): void {
    if (!roleHas(user.role, permission)) throw new ForbiddenError();
  }

  can(user: AuthUser, permission: Permission): boolean {
    return roleHas(user.role, permission);
  }
}
