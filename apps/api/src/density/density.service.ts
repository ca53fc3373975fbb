import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { type CountScope, PeopleDoor, type PeopleSql } from '../access/people-door.js';
import { Permission } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Site } from '../sites/site.entity.js';

/** Whose counts: one organisation, the employers of some of its branches (the PeopleDoor's CountScope). */
export type { CountScope };

export interface Counts {
  headcount: number;
  members: number;
  reps: number;
}

const ZERO: Counts = { headcount: 0, members: 0, reps: 0 };

/** Current staff of the count scope (the door's `people`): not deleted, not left, with their current posting. */
export const currentStaff = (people: PeopleSql) => `
  FROM posting p
  JOIN contact c ON c.id = p.contact_id
  JOIN ward w ON w.id = p.ward_id
  WHERE p.end_date IS NULL AND ${people({ alias: 'c' })} AND c.deleted_at IS NULL
    AND (c.leave_date IS NULL OR c.leave_date > current_date)`;

export const IS_MEMBER = `EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER'
    AND (m.leave_date IS NULL OR m.leave_date > current_date))`;

/** List fields that sort wards or sites by their counts, each with the alias its value is selected as. */
export const COUNT_SORTS = { headcount: 'sort_headcount', memberCount: 'sort_members', density: 'sort_density' } as const;
export type CountSort = keyof typeof COUNT_SORTS;

export function isCountSort(field: string | undefined): field is CountSort {
  return !!field && Object.hasOwn(COUNT_SORTS, field);
}

/**
 * The value to sort a list of wards (`ward` rows) or sites (`site` rows) by: their headcount, members
 * or density (members ÷ headcount, none where nobody works), counted exactly as `byWard`/`bySite`
 * count them: current staff of the count scope, `counted` being the PeopleDoor's countCondition for
 * the contact `c` (its parameters go on the query), so a sort never ranks by people the caller cannot count.
 * `shown` names the parameter holding the employers whose figures the caller is given (see
 * `DensityService.shownScope`): a ward or site of any other employer has no value (sorted last), so a
 * sort never ranks by a figure that is withheld from the caller.
 */
export function countSortSql(level: 'ward' | 'site', sort: CountSort, counted: string, shown: string): string {
  const at = level === 'ward' ? 'p.ward_id = ward.id' : 'w.site_id = site.id';
  const employer = level === 'ward' ? '(SELECT s.employer_id FROM site s WHERE s.id = ward.site_id)' : 'site.employer_id';
  const value = {
    headcount: 'count(*)',
    memberCount: `count(*) FILTER (WHERE ${IS_MEMBER})`,
    density: `least(count(*) FILTER (WHERE ${IS_MEMBER}), count(*))::float / NULLIF(count(*), 0)`,
  }[sort];
  return `CASE WHEN ${employer} = ANY(CAST(:${shown} AS uuid[])) THEN (SELECT ${value} FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
    WHERE ${at} AND p.end_date IS NULL AND ${counted}
      AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date)) END`;
}

/**
 * Headcount, members and reps per ward, site or union, for the branches a user may count: the numbers behind
 * density (members ÷ headcount). Batched: one statement for any number of wards or sites. People are
 * counted through the PeopleDoor, in the count scope.
 */
