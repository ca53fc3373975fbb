import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { ukToday } from '@rollcall/domain';
import { type EntityManager, In } from 'typeorm';
import { referenceData } from '../../access/people-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { UserInputError } from '../../common/errors.js';
import { Employer } from '../../employers/employer.entity.js';
import type { CaseFile } from '../cases/case-file.entity.js';
import { CaseService } from '../cases/case.service.js';
import type { CaseFilter } from '../cases/dto/case.input.js';
import type { CaseMeeting } from '../meetings/case-meeting.entity.js';
import { CaseMeetingService } from '../meetings/case-meeting.service.js';
import { CaseCustomDeadlineService } from './case-custom-deadline.service.js';
import type { CaseDeadlineView } from './case-deadline.type.js';
import { deadlinesOf } from './case-deadlines.js';
import type { CaseDeadlineFilter } from './dto/case-deadline.filter.js';

/** A case the caller reads, with what its deadlines were computed from. */
interface CaseFacts { kase: CaseFile; meetings: readonly CaseMeeting[]; deadlines: CaseDeadlineView[] }

/**
 * Every case's deadlines, computed on read (nothing is stored but the facts), each batch read through
 * the CaseDoor: per case (Case.deadlines), across the caller's open cases (allCaseDeadlines), and the
 * open cases with no next step.
 */
@Injectable()
export class CaseDeadlinesService {
  constructor(
    @InjectTransaction() private readonly db: EntityManager,
    private readonly cases: CaseService,
    private readonly meetings: CaseMeetingService,
    private readonly custom: CaseCustomDeadlineService,
  ) {}

  /** Deadlines per case id (the caller's cases only; none for a case they do not read), for DataLoader. */
  async forCases(caseIds: readonly string[], user: AuthUser): Promise<CaseDeadlineView[][]> {
    const facts = new Map((await this.facts(caseIds, user)).map((f) => [f.kase.id, f.deadlines]));
    return caseIds.map((id) => facts.get(id) ?? []);
  }

  /**
   * The deadlines of the caller's open cases (`mine`: their team's) that `filter` picks, most overdue
   * first, then soonest, with the cases they belong to (whose reads the resolver audits). Only those
   * still to act on unless `includeDone`: not a custom deadline marked done, nor a computed limit
   * whose date has gone (the s.10 date of a hearing held, an appeal window closed), which is never
   * overdue, or the list of a long case would fill with limits nobody can act on any more.
   */
  async agenda(filter: CaseDeadlineFilter, user: AuthUser): Promise<{ deadlines: CaseDeadlineView[]; cases: Map<string, CaseFile> }> {
    if (filter.from && filter.to && filter.to < filter.from) throw new UserInputError({ to: 'must not be before from' });
    const ids = await this.cases.idsOf({ open: true, mine: filter.mine, ...(filter.caseId ? { ids: [filter.caseId] } : {}) }, user);
    const today = ukToday();
    const deadlines: CaseDeadlineView[] = [];
    const cases = new Map<string, CaseFile>();
    for (const f of await this.facts(ids, user)) {
      const picked = f.deadlines.filter((d) =>
        (filter.includeDone || (!d.done && !d.passed))
        && (!filter.from || d.due >= filter.from) && (!filter.to || d.due <= filter.to)
        && (filter.overdue == null || filter.overdue === (d.due < today && !d.done && !d.passed)));
      if (picked.length) cases.set(f.kase.id, f.kase);
      deadlines.push(...picked);
    }
    deadlines.sort((a, b) => a.due.localeCompare(b.due) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
    return { deadlines, cases };
  }

  /**
   * The caller's open cases among those `filter` picks that have no next step: no meeting today or
   * later and no deadline (computed, or custom and not done) still to come.
   */
  async withoutNextStep(filter: CaseFilter, user: AuthUser): Promise<CaseFile[]> {
    const ids = await this.cases.idsOf({ ...filter, open: true, noNextStep: undefined }, user);
    const today = ukToday();
    return (await this.facts(ids, user))
      .filter((f) => !f.meetings.some((m) => m.date >= today) && !f.deadlines.some((d) => !d.done && d.due >= today))
      .map((f) => f.kase);
  }

  /** The cases of these ids that the caller reads, each with its meetings and deadlines as of today (UK). */
  private async facts(caseIds: readonly string[], user: AuthUser): Promise<CaseFacts[]> {
    const found = (await this.cases.byIds(caseIds, user)).filter((c): c is CaseFile => !!c);
    if (!found.length) return [];
    const ids = found.map((c) => c.id);
    const [meetings, custom] = await Promise.all([this.meetings.byCases(ids, user), this.custom.byCases(ids, user)]);
    const qb = this.db.getRepository(Employer).createQueryBuilder('employer').where({ id: In([...new Set(found.map((c) => c.employerId))]) });
    referenceData(qb, user);
    const employers = new Map((await qb.getMany()).map((e) => [e.id, e]));
    const today = ukToday();
    return found.map((kase, i) => ({
      kase, meetings: meetings[i], deadlines: deadlinesOf(kase, meetings[i], custom[i], employers.get(kase.employerId) ?? null, today),
    }));
  }
}
