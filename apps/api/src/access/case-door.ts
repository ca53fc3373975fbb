import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessService } from './access.service.js';
import { caseOfficerBranches } from './case-rules.js';
import { DoorNames, PeopleDoor, type SqlCondition } from './people-door.js';
import { Permission } from './permissions.js';

/** The case tables: the case itself, and the tables of its content, each keyed by `case_id`. */
export const CASE_TABLES = ['case_file', 'case_team', 'case_link', 'case_meeting', 'case_custom_deadline', 'case_note', 'case_document'] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

/** A place on a case's team, as the door reads it (casework.enums.ts CaseTeamRole). */
export type TeamPlace = 'CASEWORKER' | 'SECOND_CASEWORKER' | 'REP';

/** What the door needs of a case to apply its field rules. */
export interface CaseRef { id: string; branchId: string }

/** Writes the caller's cases condition into raw SQL for a `case_file` alias. */
export type CasesSql = (alias: string) => string;

/**
 * The one door to case content: "a case's content is read only by its team, and by the secretary and
 * admins of the member's branch". Built on the PeopleDoor (a case is a record about its member,
 * `case_file` is PERSON_OWNED): the member must be someone the caller may see at branch level in a
 * branch where they hold CASES_READ (a rep on a case's team reads it whether or not the member is on
 * their patch), and then the caller must be on the case's team or be secretary or admin of the case's
 * branch. Soft-deleted cases are nobody's. Every read of a case table goes through here: query
 * builders (`scope`, `query`), batches by case (`ofCases`), the content tables through their case
 * (`content`), and raw SQL (`sql`). Writes find their case through it first, then ask the field rules
 * here (`mayChange`, `mayAddNote`, `mayManage`, `maySearchNotes`). Row-level security holds the same
 * rule again in the database (see the Casework migration), with the branches from `caseOfficerBranches`.
 */
