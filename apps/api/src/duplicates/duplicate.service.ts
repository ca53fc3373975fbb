import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { ukToday } from '@rollcall/domain';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { CaseDoor } from '../access/case-door.js';
import { PeopleDoor } from '../access/people-door.js';
import { type MergeField, type MergeRecord, PeopleMerge } from '../access/people-merge.js';
import { Permission } from '../access/permissions.js';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { NotFoundError, UserInputError } from '../common/errors.js';
import type { Contact } from '../contacts/contact.entity.js';
import { ContactMerge, type DuplicateFilter, DuplicatePair, DuplicateReason, DuplicateSide, MergeSide } from './duplicate.types.js';

/**
 * Names at least this similar (pg_trgm's similarity: shared trigrams over all trigrams of the two
 * lower-cased names, each word padded) on the same ward are shown as likely the same person, for
 * first + last name and for preferred (or first) + last name. Measured: spelling variants and
 * shortened names score 0.6–0.8 ("Jon Smith"/"John Smith" 0.62, "Katherine"/"Catherine Mulligan"
 * 0.73, "Sarah"/"Sara Brown" 0.77, "Chris"/"Christopher Taylor" 0.60, a surname typo 0.80), while
 * different people sharing a surname on a ward score 0.35–0.55 ("Miguel"/"Mihai Schmidt" 0.53 in the
 * demo data, "David"/"Daniel Jones" 0.47, "John"/"Jane Smith" 0.47, "Anna"/"Emma Smith" 0.38). 0.6
 * sits between: a transliteration ("Mohammed"/"Muhammad Khan" 0.40) is missed here but still found by
 * its employee number or email, and a false pair is dismissed once.
 */
export const NAME_SIMILARITY = 0.6;

/** A row of contact_merge as read. */
interface MergeRow {
  id: string; kept_id: string; merged_id: string; employer_id: string; merged_at: Date; undone_at: Date | null;
  fields: MergeRecord['fields']; moved: MergeRecord['moved']; absorbed: MergeRecord['absorbed']; ended: string[];
  kept_name: string; merged_name: string; merged_by_email: string | null; kept_deleted: Date | null;
}

/**
 * Likely duplicate contacts and their reversible merging (issue 14). The pairs are found in one
 * set-based statement among the caller's people (PeopleDoor), so both sides are always people the
 * caller may see. Merging, dismissing and undoing take PEOPLE_MERGE (a branch's secretary and
 * admins), reaching the people of those branches only: a contact of another branch or organisation
 * is "not found".
 */
