import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { applySearch } from '../common/list.js';
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

  constructor(@InjectRepository(Ward) repo: Repository<Ward>, audit: AuditService) {
    super(repo, audit);
  }

  protected filter(qb: SelectQueryBuilder<Ward>, f: WardFilter): void {
    applySearch(qb, f.q, ['ward.name', 'ward.speciality']);
    if (f.siteId) qb.andWhere('ward.site_id = :siteId', { siteId: f.siteId });
    if (f.employerId) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = :employerId)', { employerId: f.employerId });
    if (f.employerIds) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = ANY(:employerIds))', { employerIds: f.employerIds });
    if (f.type) qb.andWhere('ward.type = :type', { type: f.type });
  }
}
