import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { Permission, Role } from '@rollcall/domain';

/**
 * What each role may do. Every query and mutation names one permission with @Can (or is @Public);
 * the guard refuses everything else. Record scope (whose people) is checked in the services.
 * The Permission enum itself lives in @rollcall/domain, shared with the web app.
 */
export { Permission };

registerEnumType(Permission, { name: 'Permission' });

const ALL = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: ALL,
  [Role.BRANCH_SECRETARY]: ALL.filter((p) => p !== Permission.AUDIT_READ && p !== Permission.USERS_MANAGE && p !== Permission.SETTINGS_MANAGE),
  [Role.REP]: [
    Permission.WORKPLACE_READ, Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PERSONAL_CONTACT_READ,
    Permission.AGGREGATES_READ, Permission.CASES_READ, Permission.SELF,
  ],
  [Role.CASEWORKER]: [
    Permission.WORKPLACE_READ, Permission.PEOPLE_READ, Permission.AGGREGATES_READ, Permission.SELF,
    Permission.CASES_READ, Permission.CASES_WRITE, Permission.CASES_EXISTENCE_READ,
  ],
  [Role.COALITION_VIEWER]: [Permission.WORKPLACE_READ, Permission.AGGREGATES_READ, Permission.SELF],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export const PERMISSION_KEY = 'rollcall:permission';
export const PUBLIC_KEY = 'rollcall:public';

/** The permission a query, mutation or field needs. */
export const Can = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
/** Opts out of authentication, on purpose (login only). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
