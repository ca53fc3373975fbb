import { type AppealPolicy, CASE_DEADLINE_RULES, caseDeadlines, daysUntil, DEFAULT_BANK_HOLIDAY_REGION } from '@rollcall/domain';
import type { CaseFile } from '../cases/case-file.entity.js';
import type { Employer } from '../../employers/employer.entity.js';
import type { CaseMeeting } from '../meetings/case-meeting.entity.js';
import type { CaseCustomDeadline } from './case-custom-deadline.entity.js';
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
      passed: !customDeadlineId && d.due < today,
    };
  });
}
