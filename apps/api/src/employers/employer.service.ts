import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { applySearch } from '../common/list.js';
import type { EmployerFilter } from './dto/employer.input.js';
import { Employer } from './employer.entity.js';

@Injectable()
export class EmployerService extends OrganisationCrudService<Employer, EmployerFilter> {
  protected readonly label = 'Employer';
  protected readonly sortable = { name: 'employer.name', odsCode: 'employer.ods_code', region: 'employer.region', createdAt: 'employer.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_employer_org_name: ['name', 'an employer with this name already exists'],
    uq_employer_org_ods_code: ['odsCode', 'an employer with this ODS code already exists'],
  };

  constructor(@InjectRepository(Employer) repo: Repository<Employer>, audit: AuditService) {
    super(repo, audit);
  }

  protected filter(qb: SelectQueryBuilder<Employer>, f: EmployerFilter): void {
    applySearch(qb, f.q, ['employer.name', 'employer.ods_code']);
  }
}
