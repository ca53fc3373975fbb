import {
  appealPolicyText, appealWindowCloses, CASE_DEADLINE_RULES, CASE_OUTCOME_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS,
  type CaseDeadline, type CaseDeadlineFacts, caseDeadlineFactsErrors, CaseDeadlineFactsError, caseDeadlines, CaseOutcome,
  CaseStatus, CaseType, DAY_COUNTING_LABELS, DayCounting, DEFAULT_APPEAL_POLICY, hasRightToBeAccompanied, isOutcomeFor,
  MAX_APPEAL_POLICY_DAYS, MEETING_KIND_LABELS, MeetingKind, outcomesFor, S10_MEETING_KINDS,
} from './casework.js';
import { tribunalDeadline, tribunalRuleSets } from './tribunal.js';
import { BANK_HOLIDAY_DATA_TO, BankHolidayRegion, isWorkingDay, latestPostponedHearingDate, workingDaysBetween } from './working-days.js';

const EW = BankHolidayRegion.ENGLAND_AND_WALES;
const SCOT = BankHolidayRegion.SCOTLAND;
const NI = BankHolidayRegion.NORTHERN_IRELAND;

function facts(extra: Partial<CaseDeadlineFacts> = {}): CaseDeadlineFacts {
  return { region: EW, meetings: [], ...extra };
}
function hearing(date: string, id = 'm1', kind = MeetingKind.DISCIPLINARY_HEARING) {
  return { id, kind, date };
}
function only(list: CaseDeadline[]): CaseDeadline {
  expect(list).toHaveLength(1);
  return list[0];
}
function byKey(list: CaseDeadline[], key: string): CaseDeadline {
  const found = list.find((d) => d.key === key);
  if (!found) throw new Error(`no deadline ${key} in ${list.map((d) => d.key).join(', ')}`);
  return found;
}

