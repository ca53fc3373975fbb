import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Contact } from '../contacts/contact.entity.js';
import { AccessService } from './access.service.js';
import { PeopleWriter, type PeopleWrites } from './people-writes.js';
import { Permission } from './permissions.js';
import type { Scope } from './scopes.js';

/**
 * Every table that holds something about a person, and the columns that name the person (a contact
 * link names two). A new one (cases, ballots, imports) is added here, and is then read and written
 * only through the door (`query`, `sql`, `write`; person-owned.spec.ts fails on a repository of it
 * elsewhere); the nested scope test (authz-nested.e2e) fails on a table with a `contact_id` that is
 * not listed.
 */
export const PERSON_OWNED = {
  contact: ['id'],
  posting: ['contact_id'],
  membership: ['contact_id'],
  rep_role: ['contact_id'],
  conversation: ['contact_id'],
  assessment: ['contact_id'],
  contact_link: ['leader_id', 'follower_id'],
  // a case is about its member; its content is read through the CaseDoor, which is built on this one
  case_file: ['contact_id'],
  // who was invited to, pledged or took part in a campaign's action
  participation: ['contact_id'],
  // a member's chase state in a ballot, each change a row (the ballot itself is the organisation's)
  ballot_member_state: ['contact_id'],
} as const satisfies Record<string, readonly string[]>;

export type PersonOwnedTable = keyof typeof PERSON_OWNED;

/**
 * Whose people aggregate counts (headcount, members, reps) take: one organisation, the whole
 * employers of some of its branches, never a patch (AccessService.countScope). Counts name no one.
 */
export interface CountScope {
  organisationId: string;
  employerIds: string[];
}

/** Whose people a condition admits: an organisation, and the employers and patch sites within it. */
interface Whose {
  organisationId: string;
  people: Scope;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** A contact, as a table alias (`contact`) or as an SQL expression naming a contact id (`m.contact_id`). */
export type PersonRef = { alias: string } | { contactId: string };

/**
 * The caller's people among an SQL array of contact ids (`:ids`, a batch loader's keys): a subquery
 * of their ids, for `x.contact_id IN …`, which keeps a batch's plan driven by its keys.
 */
export interface AmongRef { among: string }

/** The rows of a person-owned table under an alias (`{ table: 'membership', alias: 'm' }`). */
export interface RowRef { table: PersonOwnedTable; alias: string }

/** Writes the caller's people condition into raw SQL, naming its parameters itself. */
export type PeopleSql = (target: PersonRef | RowRef | AmongRef) => string;

/**
 * The door's own parameter (and alias) prefixes within one statement: `door1_`, `door2_`, … in the
 * order its conditions are written, skipping any the statement already holds. So two conditions in
 * one statement never collide, and the same query is the same SQL text on every request (for plan
 * statistics and the statement-count tests).
 */
export class DoorNames {
  private n = 0;
  constructor(private readonly taken: (prefix: string) => boolean = () => false) {}

  next(): string {
    let prefix: string;
    do prefix = `door${++this.n}_`; while (this.taken(prefix));
    return prefix;
  }

  /** Names for conditions added to a query builder (after any of the door's already in it). */
  static of(qb: SelectQueryBuilder<ObjectLiteral>): DoorNames {
    const params = Object.keys(qb.getParameters());
    return new DoorNames((prefix) => params.some((p) => p.startsWith(prefix)));
  }
}

/**
 * The organisation wall for reference data (the workplace map, unions, issue tags, branches): what
 * a service that reads no person's record uses as its `scope`, saying so by name. It refuses a
 * table about people, which goes through the PeopleDoor instead.
 */
export function referenceData<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser): void {
  const table = qb.expressionMap.mainAlias?.metadata?.tableName;
  if (!table || Object.hasOwn(PERSON_OWNED, table)) throw new Error(`${table ?? 'this query'} is about people: scope it through the PeopleDoor`);
  qb.andWhere(`${qb.alias}.organisation_id = :callerOrg`, { callerOrg: user.organisationId });
}

/**
 * The one door to people's data. Every read and write of a person-owned table (PERSON_OWNED) goes
 * through here: query builders already scoped to the caller, the same condition for raw SQL (with
 * parameters it names itself), writes limited the same way (`write`), and the field-level rules
 * about a person (personal contact details). No repository, query builder or entity manager call on
 * a person-owned entity is made outside access/ (person-owned.spec.ts fails on one).
 *
 * The rule: the organisation is a hard wall; inside it a user sees the people of their branches'
 * employers, and a rep only those posted on the sites of their patch (the operation's people scope:
 * read scope, or write scope in a mutation; see AccessService.people). A record about a person is in
 * scope when the person is (a contact link when both are). Row-level security holds the
 * organisation and branch walls again in the database, so a slip here still leaks nothing past them.
 *
 * Aggregate counts take the people of a count scope instead (whole employers, never a patch; see
 * CountScope): `countSql`, `countCondition`. A subquery tied to a row the statement has already
 * limited through the door (a contact's memberships, postings or conversations in a contact filter;
 * the later conversations with a conversation's person) takes no condition of its own: its rows are
 * about that person, so in scope exactly when the row is, and a second condition would only repeat
 * the first at the price of a probe of `contact` per row.
 */
