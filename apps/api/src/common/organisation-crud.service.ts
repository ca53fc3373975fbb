import type { DeepPartial, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { referenceData } from '../access/people-door.js';
import type { AuditedRecord, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from './crud.service.js';
import type { BaseFilter } from './list.js';

/** A change a delete makes to another record through the database (ON DELETE CASCADE). */
export interface CascadedChange {
  entityType: string;
  before: AuditedRecord;
  after: AuditedRecord;
}

/** A record whose list loses an id: its id, its whole list as `ids`, and any other field its audit entries carry. */
export type LosingRow = { id: string; ids: string[] } & Record<string, unknown>;

/** The changes to records (`rows`, see LosingRow) whose list `listKey` loses `id`. */
export function lost(entityType: string, listKey: string, rows: LosingRow[], id: string): CascadedChange[] {
  return rows.map(({ ids, ...record }) => ({
    entityType,
    before: { ...record, [listKey]: ids },
    after: { ...record, [listKey]: ids.filter((x) => x !== id) },
  }));
}

/**
 * CRUD for reference data, a table an organisation owns as a whole (its workplace map, its union
 * list, its issue tags; never a table about people, which `referenceData` refuses): every read
 * sees only the caller's organisation, every create belongs to it, and every change writes an audit
 * entry (before and after) in the request's transaction. Row-level security holds the same wall.
 * A delete that the database cascades into other records (a rep's patch, a branch's employers) also
 * writes an update entry for each of them.
 */
export abstract class OrganisationCrudService<T extends ObjectLiteral & { id: string; organisationId: string }, F extends BaseFilter>
  extends CrudService<T, F, AuthUser> {
  constructor(repo: Repository<T>, protected readonly audit: AuditService) {
    super(repo);
  }

  /** The audit log's name for these records (the entity class: Employer, Site, …). */
  protected get entityType(): string {
    return this.repo.metadata.targetName;
  }

  /** Reference data: the organisation's own rows, whoever in it asks. */
  protected scope(qb: SelectQueryBuilder<T>, user: AuthUser): void {
    referenceData(qb, user);
  }

  /**
   * Refuses a change the caller may not make (for the workplace map, WorkplaceAccess): before every
   * create (`id` null), update and delete (`input` null). Nothing beyond the permission by default.
   */
  protected async requireWritable(_user: AuthUser, _id: string | null, _input: DeepPartial<T> | null): Promise<void> {}

  async create(input: DeepPartial<T>, user: AuthUser): Promise<T> {
    await this.requireWritable(user, null, input);
    const row = await this.save(this.repo.create({ ...input, organisationId: user.organisationId } as DeepPartial<T>), user);
    await this.audit.change(user, this.entityType, null, row);
    return row;
  }

  async update(id: string, input: DeepPartial<T>, user: AuthUser): Promise<T> {
    await this.requireWritable(user, id, input);
    const row = await this.get(id, user);
    const before = { ...row };
    const saved = await this.save(this.repo.merge(row, input), user);
    await this.audit.change(user, this.entityType, before, saved);
    return saved;
  }

  override async remove(id: string, user: AuthUser): Promise<T> {
    await this.requireWritable(user, id, null);
    const cascaded = await this.cascades(await this.get(id, user), user);
    const removed = await super.remove(id, user);
    for (const c of cascaded) await this.audit.change(user, c.entityType, c.before, c.after);
    return removed;
  }

  /** What deleting this row will change elsewhere, read before the delete. None by default. */
  protected async cascades(_row: T, _user: AuthUser): Promise<CascadedChange[]> {
    return [];
  }

  /**
   * Records whose list `listKey` loses `id` when it goes (see `lost`). `sql` selects, for `id` as $1,
   * each such record (a LosingRow). Not for records about people, which are read through the PeopleDoor.
   */
  protected async losing(entityType: string, listKey: string, sql: string, id: string): Promise<CascadedChange[]> {
    return lost(entityType, listKey, await this.repo.query(sql, [id]), id);
  }

  protected override async onRemoved(row: T, user: AuthUser): Promise<void> {
    await this.audit.change(user, this.entityType, row, null);
  }
}
