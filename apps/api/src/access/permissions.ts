import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@rollcall/domain';

/**
 * What each role may do. Every query and mutation names one permission with @Can (or is @Public);
 * the guard refuses everything else. Record scope (whose people) is checked in the services.
 */
export enum Permission {
  /** Read employers, sites, wards and unions (shared workplace structure). */
  WORKPLACE_READ = 'WORKPLACE_READ',
  /** Create, change and delete employers, sites, wards and unions. */
  WORKPLACE_WRITE = 'WORKPLACE_WRITE',
  /** Read named people of one's organisation: contacts, memberships, rep roles. */
  PEOPLE_READ = 'PEOPLE_READ',
  /** Create, change and delete them. */
  PEOPLE_WRITE = 'PEOPLE_WRITE',
  /** See a person's personal phone and email (work details are visible to all who see the person). */
  PERSONAL_CONTACT_READ = 'PERSONAL_CONTACT_READ',
  /** Aggregate counts (headcount, members) without names. */
  AGGREGATES_READ = 'AGGREGATES_READ',
  /** Search the audit log of one's organisation. */
  AUDIT_READ = 'AUDIT_READ',
  /** Create users and give them roles and patches, in the branches one administers. */
  USERS_MANAGE = 'USERS_MANAGE',
  /** Change the organisation's lists (issue tags). */
  SETTINGS_MANAGE = 'SETTINGS_MANAGE',
  /** Own account. */
  SELF = 'SELF',
}

registerEnumType(Permission, { name: 'Permission' });

const ALL = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.ADMIN]: ALL,
  [Role.BRANCH_SECRETARY]: ALL.filter((p) => p !== Permission.AUDIT_READ && p !== Permission.USERS_MANAGE && p !== Permission.SETTINGS_MANAGE),
  [Role.REP]: [
    Permission.WORKPLACE_READ, Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PERSONAL_CONTACT_READ,
    Permission.AGGREGATES_READ, Permission.SELF,
  ],
  [Role.CASEWORKER]: [Permission.WORKPLACE_READ, Permission.PEOPLE_READ, Permission.AGGREGATES_READ, Permission.SELF],
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
