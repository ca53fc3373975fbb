import {
  EARLY_CONCILIATION_FROM, EARLY_CONCILIATION_PERIODS, ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER,
  latestEarlyConciliationEnd, TRIBUNAL_RULE_SETS, tribunalDeadline, tribunalRuleSetFor, tribunalRuleSets,
} from './tribunal.js';

describe('tribunal rule sets (dated data)', () => {
  it('are 3 months from 2014 and 6 months from the ERA 2025 commencement, with no gap', () => {
    expect(TRIBUNAL_RULE_SETS.map((r) => [r.id, r.appliesFrom, r.appliesBefore, r.limitMonths])).toEqual([
      ['ERA1996_EC_3M', EARLY_CONCILIATION_FROM, ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER, 3],
      ['ERA2025_6M', ERA_2025_TRIBUNAL_COMMENCEMENT_PLACEHOLDER, null, 6],
    ]);
    for (const r of TRIBUNAL_RULE_SETS) {
      expect(r.earlyConciliationStopsClock).toBe(true);
      expect(r.minimumMonthsAfterCertificate).toBe(1);
    }
  });

  it('mark the placeholder commencement as a placeholder, and a configured one as real', () => {
    expect(TRIBUNAL_RULE_SETS[1].commencementIsPlaceholder).toBe(true);
    const configured = tribunalRuleSets('2027-04-06');
    expect(configured[0].appliesBefore).toBe('2027-04-06');
    expect(configured[1].appliesFrom).toBe('2027-04-06');
    expect(configured[1].commencementIsPlaceholder).toBe(false);
  });

  it('refuse a commencement date that is not a date or not after early conciliation began', () => {
    expect(() => tribunalRuleSets('October 2026')).toThrow(RangeError);
    expect(() => tribunalRuleSets('2014-04-06')).toThrow(RangeError);
  });

  it('are chosen by the date of the act', () => {
    expect(tribunalRuleSetFor('2014-04-06').limitMonths).toBe(3);
    expect(tribunalRuleSetFor('2026-09-30').limitMonths).toBe(3);
    expect(tribunalRuleSetFor('2026-10-01').limitMonths).toBe(6);
    expect(tribunalRuleSetFor('2026-10-01', tribunalRuleSets('2027-01-01')).limitMonths).toBe(3);
    expect(() => tribunalRuleSetFor('2014-04-05')).toThrow(RangeError);
    expect(() => tribunalRuleSetFor('2024-02-30')).toThrow(RangeError);
  });
});

describe('latestEarlyConciliationEnd', () => {
  it('is a month and 14 days, then six weeks, then twelve weeks, by when EC started', () => {
    expect(EARLY_CONCILIATION_PERIODS.map((p) => p.from)).toEqual(['2014-04-06', '2020-12-01', '2025-12-01']);
    expect(latestEarlyConciliationEnd('2020-11-30')).toBe('2021-01-13');
    expect(latestEarlyConciliationEnd('2020-12-01')).toBe('2021-01-12');
    expect(latestEarlyConciliationEnd('2025-11-30')).toBe('2026-01-11');
    expect(latestEarlyConciliationEnd('2025-12-01')).toBe('2026-02-23');
    expect(latestEarlyConciliationEnd('2014-04-05')).toBeNull();
  });
});

describe('tribunalDeadline — no early conciliation yet', () => {
  it.each([
    ['2024-01-10', '2024-04-09'],
    ['2024-06-20', '2024-09-19'],
    ['2024-05-01', '2024-07-31'],
    ['2024-08-31', '2024-11-30'], // act on 31 August: no 31 November
    ['2024-11-30', '2025-02-28'],
    ['2023-11-30', '2024-02-29'], // leap year
    ['2024-12-31', '2025-03-30'],
  ])('act on %s: start EC by %s', (actDate, limit) => {
    const d = tribunalDeadline({ actDate });
    expect(d.status).toBe('EC_NOT_STARTED');
    expect(d.primaryLimit).toBe(limit);
    expect(d.claimDeadline).toBe(limit);
    expect(d.clockStoppedDays).toBe(0);
    expect(d.extendedLimit).toBeNull();
    expect(d.notes).toContain(`Start ACAS early conciliation by ${limit}.`);
  });

  it('treats null EC dates like missing ones', () => {
    expect(tribunalDeadline({ actDate: '2024-01-10', ecStart: null, ecCertificate: null }).status).toBe('EC_NOT_STARTED');
  });
});