@Injectable()
export class DuplicateService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    private readonly door: PeopleDoor,
    private readonly cases: CaseDoor,
    private readonly merger: PeopleMerge,
    private readonly audit: AuditService,
  ) {}

  /** A page of likely duplicate pairs among the caller's people, best first, with the whole count. */
  async pairs(user: AuthUser, filter: DuplicateFilter | undefined, page: number, perPage: number): Promise<{ rows: DuplicatePair[]; total: number }> {
    const personal = this.access.can(user, Permission.PERSONAL_CONTACT_READ);
    const where: string[] = [];
    if (filter?.wardId) where.push('EXISTS (SELECT 1 FROM posting p WHERE p.contact_id IN (pairs.a, pairs.b) AND p.end_date IS NULL AND p.ward_id = :wardId)');
    if (filter?.siteId) {
      where.push(`EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id
        WHERE p.contact_id IN (pairs.a, pairs.b) AND p.end_date IS NULL AND w.site_id = :siteId)`);
    }
    if (filter?.reason) where.push(':reason = ANY(pairs.reasons)');
    const found = await this.door.sql<{ a: string; b: string; reasons: DuplicateReason[]; score: number; total: number }>(user, (people) => `
      WITH seen AS MATERIALIZED (
        SELECT c.id, c.employee_number, lower(c.work_email) AS work_email, lower(c.personal_email) AS personal_email,
          c.first_name, c.last_name, c.preferred_name, p.ward_id
        FROM contact c LEFT JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
        WHERE c.deleted_at IS NULL AND ${people({ alias: 'c' })}
      ), emails AS (
        SELECT id, work_email AS email FROM seen WHERE work_email <> ''
        UNION SELECT id, personal_email FROM seen WHERE :personal AND personal_email <> ''
      ), found AS (
        SELECT a.id AS a, b.id AS b, 'EMPLOYEE_NUMBER' AS reason, 1.0::float8 AS score
          FROM seen a JOIN seen b ON b.employee_number = a.employee_number AND a.id < b.id WHERE a.employee_number <> ''
        UNION ALL
        SELECT a.id, b.id, 'EMAIL', 0.9::float8 FROM emails a JOIN emails b ON b.email = a.email AND a.id < b.id
        UNION ALL
        SELECT n.a, n.b, 'SIMILAR_NAME', n.s FROM (
          SELECT a.id AS a, b.id AS b, GREATEST(
            similarity(a.first_name || ' ' || a.last_name, b.first_name || ' ' || b.last_name),
            similarity(coalesce(a.preferred_name, a.first_name) || ' ' || a.last_name, coalesce(b.preferred_name, b.first_name) || ' ' || b.last_name))::float8 AS s
          FROM seen a JOIN seen b ON b.ward_id = a.ward_id AND a.id < b.id) n
        WHERE n.s >= :threshold
      ), pairs AS (
        SELECT f.a, f.b, array_agg(DISTINCT f.reason ORDER BY f.reason) AS reasons, max(f.score) AS score FROM found f
        WHERE NOT EXISTS (SELECT 1 FROM duplicate_dismissal d WHERE d.low_id = f.a AND d.high_id = f.b)
        GROUP BY f.a, f.b
      )
      SELECT pairs.a, pairs.b, pairs.reasons, pairs.score, count(*) OVER ()::int AS total FROM pairs
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY pairs.score DESC, pairs.a, pairs.b LIMIT :limit OFFSET :offset`,
    { personal, threshold: NAME_SIMILARITY, wardId: filter?.wardId, siteId: filter?.siteId, reason: filter?.reason, limit: perPage, offset: page * perPage });
    if (!found.length) {
      // the page may be past the end: the count is still wanted
      return { rows: [], total: page > 0 ? (await this.pairs(user, filter, 0, 1)).total : 0 };
    }
    const sides = await this.sides(user, found.flatMap((f) => [f.a, f.b]));
    return {
      total: found[0].total,
      rows: found.map((f) => ({ id: `${f.a}:${f.b}`, a: sides.get(f.a)!, b: sides.get(f.b)!, reasons: f.reasons, score: Math.round(f.score * 100) / 100 })),
    };
  }

  private async sides(user: AuthUser, ids: string[]): Promise<Map<string, DuplicateSide>> {
    const rows = await this.door.sql<DuplicateSide>(user, (people) => `
      SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.preferred_name AS "preferredName",
        c.employee_number AS "employeeNumber", c.work_email AS "workEmail", c.job_title AS "jobTitle",
        e.name AS "employerName", w.name AS "wardName", s.name AS "siteName"
      FROM contact c JOIN employer e ON e.id = c.employer_id
        LEFT JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
        LEFT JOIN ward w ON w.id = p.ward_id LEFT JOIN site s ON s.id = w.site_id
      WHERE c.id = ANY(:ids) AND ${people({ alias: 'c' })}`, { ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The caller as one merging: people limited to the branches where they may merge. */
  private merging(user: AuthUser): AuthUser {
    this.access.require(user, Permission.PEOPLE_MERGE);
    return { ...user, people: this.access.scope(user, Permission.PEOPLE_MERGE) };
  }

  private async contact(user: AuthUser, id: string): Promise<Contact> {
    const found = await this.door.contacts(user).andWhere('contact.id = :mergeContact', { mergeContact: id }).getOne();
    if (!found) throw new NotFoundError('Contact');
    return found;
  }

  /** Both contacts side by side, with how much is recorded about each (for the merge screen). */
  async mergeSides(user: AuthUser, ids: string[]): Promise<MergeSide[]> {
    const u = this.merging(user);
    const contacts = [];
    for (const id of ids) contacts.push(await this.contact(u, id));
    const counts = await this.door.sql<{ id: string; conversations: number; memberships: number; assessments: number }>(u, (people) => `
      SELECT c.id,
        (SELECT count(*)::int FROM conversation x WHERE x.contact_id = c.id) AS conversations,
        (SELECT count(*)::int FROM membership x WHERE x.contact_id = c.id) AS memberships,
        (SELECT count(*)::int FROM assessment x WHERE x.contact_id = c.id) AS assessments
      FROM contact c WHERE c.id = ANY(:ids) AND ${people({ alias: 'c' })}`, { ids });
    const cases = await this.cases.sql<{ id: string; n: number }>(u, (c) =>
      `SELECT k.contact_id AS id, count(*)::int AS n FROM case_file k WHERE k.contact_id = ANY(:ids) AND ${c('k')} GROUP BY k.contact_id`, { ids });
    return contacts.map((contact) => {
      const n = counts.find((r) => r.id === contact.id)!;
      return { contactId: contact.id, conversations: n.conversations, memberships: n.memberships, assessments: n.assessments, cases: cases.find((r) => r.id === contact.id)?.n ?? 0 };
    });
  }

  /** Merges `mergeId` into `keepId` (see PeopleMerge.merge), records it and audits it. */
  async merge(user: AuthUser, keepId: string, mergeId: string, fromMerged: MergeField[]): Promise<ContactMerge> {
    const u = this.merging(user);
    if (keepId === mergeId) throw new UserInputError({ mergeId: 'must be another contact than the one kept' });
    const keep = await this.contact(u, keepId);
    const merge = await this.contact(u, mergeId);
    await this.merger.checkCases(u, merge, keep);
    const record = await this.merger.merge(u, keep, merge, [...new Set(fromMerged)], ukToday());
    const [{ id }] = await this.db.query<{ id: string }[]>(`INSERT INTO contact_merge (organisation_id, kept_id, merged_id, employer_id, merged_by_id, fields, moved, absorbed, ended)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [u.organisationId, keep.id, merge.id, keep.employerId, u.id, record.fields, record.moved, JSON.stringify(record.absorbed), JSON.stringify(record.ended)]);
    const summary = { id, keptId: keep.id, mergedId: merge.id, ...record };
    await this.audit.record({ action: AuditAction.CREATE, user: u, entityType: 'ContactMerge', entityId: id, employerId: keep.employerId, after: summary });
    await this.audit.record({ action: AuditAction.DELETE, user: u, entityType: 'Contact', entityId: merge.id, employerId: merge.employerId, before: merge, after: null });
    if (Object.keys(record.fields).length) {
      const changed = (side: 'from' | 'to') => ({ id: keep.id, ...Object.fromEntries(Object.entries(record.fields).map(([k, v]) => [k, v[side]])) });
      await this.audit.record({ action: AuditAction.UPDATE, user: u, entityType: 'Contact', entityId: keep.id, employerId: keep.employerId, before: changed('from'), after: changed('to') });
    }
    return this.get(u, id);
  }

  /** Undoes a merge (see PeopleMerge.undo), unless something since makes that impossible (said plainly). */
  async undo(user: AuthUser, id: string): Promise<ContactMerge> {
    const u = this.merging(user);
    const row = await this.row(u, id);
    if (row.undone_at) throw new UserInputError({ mergeId: 'has already been undone' });
    if (row.kept_deleted) {
      throw new UserInputError({ mergeId: 'cannot be undone: the kept contact has since been merged into another contact or deleted (undo or restore that first)' });
    }
    const later = await this.door.sql<{ n: number }>(u, (people) => `SELECT count(*)::int AS n FROM contact_merge cm JOIN contact k ON k.id = cm.kept_id
      WHERE cm.kept_id = :kept AND cm.id <> :id AND cm.merged_at >= (SELECT t.merged_at FROM contact_merge t WHERE t.id = :id) AND cm.undone_at IS NULL
        AND ${people({ alias: 'k' })}`, { kept: row.kept_id, id });
    if (later[0].n) throw new UserInputError({ mergeId: 'cannot be undone while a later merge into the same contact stands: undo that one first' });
    const kept = await this.contact(u, row.kept_id);
    const changed = Object.entries(row.fields).filter(([k, v]) => JSON.stringify(norm(kept[k as keyof Contact])) !== JSON.stringify(v.to)).map(([k]) => k);
    if (changed.length) throw new UserInputError({ mergeId: `cannot be undone: ${changed.join(', ')} of the kept contact changed since the merge` });
    await this.merger.undo(u, row.kept_id, row.merged_id, row);
    await this.db.query('UPDATE contact_merge SET undone_at = now(), undone_by_id = $2 WHERE id = $1', [id, u.id]);
    const merged = await this.contact(u, row.merged_id);
    await this.audit.record({ action: AuditAction.UPDATE, user: u, entityType: 'ContactMerge', entityId: id, employerId: row.employer_id, before: { id, undone: false }, after: { id, undone: true } });
    await this.audit.record({ action: AuditAction.CREATE, user: u, entityType: 'Contact', entityId: merged.id, employerId: merged.employerId, before: null, after: merged });
    if (Object.keys(row.fields).length) {
      const side = (s: 'from' | 'to') => ({ id: kept.id, ...Object.fromEntries(Object.entries(row.fields).map(([k, v]) => [k, v[s]])) });
      await this.audit.record({ action: AuditAction.UPDATE, user: u, entityType: 'Contact', entityId: kept.id, employerId: kept.employerId, before: side('to'), after: side('from') });
    }
    return this.get(u, id);
  }

  /** "Not the same person": the pair is not shown again. Idempotent. */
  async dismiss(user: AuthUser, aId: string, bId: string): Promise<boolean> {
    const u = this.merging(user);
    if (aId === bId) throw new UserInputError({ bId: 'must be another contact' });
    const a = await this.contact(u, aId);
    await this.contact(u, bId);
    const [low, high] = aId < bId ? [aId, bId] : [bId, aId];
    const rows = await this.db.query<unknown[]>(`INSERT INTO duplicate_dismissal (organisation_id, low_id, high_id, dismissed_by_id)
      VALUES ($1, LEAST($2::uuid, $3::uuid), GREATEST($2::uuid, $3::uuid), $4) ON CONFLICT DO NOTHING RETURNING low_id`, [u.organisationId, low, high, u.id]);
    if ((rows as unknown[]).length) {
      await this.audit.record({ action: AuditAction.CREATE, user: u, entityType: 'DuplicateDismissal', entityId: null, employerId: a.employerId, after: { aId, bId } });
    }
    return true;
  }

  /** Merges involving this contact (or every merge the caller may see), newest first. */
  async list(user: AuthUser, contactId: string | undefined, limit: number): Promise<ContactMerge[]> {
    const u = this.merging(user);
    const rows = await this.rows(u, contactId ? '(cm.kept_id = :contactId OR cm.merged_id = :contactId)' : 'TRUE', { contactId, limit });
    return rows.map(view);
  }

  async get(user: AuthUser, id: string): Promise<ContactMerge> {
    return view(await this.row(this.merging(user), id));
  }

  private async row(u: AuthUser, id: string): Promise<MergeRow> {
    const [row] = await this.rows(u, 'cm.id = :id', { id, limit: 1 });
    if (!row) throw new NotFoundError('Merge');
    return row;
  }

  private rows(u: AuthUser, where: string, params: Record<string, unknown>): Promise<MergeRow[]> {
    return this.door.sql<MergeRow>(u, (people) => `
      SELECT cm.*, k.deleted_at AS kept_deleted, u.email AS merged_by_email,
        coalesce(k.preferred_name, k.first_name) || ' ' || k.last_name AS kept_name,
        coalesce(m.preferred_name, m.first_name) || ' ' || m.last_name AS merged_name
      FROM contact_merge cm JOIN contact k ON k.id = cm.kept_id JOIN contact m ON m.id = cm.merged_id
        LEFT JOIN app_user u ON u.id = cm.merged_by_id
      WHERE ${where} AND ${people({ alias: 'k' })} AND ${people({ alias: 'm' })}
      ORDER BY cm.merged_at DESC LIMIT :limit`, params);
  }
}

function norm(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : (v ?? null);
}

function view(r: MergeRow): ContactMerge {
  return {
    id: r.id, keptId: r.kept_id, mergedId: r.undone_at ? r.merged_id : null, keptName: r.kept_name, mergedName: r.merged_name, mergedAt: r.merged_at,
    mergedByEmail: r.merged_by_email, undoneAt: r.undone_at, fields: r.fields,
    moved: Object.fromEntries(Object.entries(r.moved).map(([k, ids]) => [k, ids.length])), absorbed: r.absorbed.length,
  };
}
