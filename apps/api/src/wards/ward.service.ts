import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { DoorNames, PeopleDoor } from '../access/people-door.js';
import { WorkplaceAccess } from '../access/workplace-access.js';
import { AuditService } from '../audit/audit.service.js';
import { type CascadedChange, type LosingRow, lost, OrganisationCrudService } from '../common/organisation-crud.service.js';
import { applyListArgs, applySearch, type ListArgs } from '../common/list.js';
import type { AuthUser } from '../auth/auth-user.js';
import { COUNT_SORTS, countSortSql, type CountScope, isCountSort } from '../density/density.service.js';
import type { WardFilter } from './dto/ward.input.js';
import { Ward } from './ward.entity.js';

@Injectable()
export class WardService extends OrganisationCrudService<Ward, WardFilter> {
  protected readonly label = 'Ward';
  protected readonly sortable = { name: 'ward.name', type: 'ward.type', speciality: 'ward.speciality', siteId: 'ward.site_id', createdAt: 'ward.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_ward_site_name: ['name', 'this site already has a ward with this name'],
  };

  constructor(
    @InjectRepository(Ward) repo: Repository<Ward>, audit: AuditService, private readonly workplace: WorkplaceAccess, private readonly door: PeopleDoor,
  ) {
    super(repo, audit);
  }

  /** The ward, and the site it is (or moves) on, must be the caller's branch's to change (see WorkplaceAccess). */
  protected override async requireWritable(user: AuthUser, id: string | null, input: Partial<Ward> | null): Promise<void> {
    await this.workplace.requireWard(user, id);
    await this.workplace.requireSite(user, input?.siteId, 'siteId');
  }

  /**
   * Also sorts by headcount, members or density (`COUNT_SORTS`), counted in `counts`: the caller's
   * shown scope (DensityService.shownScope; any other employer's rows have no value and sort last), the same the ward's numbers are shown in.
   */
  override list(args: ListArgs, filter: WardFilter | undefined, user: AuthUser, counts?: CountScope): Promise<Ward[]> {
    const qb = this.query(user, filter);
    if (isCountSort(args.sortField)) {
      if (!counts) throw new Error('Sorting wards by their counts needs the count scope');
      const counted = this.door.countCondition(counts, { alias: 'c' }, DoorNames.of(qb));
      qb.addSelect(countSortSql('ward', args.sortField, counted.sql, 'shownEmployers'), COUNT_SORTS[args.sortField])
        .setParameters({ ...counted.params, shownEmployers: counts.employerIds });
    }
    return applyListArgs(qb, args, { ...this.sortable, ...COUNT_SORTS }, this.defaultSort).getMany();
  }

  protected filter(qb: SelectQueryBuilder<Ward>, f: WardFilter): void {
    applySearch(qb, f.q, ['ward.name', 'ward.speciality']);
    if (f.siteId) qb.andWhere('ward.site_id = :siteId', { siteId: f.siteId });
    if (f.employerId) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = :employerId)', { employerId: f.employerId });
    if (f.employerIds) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = ANY(:employerIds))', { employerIds: f.employerIds });
    if (f.type) qb.andWhere('ward.type = :type', { type: f.type });
  }

  /** Rep roles covering the ward lose it (those of the caller's people: the PeopleDoor). */
  protected override async cascades(ward: Ward, user: AuthUser): Promise<CascadedChange[]> {
    const roles = await this.door.sql<LosingRow>(user, (people) => `SELECT r.id, r.contact_id AS "contactId", array_agg(rw.ward_id ORDER BY rw.ward_id) AS ids
      FROM rep_role r JOIN rep_role_ward rw ON rw.rep_role_id = r.id
      WHERE r.id IN (SELECT rep_role_id FROM rep_role_ward WHERE ward_id = :ward) AND ${people({ table: 'rep_role', alias: 'r' })} GROUP BY r.id`,
    { ward: ward.id });
    return lost('RepRole', 'wardIds', roles, ward.id);
  }
}