describe('tribunalDeadline — early conciliation stops the clock', () => {
  it('adds the days from EC start to certificate when that leaves more than a month', () => {
    const d = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-01', ecCertificate: '2024-03-20' });
    expect(d.status).toBe('EC_CERTIFIED');
    expect(d.clockStoppedDays).toBe(19);
    expect(d.extendedLimit).toBe('2024-04-28');
    expect(d.oneMonthAfterCertificate).toBe('2024-04-20');
    expect(d.oneMonthRuleApplied).toBe(false);
    expect(d.claimDeadline).toBe('2024-04-28');
  });

  it('gives at least one month after the certificate when EC starts near the limit', () => {
    const d = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-04-08', ecCertificate: '2024-04-10' });
    expect(d.clockStoppedDays).toBe(2);
    expect(d.extendedLimit).toBe('2024-04-11');
    expect(d.oneMonthRuleApplied).toBe(true);
    expect(d.claimDeadline).toBe('2024-05-10');
  });

  it('accepts EC started on the last day of the limit, with a same-day certificate', () => {
    const d = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-04-09', ecCertificate: '2024-04-09' });
    expect(d.status).toBe('EC_CERTIFIED');
    expect(d.clockStoppedDays).toBe(0);
    expect(d.claimDeadline).toBe('2024-05-09');
  });

  it('extends nothing when EC starts a day after the limit', () => {
    const d = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-04-10', ecCertificate: '2024-04-12' });
    expect(d.status).toBe('EC_STARTED_OUT_OF_TIME');
    expect(d.claimDeadline).toBeNull();
    expect(d.extendedLimit).toBeNull();
    expect(d.notes.join(' ')).toMatch(/expired on 2024-04-09/);
  });

  it('switches between the two rules exactly where they meet', () => {
    // Limit 2024-04-09. Certificate 2024-04-20 → one month after is 2024-05-20.
    // EC start 2024-03-30 → 21 stopped days → 2024-04-30 (< 05-20: one-month rule).
    expect(tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-30', ecCertificate: '2024-04-20' }).claimDeadline).toBe('2024-05-20');
    // EC start 2024-03-10 → 41 stopped days → 2024-05-20: equal, either way the same day.
    const equal = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-10', ecCertificate: '2024-04-20' });
    expect(equal.extendedLimit).toBe('2024-05-20');
    expect(equal.claimDeadline).toBe('2024-05-20');
    expect(equal.oneMonthRuleApplied).toBe(false);
    // EC start 2024-03-09 → 42 stopped days → 2024-05-21.
    expect(tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-09', ecCertificate: '2024-04-20' }).claimDeadline).toBe('2024-05-21');
  });

  it('handles an act on 31 August with six weeks of EC', () => {
    const d = tribunalDeadline({ actDate: '2024-08-31', ecStart: '2024-11-01', ecCertificate: '2024-12-13' });
    expect(d.primaryLimit).toBe('2024-11-30');
    expect(d.clockStoppedDays).toBe(42);
    expect(d.extendedLimit).toBe('2025-01-11');
    expect(d.claimDeadline).toBe('2025-01-13');
    expect(d.oneMonthRuleApplied).toBe(true);
  });

  it('counts "one month after" a certificate on 31 January as the end of February', () => {
    expect(tribunalDeadline({ actDate: '2022-11-05', ecStart: '2023-01-30', ecCertificate: '2023-01-31' }).claimDeadline).toBe('2023-02-28');
    expect(tribunalDeadline({ actDate: '2023-11-05', ecStart: '2024-01-30', ecCertificate: '2024-01-31' }).claimDeadline).toBe('2024-02-29');
  });

  it('matches Tanveer v East London Bus & Coach (EAT 2016): a claim on 31 July was a day late', () => {
    const d = tribunalDeadline({ actDate: '2015-03-20', ecStart: '2015-06-18', ecCertificate: '2015-06-30' });
    expect(d.primaryLimit).toBe('2015-06-19');
    expect(d.claimDeadline).toBe('2015-07-30');
  });

  it('waits for the certificate while EC is in progress', () => {
    const d = tribunalDeadline({ actDate: '2025-10-01', ecStart: '2025-12-05' });
    expect(d.status).toBe('EC_IN_PROGRESS');
    expect(d.claimDeadline).toBeNull();
    expect(d.notes.join(' ')).toMatch(/normally ends by 2026-02-27/); // twelve weeks
  });

  it('flags a certificate later than EC can normally last', () => {
    const late = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-01', ecCertificate: '2024-04-15' });
    expect(late.notes.join(' ')).toMatch(/check the dates/);
    const fine = tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-01', ecCertificate: '2024-04-12' });
    expect(fine.notes.join(' ')).not.toMatch(/check the dates/);
  });
});

describe('tribunalDeadline — Employment Rights Act 2025 (six months)', () => {
  it('applies to acts from the (placeholder) commencement date and says so', () => {
    const d = tribunalDeadline({ actDate: '2026-10-01' });
    expect(d.ruleSet.id).toBe('ERA2025_6M');
    expect(d.primaryLimit).toBe('2027-03-31');
    expect(d.notes.join(' ')).toMatch(/placeholder/);
    expect(tribunalDeadline({ actDate: '2026-09-30' }).primaryLimit).toBe('2026-12-29');
  });

  it('takes the commencement date as a parameter', () => {
    expect(tribunalDeadline({ actDate: '2026-10-01', era2025Commencement: '2027-01-01' }).primaryLimit).toBe('2026-12-31');
    const d = tribunalDeadline({ actDate: '2027-01-01', era2025Commencement: '2027-01-01' });
    expect(d.primaryLimit).toBe('2027-06-30');
    expect(d.notes.join(' ')).not.toMatch(/placeholder/);
  });

  it('takes whole rule sets as a parameter', () => {
    const d = tribunalDeadline({ actDate: '2026-11-15', ruleSets: tribunalRuleSets('2026-11-01') });
    expect(d.ruleSet.limitMonths).toBe(6);
  });

  it('handles month ends over six months and keeps early conciliation', () => {
    const d = tribunalDeadline({ actDate: '2026-08-31', era2025Commencement: '2026-08-01', ecStart: '2027-02-20', ecCertificate: '2027-03-05' });
    expect(d.primaryLimit).toBe('2027-02-28');
    expect(d.clockStoppedDays).toBe(13);
    expect(d.extendedLimit).toBe('2027-03-13');
    expect(d.claimDeadline).toBe('2027-04-05');
    expect(d.oneMonthRuleApplied).toBe(true);
  });
});

describe('tribunalDeadline — impossible input', () => {
  it('refuses a certificate without an EC start', () => {
    expect(() => tribunalDeadline({ actDate: '2024-01-10', ecCertificate: '2024-03-01' })).toThrow(RangeError);
  });
  it('refuses a certificate before EC started', () => {
    expect(() => tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-03-01', ecCertificate: '2024-02-28' })).toThrow(RangeError);
  });
  it('refuses EC before the act', () => {
    expect(() => tribunalDeadline({ actDate: '2024-01-10', ecStart: '2024-01-09' })).toThrow(RangeError);
  });
  it('refuses bad dates and acts before early conciliation existed', () => {
    expect(() => tribunalDeadline({ actDate: '10/01/2024' })).toThrow(RangeError);
    expect(() => tribunalDeadline({ actDate: '2013-01-01' })).toThrow(RangeError);
  });
});
