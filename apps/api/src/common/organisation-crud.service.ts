import type { DeepPartial, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CrudService } from './crud.service.js';
import type { BaseFilter } from './list.js';

/**
 * CRUD for a table an organisation owns as a whole (its workplace map, its union list): every read
 * sees only the caller's organisation, every create belongs to it, and every change writes an audit
 * entry (before and after) in the request's transaction. Row-level security holds the same wall.
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

  protected override scope(qb: SelectQueryBuilder<T>, user: AuthUser): void {
    qb.andWhere(`${this.alias}.organisation_id = :callerOrg`, { callerOrg: user.organisationId });
  }

  async create(input: DeepPartial<T>, user: AuthUser): Promise<T> {
    const row = await this.save(this.repo.create({ ...input, organisationId: user.organisationId } as DeepPartial<T>));
    await this.audit.change(user, this.entityType, null, row);
    return row;
  }

  async update(id: string, input: DeepPartial<T>, user: AuthUser): Promise<T> {
    const row = await this.get(id, user);
    const before = { ...row };
    const saved = await this.save(this.repo.merge(row, input));
    await this.audit.change(user, this.entityType, before, saved);
    return saved;
  }

  protected override async onRemoved(row: T, user: AuthUser): Promise<void> {
    await this.audit.change(user, this.entityType, row, null);
  }
}
