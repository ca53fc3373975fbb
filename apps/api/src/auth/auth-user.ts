import type { Role } from '@rollcall/domain';

/** Who is asking: what every service receives to decide what they may see. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  /** Sites of a rep's patch (null: not limited to a patch). */
  patchSiteIds: string[] | null;
}
