import { Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError } from '../common/errors.js';

/**
 * The employers whose staff lists a user may import: those of the branches where they are branch
 * secretary or admin, that is where they hold both PEOPLE_WRITE over whole employers (a rep's is
 * limited to a patch) and WORKPLACE_WRITE (an import maps locations to wards; the permission the
 * import routes and resolvers name, so the guard refuses a rep, a caseworker or a coalition viewer).
 */
export function importEmployers(user: AuthUser): string[] {
  const people = user.scopes[Permission.PEOPLE_WRITE]?.employerIds ?? [];
  const workplace = new Set(user.scopes[Permission.WORKPLACE_WRITE]?.employerIds ?? []);
  return people.filter((e) => workplace.has(e));
}

/** Refuses a user who may import nothing; else the employers they may import into. */
export function mayImport(user: AuthUser): string[] {
  const employers = importEmployers(user);
  if (!employers.length) throw new ForbiddenError('Only a branch secretary or admin may import lists');
  return employers;
}
