import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud.service.js';
import { applySearch } from '../common/list.js';
import type { WardCreateInput, WardFilter, WardUpdateInput } from './dto/ward.input.js';
import { Ward } from './ward.entity.js';

@Injectable()
export class WardService extends CrudService<Ward, WardFilter, unknown> {
  protected readonly label = 'Ward';
  protected readonly sortable = { name: 'ward.name', type: 'ward.type', speciality: 'ward.speciality', siteId: 'ward.site_id', createdAt: 'ward.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_ward_site_name: ['name', 'this site already has a ward with this name'],
  };

  constructor(@InjectRepository(Ward) repo: Repository<Ward>) {
    super(repo);
  }

  protected filter(qb: SelectQueryBuilder<Ward>, f: WardFilter): void {
    applySearch(qb, f.q, ['ward.name', 'ward.speciality']);
    if (f.siteId) qb.andWhere('ward.site_id = :siteId', { siteId: f.siteId });
    if (f.employerId) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = :employerId)', { employerId: f.employerId });
    if (f.employerIds) qb.andWhere('ward.site_id IN (SELECT s.id FROM site s WHERE s.employer_id = ANY(:employerIds))', { employerIds: f.employerIds });
    if (f.type) qb.andWhere('ward.type = :type', { type: f.type });
  }

  create(input: WardCreateInput): Promise<Ward> {
    return this.save(this.repo.create(input));
  }

  async update(id: string, input: WardUpdateInput): Promise<Ward> {
    return this.save(this.repo.merge(await this.get(id, null), input));
  }
}
