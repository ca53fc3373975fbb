import type { Role } from '@rollcall/domain';
import type { Permission } from '../access/permissions.js';
import type { Scope } from '../access/scopes.js';

/** Who is asking: what every service receives to decide what they may see. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
  /** Roles held, per branch. */
  roles: { branchId: string; role: Role }[];
  /** Every employer of the user's branches: the database's row-level security sees no further. */
  employerIds: string[];
  /** What each held permission reaches (absent: not held). */
  scopes: Partial<Record<Permission, Scope>>;
  /**
   * The scope people queries use in this operation: read scope by default, write scope inside a
   * mutation (see AccessService.forWriting).
   */
  people?: Scope;
}
