import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud.service.js';
import { applySearch } from '../common/list.js';
import type { SiteCreateInput, SiteFilter, SiteUpdateInput } from './dto/site.input.js';
import { Site } from './site.entity.js';

@Injectable()
export class SiteService extends CrudService<Site, SiteFilter, unknown> {
  protected readonly label = 'Site';
  protected readonly sortable = { name: 'site.name', kind: 'site.kind', postcode: 'site.postcode', employerId: 'site.employer_id', createdAt: 'site.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_site_employer_name: ['name', 'this employer already has a site with this name'],
  };

  constructor(@InjectRepository(Site) repo: Repository<Site>) {
    super(repo);
  }

  protected filter(qb: SelectQueryBuilder<Site>, f: SiteFilter): void {
    applySearch(qb, f.q, ['site.name', 'site.postcode']);
    if (f.employerId) qb.andWhere('site.employer_id = :employerId', { employerId: f.employerId });
    if (f.employerIds) qb.andWhere('site.employer_id = ANY(:employerIds)', { employerIds: f.employerIds });
    if (f.kind) qb.andWhere('site.kind = :kind', { kind: f.kind });
  }

  create(input: SiteCreateInput): Promise<Site> {
    return this.save(this.repo.create(input));
  }

  async update(id: string, input: SiteUpdateInput): Promise<Site> {
    return this.save(this.repo.merge(await this.get(id, null), input));
  }
}
