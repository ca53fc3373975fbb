import type { Role } from '@rollcall/domain';

/** Who is asking: what every service receives to decide what they may see. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
}
