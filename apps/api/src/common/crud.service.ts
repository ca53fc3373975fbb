import { type EntityManager, In, type ObjectLiteral, QueryFailedError, type Repository, type SelectQueryBuilder } from 'typeorm';
import { mapConstraintError, NotFoundError, UserInputError } from './errors.js';
import { applyIds, applyPage, applySort, type BaseFilter, type ListArgs, type SortArgs } from './list.js';
import { byKey } from './loaders.js';

/**
 * How a list's page is read: TypeORM's own way by default; a list may read more in the same
 * statement (ContactPrefetches.readPage), as long as it answers the rows TypeORM would have.
 */
export type PageReader<T extends ObjectLiteral> = (qb: SelectQueryBuilder<T>) => Promise<{ entities: T[]; raw: Record<string, unknown>[] }>;

/** TypeORM's own way to read a page (the default PageReader). */
const readByTypeOrm = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => qb.getRawAndEntities();

/** A client-made id that belongs to another row (whose, the answer does not say). */
const ID_IN_USE: [string, string] = ['id', 'is already in use: make a new id for a new record'];

function isUniqueViolation(e: unknown): boolean {
  return e instanceof QueryFailedError && (e as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '23505';
}

/**
 * List, count, fetch and write for one table, in react-admin's grammar. Subclasses say how a filter
 * becomes SQL, which fields sort, and which constraint means which field in an error; and each
 * must say in `scope` what the caller may see, so no query forgets it: a table about people through
 * the PeopleDoor (`door.scope(qb, user)`), reference data by saying so (`referenceData(qb, user)`,
 * access/people-door.ts). There is no default.
 */
export abstract class CrudService<T extends ObjectLiteral & { id: string }, F extends BaseFilter, Scope> {
  protected abstract readonly label: string;
  protected abstract readonly sortable: Record<string, string>;
  protected abstract readonly defaultSort: string;
  protected readonly constraints: Record<string, [string, string]> = {};

  constructor(protected readonly repo: Repository<T>) {}

  protected abstract filter(qb: SelectQueryBuilder<T>, filter: F, scope: Scope): void;

  /** Restricts every read to what `scope` may see (see the class comment). */
  protected abstract scope(qb: SelectQueryBuilder<T>, scope: Scope): void;

  protected query(scope: Scope, filter?: F): SelectQueryBuilder<T> {
    const qb = this.repo.createQueryBuilder(this.alias);
    this.scope(qb, scope);
    if (filter) {
      applyIds(qb, filter.ids);
      this.filter(qb, filter, scope);
    }
    return qb;
  }

  protected get alias(): string {
    return this.repo.metadata.tableName;
  }

  /**
   * The list's rows, filtered, scoped and sorted but not paged: a page of `list` reads it, and so does
   * an export (through a cursor), so both see exactly the same rows in the same order.
   */
  listQuery(args: SortArgs, filter: F | undefined, scope: Scope): SelectQueryBuilder<T> {
    return applySort(this.query(scope, filter), args, this.sortable, this.defaultSort);
  }

  list(args: ListArgs, filter: F | undefined, scope: Scope): Promise<T[]> {
    return applyPage(this.listQuery(args, filter, scope), args).getMany();
  }

  /** `list`'s page, read by `read` (see PageReader). */
  async listReadBy(args: ListArgs, filter: F | undefined, scope: Scope, read: PageReader<T> = readByTypeOrm): Promise<T[]> {
    return (await read(applyPage(this.listQuery(args, filter, scope), args))).entities;
  }

  /**
   * A page and, from the same statement (a window count over the filtered rows, before the page is
   * cut), how many rows the whole list has: what a list page's count would read again. The total is
   * null when the page is empty past the first (no row to carry it).
   */
  async listWithTotal(
    args: ListArgs, filter: F | undefined, scope: Scope, read: PageReader<T> = readByTypeOrm,
  ): Promise<{ rows: T[]; total: number | null }> {
    const { entities, raw } = await read(applyPage(this.listQuery(args, filter, scope), args).addSelect('count(*) OVER ()', 'rollcall_total'));
    const total = raw.length ? Number(raw[0].rollcall_total) : (args.page ?? 0) === 0 ? 0 : null;
    return { rows: entities, total };
  }

  count(filter: F | undefined, scope: Scope): Promise<number> {
    return this.query(scope, filter).getCount();
  }

  async get(id: string, scope: Scope): Promise<T> {
    const row = await this.query(scope).andWhere(`${this.alias}.id = :id`, { id }).getOne();
    if (!row) throw new NotFoundError(this.label);
    return row;
  }

  async find(id: string, scope: Scope): Promise<T | null> {
    return this.query(scope).andWhere(`${this.alias}.id = :id`, { id }).getOne();
  }

  /** For DataLoader: rows in key order, null where missing or out of scope. */
  async byIds(ids: readonly string[], scope: Scope): Promise<(T | null)[]> {
    const rows = await this.query(scope).andWhere({ id: In([...ids]) } as never).getMany();
    return byKey(ids, rows, (r) => r.id);
  }

  /**
   * Whether the caller made this row: a retried create hands back only the caller's own row. Nobody
   * did by default, so a table that does not say refuses every id already in use.
   */
  protected createdBy(_row: T, _scope: Scope): boolean {
    return false;
  }

  /**
   * Creates at most one row per client-made id: an idempotency key the client makes when its form
   * opens and sends again on every retry. The same id from the same caller again (a retry after an
   * answer was lost, even one racing the first attempt's commit) returns the row the first attempt
   * made, and creates, audits and adds nothing more. An id already used for a row the caller did not
   * make, or cannot see, gets one and the same field error, which says nothing of whose or what it is.
   * Without an id it simply creates. `create` must insert (never `save`: save updates a row it finds
   * by id); it runs in a savepoint, so a refused insert leaves the request's transaction usable.
   */
  protected async createOnce(id: string | undefined, scope: Scope, create: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      const existing = id ? await this.ownRow(id, scope) : null;
      if (existing) return existing;
      return await this.repo.manager.transaction((tx) => create(tx));
    } catch (e) {
      if (id && isUniqueViolation(e)) {
        // Someone committed this id first: the caller's own earlier attempt, or not.
        const row = await this.ownRow(id, scope);
        if (row) return row;
      }
      mapConstraintError(e, { ...this.constraints, [this.primaryKeyName]: ID_IN_USE });
    }
  }

  private async ownRow(id: string, scope: Scope): Promise<T | null> {
    const row = await this.find(id, scope);
    if (row && !this.createdBy(row, scope)) throw new UserInputError({ [ID_IN_USE[0]]: ID_IN_USE[1] });
    return row;
  }

  private get primaryKeyName(): string {
    const m = this.repo.metadata;
    return this.repo.manager.connection.namingStrategy.primaryKeyName(m.tablePath, m.primaryColumns.map((c) => c.databaseName));
  }

  protected async save(entity: T, scope: Scope): Promise<T> {
    try {
      return await this.persist(entity, scope);
    } catch (e) {
      mapConstraintError(e, this.constraints);
    }
  }

  async remove(id: string, scope: Scope): Promise<T> {
    const row = await this.get(id, scope);
    try {
      await this.erase(id, scope);
    } catch (e) {
      mapConstraintError(e, this.constraints);
    }
    await this.onRemoved(row, scope);
    return { ...row, id };
  }

  /** Writes a row (a table about people writes through the PeopleDoor: PeopleCrudService). */
  protected persist(entity: T, _scope: Scope): Promise<T> {
    return this.repo.save(entity);
  }

  /** Deletes a row (a table about people deletes through the PeopleDoor: PeopleCrudService). */
  protected async erase(id: string, _scope: Scope): Promise<void> {
    await this.repo.delete(id);
  }

  /** Called after a row is deleted (people services write the audit log here). */
  protected async onRemoved(_row: T, _scope: Scope): Promise<void> {}
}
