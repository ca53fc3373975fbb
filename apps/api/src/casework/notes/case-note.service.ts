import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { CaseDoor } from '../../access/case-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CrudService } from '../../common/crud.service.js';
import { ForbiddenError, UserInputError } from '../../common/errors.js';
import { applyPage, type ListArgs } from '../../common/list.js';
import { groupByKey } from '../../common/loaders.js';
import { CaseAudit } from '../case-audit.js';
import { CaseService } from '../cases/case.service.js';
import { CaseCipher } from '../crypto/case-cipher.js';
import type { CaseNoteCreateInput, CaseNoteFilter } from './dto/case-note.input.js';
import { CaseNote } from './case-note.entity.js';

/** At most this many notes are unsealed for one search (the notes of the caller's own cases). */
const SEARCH_LIMIT = 5000;

/** What the audit log keeps of a note: who wrote it and when; never its text. */
function snapshot(n: CaseNote): Record<string, unknown> & { id: string } {
  return { id: n.id, caseId: n.caseId, authorId: n.authorId, writtenAt: n.writtenAt, createdAt: n.createdAt };
}

/**
 * Notes on a case: dated, attributed, kept as written, their text sealed by CaseCipher. Read through
 * the CaseDoor; written by anyone on the case's team (its rep too) or the branch's officers. Their
 * text can only be searched unsealed, so `q` is answered here, and only over the notes of cases whose
 * team the caller is on (DOMAIN.md: search of notes is for the case team only).
 */
@Injectable()
export class CaseNoteService extends CrudService<CaseNote, CaseNoteFilter, AuthUser> {
  protected readonly label = 'Case note';
  protected readonly sortable = { writtenAt: 'case_note.written_at', createdAt: 'case_note.created_at' };
  protected readonly defaultSort = 'writtenAt';

  constructor(
    @InjectRepository(CaseNote) repo: Repository<CaseNote>,
    private readonly door: CaseDoor,
    private readonly cases: CaseService,
    private readonly audit: CaseAudit,
    private readonly cipher: CaseCipher,
  ) {
    super(repo);
  }

  protected scope(qb: SelectQueryBuilder<CaseNote>, user: AuthUser): void {
    this.door.content(qb, user);
  }

  /** `q` is not SQL's (the text is sealed): see `search`. */
  protected filter(qb: SelectQueryBuilder<CaseNote>, f: CaseNoteFilter): void {
    if (f.caseId) qb.andWhere('case_note.case_id = :caseId', { caseId: f.caseId });
  }

  protected override createdBy(row: CaseNote, user: AuthUser): boolean {
    return row.authorId === user.id;
  }

  /** The text, unsealed. */
  bodyOf(n: CaseNote): string {
    return this.cipher.decryptText(n.body);
  }

  override async list(args: ListArgs, filter: CaseNoteFilter | undefined, user: AuthUser): Promise<CaseNote[]> {
    if (!filter?.q?.trim()) return super.list(args, filter, user);
    const found = await this.search(args, filter, user);
    const perPage = args.perPage ?? 25;
    const start = (args.page ?? 0) * perPage;
    return found.slice(start, start + perPage);
  }

  override async count(filter: CaseNoteFilter | undefined, user: AuthUser): Promise<number> {
    if (!filter?.q?.trim()) return super.count(filter, user);
    return (await this.search({}, filter, user)).length;
  }

  /** The notes whose text holds every word of `q`, among the notes of cases whose team the caller is on. */
  private async search(args: ListArgs, filter: CaseNoteFilter, user: AuthUser): Promise<CaseNote[]> {
    if (filter.caseId && !(await this.door.maySearchNotes(user, filter.caseId))) {
      throw new ForbiddenError("Only the case team may search a case's notes");
    }
    const qb = this.listQuery(args, { ...filter, q: undefined }, user)
      .andWhere('EXISTS (SELECT 1 FROM case_team st WHERE st.case_id = case_note.case_id AND st.user_id = :searcher)', { searcher: user.id });
    const rows = await applyPage(qb, { perPage: SEARCH_LIMIT }).getMany();
    const words = filter.q!.trim().toLocaleLowerCase('en-GB').split(/\s+/).slice(0, 5);
    return rows.filter((n) => {
      const text = this.bodyOf(n).toLocaleLowerCase('en-GB');
      return words.every((w) => text.includes(w));
    });
  }

  /** Adds a note (once per client-made id), signed by the caller. */
  async create(input: CaseNoteCreateInput, user: AuthUser): Promise<CaseNote> {
    return this.createOnce(input.id, user, async (tx) => {
      const kase = await this.cases.forContent(input.caseId, user);
      if (!(await this.door.mayAddNote(user, kase))) throw new ForbiddenError("Only the case's team, or the branch secretary or admins, may add a note");
      const writtenAt = input.writtenAt ?? new Date();
      if (Number.isNaN(writtenAt.getTime())) throw new UserInputError({ writtenAt: 'must be a date and time' });
      if (writtenAt.getTime() > Date.now() + 5 * 60_000) throw new UserInputError({ writtenAt: 'must not be in the future' });
      if (writtenAt.getFullYear() < 2000) throw new UserInputError({ writtenAt: 'must be this century' });
      const draft = tx.create(CaseNote, { id: input.id, caseId: kase.id, authorId: user.id, writtenAt, body: this.cipher.encrypt(input.body.trim()) });
      await tx.insert(CaseNote, draft);
      const row = await tx.findOneByOrFail(CaseNote, { id: draft.id });
      await this.audit.change(user, kase, 'CaseNote', null, snapshot(row));
      return row;
    });
  }

  /** Notes are kept as written. */
  override remove(): never {
    throw new Error('case notes are not deleted');
  }

  /** Each case's notes (the caller's cases only), newest first, for DataLoader. */
  async byCases(caseIds: readonly string[], user: AuthUser): Promise<CaseNote[][]> {
    const rows = await this.door.ofCases(CaseNote, user, caseIds, 'n').orderBy('n.written_at', 'DESC').addOrderBy('n.id').getMany();
    return groupByKey(caseIds, rows, (r) => r.caseId);
  }
}
