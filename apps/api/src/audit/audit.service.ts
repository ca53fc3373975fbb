import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import { Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { outsideRequest } from '../database/request-transaction.js';
import { CrudService } from '../common/crud.service.js';
import { applySearch } from '../common/list.js';
import { AuditAction, AuditEvent } from './audit-event.entity.js';
import type { AuditEventFilter } from './dto/audit.input.js';

export interface AuditEntry {
  action: AuditAction;
  user?: Pick<AuthUser, 'id' | 'email' | 'organisationId'> | null;
  organisationId?: string | null;
  /** The employer of the person concerned (whose branch may read the entry). */
  employerId?: string | null;
  actorEmail?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  before?: object | null;
  after?: object | null;
  ip?: string | null;
}

export type AuditedRecord = { id: string } & object;

/** Plain JSON of an entity for before/after: no functions, dates as ISO strings. */
function snapshot(o: object | null | undefined): Record<string, unknown> | null {
  return o ? (JSON.parse(JSON.stringify(o)) as Record<string, unknown>) : null;
}

/** Writes and searches the append-only audit log. Each organisation sees only its own events. */
@Injectable()
export class AuditService extends CrudService<AuditEvent, AuditEventFilter, AuthUser> {
  protected readonly label = 'Audit event';
  protected readonly sortable = {
    createdAt: 'audit_event.created_at', action: 'audit_event.action', actorEmail: 'audit_event.actor_email',
    entityType: 'audit_event.entity_type',
  };
  protected readonly defaultSort = 'createdAt';

  constructor(@InjectRepository(AuditEvent) repo: Repository<AuditEvent>, private readonly door: PeopleDoor) {
    super(repo);
  }

  /** An organisation's events; those about a person only for the admins of that person's branch. */
  protected scope(qb: SelectQueryBuilder<AuditEvent>, user: AuthUser): void {
    qb.andWhere('audit_event.organisation_id = :org', { org: user.organisationId });
    qb.andWhere('(audit_event.employer_id IS NULL OR audit_event.employer_id = ANY(:auditEmployers))', {
      auditEmployers: user.scopes[Permission.AUDIT_READ]?.employerIds ?? [],
    });
  }

  protected filter(qb: SelectQueryBuilder<AuditEvent>, f: AuditEventFilter): void {
    applySearch(qb, f.q, ['audit_event.actor_email', 'audit_event.entity_type']);
    if (f.userId) qb.andWhere('audit_event.user_id = :userId', { userId: f.userId });
    if (f.entityId) qb.andWhere('audit_event.entity_id = :entityId', { entityId: f.entityId });
    if (f.entityType) qb.andWhere('audit_event.entity_type = :entityType', { entityType: f.entityType });
    if (f.action) qb.andWhere('audit_event.action = :action', { action: f.action });
    if (f.from) qb.andWhere('audit_event.created_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('audit_event.created_at < :to', { to: f.to });
  }

  /**
   * Appends an entry. By default in the request's transaction, so a change and its entry commit
   * together; `durable` writes it at once, outside, for events whose request fails (refusals, failed
   * logins). No RETURNING: the entry may be of an organisation the request cannot read back.
   */
  async record(e: AuditEntry, opts: { durable?: boolean } = {}): Promise<void> {
    const write = () => this.repo.createQueryBuilder().insert().into(AuditEvent).updateEntity(false).values(this.row(e) as never).execute();
    await (opts.durable ? outsideRequest(write) : write());
  }

  /** Appends several entries in one statement, in the request's transaction (reads of case content, a page at a time). */
  async recordAll(entries: readonly AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.repo.createQueryBuilder().insert().into(AuditEvent).updateEntity(false).values(entries.map((e) => this.row(e)) as never).execute();
  }

  private row(e: AuditEntry): AuditEvent {
    return this.repo.create({
      action: e.action,
      userId: e.user?.id ?? null,
      organisationId: e.organisationId ?? e.user?.organisationId ?? null,
      employerId: e.employerId ?? null,
      actorEmail: e.actorEmail ?? e.user?.email ?? null,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      before: snapshot(e.before),
      after: snapshot(e.after),
      ip: e.ip ?? null,
    });
  }

  /**
   * A create, update or delete of a record. One about a person (a `contactId`) is filed under the
   * person's employer, found through the PeopleDoor: the change was to one of the caller's people.
   */
  async change(user: AuthUser, entityType: string, before: AuditedRecord | null, after: AuditedRecord | null): Promise<void> {
    const action = !before ? AuditAction.CREATE : !after ? AuditAction.DELETE : AuditAction.UPDATE;
    const record = (after ?? before) as { id: string; employerId?: string; contactId?: string };
    let employerId = record.employerId ?? null;
    if (!employerId && record.contactId) {
      const [person] = await this.door.sql<{ employer_id: string }>(user, (people) =>
        `SELECT k.employer_id FROM contact k WHERE k.id = :id AND ${people({ alias: 'k' })}`, { id: record.contactId });
      // Never an entry about a person without their branch (it would be shown to the whole organisation).
      if (!person) throw new Error(`${entityType} ${record.id}: its person is not one of the caller's, so the change has no branch to be filed under`);
      employerId = person.employer_id;
    }
    return this.record({ action, user, entityType, entityId: record.id, employerId, before, after });
  }

  /** The audit log is append-only: there is nothing to delete. */
  override remove(): never {
    throw new Error('audit events cannot be deleted');
  }
}
