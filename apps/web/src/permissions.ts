import { Permission } from '@rollcall/domain';
import { usePermissions } from 'react-admin';

/** What the signed-in user may do, as the API names it: the shared enum of @rollcall/domain. */
export { Permission };

/** True when `permissions` (what `authProvider.getPermissions` returned) holds `permission`. */
export function can(permissions: unknown, permission: Permission): boolean {
  return Array.isArray(permissions) && permissions.includes(permission);
}

/** `can` for the signed-in user, inside a component (false while the permissions load). */
export function useCan(permission: Permission): boolean {
  const { permissions } = usePermissions<Permission[]>();
  return can(permissions, permission);
}
