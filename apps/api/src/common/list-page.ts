import type { GraphQLResolveInfo } from 'graphql';
import type { AuthUser } from '../auth/auth-user.js';
import type { PageReader } from './crud.service.js';
import type { ListArgs } from './list.js';
import type { RequestLoaders } from './loaders.js';
import { operationSelects } from './selection.js';

/** What a list page needs of its service (a CrudService). */
export interface PagedList<T extends { id: string }, F> {
  listReadBy(args: ListArgs, filter: F | undefined, user: AuthUser, read?: PageReader<T>): Promise<T[]>;
  listWithTotal(args: ListArgs, filter: F | undefined, user: AuthUser, read?: PageReader<T>): Promise<{ rows: T[]; total: number | null }>;
  count(filter: F | undefined, user: AuthUser): Promise<number>;
}

const totalKey = (countField: string, filter: unknown) => `total:${countField}:${JSON.stringify(filter ?? null)}`;

/**
 * A list's page, for react-admin's getList, which asks for the page (`allContacts`) and the list's
 * count (`_allContactsMeta`) in one request: when both are asked, the page's own statement counts
 * the list as well (CrudService.listWithTotal) and the count takes that total instead of a
 * statement of its own (`listTotal`). Whichever runs first decides; both answers count the same
 * rows (the same filter and scope), and a count asked alone, or for another filter, counts itself.
 * `read`: how the page's statement is read, when the list reads more with it (see PageReader).
 */
export async function listPage<T extends { id: string }, F>(
  service: PagedList<T, F>, countField: string, args: ListArgs, filter: F | undefined, user: AuthUser, loaders: RequestLoaders, info: GraphQLResolveInfo,
  read?: PageReader<T>,
): Promise<T[]> {
  const key = totalKey(countField, filter);
  if (!operationSelects(info, countField) || loaders.asked(key)) return service.listReadBy(args, filter, user, read);
  const page = service.listWithTotal(args, filter, user, read);
  // The count may be skipped (@skip) and never read this: its failure is the page's, answered there.
  loaders.once(key, async () => (await page).total ?? service.count(filter, user)).catch(() => undefined);
  return (await page).rows;
}

/** A list's count: the total its page in this request read already (see listPage), or a count of its own. */
export function listTotal<T extends { id: string }, F>(service: PagedList<T, F>, countField: string, filter: F | undefined, user: AuthUser, loaders: RequestLoaders): Promise<number> {
  return loaders.once(totalKey(countField, filter), () => service.count(filter, user));
}
