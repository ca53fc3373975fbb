import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created lazily by name. A resolver asks for
 * `loaders.get('ward.byId', () => ids => service.byIds(ids, user))` and every row in the response
 * shares one batched query per level (no N+1).
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: () => (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch(), { maxBatchSize: 1000 });
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