@Injectable()
export class CaseDoor {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly access: AccessService,
    private readonly people: PeopleDoor,
  ) {}

  /** SQL limiting a `case_file` alias to the cases the caller reads, with parameters named for it alone. */
  condition(user: AuthUser, alias: string, names = new DoorNames()): SqlCondition {
    if (!this.access.can(user, Permission.CASES_READ)) return { sql: 'FALSE', params: {} };
    // The member, at branch level, in the branches where the caller holds CASES_READ (never a rep's patch).
    const member = this.people.condition({ ...user, people: this.access.scope(user, Permission.CASES_READ) }, { table: 'case_file', alias }, names);
    const key = names.next();
    return {
      sql: `(${member.sql} AND ${alias}.deleted_at IS NULL AND (${alias}.branch_id = ANY(:${key}officer)
        OR EXISTS (SELECT 1 FROM case_team ${key}t WHERE ${key}t.case_id = ${alias}.id AND ${key}t.user_id = :${key}me)))`,
      params: { ...member.params, [`${key}officer`]: caseOfficerBranches(user), [`${key}me`]: user.id },
    };
  }

  /** Limits a query builder on `case_file` to the caller's cases. */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, alias = qb.alias): SelectQueryBuilder<T> {
    this.tableOf(qb, 'case_file');
    const c = this.condition(user, alias, DoorNames.of(qb));
    return qb.andWhere(c.sql, c.params);
  }

  /** A query builder on `case_file`, already limited to the caller's cases. */
  query<T extends ObjectLiteral>(entity: EntityTarget<T>, user: AuthUser, alias = 'case_file'): SelectQueryBuilder<T> {
    return this.scope(this.db.getRepository(entity).createQueryBuilder(alias), user);
  }

  /** Limits a query builder on a content table (keyed by `case_id`) to the content of the caller's cases. */
  content<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, alias = qb.alias): SelectQueryBuilder<T> {
    const table = this.tableOf(qb);
    if (table === 'case_file') throw new Error('case_file is the case itself: scope it with CaseDoor.scope');
    const names = DoorNames.of(qb);
    const k = `${names.next()}k`;
    const c = this.condition(user, k, names);
    if (table === 'case_link') {
      // A link is shown only when the caller reads both of its cases.
      const second = this.condition(user, `${k}2`, names);
      return qb.andWhere(`EXISTS (SELECT 1 FROM case_file ${k} WHERE ${k}.id = ${alias}.case_id AND ${c.sql})
        AND EXISTS (SELECT 1 FROM case_file ${k}2 WHERE ${k}2.id = ${alias}.linked_case_id AND ${second.sql})`, { ...c.params, ...second.params });
    }
    return qb.andWhere(`EXISTS (SELECT 1 FROM case_file ${k} WHERE ${k}.id = ${alias}.case_id AND ${c.sql})`, c.params);
  }

  /**
   * The rows of a content table for these cases (a batch loader's keys), limited to the caller's
   * cases: the cases first, then their rows.
   */
  ofCases<T extends ObjectLiteral>(entity: EntityTarget<T>, user: AuthUser, caseIds: readonly string[], alias: string): SelectQueryBuilder<T> {
    const qb = this.db.getRepository(entity).createQueryBuilder(alias);
    const table = this.tableOf(qb);
    if (table === 'case_file' || table === 'case_link') throw new Error(`${table} is not a content table keyed by one case`);
    const names = new DoorNames();
    const key = names.next();
    const k = `${key}k`;
    const c = this.condition(user, k, names);
    return qb.where(`${alias}.case_id IN (SELECT ${k}.id FROM case_file ${k} WHERE ${k}.id = ANY(:${key}ids) AND ${c.sql})`,
      { ...c.params, [`${key}ids`]: [...caseIds] });
  }

  /**
   * Raw SQL about cases, with named parameters (`:name`): `build` receives `cases(alias)`, which
   * writes the caller's cases condition for a `case_file` alias. Nothing the caller names may start with `door`.
   */
  async sql<R>(user: AuthUser, build: (cases: CasesSql) => string, params: Record<string, unknown> = {}): Promise<R[]> {
    for (const k of Object.keys(params)) if (k.startsWith('door')) throw new Error(`parameter ${k}: names starting with "door" are the door's own`);
    const own: Record<string, unknown>[] = [];
    const names = new DoorNames();
    const text = build((alias) => {
      const c = this.condition(user, alias, names);
      own.push(c.params);
      return c.sql;
    });
    const [query, values] = this.db.connection.driver.escapeQueryWithParameters(text, Object.assign({ ...params }, ...own));
    return this.db.query(query, values);
  }

  /**
   * Which of these people (of the caller's people scope) have an open case, for those who may know
   * it exists (CASES_EXISTENCE_READ): existence only, whoever's team it is. The database answers it
   * through one narrow function (`rollcall_contacts_with_open_case`), since row-level security hides
   * the cases themselves from everyone outside their team.
   */
  async withOpenCase(user: AuthUser, contactIds: readonly string[]): Promise<Set<string>> {
    if (!this.access.can(user, Permission.CASES_EXISTENCE_READ) || !contactIds.length) return new Set();
    const rows = await this.people.sql<{ id: string }>(user, (people) =>
      `SELECT x AS id FROM rollcall_contacts_with_open_case(ARRAY(${people({ among: ':ids' })})) x`, { ids: [...contactIds] });
    return new Set(rows.map((r) => r.id));
  }

  /** The caller's place on a case's team (null: not on it). Ask only of a case found through the door. */
  async placeOn(user: AuthUser, caseId: string): Promise<TeamPlace | null> {
    return (await this.placesOn(user, [caseId]))[0];
  }

  /** The caller's place on each case's team (null: not on it, or not a case they read), in key order (DataLoader). */
  async placesOn(user: AuthUser, caseIds: readonly string[]): Promise<(TeamPlace | null)[]> {
    const rows = await this.sql<{ case_id: string; role: TeamPlace }>(user, (cases) => `SELECT t.case_id, t.role FROM case_team t
      JOIN case_file k ON k.id = t.case_id WHERE t.case_id = ANY(:caseIds) AND t.user_id = :me AND ${cases('k')}`, { caseIds: [...caseIds], me: user.id });
    const by = new Map(rows.map((r) => [r.case_id, r.role]));
    return caseIds.map((id) => by.get(id) ?? null);
  }

  /** What the caller may do with a case they read, given their place on its team: the field rules below, for a whole page at once. */
  rights(user: AuthUser, kase: CaseRef, place: TeamPlace | null): { change: boolean; addNote: boolean; manage: boolean } {
    const officer = this.isOfficer(user, kase);
    const writes = this.access.can(user, Permission.CASES_WRITE);
    return {
      change: writes && (officer || place === 'CASEWORKER' || place === 'SECOND_CASEWORKER'),
      addNote: this.access.can(user, Permission.CASES_READ) && (officer || place !== null),
      manage: writes && officer,
    };
  }

  /** Whether the caller is secretary or admin of the case's branch: reads, staffs and deletes every case there. */
  isOfficer(user: AuthUser, kase: CaseRef): boolean {
    return caseOfficerBranches(user).includes(kase.branchId);
  }

  /** Change the case, its meetings, deadlines and links: its caseworkers, or the branch's secretary and admins. */
  async mayChange(user: AuthUser, kase: CaseRef): Promise<boolean> {
    if (!this.access.can(user, Permission.CASES_WRITE)) return false;
    return this.rights(user, kase, this.isOfficer(user, kase) ? null : await this.placeOn(user, kase.id)).change;
  }

  /** Add a note: anyone on the team (its rep too), or the branch's secretary and admins. */
  async mayAddNote(user: AuthUser, kase: CaseRef): Promise<boolean> {
    if (!this.access.can(user, Permission.CASES_READ)) return false;
    return this.rights(user, kase, this.isOfficer(user, kase) ? null : await this.placeOn(user, kase.id)).addNote;
  }

  /** Staff a case or delete it: the branch's secretary and admins only. */
  mayManage(user: AuthUser, kase: CaseRef): boolean {
    return this.rights(user, kase, null).manage;
  }

  /** Search a case's notes: its team only (DOMAIN.md: search of notes is for the case team). */
  async maySearchNotes(user: AuthUser, caseId: string): Promise<boolean> {
    return (await this.placeOn(user, caseId)) !== null;
  }

  private tableOf(qb: SelectQueryBuilder<ObjectLiteral>, only?: CaseTable): CaseTable {
    const table = qb.expressionMap.mainAlias?.metadata?.tableName;
    if (!table || !(CASE_TABLES as readonly string[]).includes(table)) throw new Error(`${table ?? 'this query'} is not a case table (CASE_TABLES)`);
    if (only && table !== only) throw new Error(`${table} is not ${only}`);
    return table as CaseTable;
  }
}
