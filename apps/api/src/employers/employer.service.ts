import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { WorkplaceAccess } from '../access/workplace-access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { type CascadedChange, OrganisationCrudService } from '../common/organisation-crud.service.js';
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
    ck_employer_appeal_policy: ['appealDays', 'give the appeal policy as days and how they are counted together, or neither (the default policy)'],
  };

  constructor(@InjectRepository(Employer) repo: Repository<Employer>, audit: AuditService, private readonly workplace: WorkplaceAccess) {
    super(repo, audit);
  }

  /** A new employer belongs to no branch yet; an existing one is changed only by its branch (see WorkplaceAccess). */
  protected override async requireWritable(user: AuthUser, id: string | null): Promise<void> {
    await this.workplace.requireEmployer(user, id);
  }

  protected filter(qb: SelectQueryBuilder<Employer>, f: EmployerFilter): void {
    applySearch(qb, f.q, ['employer.name', 'employer.ods_code']);
  }

  /** Branches organising the employer lose it. */
  protected override cascades(employer: Employer): Promise<CascadedChange[]> {
    return this.losing('Branch', 'employerIds', `SELECT b.id, b.name, array_agg(be.employer_id ORDER BY be.employer_id) AS ids
      FROM branch b JOIN branch_employer be ON be.branch_id = b.id
      WHERE b.id IN (SELECT branch_id FROM branch_employer WHERE employer_id = $1) GROUP BY b.id`, employer.id);
  }
}
