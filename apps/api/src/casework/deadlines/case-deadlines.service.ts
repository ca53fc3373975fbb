import { InjectTransaction } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { type AppealPolicy, CASE_DEADLINE_RULES, caseDeadlines, daysUntil, DEFAULT_BANK_HOLIDAY_REGION, ukToday } from '@rollcall/domain';
import { type EntityManager, In } from 'typeorm';
import { referenceData } from '../../access/people-door.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { Employer } from '../../employers/employer.entity.js';
import type { CaseFile } from '../cases/case-file.entity.js';
import { CaseService } from '../cases/case.service.js';
import type { CaseMeeting } from '../meetings/case-meeting.entity.js';
import { CaseMeetingService } from '../meetings/case-meeting.service.js';
import type { CaseCustomDeadline } from './case-custom-deadline.entity.js';
import { CaseCustomDeadlineService } from './case-custom-deadline.service.js';
import type { CaseDeadlineView } from './case-deadline.type.js';

const CUSTOM_KEY = 'custom:';

/** A case's deadlines from its facts (libs/domain caseDeadlines): its dates, meetings, custom deadlines and employer. */
export function deadlinesOf(
  kase: CaseFile, meetings: readonly CaseMeeting[], custom: readonly CaseCustomDeadline[], employer: Employer | null, today: string,
): CaseDeadlineView[] {
  const appealPolicy: AppealPolicy | null = employer?.appealDays && employer.appealCounting
    ? { days: employer.appealDays, counting: employer.appealCounting } : null;
  const done = new Set(custom.filter((c) => c.done).map((c) => c.id));
  return caseDeadlines({
    region: employer?.bankHolidayRegion ?? DEFAULT_BANK_HOLIDAY_REGION,
    meetings: meetings.map((m) => ({ id: m.id, kind: m.kind, date: m.date })),
    outcomeLetterDate: kase.outcomeLetterDate, appealPolicy, actDate: kase.actDate,
    earlyConciliationStart: kase.earlyConciliationStart, earlyConciliationCertificate: kase.earlyConciliationCertificate,
    custom: custom.map((c) => ({ id: c.id, label: c.label, due: c.due })),
  }).map((d) => {
    const customDeadlineId = d.key.startsWith(CUSTOM_KEY) ? d.key.slice(CUSTOM_KEY.length) : null;
    return {
      key: d.key, caseId: kase.id, rule: d.rule, source: CASE_DEADLINE_RULES[d.rule].source, label: d.label, due: d.due,
      daysLeft: daysUntil(d.due, today), explanation: d.explanation, inputs: { ...d.inputs }, verified: d.verified,
      caveats: [...d.caveats], meetingId: d.meetingId ?? null, customDeadlineId, done: !!customDeadlineId && done.has(customDeadlineId),
    };
  });
}

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
