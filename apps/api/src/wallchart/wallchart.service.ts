import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { density } from '@rollcall/domain';
import type { EntityManager } from 'typeorm';
import { PeopleDoor } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { Grade, ShiftPattern, StaffGroup, WardType } from '../common/enums.js';
import { contactName } from '../contacts/contact.entity.js';
import { Site } from '../sites/site.entity.js';
import { Ward } from '../wards/ward.entity.js';
import { wallChartPeopleSql } from './wallchart.sql.js';
import type { WallChart, WallChartCard, WallChartFilter, WallChartUnion, WallChartWard } from './wallchart.types.js';

/** What is charted: a site (all its wards) or one ward, and the wards that are its columns. */
export interface WallChartPlace {
  site: Site;
  ward: Ward | null;
  wards: { id: string; name: string; type: WardType }[];
}

interface PersonRow {
  id: string;
  ward_id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  job_title: string | null;
  staff_group: StaffGroup;
  grade: Grade | null;
  shift_pattern: ShiftPattern;
  leader: boolean;
  assessment: number | null;
  unions: WallChartUnion[];
  member: boolean;
  rep: boolean;
  last_at: Date | null;
}

const SHIFT_ORDER = Object.values(ShiftPattern);

const figures = (cards: { member: boolean }[]) => {
  const members = cards.filter((c) => c.member).length;
  return { headcount: cards.length, members, density: density(members, cards.length) };
};

/**
 * The wall chart: the wards of a site (or one ward) of the caller's organisation as columns, and on
 * each the people the caller may see (the PeopleDoor: a rep their patch, a secretary their branch),
 * as cards grouped by shift pattern. Two statements for the place and one for all its people.
 */
@Injectable()
export class WallChartService {
  constructor(@InjectTransaction() private readonly db: EntityManager, private readonly door: PeopleDoor) {}

  /**
   * The site or ward asked for, in the caller's organisation (the workplace map is read by everyone
   * in it), with its wards by name. Exactly one of the two; another organisation's is "does not exist".
   */
  async place(user: AuthUser, siteId: string | null | undefined, wardId: string | null | undefined): Promise<WallChartPlace> {
    if (!siteId && !wardId) throw new UserInputError({ siteId: 'give a site or a ward' });
    if (siteId && wardId) throw new UserInputError({ wardId: 'give a site or a ward, not both' });
    let ward: Ward | null = null;
    if (wardId) {
      ward = await this.db.getRepository(Ward).findOne({ where: { id: wardId, organisationId: user.organisationId } });
      if (!ward) throw new UserInputError({ wardId: 'does not exist' });
    }
    const site = await this.db.getRepository(Site).findOne({ where: { id: ward?.siteId ?? siteId!, organisationId: user.organisationId } });
    if (!site) throw new UserInputError({ siteId: 'does not exist' });
    const wards = ward ? [ward] : await this.db.getRepository(Ward).find({
      where: { siteId: site.id, organisationId: user.organisationId }, order: { name: 'ASC', id: 'ASC' },
    });
    return { site, ward, wards: wards.map((w) => ({ id: w.id, name: w.name, type: w.type })) };
  }

  /** Checks the filter's unions are the organisation's own (else "does not exist"). */
  async checkUnions(user: AuthUser, unionIds: readonly string[]): Promise<void> {
    if (!unionIds.length) return;
    const [{ n }] = await this.db.query('SELECT count(*)::int AS n FROM trade_union WHERE id = ANY($1) AND organisation_id = $2',
      [[...new Set(unionIds)], user.organisationId]) as { n: number }[];
    if (n !== new Set(unionIds).size) throw new UserInputError({ unionIds: 'include a union that does not exist' });
  }

  /** The people the caller may see on these wards, narrowed by the filter: one statement. */
  async people(user: AuthUser, wardIds: readonly string[], filter: WallChartFilter = {}): Promise<PersonRow[]> {
    if (!wardIds.length) return [];
    const list = <T>(v: T[] | null | undefined) => (v?.length ? [...v] : null);
    return this.door.sql<PersonRow>(user, wallChartPeopleSql, {
      wardIds: [...wardIds], shifts: list(filter.shiftPatterns), staffGroups: list(filter.staffGroups),
      grades: list(filter.grades), unionIds: list(filter.unionIds),
    });
  }

  /** The whole chart of a site or ward. */
  async chart(user: AuthUser, siteId: string | null | undefined, wardId: string | null | undefined, filter: WallChartFilter = {}): Promise<WallChart> {
    const place = await this.place(user, siteId, wardId);
    await this.checkUnions(user, filter.unionIds ?? []);
    const rows = await this.people(user, place.wards.map((w) => w.id), filter);
    const byWard = new Map<string, WallChartCard[]>();
    for (const r of rows) {
      const card: WallChartCard = {
        id: r.id, contactId: r.id, fullName: contactName({ firstName: r.first_name, lastName: r.last_name, preferredName: r.preferred_name }),
        jobTitle: r.job_title, staffGroup: r.staff_group, grade: r.grade, shiftPattern: r.shift_pattern, assessment: r.assessment,
        member: r.member, unions: r.unions, leader: r.leader, rep: r.rep, neverSpokenTo: r.last_at === null, lastConversationAt: r.last_at,
      };
      const list = byWard.get(r.ward_id) ?? [];
      list.push(card);
      byWard.set(r.ward_id, list);
    }
    const wards: WallChartWard[] = place.wards.map((w) => {
      const cards = byWard.get(w.id) ?? [];
      const shifts = SHIFT_ORDER.map((shiftPattern) => ({ shiftPattern, cards: cards.filter((c) => c.shiftPattern === shiftPattern) }))
        .filter((s) => s.cards.length);
      return { id: w.id, name: w.name, type: w.type, ...figures(cards), shifts };
    });
    return { site: place.site, ward: place.ward, wards, ...figures(wards.flatMap((w) => w.shifts.flatMap((s) => s.cards))) };
  }
}
