import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud.service.js';
import { applySearch } from '../common/list.js';
import type { EmployerCreateInput, EmployerFilter, EmployerUpdateInput } from './dto/employer.input.js';
import { Employer } from './employer.entity.js';

@Injectable()
export class EmployerService extends CrudService<Employer, EmployerFilter, unknown> {
  protected readonly label = 'Employer';
  protected readonly sortable = { name: 'employer.name', odsCode: 'employer.ods_code', region: 'employer.region', createdAt: 'employer.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_employer_name: ['name', 'an employer with this name already exists'],
    uq_employer_ods_code: ['odsCode', 'an employer with this ODS code already exists'],
  };

  constructor(@InjectRepository(Employer) repo: Repository<Employer>) {
    super(repo);
  }

  protected filter(qb: SelectQueryBuilder<Employer>, f: EmployerFilter): void {
    applySearch(qb, f.q, ['employer.name', 'employer.ods_code']);
  }

  create(input: EmployerCreateInput): Promise<Employer> {
    return this.save(this.repo.create(input));
  }

  async update(id: string, input: EmployerUpdateInput): Promise<Employer> {
    const row = await this.get(id, null);
    return this.save(this.repo.merge(row, input));
  }
}
