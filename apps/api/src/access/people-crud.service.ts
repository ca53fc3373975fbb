import type { EntityTarget, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from '../common/crud.service.js';
import type { BaseFilter } from '../common/list.js';
import type { PeopleDoor } from './people-door.js';

/**
 * A CrudService for a table about people: every read and write goes through the PeopleDoor (its
 * repository comes from the door, not from `@InjectRepository`), and a retried create (the same
 * client-made id) hands the row back only to whoever created it (`createdById`; a table that keeps
 * its author otherwise, like a conversation's rep, says so in `createdBy`).
 */
export abstract class PeopleCrudService<T extends { id: string; createdById?: string | null }, F extends BaseFilter>
  extends CrudService<T, F, AuthUser> {
  constructor(entity: EntityTarget<T>, protected readonly door: PeopleDoor) {
    super(door.repository(entity));
  }

  protected scope(qb: SelectQueryBuilder<T>, user: AuthUser): void {
    this.door.scope(qb, user);
  }

  /** Adds a row (and its many-to-many lists) through the door, as the caller. */
  protected async insert(row: T, user: AuthUser): Promise<T> {
    await this.door.write(user, (w) => w.insertRows(this.repo.target, row as QueryDeepPartialEntity<T>));
    return row;
  }

  protected override persist(row: T, user: AuthUser): Promise<T> {
    return this.door.write(user, (w) => w.saveRow(this.repo.target, row));
  }

  protected override async erase(id: string, user: AuthUser): Promise<void> {
    await this.door.write(user, (w) => w.deleteRows(this.repo.target, { id } as never));
  }

  /** The caller created the row (a retry of their create may return it). */
  protected override createdBy(row: T, user: AuthUser): boolean {
    return row.createdById === user.id;
  }
}
