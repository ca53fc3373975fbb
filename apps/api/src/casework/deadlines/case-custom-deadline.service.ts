import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { BankHolidayRegion, caseDeadlineFactsErrors } from '@rollcall/domain';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { CaseDoor } from '../../access/case-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CrudService } from '../../common/crud.service.js';
import { UserInputError } from '../../common/errors.js';
import { applySearch } from '../../common/list.js';
import { groupByKey } from '../../common/loaders.js';
import { CaseAudit } from '../case-audit.js';
import { CaseService } from '../cases/case.service.js';
import { CaseCustomDeadline } from './case-custom-deadline.entity.js';
import type { CaseCustomDeadlineCreateInput, CaseCustomDeadlineFilter, CaseCustomDeadlineUpdateInput } from './dto/case-custom-deadline.input.js';

function snapshot(d: CaseCustomDeadline): Record<string, unknown> & { id: string } {
  const { case: _c, createdBy: _u, ...fields } = d;
  return fields;
}

/** A custom deadline as the deadline rules will read it (libs/domain): a field error when no rule could use it. */
function checkDeadline(d: Pick<CaseCustomDeadline, 'label' | 'due'>): void {
  const errors = caseDeadlineFactsErrors({ region: BankHolidayRegion.ENGLAND_AND_WALES, meetings: [], custom: [{ id: 'custom', label: d.label, due: d.due }] });
  if (errors.custom) throw new UserInputError({ due: 'must be a date from 2000 to 2099' });
}

/** Deadlines a caseworker adds to a case by hand: read through the CaseDoor, changed by the case's caseworkers or the branch's officers. */
@Injectable()
export class CaseCustomDeadlineService extends CrudService<CaseCustomDeadline, CaseCustomDeadlineFilter, AuthUser> {
  protected readonly label = 'Case deadline';
  protected readonly sortable = { due: 'case_custom_deadline.due', label: 'case_custom_deadline.label', createdAt: 'case_custom_deadline.created_at' };
  protected readonly defaultSort = 'due';

  constructor(
    @InjectRepository(CaseCustomDeadline) repo: Repository<CaseCustomDeadline>,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly door: CaseDoor,
    private readonly cases: CaseService,
    private readonly audit: CaseAudit,
  ) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<CaseCustomDeadline>, user: AuthUser): void {
    this.door.content(qb, user);
  }

  protected filter(qb: SelectQueryBuilder<CaseCustomDeadline>, f: CaseCustomDeadlineFilter, user: AuthUser): void {
    applySearch(qb, f.q, ['case_custom_deadline.label']);
    if (f.caseId) qb.andWhere('case_custom_deadline.case_id = :caseId', { caseId: f.caseId });
    if (f.done !== undefined) qb.andWhere('case_custom_deadline.done = :done', { done: f.done });
    if (f.from) qb.andWhere('case_custom_deadline.due >= :from', { from: f.from });
    if (f.to) qb.andWhere('case_custom_deadline.due <= :to', { to: f.to });
    if (f.mine) qb.andWhere('EXISTS (SELECT 1 FROM case_team mt WHERE mt.case_id = case_custom_deadline.case_id AND mt.user_id = :me)', { me: user.id });
  }

  protected override createdBy(row: CaseCustomDeadline, user: AuthUser): boolean {
    return row.createdById === user.id;
  }

  async create(input: CaseCustomDeadlineCreateInput, user: AuthUser): Promise<CaseCustomDeadline> {
    return this.createOnce(input.id, user, async (tx) => {
      const kase = await this.cases.forContent(input.caseId, user);
      await this.cases.requireMayChange(kase, user);
      const draft = tx.create(CaseCustomDeadline, {
        id: input.id, caseId: kase.id, label: input.label.trim(), due: input.due, done: input.done ?? false, createdById: user.id,
      });
      checkDeadline(draft);
      await tx.insert(CaseCustomDeadline, draft);
      const row = await tx.findOneByOrFail(CaseCustomDeadline, { id: draft.id });
      await this.audit.change(user, kase, 'CaseCustomDeadline', null, snapshot(row));
      return row;
    });
  }

  async update(id: string, input: CaseCustomDeadlineUpdateInput, user: AuthUser): Promise<CaseCustomDeadline> {
    const row = await this.get(id, user);
    const kase = await this.cases.forContent(row.caseId, user);
    await this.cases.requireMayChange(kase, user);
    const before = snapshot({ ...row });
    const merged = this.repo.merge(row, { ...input, ...(input.label !== undefined ? { label: input.label.trim() } : {}) } as Partial<CaseCustomDeadline>);
    checkDeadline(merged);
    const saved = await this.save(merged, user);
    await this.audit.change(user, kase, 'CaseCustomDeadline', before, snapshot(saved));
    return saved;
  }

  override async remove(id: string, user: AuthUser): Promise<CaseCustomDeadline> {
    const row = await this.get(id, user);
    const kase = await this.cases.forContent(row.caseId, user);
    await this.cases.requireMayChange(kase, user);
    await this.db.delete(CaseCustomDeadline, { id });
    await this.audit.change(user, kase, 'CaseCustomDeadline', snapshot(row), null);
    return { ...row, id };
  }

  /** Each case's custom deadlines (the caller's cases only), soonest first, for DataLoader. */
  async byCases(caseIds: readonly string[], user: AuthUser): Promise<CaseCustomDeadline[][]> {
    const rows = await this.door.ofCases(CaseCustomDeadline, user, caseIds, 'd').orderBy('d.due').addOrderBy('d.id').getMany();
    return groupByKey(caseIds, rows, (r) => r.caseId);
  }
}
