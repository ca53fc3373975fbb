import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { ukToday } from '@rollcall/domain';
import { type EntityManager, In } from 'typeorm';
import { referenceData } from '../../access/people-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { Employer } from '../../employers/employer.entity.js';
import type { CaseFile } from '../cases/case-file.entity.js';
import { CaseService } from '../cases/case.service.js';
import { CaseMeetingService } from '../meetings/case-meeting.service.js';
import { CaseCustomDeadlineService } from './case-custom-deadline.service.js';
import type { CaseDeadlineView } from './case-deadline.type.js';
import { deadlinesOf } from './case-deadlines.js';

/** Every case's deadlines, computed on read (nothing is stored but the facts), each batch read through the CaseDoor. */
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
    const cases = await this.cases.byIds(caseIds, user);
    const found = cases.filter((c): c is CaseFile => !!c);
    if (!found.length) return caseIds.map(() => []);
    const ids = found.map((c) => c.id);
    const [meetings, custom] = await Promise.all([this.meetings.byCases(ids, user), this.custom.byCases(ids, user)]);
    const qb = this.db.getRepository(Employer).createQueryBuilder('employer').where({ id: In([...new Set(found.map((c) => c.employerId))]) });
    referenceData(qb, user);
    const employers = new Map((await qb.getMany()).map((e) => [e.id, e]));
    const today = ukToday();
    const byCase = new Map(found.map((c, i) => [c.id, deadlinesOf(c, meetings[i], custom[i], employers.get(c.employerId) ?? null, today)]));
    return caseIds.map((id) => byCase.get(id) ?? []);
  }
}