@Injectable()
export class PeopleDoor {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly access: AccessService) {}

  /**
   * SQL limiting a contact (a table alias, or an expression naming contact ids), or the rows of a
   * person-owned table under an alias, to the people of this operation's scope, organisation
   * included (and, through an id, not deleted). Its parameters are named for it alone. Everything
   * else in this module is built on it.
   */
  condition(user: AuthUser, target: PersonRef | RowRef, names = new DoorNames()): SqlCondition {
    return this.within(this.whose(user), target, names);
  }

  /**
   * The same for aggregate counts: the people of a count scope (whole employers; see CountScope),
   * for a count written into a query builder (a list sorted by headcount).
   */
  countCondition(scope: CountScope, target: PersonRef, names = new DoorNames()): SqlCondition {
    return this.within(counted(scope), target, names);
  }

  private whose(user: AuthUser): Whose {
    return { organisationId: user.organisationId, people: this.access.people(user) };
  }

  private within(w: Whose, target: PersonRef | RowRef, names: DoorNames): SqlCondition {
    if (!('table' in target)) return this.person(w, target, names);
    if (target.table === 'contact') return this.person(w, { alias: target.alias }, names);
    const parts = PERSON_OWNED[target.table].map((column) => this.person(w, { contactId: `${target.alias}.${column}` }, names));
    const key = names.next();
    return {
      sql: `(${target.alias}.organisation_id = :${key}org AND ${parts.map((p) => p.sql).join(' AND ')})`,
      params: Object.assign({ [`${key}org`]: w.organisationId }, ...parts.map((p) => p.params)),
    };
  }

  private person(w: Whose, target: PersonRef, names: DoorNames): SqlCondition {
    const key = names.next();
    const s = w.people;
    const params = { [`${key}org`]: w.organisationId, [`${key}emp`]: s.employerIds, [`${key}sites`]: s.siteIds };
    const inBranch = (c: string) => {
      // Whole employers, patch sites, or both; each as a form the planner can drive an index with
      // (a rep's patch as a semi-join from the postings on its sites, not a check per contact).
      const parts: string[] = [];
      if (s.employerIds.length || !s.siteIds.length) parts.push(`${c}.employer_id = ANY(:${key}emp)`);
      if (s.siteIds.length) {
        parts.push(`${c}.id IN (SELECT ${key}p.contact_id FROM posting ${key}p JOIN ward ${key}w ON ${key}w.id = ${key}p.ward_id
          WHERE ${key}p.end_date IS NULL AND ${key}w.site_id = ANY(:${key}sites))`);
      }
      return `${c}.organisation_id = :${key}org AND (${parts.join(' OR ')})`;
    };
    if ('alias' in target) return { sql: `(${inBranch(target.alias)})`, params };
    return {
      sql: `EXISTS (SELECT 1 FROM contact ${key}c WHERE ${key}c.id = ${target.contactId} AND ${key}c.deleted_at IS NULL AND ${inBranch(`${key}c`)})`,
      params,
    };
  }

  /**
   * The caller's people among an SQL array of contact ids (see AmongRef), built on `condition`: the
   * ids first, each one primary-key probe. Written as a join (or `id = ANY(ids)`), the planner reads
   * a whole employer's people through the branch condition's index to find a page's 25: it takes
   * the branch condition and row-level security's own for two independent filters, and expects a
   * handful of rows from thousands (2.4 of the contact list's 3.4 ms at scale 600). The LIMIT 1
   * (one row per id: the key) keeps the subquery a probe per id, which the planner cannot merge away.
   */
  private among(w: Whose, ids: string, names: DoorNames): SqlCondition {
    const k = `${names.next()}k`;
    const c = this.within(w, { alias: k }, names);
    return {
      sql: `(SELECT ${k}p.id FROM unnest(${ids}::uuid[]) ${k}i(id) CROSS JOIN LATERAL (SELECT ${k}.id FROM contact ${k}
        WHERE ${k}.id = ${k}i.id AND ${k}.deleted_at IS NULL AND ${c.sql} LIMIT 1) ${k}p)`,
      params: c.params,
    };
  }

  /** Limits a query builder on a person-owned table to the caller's people (a CrudService's `scope`). */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, alias = qb.alias): SelectQueryBuilder<T> {
    const c = this.condition(user, { table: this.tableOf(qb), alias }, DoorNames.of(qb));
    return qb.andWhere(c.sql, c.params);
  }

  /** A query builder on a person-owned table, already limited to the caller's people. */
  query<T extends ObjectLiteral>(entity: EntityTarget<T>, user: AuthUser, alias?: string): SelectQueryBuilder<T> {
    const repo = this.db.getRepository(entity);
    return this.scope(repo.createQueryBuilder(alias ?? repo.metadata.tableName), user);
  }

  /**
   * The records of these people (a batch loader's keys) in a person-owned table, limited to the
   * caller's people: the people first, then their records (a record is its person's: same organisation).
   */
  ofPeople<T extends ObjectLiteral>(entity: EntityTarget<T>, user: AuthUser, contactIds: readonly string[], alias: string): SelectQueryBuilder<T> {
    const qb = this.db.getRepository(entity).createQueryBuilder(alias);
    const table = this.tableOf(qb);
    if (PERSON_OWNED[table][0] !== 'contact_id') throw new Error(`${table} is not keyed by one person`);
    const names = new DoorNames();
    const key = names.next();
    const people = this.among(this.whose(user), `:${key}ids`, names);
    return qb.where(`${alias}.contact_id IN ${people.sql}`, { ...people.params, [`${key}ids`]: [...contactIds] });
  }

  /**
   * Writes to person-owned tables as the caller (see PeopleWrites), in a savepoint of the request's
   * transaction: updates and deletes reach only the caller's people, and once `write` is done
   * everyone a written row names must be among them, or the whole write is undone and refused.
   */
  async write<R>(user: AuthUser, write: (writes: PeopleWrites) => Promise<R>): Promise<R> {
    return this.db.transaction(async (tx) => {
      const writer = new PeopleWriter(tx, this, user);
      const result = await write(writer);
      await writer.check();
      return result;
    });
  }

  /**
   * A person-owned table's repository, in the request's transaction, for PeopleCrudService alone:
   * it reads through `scope` and writes through `write`.
   */
  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    const base = this.db.connection.getRepository(entity);
    this.tableOf(base.createQueryBuilder());
    return Object.create(base, { manager: { get: () => this.db, enumerable: true } }) as Repository<T>;
  }

  /** Contacts the caller may see (or, in a mutation, change). */
  contacts(user: AuthUser, alias = 'contact'): SelectQueryBuilder<Contact> {
    return this.query(Contact, user, alias);
  }

  /**
   * Raw SQL about people, with named parameters (`:name`): `build` receives `people(target)`, which
   * writes the caller's people condition (see `condition`) for a contact alias, a contact id
   * expression or a person-owned table's alias, or the subquery of the caller's people among a
   * batch's keys (AmongRef), each with parameters of its own. Nothing the caller names may start
   * with `door`.
   */
  sql<R>(user: AuthUser, build: (people: PeopleSql) => string, params: Record<string, unknown> = {}): Promise<R[]> {
    return this.run(this.whose(user), build, params);
  }

  /** Raw SQL counting people: `sql` with the people of a count scope (see CountScope) instead of the caller's. */
  countSql<R>(scope: CountScope, build: (people: PeopleSql) => string, params: Record<string, unknown> = {}): Promise<R[]> {
    return this.run(counted(scope), build, params);
  }

  private async run<R>(w: Whose, build: (people: PeopleSql) => string, params: Record<string, unknown>): Promise<R[]> {
    for (const k of Object.keys(params)) if (k.startsWith('door')) throw new Error(`parameter ${k}: names starting with "door" are the door's own`);
    const own: Record<string, unknown>[] = [];
    const names = new DoorNames();
    const text = build((target) => {
      const c = 'among' in target ? this.among(w, target.among, names) : this.within(w, target, names);
      own.push(c.params);
      return c.sql;
    });
    const [query, values] = this.db.connection.driver.escapeQueryWithParameters(text, Object.assign({ ...params }, ...own));
    return this.db.query(query, values);
  }

  /**
   * Whether the caller may read this person's personal phone and email: those who organise them,
   * i.e. their branch's secretary or admin, or a rep whose patch their current posting is on.
   * `siteOf` gives the site of their current posting; it is asked only when the branch does not decide.
   */
  async readsPersonalContact(user: AuthUser, person: { employerId: string }, siteOf: () => Promise<string | null>): Promise<boolean> {
    if (!this.access.can(user, Permission.PERSONAL_CONTACT_READ)) return false;
    if (this.readsPersonalContactAt(user, person.employerId, null)) return true;
    return this.readsPersonalContactAt(user, person.employerId, await siteOf());
  }

  /** The same rule when the site of their current posting is already known (exports). */
  readsPersonalContactAt(user: AuthUser, employerId: string, siteId: string | null): boolean {
    return this.access.reaches(user, Permission.PERSONAL_CONTACT_READ, employerId, siteId);
  }

  private tableOf(qb: SelectQueryBuilder<ObjectLiteral>): PersonOwnedTable {
    const table = qb.expressionMap.mainAlias?.metadata?.tableName;
    if (!table || !Object.hasOwn(PERSON_OWNED, table)) throw new Error(`${table ?? 'this query'} is not a person-owned table (PERSON_OWNED)`);
    return table as PersonOwnedTable;
  }
}

/** A count scope as the people a condition admits: whole employers, no patch sites. */
function counted(scope: CountScope): Whose {
  return { organisationId: scope.organisationId, people: { employerIds: scope.employerIds, siteIds: [] } };
}
