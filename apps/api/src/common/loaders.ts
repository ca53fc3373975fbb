import DataLoader from 'dataloader';
import type { AuthUser } from '../auth/auth-user.js';
import { UnauthenticatedError } from './errors.js';

/**
 * Per-request DataLoaders, created lazily by name, so every row in the response shares one batched
 * query per level (no N+1). A loader's batch function receives the caller (the request's logged-in
 * user, never one a resolver picks) and scopes its SQL with it, through the PeopleDoor for anything
 * about people, so a nested field never returns someone out of scope even if its parent slipped:
 * `loaders.get('contact.byId', (ids, user) => contacts.byIds(ids, user))`.
 * Reference data no caller's scope limits (a user's roles, an organisation) says so by name:
 * `loaders.reference('user.roles', (ids) => users.rolesOf(ids))`.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly values = new Map<string, Promise<unknown>>();
  private readonly lastFor = new Map<string, { user: AuthUser; loader: DataLoader<unknown, unknown> }>();

  constructor(private readonly req: { user?: AuthUser }) {}

  get<K, V>(name: string, batch: (keys: readonly K[], user: AuthUser) => Promise<V[]>): DataLoader<K, V> {
    const user = this.req.user;
    if (!user) throw new UnauthenticatedError();
    // Asked once per field per row: the last loader found under this name, while the caller is the same.
    const last = this.lastFor.get(name);
    if (last?.user === user) return last.loader as DataLoader<K, V>;
    const loader = this.loader(`${name}@${user.id}`, (keys: readonly K[]) => batch(keys, user));
    this.lastFor.set(name, { user, loader: loader as DataLoader<unknown, unknown> });
    return loader;
  }

  /**
   * A value worked out once in the request under this name: whoever asks first says how (a list's
   * total, say, which its page may know from its own statement before its count asks).
   */
  once<V>(name: string, make: () => Promise<V>): Promise<V> {
    let value = this.values.get(name) as Promise<V> | undefined;
    if (!value) {
      value = make();
      this.values.set(name, value);
    }
    return value;
  }

  /** Whether `once` has been asked for this name in the request. */
  asked(name: string): boolean {
    return this.values.has(name);
  }

  reference<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    return this.loader(name, batch);
  }

  private loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders batch results to match the keys (DataLoader's contract). */
export function byKey<T, K>(keys: readonly K[], rows: T[], key: (r: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export function groupByKey<T, K>(keys: readonly K[], rows: T[], key: (r: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
