import { Injectable } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import pg from 'pg';
import { type EntityManager, type EntityMetadata, type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { InjectTransaction } from '@nestjs-cls/transactional';
import { PeopleDoor } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { PageReader } from '../common/crud.service.js';
import { compileHydrator, type Hydrator } from '../common/hydrator.js';
import type { RequestLoaders } from '../common/loaders.js';
import { selectedFields } from '../common/selection.js';
import type { Contact } from './contact.entity.js';

/**
 * A value per contact that fields of Contact read through a request loader, fetched ahead for a
 * whole page of contacts: the module that owns the field says how, in SQL, and primes its own
 * loader with the answer, so its resolver finds the value there instead of sending a statement.
 */
export interface ContactPrefetch {
  /** The fields of Contact that read it: a page fetches it when its query selects any of them. */
  readonly fields: readonly string[];
  /** Whether the caller may have it at all (the resolver's own test, when it has one). */
  readonly applies?: (user: AuthUser) => boolean;
  /**
   * One value per contact: an SQL expression over the page's contact row `k` (json for rows),
   * correlated on `k.id`. The page is the caller's people already (`page`: a CTE of their ids),
   * and row-level security holds inside it as in the loader's own statement.
   */
  readonly sql: string;
  /** Hands one contact's value to the loader that would otherwise fetch it (`hydrate` turns json rows into entities). */
  readonly prime: (loaders: RequestLoaders, contactId: string, value: unknown, hydrate: Hydrate) => void;
}

/** A row as `row_to_json` writes it (column names) → the entity TypeORM would have read (property names, typed values). */
export type Hydrate = <T extends ObjectLiteral>(entity: EntityTarget<T>, json: Record<string, unknown>) => T;

/** The prefetches' SQL as the columns of one SELECT over the page's contact rows `k`: rollcall_v0, rollcall_v1, … */
function columns(wanted: readonly ContactPrefetch[]): string {
  return wanted.map((p, i) => `${p.sql} AS rollcall_v${i}`).join(', ');
}

/**
 * The fields each page of contacts fetches ahead (see ContactPrefetch): one statement for all of
 * them, instead of one per field's loader (a 25-row list page went from 14 statements to 7).
 * Modules add theirs when they start; the contact queries call `prime` with the rows they return.
 */
@Injectable()
export class ContactPrefetches {
  private readonly all: ContactPrefetch[] = [];
  private readonly hydrators = new Map<EntityMetadata, Map<string, Hydrator<ObjectLiteral>>>();

  constructor(private readonly door: PeopleDoor, @InjectTransaction() private readonly db: EntityManager) {}

  add(prefetch: ContactPrefetch): void {
    this.all.push(prefetch);
  }

  /** The prefetches `info` selects a field of, that the caller may have. */
  private wanted(info: GraphQLResolveInfo, user: AuthUser): ContactPrefetch[] {
    const selected = selectedFields(info);
    return this.all.filter((p) => p.fields.some((f) => selected.has(f)) && (p.applies?.(user) ?? true));
  }

  /**
   * Reads a list's page of contacts (its own statement: filter, scope, sort, page and count) and, in
   * that same statement, what `info` selects of them, priming the request's loaders: one round trip
   * for the page and its fields. The list's statement (its filter, scope, order and page as they are,
   * selecting the ids) is a CTE, numbered in its own order; each contact's row (`k`) is joined to it
   * by id, and gives both the contact's columns and, to each prefetch, what it reads in `prime`. A query
   * with joins (which TypeORM may page in two statements) is read TypeORM's way.
   */
  readPage(info: GraphQLResolveInfo, user: AuthUser, loaders: RequestLoaders): PageReader<Contact> {
    return async (qb: SelectQueryBuilder<Contact>) => {
      const wanted = this.wanted(info, user);
      const meta = qb.expressionMap.mainAlias!.metadata;
      if (!wanted.length || qb.expressionMap.joinAttributes.length || meta.columns.some((c) => c.isVirtualProperty)) return qb.getRawAndEntities();
      const alias = qb.alias;
      // The list's own statement picks the rows (their ids, and what else the list added, such as its
      // count); their columns come from the contact row `k`, under the keys TypeORM would have used.
      // TypeORM writes a select list of every column more slowly than the rest of the statement.
      const others = qb.expressionMap.selects.filter((s) => s.selection !== alias);
      qb.select(`${alias}.id`, `${alias}_id`);
      for (const s of others) qb.addSelect(s.selection, s.aliasName);
      const [sql, params] = qb.getQueryAndParameters();
      const raw = await this.db.query<Record<string, unknown>[]>(
        `WITH list AS (SELECT l.*, row_number() OVER () AS rollcall_n FROM (${sql}) l), page AS (SELECT "${alias}_id" AS id FROM list)
         SELECT list.*, ${this.selectList(meta, alias)}, ${columns(wanted)} FROM list JOIN contact k ON k.id = list."${alias}_id" ORDER BY list.rollcall_n`,
        params,
      );
      const entities = raw.map((row) => this.hydrateAs<Contact>(meta, row, `${alias}_`));
      this.primeAll(wanted, raw, `${alias}_id`, loaders);
      return { entities, raw };
    };
  }

  private readonly selectLists = new Map<string, string>();

  /** Every column TypeORM selects of the entity (its id aside), from `k`, under TypeORM's keys (`<alias>_<column>`). */
  private selectList(meta: EntityMetadata, alias: string): string {
    const key = `${meta.name}\u0000${alias}`;
    let list = this.selectLists.get(key);
    if (list === undefined) {
      list = meta.columns.filter((c) => c.isSelect && c.databaseName !== 'id')
        .map((c) => `k.${pg.escapeIdentifier(c.databaseName)} AS ${pg.escapeIdentifier(`${alias}_${c.databaseName}`)}`).join(', ');
      this.selectLists.set(key, list);
    }
    return list;
  }

  /** Fetches, for these contacts (the caller's, found through the door), what `info` selects of them, and primes the request's loaders. */
  async prime(contacts: readonly { id: string }[], info: GraphQLResolveInfo, user: AuthUser, loaders: RequestLoaders): Promise<void> {
    if (!contacts.length) return;
    const wanted = this.wanted(info, user);
    if (!wanted.length) return;
    const rows = await this.door.sql<Record<string, unknown> & { id: string }>(user, (people) =>
      `WITH page AS ${people({ among: ':ids' })}
       SELECT k.id, ${columns(wanted)} FROM contact k WHERE k.id IN (SELECT id FROM page)`,
    { ids: contacts.map((c) => c.id) });
    this.primeAll(wanted, rows, 'id', loaders);
  }

  /** Hands each row's values (the `columns` of `wanted`) to their loaders, for the contact whose id is under `idKey`. */
  private primeAll(wanted: readonly ContactPrefetch[], rows: readonly Record<string, unknown>[], idKey: string, loaders: RequestLoaders): void {
    for (const row of rows) wanted.forEach((p, i) => p.prime(loaders, row[idKey] as string, row[`rollcall_v${i}`], this.hydrate));
  }

  private readonly hydrate: Hydrate = <T extends ObjectLiteral>(entity: EntityTarget<T>, json: Record<string, unknown>): T =>
    this.hydrateAs<T>(this.db.connection.getMetadata(entity), json, '');

  /** As TypeORM hydrates a row it reads (see compileHydrator), with the hydrator compiled once per entity and prefix. */
  private hydrateAs<T extends ObjectLiteral>(meta: EntityMetadata, row: Record<string, unknown>, prefix: string): T {
    let byPrefix = this.hydrators.get(meta);
    if (!byPrefix) this.hydrators.set(meta, (byPrefix = new Map()));
    let hydrator = byPrefix.get(prefix);
    if (!hydrator) byPrefix.set(prefix, (hydrator = compileHydrator(meta, this.db.connection.driver, prefix)));
    return hydrator(row) as T;
  }
}
