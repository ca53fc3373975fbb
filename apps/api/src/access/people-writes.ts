import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ForbiddenError, NotFoundError } from '../common/errors.js';
import { PERSON_OWNED, type PeopleDoor, type PersonOwnedTable } from './people-door.js';

/** Rows matched by column values (by property name, e.g. `{ id }`, `{ conversationId }`). */
export type Match<T> = { [K in keyof T]?: T[K] };

/**
 * Writes to person-owned tables (PERSON_OWNED), each through the PeopleDoor: what PeopleDoor.write
 * hands its callback. Updates and deletes reach only rows of the caller's people (the door's
 * condition is in their WHERE); a saved row must have been the caller's; and every person a row it
 * inserted, saved or updated names must be among the caller's people once the callback is done
 * (a new contact with their first posting, a move to another ward: checked together, at the end).
 */
export interface PeopleWrites {
  /** Adds rows, and their many-to-many lists (a conversation's issue tags, a rep role's wards). */
  insertRows<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]): Promise<void>;
  /** Saves changes to a row of the caller's people, its many-to-many lists too. */
  saveRow<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>, row: T): Promise<T>;
  /** Changes the rows of the caller's people that match (the people they name then must be the caller's too); how many. */
  updateRows<T extends ObjectLiteral>(entity: EntityTarget<T>, match: Match<T>, changes: QueryDeepPartialEntity<T>): Promise<number>;
  /** Deletes the rows of the caller's people that match (a contact softly: see ContactService.remove); how many. */
  deleteRows<T extends ObjectLiteral>(entity: EntityTarget<T>, match: Match<T>): Promise<number>;
}

/** One PeopleDoor.write's writes, on its transaction: it keeps the people the rows it wrote name, for `check`. */
export class PeopleWriter implements PeopleWrites {
  private readonly named = new Set<string>();

  constructor(private readonly tx: EntityManager, private readonly door: PeopleDoor, private readonly user: AuthUser) {}

  async insertRows<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    const m = this.metadata(entity);
    await this.tx.getRepository(entity).insert(list); // fills in each row's generated id
    for (const row of list) {
      this.name(m, row);
      for (const r of m.manyToManyRelations) {
        const related = r.getEntityValue(row) as unknown[] | undefined;
        if (related?.length) await this.tx.createQueryBuilder().relation(entity, r.propertyName).of(m.getEntityIdMap(row)!).add(related);
      }
    }
  }

  async saveRow<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>, row: T): Promise<T> {
    const m = this.metadata(entity);
    const stored = this.door.scope(this.tx.getRepository(entity).createQueryBuilder(m.tableName), this.user);
    if (!(await stored.andWhere(`${m.tableName}.id = :savedId`, { savedId: row.id }).getExists())) throw new NotFoundError(m.targetName);
    const saved = await this.tx.getRepository(entity).save(row);
    this.name(m, saved);
    return saved;
  }

  async updateRows<T extends ObjectLiteral>(entity: EntityTarget<T>, match: Match<T>, changes: QueryDeepPartialEntity<T>): Promise<number> {
    const m = this.metadata(entity);
    const ids = await this.found(entity, m, match);
    if (!ids.length) return 0;
    const people = [...PERSON_OWNED[m.tableName as PersonOwnedTable]];
    const { raw } = await this.tx.createQueryBuilder().update(entity).set(changes).whereInIds(ids).returning(people).execute();
    for (const row of raw as Record<string, string>[]) for (const column of people) this.named.add(row[column]);
    return ids.length;
  }

  /** Soft where the table keeps its rows (a contact's `deletedAt`), for good otherwise. */
  async deleteRows<T extends ObjectLiteral>(entity: EntityTarget<T>, match: Match<T>): Promise<number> {
    const m = this.metadata(entity);
    const ids = await this.found(entity, m, match);
    if (!ids.length) return 0;
    const qb = this.tx.createQueryBuilder();
    await (m.deleteDateColumn ? qb.softDelete() : qb.delete()).from(entity).whereInIds(ids).execute();
    return ids.length;
  }

  /** Refuses the whole write (the caller rolls it back) unless everyone its rows name is among the caller's people. */
  async check(): Promise<void> {
    if (!this.named.size) return;
    const ids = [...this.named];
    const [{ n }] = await this.door.sql<{ n: number }>(this.user, (people) => `SELECT count(*)::int AS n FROM ${people({ among: ':ids' })} k`, { ids });
    if (n !== ids.length) throw new ForbiddenError('You may change only the records of people in your branch or patch');
  }

  /** The row's organisation must be the caller's; the people it names are kept for `check`. */
  private name(m: EntityMetadata, row: ObjectLiteral): void {
    if (m.findColumnWithPropertyName('organisationId')?.getEntityValue(row) !== this.user.organisationId) {
      throw new ForbiddenError('You may change only the records of your own organisation');
    }
    for (const column of PERSON_OWNED[m.tableName as PersonOwnedTable]) this.named.add(m.findColumnWithDatabaseName(column)!.getEntityValue(row));
  }

  /**
   * The ids of the rows that match among the caller's people, read through the door (an UPDATE or
   * DELETE built by TypeORM would rewrite the door's condition: it takes bare words in it for the
   * entity's property names), so that the write that follows names them alone.
   */
  private async found<T extends ObjectLiteral>(entity: EntityTarget<T>, m: EntityMetadata, match: Match<T>): Promise<string[]> {
    if (!Object.keys(match).length) throw new Error(`a write to ${m.tableName} names no rows`);
    const qb = this.door.scope(this.tx.getRepository(entity).createQueryBuilder(m.tableName), this.user);
    const rows = await qb.select(`${m.tableName}.id`, 'id').andWhere(match as never).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  private metadata(entity: EntityTarget<ObjectLiteral>): EntityMetadata {
    const m = this.tx.connection.getMetadata(entity);
    if (!Object.hasOwn(PERSON_OWNED, m.tableName)) throw new Error(`${m.tableName} is not a person-owned table (PERSON_OWNED): write it elsewhere`);
    return m;
  }
}
