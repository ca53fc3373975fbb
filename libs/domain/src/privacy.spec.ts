import { isRetentionExpired, retentionEndsOn, SUBJECT_ACCESS_EXTENSION_MONTHS, SUBJECT_ACCESS_RESPONSE_MONTHS, subjectAccessDeadline } from './privacy.js';
import { BankHolidayRegion } from './working-days.js';

describe('subjectAccessDeadline', () => {
  it('is one month, extendable by two', () => {
    expect([SUBJECT_ACCESS_RESPONSE_MONTHS, SUBJECT_ACCESS_EXTENSION_MONTHS]).toEqual([1, 2]);
  });
  it('is the corresponding date next month (ICO: 3 September → 3 October)', () => {
    expect(subjectAccessDeadline('2024-09-03')).toBe('2024-10-03');
  });
  it('counts from a weekend receipt the same way', () => {
    expect(subjectAccessDeadline('2024-06-08')).toBe('2024-07-08'); // received Saturday, due Monday
  });
  it('is the last day of a shorter month', () => {
    expect(subjectAccessDeadline('2024-01-31')).toBe('2024-02-29');
    expect(subjectAccessDeadline('2025-01-30')).toBe('2025-02-28');
  });
  it('moves past weekends and bank holidays', () => {
    expect(subjectAccessDeadline('2024-07-06')).toBe('2024-08-06'); // Tuesday, unchanged
    expect(subjectAccessDeadline('2024-07-27')).toBe('2024-08-27'); // 26 Aug is a bank holiday but 27th is the date
    expect(subjectAccessDeadline('2024-07-26')).toBe('2024-08-27'); // due Monday 26 Aug (bank holiday) → Tuesday
    expect(subjectAccessDeadline('2024-11-25')).toBe('2024-12-27'); // Christmas Day → 26th → 27th
    expect(subjectAccessDeadline('2024-05-31')).toBe('2024-07-01'); // 30 June is a Sunday
  });
  it('uses the region for bank holidays', () => {
    expect(subjectAccessDeadline('2024-07-26', { region: BankHolidayRegion.SCOTLAND })).toBe('2024-08-26');
  });
  it('gives three months from receipt when extended', () => {
    expect(subjectAccessDeadline('2024-09-03', { extended: true })).toBe('2024-12-03');
    expect(subjectAccessDeadline('2024-11-30', { extended: true })).toBe('2025-02-28');
    expect(subjectAccessDeadline('2024-09-25', { extended: true })).toBe('2024-12-27');
  });
  it('refuses bad dates', () => {
    expect(() => subjectAccessDeadline('2024-02-30')).toThrow(RangeError);
  });
});

describe('retention', () => {
  it('ends the policy period after the record ended', () => {
    expect(retentionEndsOn('2024-03-31', 12)).toBe('2025-03-31');
    expect(retentionEndsOn('2024-02-29', 12)).toBe('2025-02-28');
    expect(retentionEndsOn('2024-02-29', 0)).toBe('2024-02-29');
  });
  it('is expired on and after that day', () => {
    expect(isRetentionExpired('2024-03-31', 12, '2025-03-30')).toBe(false);
    expect(isRetentionExpired('2024-03-31', 12, '2025-03-31')).toBe(true);
    expect(isRetentionExpired('2024-03-31', 12, '2026-01-01')).toBe(true);
  });
  it('refuses bad input', () => {
    expect(() => retentionEndsOn('2024-03-31', -1)).toThrow(RangeError);
    expect(() => retentionEndsOn('2024-03-31', 1.5)).toThrow(RangeError);
    expect(() => isRetentionExpired('2024-03-31', 12, 'today')).toThrow(RangeError);
  });
});
