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
import { CaseCipher } from '../crypto/case-cipher.js';
import { CaseMeeting } from './case-meeting.entity.js';
import type { CaseMeetingCreateInput, CaseMeetingFilter, CaseMeetingUpdateInput } from './dto/case-meeting.input.js';

/** What the audit log keeps of a meeting: its fields, never its sealed notes (only whether it has some). */
function snapshot(m: CaseMeeting): Record<string, unknown> & { id: string } {
  const { notes, case: _c, createdBy: _u, ...fields } = m;
  return { ...fields, hasNotes: !!notes };
}

/** A meeting's date as the deadline rules will read it (libs/domain): a field error when no rule could use it. */
function checkDate(m: Pick<CaseMeeting, 'kind' | 'date'>): void {
  const errors = caseDeadlineFactsErrors({ region: BankHolidayRegion.ENGLAND_AND_WALES, meetings: [{ id: 'meeting', kind: m.kind, date: m.date }] });
  if (errors.meetings) throw new UserInputError({ date: 'must be a date from 2000 to 2099' });
}

/**
 * A case's meetings: read through the CaseDoor (its case's team, or the branch's secretary and
 * admins), changed by the case's caseworkers or the branch's officers. Notes are sealed by CaseCipher.
 */
@Injectable()
export class CaseMeetingService extends CrudService<CaseMeeting, CaseMeetingFilter, AuthUser> {
  protected readonly label = 'Case meeting';
  protected readonly sortable = { date: 'case_meeting.date', kind: 'case_meeting.kind', createdAt: 'case_meeting.created_at', updatedAt: 'case_meeting.updated_at' };
  protected readonly defaultSort = 'date';

  constructor(
    @InjectRepository(CaseMeeting) repo: Repository<CaseMeeting>,
    @InjectTransaction() private readonly db: EntityManager,
    private readonly door: CaseDoor,
    private readonly cases: CaseService,
    private readonly audit: CaseAudit,
    private readonly cipher: CaseCipher,
  ) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<CaseMeeting>, user: AuthUser): void {
    this.door.content(qb, user);
  }

  protected filter(qb: SelectQueryBuilder<CaseMeeting>, f: CaseMeetingFilter, user: AuthUser): void {
    applySearch(qb, f.q, ['case_meeting.place', 'case_meeting.panel', 'case_meeting.outcome']);
    if (f.caseId) qb.andWhere('case_meeting.case_id = :caseId', { caseId: f.caseId });
    if (f.kind) qb.andWhere('case_meeting.kind = :kind', { kind: f.kind });
    if (f.from) qb.andWhere('case_meeting.date >= :from', { from: f.from });
    if (f.to) qb.andWhere('case_meeting.date <= :to', { to: f.to });
    if (f.mine) qb.andWhere('EXISTS (SELECT 1 FROM case_team mt WHERE mt.case_id = case_meeting.case_id AND mt.user_id = :me)', { me: user.id });
  }

  protected override createdBy(row: CaseMeeting, user: AuthUser): boolean {
    return row.createdById === user.id;
  }

  /** The notes, unsealed. */
  notesOf(m: CaseMeeting): string | null {
    return m.notes ? this.cipher.decryptText(m.notes) : null;
  }

  async create(input: CaseMeetingCreateInput, user: AuthUser): Promise<CaseMeeting> {
    return this.createOnce(input.id, user, async (tx) => {
      const kase = await this.cases.forContent(input.caseId, user);
      await this.cases.requireMayChange(kase, user);
      const { notes, id, ...fields } = input;
      const draft = tx.create(CaseMeeting, {
        ...fields, id, caseId: kase.id, accompanied: input.accompanied ?? false,
        notes: notes ? this.cipher.encrypt(notes) : null, createdById: user.id,
      });
      checkDate(draft);
      await tx.insert(CaseMeeting, draft);
      const row = await tx.findOneByOrFail(CaseMeeting, { id: draft.id });
      await this.audit.change(user, kase, 'CaseMeeting', null, snapshot(row));
      return row;
    });
  }

  async update(id: string, input: CaseMeetingUpdateInput, user: AuthUser): Promise<CaseMeeting> {
    const row = await this.get(id, user);
    const kase = await this.cases.forContent(row.caseId, user);
    await this.cases.requireMayChange(kase, user);
    const before = snapshot({ ...row });
    const { notes, ...fields } = input;
    const merged = this.repo.merge(row, fields as Partial<CaseMeeting>);
    if (notes !== undefined) merged.notes = notes ? this.cipher.encrypt(notes) : null;
    checkDate(merged);
    const saved = await this.save(merged, user);
    await this.audit.change(user, kase, 'CaseMeeting', before, snapshot(saved));
    return saved;
  }

  override async remove(id: string, user: AuthUser): Promise<CaseMeeting> {
    const row = await this.get(id, user);
    const kase = await this.cases.forContent(row.caseId, user);
    await this.cases.requireMayChange(kase, user);
    await this.db.delete(CaseMeeting, { id });
    await this.audit.change(user, kase, 'CaseMeeting', snapshot(row), null);
    return { ...row, id };
  }

  /** Each case's meetings (the caller's cases only), by date, for DataLoader. */
  async byCases(caseIds: readonly string[], user: AuthUser): Promise<CaseMeeting[][]> {
    const rows = await this.door.ofCases(CaseMeeting, user, caseIds, 'm')
      .orderBy('m.date').addOrderBy('m.time', 'ASC', 'NULLS LAST').addOrderBy('m.id').getMany();
    return groupByKey(caseIds, rows, (r) => r.caseId);
  }
}
