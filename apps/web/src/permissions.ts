import { usePermissions } from 'react-admin';

/**
 * What the signed-in user may do, as the API names it (`User.permissions`, the `Permission` enum of
 * apps/api/schema.gql). The API decides; the web app only hides what would be refused.
 */
export const Permission = {
  WORKPLACE_READ: 'WORKPLACE_READ',
  WORKPLACE_WRITE: 'WORKPLACE_WRITE',
  PEOPLE_READ: 'PEOPLE_READ',
  PEOPLE_WRITE: 'PEOPLE_WRITE',
  PERSONAL_CONTACT_READ: 'PERSONAL_CONTACT_READ',
  AGGREGATES_READ: 'AGGREGATES_READ',
  AUDIT_READ: 'AUDIT_READ',
  USERS_MANAGE: 'USERS_MANAGE',
  SETTINGS_MANAGE: 'SETTINGS_MANAGE',
  SELF: 'SELF',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

/** True when `permissions` (what `authProvider.getPermissions` returned) holds `permission`. */
export function can(permissions: unknown, permission: Permission): boolean {
  return Array.isArray(permissions) && permissions.includes(permission);
}

/** `can` for the signed-in user, inside a component (false while the permissions load). */
export function useCan(permission: Permission): boolean {
  const { permissions } = usePermissions<Permission[]>();
  return can(permissions, permission);
}
