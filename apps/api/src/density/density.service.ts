import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type CountScope, PeopleDoor, type PeopleSql } from '../access/people-door.js';
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
 */
export function countSortSql(level: 'ward' | 'site', sort: CountSort, counted: string): string {
  const at = level === 'ward' ? 'p.ward_id = ward.id' : 'w.site_id = site.id';
  const value = {
    headcount: 'count(*)',
    memberCount: `count(*) FILTER (WHERE ${IS_MEMBER})`,
    density: `least(count(*) FILTER (WHERE ${IS_MEMBER}), count(*))::float / NULLIF(count(*), 0)`,
  }[sort];
  return `(SELECT ${value} FROM posting p JOIN contact c ON c.id = p.contact_id JOIN ward w ON w.id = p.ward_id
    WHERE ${at} AND p.end_date IS NULL AND ${counted}
      AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date))`;
}

/**
 * Headcount, members and reps per ward, site or union, for the branches a user may count: the numbers behind
 * density (members ÷ headcount). Batched: one statement for any number of wards or sites. People are
 * counted through the PeopleDoor, in the count scope.
 */
@Injectable()
export class DensityService {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly door: PeopleDoor) {}

  async byWard(wardIds: readonly string[], scope: CountScope): Promise<Counts[]> {
    return this.grouped('w.id', wardIds, scope, 'rw.ward_id');
  }

  async bySite(siteIds: readonly string[], scope: CountScope): Promise<Counts[]> {
    return this.grouped('w.site_id', siteIds, scope, 'rw_ward.site_id');
  }

  /** The sites of the employers a user may count (their branches'), by name, with each one's counts. */
  async sitesWithCounts(scope: CountScope): Promise<{ site: Site; counts: Counts }[]> {
    const sites = await this.db.getRepository(Site).createQueryBuilder('site')
      .where('site.organisation_id = :org AND site.employer_id = ANY(:employers)', { org: scope.organisationId, employers: scope.employerIds })
      .orderBy('site.name').addOrderBy('site.id').getMany();
    const counts = await this.bySite(sites.map((s) => s.id), scope);
    return sites.map((site, i) => ({ site, counts: counts[i] }));
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

  private async grouped(key: string, ids: readonly string[], scope: CountScope, repKey: string): Promise<Counts[]> {
    const staff = await this.door.countSql<{ id: string; headcount: number; members: number }>(scope, (people) =>
      `SELECT ${key} AS id, count(*)::int AS headcount, count(*) FILTER (WHERE ${IS_MEMBER})::int AS members
       ${currentStaff(people)} AND ${key} = ANY(:ids) GROUP BY ${key}`,
    { ids: [...ids] });
    const reps = await this.door.countSql<{ id: string; n: number }>(scope, (people) =>
      `SELECT ${repKey} AS id, count(DISTINCT r.id)::int AS n
       FROM rep_role_ward rw JOIN ward rw_ward ON rw_ward.id = rw.ward_id
       JOIN rep_role r ON r.id = rw.rep_role_id JOIN contact rc ON rc.id = r.contact_id
       WHERE ${repKey} = ANY(:ids) AND r.organisation_id = :org AND ${people({ alias: 'rc' })} AND rc.deleted_at IS NULL
         AND (r.end_date IS NULL OR r.end_date > current_date)
       GROUP BY ${repKey}`,
    { ids: [...ids], org: scope.organisationId });
    const s = new Map(staff.map((r) => [r.id, r]));
    const rp = new Map(reps.map((r) => [r.id, r.n]));
    return ids.map((id) => ({ ...ZERO, ...s.get(id), reps: rp.get(id) ?? 0 }));
  }
}
