import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from '../common/crud.service.js';
import type { BaseFilter } from '../common/list.js';
import type { PeopleDoor } from './people-door.js';

/**
 * A CrudService for a table about people: every read goes through the PeopleDoor, and a retried
 * create (the same client-made id) hands the row back only to whoever created it (`createdById`; a
 * table that keeps its author otherwise, like a conversation's rep, says so in `createdBy`).
 */
export abstract class PeopleCrudService<T extends { id: string; createdById?: string | null }, F extends BaseFilter>
  extends CrudService<T, F, AuthUser> {
  constructor(repo: Repository<T>, protected readonly door: PeopleDoor) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<T>, user: AuthUser): void {
    this.door.scope(qb, user);
  }

  /** The caller created the row (a retry of their create may return it). */
  protected override createdBy(row: T, user: AuthUser): boolean {
    return row.createdById === user.id;
  }
}