describe('casework enums and labels', () => {
  it.each([
    ['CaseType', CaseType, CASE_TYPE_LABELS, 9],
    ['CaseStatus', CaseStatus, CASE_STATUS_LABELS, 5],
    ['CaseOutcome', CaseOutcome, CASE_OUTCOME_LABELS, 11],
    ['MeetingKind', MeetingKind, MEETING_KIND_LABELS, 5],
    ['DayCounting', DayCounting, DAY_COUNTING_LABELS, 2],
  ])('%s: values equal their names, and every value has its own plain label', (_name, values, labels, count) => {
    const entries = Object.entries(values as Record<string, string>);
    expect(entries).toHaveLength(count);
    for (const [name, value] of entries) expect(value).toBe(name);
    const labelTexts = entries.map(([, v]) => (labels as Record<string, string>)[v]);
    for (const label of labelTexts) expect(label).toMatch(/^[A-Z][a-z]/);
    expect(new Set(labelTexts).size).toBe(count);
    expect(Object.keys(labels as object).sort()).toEqual(entries.map(([, v]) => v).sort());
  });

  it('names the cases and outcomes in plain UK English', () => {
    expect(CASE_TYPE_LABELS[CaseType.BULLYING_HARASSMENT]).toBe('Bullying and harassment');
    expect(CASE_TYPE_LABELS[CaseType.SICKNESS_ABSENCE]).toBe('Sickness absence');
    expect(CASE_STATUS_LABELS[CaseStatus.AWAITING_OUTCOME]).toBe('Awaiting outcome');
    expect(CASE_OUTCOME_LABELS[CaseOutcome.PARTLY_UPHELD]).toBe('Partly upheld');
    expect(CASE_OUTCOME_LABELS[CaseOutcome.NO_CASE_TO_ANSWER]).toBe('No case to answer');
    expect(MEETING_KIND_LABELS[MeetingKind.APPEAL_HEARING]).toBe('Appeal hearing');
  });

  it('describes every deadline rule with a label and a source', () => {
    expect(Object.keys(CASE_DEADLINE_RULES).sort()).toEqual(['APPEAL_WINDOW', 'CUSTOM', 'S10_POSTPONEMENT', 'TRIBUNAL_LIMIT']);
    expect(CASE_DEADLINE_RULES.S10_POSTPONEMENT.source).toMatch(/Employment Relations Act 1999 s\.10/);
    expect(CASE_DEADLINE_RULES.S10_POSTPONEMENT.source).toMatch(/Northern Ireland.*art\.12/);
    expect(CASE_DEADLINE_RULES.TRIBUNAL_LIMIT.source).toMatch(/s\.207B/);
    for (const r of Object.values(CASE_DEADLINE_RULES)) {
      expect(r.label.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(0);
    }
  });
});

describe('outcomesFor', () => {
  const SANCTIONS = [
    CaseOutcome.NO_CASE_TO_ANSWER, CaseOutcome.INFORMAL_ACTION, CaseOutcome.FIRST_WRITTEN_WARNING,
    CaseOutcome.FINAL_WRITTEN_WARNING, CaseOutcome.DISMISSAL, CaseOutcome.REDEPLOYMENT,
  ];
  const FINDINGS = [CaseOutcome.UPHELD, CaseOutcome.PARTLY_UPHELD, CaseOutcome.NOT_UPHELD];
  const ENDINGS = [CaseOutcome.SETTLED, CaseOutcome.WITHDRAWN];

  it.each([CaseType.DISCIPLINARY, CaseType.CAPABILITY, CaseType.SICKNESS_ABSENCE])('%s: the sanctions, settled, withdrawn', (type) => {
    expect(outcomesFor(type)).toEqual([...SANCTIONS, ...ENDINGS]);
  });

  it.each([CaseType.GRIEVANCE, CaseType.BULLYING_HARASSMENT, CaseType.WHISTLEBLOWING, CaseType.EMPLOYMENT_TRIBUNAL])(
    '%s: upheld, partly upheld, not upheld, settled, withdrawn',
    (type) => {
      expect(outcomesFor(type)).toEqual([...FINDINGS, ...ENDINGS]);
    },
  );

  it('an appeal can be upheld or not and can put a lesser sanction in place; "other" can be anything', () => {
    expect(outcomesFor(CaseType.APPEAL)).toEqual([...SANCTIONS, ...FINDINGS, ...ENDINGS]);
    expect(outcomesFor(CaseType.OTHER)).toEqual(Object.values(CaseOutcome));
  });

  it('every type can be settled or withdrawn, and every outcome belongs to some type', () => {
    for (const type of Object.values(CaseType)) {
      expect(outcomesFor(type)).toEqual(expect.arrayContaining(ENDINGS));
    }
    const used = new Set(Object.values(CaseType).flatMap((t) => outcomesFor(t)));
    expect([...used].sort()).toEqual(Object.values(CaseOutcome).sort());
  });

  it('keeps grievance findings off disciplinary cases and sanctions off grievances', () => {
    expect(isOutcomeFor(CaseType.DISCIPLINARY, CaseOutcome.DISMISSAL)).toBe(true);
    expect(isOutcomeFor(CaseType.DISCIPLINARY, CaseOutcome.UPHELD)).toBe(false);
    expect(isOutcomeFor(CaseType.GRIEVANCE, CaseOutcome.PARTLY_UPHELD)).toBe(true);
    expect(isOutcomeFor(CaseType.GRIEVANCE, CaseOutcome.FINAL_WRITTEN_WARNING)).toBe(false);
  });

  it('returns a new array each time, and refuses an unknown type', () => {
    const first = outcomesFor(CaseType.GRIEVANCE);
    first.push(CaseOutcome.DISMISSAL);
    expect(outcomesFor(CaseType.GRIEVANCE)).not.toContain(CaseOutcome.DISMISSAL);
    expect(() => outcomesFor('PROMOTION' as CaseType)).toThrow(RangeError);
  });
});

describe('meetings with the right to be accompanied', () => {
  it('are disciplinary, grievance and appeal hearings, not investigations or other meetings', () => {
    expect(S10_MEETING_KINDS).toEqual([MeetingKind.DISCIPLINARY_HEARING, MeetingKind.GRIEVANCE_HEARING, MeetingKind.APPEAL_HEARING]);
    expect(Object.values(MeetingKind).filter(hasRightToBeAccompanied)).toEqual(S10_MEETING_KINDS);
  });
});

describe('appeal policies', () => {
  it('default to 10 working days, which cannot be changed by accident', () => {
    expect(DEFAULT_APPEAL_POLICY).toEqual({ days: 10, counting: DayCounting.WORKING });
    expect(Object.isFrozen(DEFAULT_APPEAL_POLICY)).toBe(true);
    expect(appealPolicyText(DEFAULT_APPEAL_POLICY)).toBe('10 working days');
    expect(appealPolicyText({ days: 14, counting: DayCounting.CALENDAR })).toBe('14 calendar days');
    expect(appealPolicyText({ days: 1, counting: DayCounting.WORKING })).toBe('1 working day');
  });

  it('count working days (skipping the region’s bank holidays) or calendar days from the letter', () => {
    // Friday 18 December 2026: Christmas, the Boxing Day substitute (28th) and New Year's Day skipped.
    expect(appealWindowCloses('2026-12-18')).toBe('2027-01-06');
    expect(appealWindowCloses('2026-12-18', { days: 10, counting: DayCounting.WORKING }, EW)).toBe('2027-01-06');
    // Scotland also closes on Monday 4 January 2027 (the substitute for Saturday 2 January).
    expect(appealWindowCloses('2026-12-18', DEFAULT_APPEAL_POLICY, SCOT)).toBe('2027-01-07');
    // Calendar days: 14 days on, even though 1 January is a bank holiday (an appeal can be emailed).
    expect(appealWindowCloses('2026-12-18', { days: 14, counting: DayCounting.CALENDAR }, EW)).toBe('2027-01-01');
    expect(appealWindowCloses('2026-12-18', { days: 14, counting: DayCounting.CALENDAR }, SCOT)).toBe('2027-01-01');
    // An ordinary fortnight: 10 working days from a Monday is the Monday two weeks on.
    expect(appealWindowCloses('2026-06-01')).toBe('2026-06-15');
  });

  it.each([0, -1, 2.5, MAX_APPEAL_POLICY_DAYS + 1, Number.NaN])('refuse %p days', (days) => {
    expect(() => appealWindowCloses('2026-06-01', { days, counting: DayCounting.WORKING })).toThrow(RangeError);
  });

  it('refuse an unknown way of counting', () => {
    expect(() => appealWindowCloses('2026-06-01', { days: 10, counting: 'WEEKS' as DayCounting })).toThrow(RangeError);
    expect(appealWindowCloses('2026-06-01', { days: MAX_APPEAL_POLICY_DAYS, counting: DayCounting.CALENDAR })).toBe('2026-08-30');
  });
});

describe('caseDeadlines — s.10 postponement window', () => {
  it('gives each hearing the latest date it can be postponed to, with the rule and its inputs', () => {
    const d = only(caseDeadlines(facts({ meetings: [hearing('2026-12-24', 'hearing-1')] })));
    expect(d).toEqual({
      key: 's10:hearing-1',
      rule: 'S10_POSTPONEMENT',
      label: 'Latest date the disciplinary hearing can be postponed to',
      due: '2027-01-05',
      inputs: { proposedDate: '2026-12-24', workingDays: 5, region: EW },
      explanation:
        "Employment Relations Act 1999 s.10(5): if the member's companion cannot attend, a postponed hearing must be " +
        'within 5 working days after the proposed date, Thursday 24 December 2026, so by Tuesday 5 January 2027 ' +
        '(England and Wales bank holidays).',
      verified: true,
      caveats: [],
      meetingId: 'hearing-1',
    });
  });

  it('skips a weekend', () => {
    // Thursday 11 June 2026: Fri 12, Mon 15, Tue 16, Wed 17, Thu 18.
    expect(only(caseDeadlines(facts({ meetings: [hearing('2026-06-11')] }))).due).toBe('2026-06-18');
    // A hearing proposed for a Friday: the window is the whole of the next week.
    expect(only(caseDeadlines(facts({ meetings: [hearing('2026-06-12')] }))).due).toBe('2026-06-19');
  });

  it('skips the bank holidays of the member’s part of the UK: Christmas 2026 in England, Scotland and Northern Ireland', () => {
    // Thu 24 Dec 2026. England and Wales: 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan off →
    // 29, 30, 31 Dec, 4, 5 Jan. Scotland also has Mon 4 Jan 2027 (2 January substitute) → 6 Jan.
    const at = (region: BankHolidayRegion) => only(caseDeadlines({ region, meetings: [hearing('2026-12-24')] }));
    expect(at(EW).due).toBe('2027-01-05');
    expect(at(SCOT).due).toBe('2027-01-06');
    expect(at(SCOT).inputs.region).toBe(SCOT);
    expect(at(SCOT).explanation).toMatch(/^Employment Relations Act 1999 s\.10\(5\):.*\(Scotland bank holidays\)\.$/);
    expect(at(NI).due).toBe('2027-01-05');
    // s.10 does not extend to Northern Ireland: its Order has the same rule in art.12.
    expect(at(NI).explanation).toMatch(/^Employment Relations \(Northern Ireland\) Order 1999 art\.12\(5\):.*\(Northern Ireland bank holidays\)\.$/);
  });

  it('skips St Andrew’s Day in Scotland only', () => {
    // Wed 25 Nov 2026; Monday 30 November is St Andrew's Day.
    expect(only(caseDeadlines({ region: EW, meetings: [hearing('2026-11-25')] })).due).toBe('2026-12-02');
    expect(only(caseDeadlines({ region: SCOT, meetings: [hearing('2026-11-25')] })).due).toBe('2026-12-03');
  });

  it('crosses a year end', () => {
    expect(only(caseDeadlines(facts({ meetings: [hearing('2025-12-23')] }))).due).toBe('2026-01-02');
    expect(only(caseDeadlines(facts({ meetings: [hearing('2027-12-30')] }))).due).toBe('2028-01-07'); // 31, 4, 5, 6, 7 (3 Jan substitute)
  });

  it('is the working-days rule itself: always 5 working days on, and a working day', () => {
    const dates = ['2026-04-02', '2026-05-01', '2026-08-28', '2027-03-25', '2028-12-22', '2030-04-18'];
    for (const region of [EW, SCOT, NI]) {
      const list = caseDeadlines({ region, meetings: dates.map((d, i) => hearing(d, `m${i}`)) });
      for (const d of list) {
        const proposed = d.inputs.proposedDate as string;
        expect(d.due).toBe(latestPostponedHearingDate(proposed, region));
        expect(workingDaysBetween(proposed, d.due, region)).toBe(5);
        expect(isWorkingDay(d.due, region)).toBe(true);
      }
    }
  });

  it('applies to grievance and appeal hearings too, but not to investigation or other meetings', () => {
    const list = caseDeadlines(facts({
      meetings: [
        hearing('2026-06-01', 'inv', MeetingKind.INVESTIGATION),
        hearing('2026-06-02', 'grv', MeetingKind.GRIEVANCE_HEARING),
        hearing('2026-06-03', 'app', MeetingKind.APPEAL_HEARING),
        hearing('2026-06-04', 'oth', MeetingKind.OTHER),
      ],
    }));
    expect(list.map((d) => [d.key, d.meetingId, d.due])).toEqual([
      ['s10:grv', 'grv', '2026-06-09'],
      ['s10:app', 'app', '2026-06-10'],
    ]);
    expect(byKey(list, 's10:app').label).toBe('Latest date the appeal hearing can be postponed to');
  });

  it('is unverified when a day counted lies after the last year of checked bank holidays', () => {
    expect(BANK_HOLIDAY_DATA_TO).toBe(2030);
    // Fri 20 Dec 2030 → Tue 31 Dec 2030: all within 2030.
    const inside = only(caseDeadlines(facts({ meetings: [hearing('2030-12-20')] })));
    expect(inside.due).toBe('2030-12-31');
    expect(inside.verified).toBe(true);
    expect(inside.caveats).toEqual([]);
    // Tue 24 Dec 2030 → Fri 3 Jan 2031: the window runs into 2031.
    const across = only(caseDeadlines(facts({ meetings: [hearing('2030-12-24')] })));
    expect(across.due).toBe('2031-01-03');
    expect(across.verified).toBe(false);
    expect(across.caveats).toEqual(['Bank holidays are checked for 2020–2030 only: confirm this date against gov.uk/bank-holidays.']);
    expect(only(caseDeadlines(facts({ meetings: [hearing('2031-06-02')] }))).verified).toBe(false);
    // Before the checked years too.
    expect(only(caseDeadlines(facts({ meetings: [hearing('2019-06-03')] }))).verified).toBe(false);
    expect(only(caseDeadlines(facts({ meetings: [hearing('2020-01-02')] }))).verified).toBe(true);
  });
});

describe('caseDeadlines — appeal window', () => {
  it('counts the employer’s working days from the outcome letter, in the region', () => {
    const policy = { days: 10, counting: DayCounting.WORKING };
    const d = only(caseDeadlines(facts({ outcomeLetterDate: '2026-12-18', appealPolicy: policy })));
    expect(d).toEqual({
      key: 'appeal',
      rule: 'APPEAL_WINDOW',
      label: 'Last day to appeal',
      due: '2027-01-06',
      inputs: { outcomeLetterDate: '2026-12-18', days: 10, counting: 'WORKING', region: EW, policy: 'EMPLOYER' },
      explanation:
        "The employer's appeal policy: an appeal must be made within 10 working days of the outcome letter dated " +
        'Friday 18 December 2026, so by Wednesday 6 January 2027 (England and Wales bank holidays).',
      verified: true,
      caveats: [],
    });
    expect(only(caseDeadlines({ region: SCOT, meetings: [], outcomeLetterDate: '2026-12-18', appealPolicy: policy })).due).toBe('2027-01-07');
  });

  it('counts calendar days without regard to bank holidays', () => {
    const d = only(caseDeadlines(facts({ outcomeLetterDate: '2026-12-18', appealPolicy: { days: 14, counting: DayCounting.CALENDAR } })));
    expect(d.due).toBe('2027-01-01');
    expect(d.inputs).toEqual({ outcomeLetterDate: '2026-12-18', days: 14, counting: 'CALENDAR', region: EW, policy: 'EMPLOYER' });
    expect(d.explanation).toBe(
      "The employer's appeal policy: an appeal must be made within 14 calendar days of the outcome letter dated " +
      'Friday 18 December 2026, so by Friday 1 January 2027.',
    );
    // Working and calendar counts differ over the same fortnight.
    expect(only(caseDeadlines(facts({ outcomeLetterDate: '2026-12-18', appealPolicy: { days: 14, counting: DayCounting.WORKING } }))).due)
      .toBe('2027-01-12');
    expect(only(caseDeadlines(facts({ outcomeLetterDate: '2026-06-01', appealPolicy: { days: 7, counting: DayCounting.CALENDAR } }))).due)
      .toBe('2026-06-08');
  });

  it('uses the default policy when the employer’s is not entered, and says so', () => {
    for (const appealPolicy of [undefined, null]) {
      const d = only(caseDeadlines(facts({ outcomeLetterDate: '2026-12-18', appealPolicy })));
      expect(d.due).toBe('2027-01-06');
      expect(d.inputs.policy).toBe('DEFAULT');
      expect(d.explanation).toMatch(/^Rollcall's default appeal policy \(no employer policy entered\): .* 10 working days /);
      expect(d.caveats).toEqual(["This is Rollcall's default appeal window: enter the employer's policy to be sure."]);
    }
  });

  it('is unverified only when working days run past the checked years', () => {
    const working = only(caseDeadlines(facts({ outcomeLetterDate: '2030-12-20', appealPolicy: DEFAULT_APPEAL_POLICY })));
    expect(working.due).toBe('2031-01-08');
    expect(working.verified).toBe(false);
    expect(working.caveats[0]).toMatch(/checked for 2020–2030 only/);
    const calendar = only(caseDeadlines(facts({ outcomeLetterDate: '2030-12-20', appealPolicy: { days: 14, counting: DayCounting.CALENDAR } })));
    expect(calendar.due).toBe('2031-01-03');
    expect(calendar.verified).toBe(true);
    expect(calendar.caveats).toEqual([]);
  });

  it('is absent without an outcome letter', () => {
    expect(caseDeadlines(facts({ outcomeLetterDate: null, appealPolicy: DEFAULT_APPEAL_POLICY }))).toEqual([]);
  });
});

describe('caseDeadlines — employment tribunal limit', () => {
  const tribunal = (extra: Partial<CaseDeadlineFacts>) => byKey(caseDeadlines(facts(extra)), 'tribunal');

  it('without early conciliation: start it within 3 months less one day of the act', () => {
    const d = tribunal({ actDate: '2024-01-10' });
    expect(d).toEqual({
      key: 'tribunal',
      rule: 'TRIBUNAL_LIMIT',
      label: 'Tribunal time limit: start ACAS early conciliation',
      due: '2024-04-09',
      inputs: { actDate: '2024-01-10', ruleSet: 'ERA1996_EC_3M', limitMonths: 3, status: 'EC_NOT_STARTED', primaryLimit: '2024-04-09' },
      explanation:
        'Employment Rights Act 1996 s.111 and s.207B; Equality Act 2010 s.123 and s.140B: ACAS early conciliation must ' +
        'start within 3 months less one day of the act complained of on Wednesday 10 January 2024, so by Tuesday 9 April 2024.',
      verified: true,
      caveats: [],
    });
  });

  it.each([
    ['2024-01-10', '2024-04-09'],
    ['2024-08-31', '2024-11-30'],
    ['2023-11-30', '2024-02-29'],
    ['2024-12-31', '2025-03-30'],
  ])('act on %s: the limit is %s, as tribunal.ts says', (actDate, limit) => {
    expect(tribunal({ actDate }).due).toBe(limit);
    expect(tribunalDeadline({ actDate }).claimDeadline).toBe(limit);
  });

  it('with early conciliation certified: the clock stops, and the claim is due as tribunal.ts says', () => {
    const d = tribunal({ actDate: '2024-01-10', earlyConciliationStart: '2024-03-01', earlyConciliationCertificate: '2024-03-20' });
    expect(d.label).toBe('Tribunal time limit: present the claim');
    expect(d.due).toBe('2024-04-28');
    expect(d.inputs).toEqual({
      actDate: '2024-01-10', ruleSet: 'ERA1996_EC_3M', limitMonths: 3, status: 'EC_CERTIFIED', primaryLimit: '2024-04-09',
      earlyConciliationStart: '2024-03-01', earlyConciliationCertificate: '2024-03-20', clockStoppedDays: 19,
    });
    expect(d.explanation).toBe(
      'Employment Rights Act 1996 s.111 and s.207B; Equality Act 2010 s.123 and s.140B: 3 months less one day from the act ' +
      'complained of on Wednesday 10 January 2024 ends on Tuesday 9 April 2024; early conciliation from Friday 1 March 2024 ' +
      'to the certificate on Wednesday 20 March 2024 adds 19 days, so present the claim by Sunday 28 April 2024.',
    );
    expect(d.caveats).toEqual([]);
  });

  it('gives at least a month after the certificate, and says why', () => {
    const d = tribunal({ actDate: '2024-01-10', earlyConciliationStart: '2024-04-08', earlyConciliationCertificate: '2024-04-10' });
    expect(d.due).toBe('2024-05-10');
    expect(d.explanation).toMatch(/adds 2 days \(to Thursday 11 April 2024\), but the claimant always has a month after the certificate, so present the claim by Friday 10 May 2024\.$/);
  });

  it.each([
    // [act, EC start, certificate] from tribunal.spec.ts
    ['2024-01-10', '2024-04-09', '2024-04-09', '2024-05-09'],
    ['2024-01-10', '2024-03-30', '2024-04-20', '2024-05-20'],
    ['2024-01-10', '2024-03-09', '2024-04-20', '2024-05-21'],
    ['2024-08-31', '2024-11-01', '2024-12-13', '2025-01-13'],
    ['2022-11-05', '2023-01-30', '2023-01-31', '2023-02-28'],
    ['2015-03-20', '2015-06-18', '2015-06-30', '2015-07-30'], // Tanveer v East London Bus & Coach
  ])('act %s, EC %s to %s: present the claim by %s', (actDate, ecStart, ecCertificate, due) => {
    const d = tribunal({ actDate, earlyConciliationStart: ecStart, earlyConciliationCertificate: ecCertificate });
    expect(d.due).toBe(due);
    expect(d.due).toBe(tribunalDeadline({ actDate, ecStart, ecCertificate }).claimDeadline);
  });

  it('while early conciliation is in progress: watch for when it normally ends', () => {
    const d = tribunal({ actDate: '2025-10-01', earlyConciliationStart: '2025-12-05' });
    expect(d.label).toBe('Early conciliation normally ends: enter the certificate date');
    expect(d.due).toBe('2026-02-27'); // twelve weeks
    expect(d.inputs.status).toBe('EC_IN_PROGRESS');
    expect(d.inputs).not.toHaveProperty('clockStoppedDays');
    expect(d.explanation).toMatch(/the claim deadline is set by the certificate \(at least one month after it\)/);
  });

  it('when early conciliation started after the limit: the limit has passed and nothing extends it', () => {
    const d = tribunal({ actDate: '2024-01-10', earlyConciliationStart: '2024-04-10', earlyConciliationCertificate: '2024-04-12' });
    expect(d.label).toBe('Tribunal time limit passed before early conciliation started');
    expect(d.due).toBe('2024-04-09');
    expect(d.inputs.status).toBe('EC_STARTED_OUT_OF_TIME');
    expect(d.explanation).toMatch(/only the tribunal's discretion can help\.$/);
  });

  it('flags a certificate later than early conciliation normally lasts', () => {
    const late = tribunal({ actDate: '2024-01-10', earlyConciliationStart: '2024-03-01', earlyConciliationCertificate: '2024-04-15' });
    expect(late.caveats).toEqual(['The certificate is later than early conciliation normally lasts: check the dates.']);
    const fine = tribunal({ actDate: '2024-01-10', earlyConciliationStart: '2024-03-01', earlyConciliationCertificate: '2024-04-12' });
    expect(fine.caveats).toEqual([]);
  });

  it('uses the rule set in force on the act’s date', () => {
    const before = tribunal({ actDate: '2026-09-30' });
    expect(before.due).toBe('2026-12-29');
    expect(before.inputs.ruleSet).toBe('ERA1996_EC_3M');
    expect(before.caveats).toEqual([]);
    // From the (placeholder) ERA 2025 commencement: six months less one day, flagged as a placeholder.
    const after = tribunal({ actDate: '2026-10-01' });
    expect(after.due).toBe('2027-03-31');
    expect(after.inputs).toMatchObject({ ruleSet: 'ERA2025_6M', limitMonths: 6 });
    expect(after.explanation).toMatch(/^Employment Rights Act 2025 .*within 6 months less one day of the act/);
    expect(after.caveats).toEqual([
      'The 6-month limit is dated from a placeholder (2026-10-01) until its commencement date is set: check which limit applies.',
    ]);
    expect(after.verified).toBe(true);
  });

  it('takes the ERA 2025 commencement date from settings', () => {
    const stillThree = tribunal({ actDate: '2026-10-01', era2025Commencement: '2027-01-01' });
    expect(stillThree.due).toBe('2026-12-31');
    expect(stillThree.inputs).toMatchObject({ ruleSet: 'ERA1996_EC_3M', era2025Commencement: '2027-01-01' });
    const six = tribunal({ actDate: '2027-01-01', era2025Commencement: '2027-01-01' });
    expect(six.due).toBe('2027-06-30');
    expect(six.caveats).toEqual([]);
    expect(six.due).toBe(tribunalDeadline({ actDate: '2027-01-01', ruleSets: tribunalRuleSets('2027-01-01') }).claimDeadline);
  });

  it('counts calendar months, so it is verified whatever the year', () => {
    const d = tribunal({ actDate: '2031-05-01', era2025Commencement: '2027-01-01' });
    expect(d.due).toBe('2031-10-31');
    expect(d.verified).toBe(true);
  });
});

describe('caseDeadlines — custom deadlines', () => {
  it('are taken as given, under the CUSTOM rule', () => {
    const d = only(caseDeadlines(facts({ custom: [{ id: 'c1', label: '  Send the statement to HR ', due: '2026-12-31' }] })));
    expect(d).toEqual({
      key: 'custom:c1',
      rule: 'CUSTOM',
      label: 'Send the statement to HR',
      due: '2026-12-31',
      inputs: { due: '2026-12-31' },
      explanation: 'Added by a caseworker: Send the statement to HR, due Thursday 31 December 2026.',
      verified: true,
      caveats: [],
    });
    // A date typed by hand counts no bank holidays.
    expect(only(caseDeadlines(facts({ custom: [{ id: 'c2', label: 'Review', due: '2035-01-01' }] }))).verified).toBe(true);
  });
});

describe('caseDeadlines — the whole list', () => {
  const full: CaseDeadlineFacts = {
    region: EW,
    meetings: [
      hearing('2026-12-24', 'appeal-hearing', MeetingKind.APPEAL_HEARING), // → 2027-01-05
      hearing('2026-11-02', 'investigation', MeetingKind.INVESTIGATION), // none
      hearing('2026-11-16', 'hearing'), // → 2026-11-23
    ],
    outcomeLetterDate: '2026-11-27', // 10 working days → 2026-12-11
    actDate: '2026-09-15', // → 2026-12-14
    custom: [
      { id: 'b', label: 'Chase the notes', due: '2026-12-11' },
      { id: 'a', label: 'Book the room', due: '2026-11-20' },
    ],
  };

  it('lists every deadline, earliest first; same-day ones by rule, then key', () => {
    expect(caseDeadlines(full).map((d) => [d.due, d.key])).toEqual([
      ['2026-11-20', 'custom:a'],
      ['2026-11-23', 's10:hearing'],
      ['2026-12-11', 'appeal'],
      ['2026-12-11', 'custom:b'],
      ['2026-12-14', 'tribunal'],
      ['2027-01-05', 's10:appeal-hearing'],
    ]);
  });

  it('does not depend on the order the facts come in', () => {
    const reversed = { ...full, meetings: [...full.meetings].reverse(), custom: [...(full.custom ?? [])].reverse() };
    expect(caseDeadlines(reversed)).toEqual(caseDeadlines(full));
    const sameDay = caseDeadlines(facts({ meetings: [hearing('2026-06-01', 'z'), hearing('2026-06-01', 'a')] }));
    expect(sameDay.map((d) => d.key)).toEqual(['s10:a', 's10:z']);
  });

  it('is empty when a case has no dates yet', () => {
    expect(caseDeadlines(facts())).toEqual([]);
  });

  it('gives every deadline a unique, stable key and a rule the list describes', () => {
    const list = caseDeadlines(full);
    expect(new Set(list.map((d) => d.key)).size).toBe(list.length);
    for (const d of list) {
      expect(CASE_DEADLINE_RULES[d.rule]).toBeDefined();
      expect(d.explanation).toMatch(/\.$/);
    }
  });
});

describe('caseDeadlineFactsErrors and refused facts', () => {
  it('finds nothing wrong with good facts', () => {
    expect(caseDeadlineFactsErrors(facts({
      meetings: [hearing('2026-06-01')], outcomeLetterDate: '2026-06-10', appealPolicy: DEFAULT_APPEAL_POLICY,
      actDate: '2026-05-01', earlyConciliationStart: '2026-06-01', earlyConciliationCertificate: '2026-07-01',
      era2025Commencement: '2027-01-01', custom: [{ id: 'c', label: 'x', due: '2026-06-05' }],
    }))).toEqual({});
  });

  it.each<[string, Partial<CaseDeadlineFacts>, string, RegExp]>([
    ['an unknown region', { region: 'WALES' as BankHolidayRegion }, 'region', /region/],
    ['an impossible meeting date', { meetings: [hearing('2026-02-30')] }, 'meetings', /m1: Not a calendar date/],
    ['a meeting date typed wrong', { meetings: [hearing('0026-02-03')] }, 'meetings', /between 2000 and 2099/],
    ['a meeting without an id', { meetings: [hearing('2026-02-03', '')] }, 'meetings', /no id/],
    ['a meeting of an unknown kind', { meetings: [hearing('2026-02-03', 'm1', 'TRIBUNAL' as MeetingKind)] }, 'meetings', /unknown kind/],
    ['two meetings with one id', { meetings: [hearing('2026-02-03'), hearing('2026-02-04')] }, 'meetings', /same id/],
    ['an outcome letter date typed the UK way', { outcomeLetterDate: '18/12/2026' }, 'outcomeLetterDate', /Not a calendar date/],
    ['no days in an appeal window', { appealPolicy: { days: 0, counting: DayCounting.WORKING } }, 'appealPolicy.days', /1 to 90/],
    ['too many days in an appeal window', { appealPolicy: { days: 91, counting: DayCounting.CALENDAR } }, 'appealPolicy.days', /1 to 90/],
    ['part of a day', { appealPolicy: { days: 2.5, counting: DayCounting.CALENDAR } }, 'appealPolicy.days', /whole number/],
    ['weeks', { appealPolicy: { days: 2, counting: 'WEEKS' as DayCounting } }, 'appealPolicy.counting', /working days or calendar days/],
    ['an act before early conciliation existed', { actDate: '2013-01-01' }, 'actDate', /before Sunday 6 April 2014/],
    ['an act date that is not a date', { actDate: '2026-13-01' }, 'actDate', /Not a calendar date/],
    ['early conciliation without an act', { earlyConciliationStart: '2026-06-01' }, 'earlyConciliationStart', /act complained of first/],
    ['early conciliation before the act', { actDate: '2026-06-02', earlyConciliationStart: '2026-06-01' }, 'earlyConciliationStart', /before the act/],
    ['a certificate without a start', { actDate: '2026-06-01', earlyConciliationCertificate: '2026-07-01' }, 'earlyConciliationCertificate', /needs the date/],
    [
      'a certificate before the start',
      { actDate: '2026-06-01', earlyConciliationStart: '2026-07-01', earlyConciliationCertificate: '2026-06-30' },
      'earlyConciliationCertificate', /before early conciliation started/,
    ],
    ['a commencement before early conciliation', { era2025Commencement: '2014-01-01' }, 'era2025Commencement', /after 2014-04-06/],
    ['a blank custom label', { custom: [{ id: 'c', label: '   ', due: '2026-06-01' }] }, 'custom', /needs a label/],
    ['a long custom label', { custom: [{ id: 'c', label: 'x'.repeat(201), due: '2026-06-01' }] }, 'custom', /at most 200/],
    ['a custom date that is not a date', { custom: [{ id: 'c', label: 'x', due: 'tomorrow' }] }, 'custom', /Not a calendar date/],
    [
      'two custom deadlines with one id',
      { custom: [{ id: 'c', label: 'x', due: '2026-06-01' }, { id: 'c', label: 'y', due: '2026-06-02' }] },
      'custom', /same id/,
    ],
  ])('refuses %s, naming the field', (_what, extra, field, why) => {
    const errors = caseDeadlineFactsErrors(facts(extra));
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(why);
    let thrown: unknown;
    try {
      caseDeadlines(facts(extra));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CaseDeadlineFactsError);
    expect(thrown).toBeInstanceOf(RangeError);
    expect((thrown as CaseDeadlineFactsError).fields).toEqual(errors);
    expect((thrown as Error).message).toContain(`${field}: `);
  });

  it('reports every wrong field at once', () => {
    const errors = caseDeadlineFactsErrors(facts({ outcomeLetterDate: 'x', actDate: 'y', custom: [{ id: 'c', label: '', due: '2026-01-01' }] }));
    expect(Object.keys(errors).sort()).toEqual(['actDate', 'custom', 'outcomeLetterDate']);
  });
});