@Injectable()
export class DensityService {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly door: PeopleDoor, private readonly access: AccessService) {}

  /**
   * The employers whose people the caller sees (PEOPLE_READ: whole branches, or the employers of a
   * rep's patch sites). Exact ward and site figures are given only there; at any other employer the
   * caller counts as an aggregate-only (coalition) audience and gets the suppressed tables only.
   */
  async seenEmployers(user: AuthUser): Promise<string[]> {
    const people = this.access.scope(user, Permission.PEOPLE_READ);
    const patch = people.siteIds.length
      ? (await this.db.query<{ id: string }[]>('SELECT DISTINCT employer_id AS id FROM site WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
        [user.organisationId, people.siteIds])).map((r) => r.id)
      : [];
    return [...new Set([...people.employerIds, ...patch])].sort();
  }

  /** The caller's count scope narrowed to the employers whose people they see: where exact ward and site figures are shown. */
  async shownScope(user: AuthUser): Promise<CountScope> {
    const seen = new Set(await this.seenEmployers(user));
    const scope = this.access.countScope(user);
    return { organisationId: scope.organisationId, employerIds: scope.employerIds.filter((e) => seen.has(e)) };
  }

  /**
   * Headcount, members and reps of each ward or site for this caller: counted in `shownScope`, and
   * null for a ward or site of an employer whose people the caller does not see (a coalition viewer's
   * figures are the suppressed slice tables, never a ward's or site's exact count).
   */
  async shownCounts(level: 'ward' | 'site', ids: readonly string[], user: AuthUser): Promise<(Counts | null)[]> {
    const scope = await this.shownScope(user);
    const employerOf = new Map((await this.db.query<{ id: string; employer: string }[]>(level === 'ward'
      ? 'SELECT w.id, s.employer_id AS employer FROM ward w JOIN site s ON s.id = w.site_id WHERE w.organisation_id = $1 AND w.id = ANY($2::uuid[])'
      : 'SELECT id, employer_id AS employer FROM site WHERE organisation_id = $1 AND id = ANY($2::uuid[])',
    [scope.organisationId, [...ids]])).map((r) => [r.id, r.employer]));
    const shown = ids.filter((id) => scope.employerIds.includes(employerOf.get(id) ?? ''));
    const counts = shown.length ? await (level === 'ward' ? this.byWard(shown, scope) : this.bySite(shown, scope)) : [];
    const byId = new Map(shown.map((id, i) => [id, counts[i]]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async byWard(wardIds: readonly string[], scope: CountScope): Promise<Counts[]> {
    return this.grouped('w.id', wardIds, scope, 'rw.ward_id');
  }

  async bySite(siteIds: readonly string[], scope: CountScope): Promise<Counts[]> {
    return this.grouped('w.site_id', siteIds, scope, 'rw_ward.site_id');
  }

  /** The sites of the employers a user may count (their branches'), by name, with the counts of those at employers of `counted` (zero elsewhere). */
  async sitesWithCounts(scope: CountScope, counted: CountScope = scope): Promise<{ site: Site; counts: Counts }[]> {
    const sites = await this.db.getRepository(Site).createQueryBuilder('site')
      .where('site.organisation_id = :org AND site.employer_id = ANY(:employers)', { org: scope.organisationId, employers: scope.employerIds })
      .orderBy('site.name').addOrderBy('site.id').getMany();
    const mine = sites.filter((s) => counted.employerIds.includes(s.employerId));
    const counts = new Map((await this.bySite(mine.map((s) => s.id), counted)).map((c, i) => [mine[i].id, c]));
    return sites.map((site) => ({ site, counts: counts.get(site.id) ?? ZERO }));
  }

  /**
   * Current members of each union among the people of the employers the caller sees (shownScope);
   * null for a caller who sees nobody's people (an aggregate-only viewer: their union figures are
   * densitySlice's UNION table, small cells withheld).
   */
  async shownUnionMembers(unionIds: readonly string[], user: AuthUser): Promise<(number | null)[]> {
    const scope = await this.shownScope(user);
    if (!scope.employerIds.length) return unionIds.map(() => null);
    return this.membersByUnion(unionIds, scope);
  }

  /** Current members of each union recorded by this organisation. */
  async membersByUnion(unionIds: readonly string[], scope: CountScope): Promise<number[]> {
    const rows = await this.door.countSql<{ id: string; n: number }>(scope, (people) =>
      `SELECT m.union_id AS id, count(*)::int AS n FROM membership m JOIN contact c ON c.id = m.contact_id
       WHERE m.union_id = ANY(:ids) AND m.organisation_id = :org AND ${people({ alias: 'c' })} AND c.deleted_at IS NULL AND m.status = 'MEMBER'
         AND (m.leave_date IS NULL OR m.leave_date > current_date)
       GROUP BY m.union_id`,
    { ids: [...unionIds], org: scope.organisationId });
    const map = new Map(rows.map((r) => [r.id, r.n]));
    return unionIds.map((id) => map.get(id) ?? 0);
  }

  /**
   * Each ward's or site's counts, counted one ward or site at a time (a LATERAL aggregate per id),
   * from its postings: the planner cannot merge an aggregate subquery away, so it reads each place's
   * current postings by index. As one grouped join it drove from the whole employer's people instead
   * (it takes the count scope's employer condition and row-level security's own for two independent
   * filters and expects a handful of people): 20 ms for a page of 10 wards at scale 600, against 3.
   */
  private async grouped(key: string, ids: readonly string[], scope: CountScope, repKey: string): Promise<Counts[]> {
    const staff = await this.door.countSql<{ id: string; headcount: number; members: number }>(scope, (people) =>
      `SELECT g.id, x.headcount, x.members FROM unnest(:ids::uuid[]) g(id) CROSS JOIN LATERAL (
         SELECT count(*)::int AS headcount, count(*) FILTER (WHERE ${IS_MEMBER})::int AS members
         ${currentStaff(people)} AND ${key} = g.id) x`,
    { ids: [...ids] });
    const reps = await this.door.countSql<{ id: string; n: number }>(scope, (people) =>
      `SELECT g.id, x.n FROM unnest(:ids::uuid[]) g(id) CROSS JOIN LATERAL (
         SELECT count(DISTINCT r.id)::int AS n
         FROM rep_role_ward rw JOIN ward rw_ward ON rw_ward.id = rw.ward_id
         JOIN rep_role r ON r.id = rw.rep_role_id JOIN contact rc ON rc.id = r.contact_id
         WHERE ${repKey} = g.id AND r.organisation_id = :org AND ${people({ alias: 'rc' })} AND rc.deleted_at IS NULL
           AND (r.end_date IS NULL OR r.end_date > current_date)) x`,
    { ids: [...ids], org: scope.organisationId });
    const s = new Map(staff.map((r) => [r.id, r]));
    const rp = new Map(reps.map((r) => [r.id, r.n]));
    return ids.map((id) => ({ ...ZERO, ...s.get(id), reps: rp.get(id) ?? 0 }));
  }
}
