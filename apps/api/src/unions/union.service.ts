import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationCrudService } from '../common/organisation-crud.service.js';
import { applySearch } from '../common/list.js';
import type { UnionFilter } from './dto/union.input.js';
import { Union } from './union.entity.js';

@Injectable()
export class UnionService extends OrganisationCrudService<Union, UnionFilter> {
  protected readonly label = 'Union';
  protected readonly sortable = { name: 'trade_union.name', shortName: 'trade_union.short_name', createdAt: 'trade_union.created_at' };
  protected readonly defaultSort = 'name';
  protected override readonly constraints: Record<string, [string, string]> = {
    uq_union_org_name: ['name', 'a union with this name already exists'],
    uq_union_org_short_name: ['shortName', 'a union with this short name already exists'],
  };

  constructor(@InjectRepository(Union) repo: Repository<Union>, audit: AuditService) {
    super(repo, audit);
  }

  protected filter(qb: SelectQueryBuilder<Union>, f: UnionFilter): void {
    applySearch(qb, f.q, ['trade_union.name', 'trade_union.short_name']);
  }
}
