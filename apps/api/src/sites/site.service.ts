import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { DoorNames, PeopleDoor } from '../access/people-door.js';
import { WorkplaceAccess } from '../access/workplace-access.js';
import { AuditService } from '../audit/audit.service.js';
import { type CascadedChange, OrganisationCrudService } from '../common/organisation-crud.service.js';
import { applyListArgs, applySearch, type ListArgs } from '../common/list.js';
import type { AuthUser } from '../auth/auth-user.js';
import { COUNT_SORTS, countSortSql, type CountScope, isCountSort } from '../density/density.service.js';
import type { SiteFilter } from './dto/site.input.js';
import { Site } from './site.entity.js';

@Injectable()
export class SiteService extends OrganisationCrudService<Site, SiteFilter> {
  protected readonly label = 'Site';
  protected readonly sortable = { name: 'site.name', kind: 'site.kind', postcode: 'site.postcode', employerId: 'site.employer_id', createdAt: 'site.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_site_employer_name: ['name', 'this employer already has a site with this name'],
  };

  constructor(
    @InjectRepository(Site) repo: Repository<Site>, audit: AuditService, private readonly workplace: WorkplaceAccess, private readonly door: PeopleDoor,
  ) {
    super(repo, audit);
  }

  /** The site, and the employer it is (or moves) under, must be the caller's branch's to change (see WorkplaceAccess). */
  protected override async requireWritable(user: AuthUser, id: string | null, input: Partial<Site> | null): Promise<void> {
    await this.workplace.requireSite(user, id);
    await this.workplace.requireEmployer(user, input?.employerId, 'employerId');
  }

  /**
   * Also sorts by headcount, members or density (`COUNT_SORTS`), counted in `counts`: the caller's
   * shown scope (DensityService.shownScope; any other employer's rows have no value and sort last), the same the site's numbers are shown in.
   */
  override list(args: ListArgs, filter: SiteFilter | undefined, user: AuthUser, counts?: CountScope): Promise<Site[]> {
    const qb = this.query(user, filter);
    if (isCountSort(args.sortField)) {
      if (!counts) throw new Error('Sorting sites by their counts needs the count scope');
      const counted = this.door.countCondition(counts, { alias: 'c' }, DoorNames.of(qb));
      qb.addSelect(countSortSql('site', args.sortField, counted.sql, 'shownEmployers'), COUNT_SORTS[args.sortField])
        .setParameters({ ...counted.params, shownEmployers: counts.employerIds });
    }
    return applyListArgs(qb, args, { ...this.sortable, ...COUNT_SORTS }, this.defaultSort).getMany();
  }

  protected filter(qb: SelectQueryBuilder<Site>, f: SiteFilter): void {
    applySearch(qb, f.q, ['site.name', 'site.postcode']);
    if (f.employerId) qb.andWhere('site.employer_id = :employerId', { employerId: f.employerId });
    if (f.employerIds) qb.andWhere('site.employer_id = ANY(:employerIds)', { employerIds: f.employerIds });
    if (f.kind) qb.andWhere('site.kind = :kind', { kind: f.kind });
  }

  /** Reps with the site in their patch lose it. */
  protected override cascades(site: Site): Promise<CascadedChange[]> {
    return this.losing('User', 'patchSiteIds', `SELECT p.user_id AS id, array_agg(p.site_id ORDER BY p.site_id) AS ids
      FROM rep_patch p WHERE p.user_id IN (SELECT user_id FROM rep_patch WHERE site_id = $1) GROUP BY p.user_id`, site.id);
  }
}
