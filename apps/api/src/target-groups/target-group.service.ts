import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { describeTargetGroup, normaliseTargetGroup, type TargetGroup } from '@rollcall/domain';
import { type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { referenceData } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import { Employer } from '../employers/employer.entity.js';
import { Site } from '../sites/site.entity.js';
import { Ward } from '../wards/ward.entity.js';
import type { TargetGroupInput, TargetGroupView } from './target-group.type.js';

const PLACES = [['employerIds', Employer, 'employers'], ['siteIds', Site, 'sites'], ['wardIds', Ward, 'wards']] as const;

/**
 * Target groups as inputs and answers: a group given is checked (every place it names must be one of
 * the caller's organisation) and normalised before it is stored; a stored group is described with
 * the names of its places, read as the caller's organisation's reference data.
 */
@Injectable()
export class TargetGroupService {
  constructor(@InjectTransaction() private readonly db: EntityManager) {}

  /** The group normalised, or a field error (`<field>.<list>`) naming a place that is not the caller's organisation's. */
  async check(input: TargetGroupInput | null | undefined, user: AuthUser, field: string): Promise<TargetGroup> {
    const group = normaliseTargetGroup(input);
    for (const [list, entity] of PLACES) {
      const ids = group[list];
      if (!ids.length) continue;
      const found = new Set((await this.named(entity, ids, user)).map((r) => r.id));
      if (ids.some((id) => !found.has(id))) throw new UserInputError({ [`${field}.${list}`]: 'names a place that does not exist' });
    }
    return group;
  }

  /** Stored groups as the API shows them, each with its description (one query per kind of place for all of them). */
  async views(groups: readonly (TargetGroup | null)[], user: AuthUser): Promise<TargetGroupView[]> {
    const tidy = groups.map((g) => normaliseTargetGroup(g));
    const names = Object.fromEntries(await Promise.all(PLACES.map(async ([list, entity, key]) => {
      const ids = [...new Set(tidy.flatMap((g) => g[list]))];
      const rows = ids.length ? await this.named(entity, ids, user) : [];
      return [key, new Map(rows.map((r) => [r.id, r.name]))] as const;
    })));
    return tidy.map((g) => ({
      employerIds: [...g.employerIds], siteIds: [...g.siteIds], wardIds: [...g.wardIds], staffGroups: [...g.staffGroups], grades: [...g.grades],
      description: describeTargetGroup(g, names),
    }));
  }

  private named<T extends ObjectLiteral & { id: string; name: string }>(entity: EntityTarget<T>, ids: readonly string[], user: AuthUser): Promise<T[]> {
    const qb = this.db.getRepository(entity).createQueryBuilder('place').where({ id: In([...ids]) });
    referenceData(qb, user);
    return qb.getMany();
  }
}
