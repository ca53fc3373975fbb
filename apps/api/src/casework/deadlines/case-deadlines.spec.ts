import { BankHolidayRegion, DayCounting, MeetingKind } from '@rollcall/domain';
import type { CaseFile } from '../cases/case-file.entity.js';
import type { Employer } from '../../employers/employer.entity.js';
import type { CaseMeeting } from '../meetings/case-meeting.entity.js';
import type { CaseCustomDeadline } from './case-custom-deadline.entity.js';
import { deadlinesOf } from './case-deadlines.js';

/** A case's deadlines from its own dates, meetings and custom deadlines, in its employer's nation and under its employer's policy. */
const kase = (over: Partial<CaseFile> = {}) => ({
  id: 'case-1', actDate: null, earlyConciliationStart: null, earlyConciliationCertificate: null, outcomeLetterDate: null, ...over,
}) as CaseFile;
const employer = (over: Partial<Employer> = {}) => ({
  id: 'emp-1', bankHolidayRegion: BankHolidayRegion.ENGLAND_AND_WALES, appealDays: null, appealCounting: null, ...over,
}) as Employer;
const hearing = (date: string, id = 'm1') => ({ id, kind: MeetingKind.DISCIPLINARY_HEARING, date }) as CaseMeeting;

describe('deadlinesOf (a case)', () => {
  it("counts the s.10 window in the employer's nation's working days: across Christmas and the new year", () => {
    // Proposed Wednesday 23 December 2026: 24 Dec, (25 Christmas, 28 Boxing Day substitute), 29, 30, 31 Dec, (1 Jan), 4 Jan.
    const england = deadlinesOf(kase(), [hearing('2026-12-23')], [], employer(), '2026-12-01');
    expect(england).toHaveLength(1);
    expect(england[0]).toMatchObject({
      key: 's10:m1', rule: 'S10_POSTPONEMENT', due: '2027-01-04', meetingId: 'm1', caseId: 'case-1', verified: true, done: false,
      inputs: { proposedDate: '2026-12-23', workingDays: 5, region: 'ENGLAND_AND_WALES' },
    });
    expect(england[0].daysLeft).toBe(34);
    expect(england[0].source).toMatch(/Employment Relations Act 1999/);
    // Scotland also keeps 2 January (a Saturday in 2027: Monday 4 January instead), so one day later.
    const scotland = deadlinesOf(kase(), [hearing('2026-12-23')], [], employer({ bankHolidayRegion: BankHolidayRegion.SCOTLAND }), '2026-12-01');
    expect(scotland[0]).toMatchObject({ due: '2027-01-05', inputs: { region: 'SCOTLAND' } });
  });

  it("uses the employer's appeal policy, and the default one (saying so) when the employer has none", () => {
    const letter = kase({ outcomeLetterDate: '2026-12-18' });
    const byDefault = deadlinesOf(letter, [], [], employer(), '2026-12-18').find((d) => d.rule === 'APPEAL_WINDOW')!;
    // 10 working days from Friday 18 December 2026 in England and Wales: 21–24, 29–31 Dec, 4–6 Jan.
    expect(byDefault).toMatchObject({ due: '2027-01-06', inputs: { policy: 'DEFAULT', days: 10, counting: 'WORKING' } });
    expect(byDefault.caveats.join(' ')).toMatch(/default/);
    const own = deadlinesOf(letter, [], [], employer({ appealDays: 14, appealCounting: DayCounting.CALENDAR }), '2026-12-18')
      .find((d) => d.rule === 'APPEAL_WINDOW')!;
    expect(own).toMatchObject({ due: '2027-01-01', inputs: { policy: 'EMPLOYER', days: 14, counting: 'CALENDAR' } });
    expect(own.daysLeft).toBe(14);
  });

  it('gives the tribunal limit from the act date, and none without one', () => {
    expect(deadlinesOf(kase(), [], [], employer(), '2026-10-01').filter((d) => d.rule === 'TRIBUNAL_LIMIT')).toEqual([]);
    const limit = deadlinesOf(kase({ actDate: '2026-09-15' }), [], [], employer(), '2026-10-01').find((d) => d.rule === 'TRIBUNAL_LIMIT')!;
    expect(limit).toMatchObject({ due: '2026-12-14', inputs: { actDate: '2026-09-15', limitMonths: 3 } });
  });

  it('lists custom deadlines with their done mark, and counts days left from today (negative when overdue)', () => {
    const custom = [
      { id: 'c1', label: 'Send statement', due: '2026-11-20', done: false },
      { id: 'c2', label: 'Book room', due: '2026-11-30', done: true },
    ] as CaseCustomDeadline[];
    const out = deadlinesOf(kase(), [], custom, employer(), '2026-11-27');
    expect(out.map((d) => [d.key, d.rule, d.customDeadlineId, d.done, d.daysLeft])).toEqual([
      ['custom:c1', 'CUSTOM', 'c1', false, -7],
      ['custom:c2', 'CUSTOM', 'c2', true, 3],
    ]);
  });

  it('marks a computed limit whose date has gone as passed, never a custom deadline (which is overdue until done)', () => {
    const custom = [{ id: 'c1', label: 'Send statement', due: '2026-11-20', done: false }] as CaseCustomDeadline[];
    // a hearing on 2 November: its s.10 date (9 November) has gone by 27 November; one on 30 November still to come
    const out = deadlinesOf(kase(), [hearing('2026-11-02', 'm1'), hearing('2026-11-30', 'm2')], custom, employer(), '2026-11-27');
    expect(out.map((d) => [d.key, d.daysLeft < 0, d.passed, d.done])).toEqual([
      ['s10:m1', true, true, false],
      ['custom:c1', true, false, false],
      ['s10:m2', false, false, false],
    ]);
    // on its own day it has not gone yet
    expect(deadlinesOf(kase(), [hearing('2026-11-02')], [], employer(), '2026-11-09')[0]).toMatchObject({ due: '2026-11-09', daysLeft: 0, passed: false });
  });

  it('flags a working-day deadline past the verified bank-holiday years as unverified', () => {
    const [late] = deadlinesOf(kase(), [hearing('2031-03-03')], [], employer(), '2031-01-01');
    expect(late.verified).toBe(false);
    expect(late.caveats.join(' ')).toMatch(/gov\.uk/);
  });
});
