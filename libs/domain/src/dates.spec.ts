import {
  addDays, addMonths, compareIsoDates, dayOfWeek, daysBetween, daysInMonth, formatIsoDate, fromDayNumber, isIsoDate,
  isLeapYear, isWeekend, lastDayOfMonth, lastDayOfMonthsBeginningWith, maxIsoDate, minIsoDate, parseIsoDate, toDayNumber,
  UK_TIME_ZONE, ukDay, ukToday,
} from './dates.js';

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2024-02-29', '2023-12-31', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
    expect(() => parseIsoDate(d)).not.toThrow();
  });

  it.each([
    '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-5', '24-01-05',
    '2024-01-05T00:00:00Z', ' 2024-01-05', '2024/01/05', '', '0000-01-01',
  ])('refuses %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => parseIsoDate(d)).toThrow(RangeError);
  });

  it('refuses non-strings', () => {
    for (const v of [null, undefined, 20240105, new Date(), {}]) expect(isIsoDate(v)).toBe(false);
  });

  it('splits into numbers', () => {
    expect(parseIsoDate('2024-08-31')).toEqual({ year: 2024, month: 8, day: 31 });
  });
});

describe('formatIsoDate', () => {
  it('pads', () => {
    expect(formatIsoDate(2024, 1, 5)).toBe('2024-01-05');
    expect(formatIsoDate(33, 3, 3)).toBe('0033-03-03');
  });
  it('refuses impossible dates', () => {
    expect(() => formatIsoDate(2023, 2, 29)).toThrow(RangeError);
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });
  it('knows each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m)))
      .toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(() => daysInMonth(2024, 13)).toThrow(RangeError);
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(19_723)).toBe('2024-01-01');
  });
  it('round-trips, including early years that Date.UTC would misread', () => {
    for (const d of ['0050-06-15', '1899-12-31', '2024-02-29', '2100-03-01']) expect(fromDayNumber(toDayNumber(d))).toBe(d);
  });
  it('refuses fractional day numbers', () => {
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});

describe('addDays / daysBetween', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-31', 0)).toBe('2024-03-31');
  });
  it('ignores clock changes (no time zones)', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31'); // BST starts
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2); // BST ends
  });
  it('measures signed distance', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2024-12-31', '2024-01-01')).toBe(-365);
  });
  it('refuses fractional days', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek / isWeekend', () => {
  it('uses 0 = Sunday', () => {
    expect(dayOfWeek('2024-06-09')).toBe(0);
    expect(dayOfWeek('2024-06-10')).toBe(1);
    expect(dayOfWeek('2024-06-15')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3); // before the epoch
  });
  it('is a weekend on Saturday and Sunday only', () => {
    expect(['2024-06-08', '2024-06-09', '2024-06-10', '2024-06-14'].map(isWeekend)).toEqual([true, true, false, false]);
  });
});

describe('compare / min / max', () => {
  it('orders dates', () => {
    expect(compareIsoDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareIsoDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareIsoDates('2024-01-03', '2024-01-02')).toBe(1);
    expect(minIsoDate('2024-05-01', '2023-05-01', '2025-01-01')).toBe('2023-05-01');
    expect(maxIsoDate('2024-05-01', '2023-05-01', '2025-01-01')).toBe('2025-01-01');
    expect(minIsoDate('2024-05-01')).toBe('2024-05-01');
  });
  it('validates', () => {
    expect(() => compareIsoDates('2024-01-01', 'tomorrow')).toThrow(RangeError);
    expect(() => minIsoDate('nope')).toThrow(RangeError);
  });
});

describe('addMonths (corresponding date, clamped to the month end)', () => {
  it.each([
    ['2024-06-05', 1, '2024-07-05'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-08-31', 3, '2024-11-30'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-15', -13, '2022-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-05-10', 0, '2024-05-10'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
  it('refuses fractional months', () => {
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('lastDayOfMonthsBeginningWith ("N months less one day")', () => {
  it.each([
    ['2024-01-10', 3, '2024-04-09'], // LRD example
    ['2024-06-20', 3, '2024-09-19'], // LRD example
    ['2009-09-23', 3, '2009-12-22'],
    ['2024-04-05', 3, '2024-07-04'],
    ['2024-05-01', 3, '2024-07-31'], // three whole calendar months
    ['2023-03-01', 3, '2023-05-31'],
    ['2024-08-31', 3, '2024-11-30'], // no 31 November: the month's last day
    ['2024-08-30', 3, '2024-11-29'],
    ['2024-11-30', 3, '2025-02-28'], // no 30 February
    ['2023-11-30', 3, '2024-02-29'], // leap year
    ['2023-11-29', 3, '2024-02-28'],
    ['2024-11-29', 3, '2025-02-28'],
    ['2024-12-01', 3, '2025-02-28'],
    ['2024-12-31', 3, '2025-03-30'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-01', 12, '2024-12-31'],
    ['2024-01-31', 1, '2024-02-29'],
  ])('%s, %i months → %s', (date, months, expected) => {
    expect(lastDayOfMonthsBeginningWith(date, months)).toBe(expected);
  });
  it('needs at least one whole month', () => {
    expect(() => lastDayOfMonthsBeginningWith('2024-01-01', 0)).toThrow(RangeError);
    expect(() => lastDayOfMonthsBeginningWith('2024-01-01', -1)).toThrow(RangeError);
    expect(() => lastDayOfMonthsBeginningWith('2024-01-01', 2.5)).toThrow(RangeError);
  });
});

describe('ukDay / ukToday: an instant\'s day is its day in London, not in UTC', () => {
  it('is Europe/London', () => {
    expect(UK_TIME_ZONE).toBe('Europe/London');
  });

  it.each([
    // British Summer Time (UTC+1): late evening UTC is already tomorrow in London.
    ['2026-03-30T23:30:00Z', '2026-03-31'],
    ['2026-06-30T23:30:00Z', '2026-07-01'],
    ['2026-10-24T23:00:00Z', '2026-10-25'], // the night the clocks go back: 00:00 BST
    ['2026-10-24T22:59:59Z', '2026-10-24'],
    // Greenwich Mean Time (UTC+0): the same day as UTC.
    ['2026-01-15T00:30:00Z', '2026-01-15'],
    ['2026-12-31T23:30:00Z', '2026-12-31'],
    ['2026-10-25T23:30:00Z', '2026-10-25'], // the first evening after the clocks went back
    // The night the clocks go forward (01:00 GMT becomes 02:00 BST).
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-03-28T23:59:59Z', '2026-03-28'],
  ])('%s falls on %s in London', (at, day) => {
    expect(ukDay(new Date(at))).toBe(day);
    expect(ukDay(at)).toBe(day);
    expect(ukDay(Date.parse(at))).toBe(day);
    expect(ukToday(new Date(at))).toBe(day);
  });

  it("today changes at London's midnight to the second, though it is kept for the minute it was asked in", () => {
    for (const [last, first, before, after] of [
      ['2026-06-30T22:59:59.999Z', '2026-06-30T23:00:00Z', '2026-06-30', '2026-07-01'], // BST
      ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z', '2026-12-31', '2027-01-01'], // GMT
      ['2026-10-24T22:59:59.999Z', '2026-10-24T23:00:00Z', '2026-10-24', '2026-10-25'], // the clocks go back that night
    ]) {
      expect([ukToday(new Date(last)), ukToday(new Date(last)), ukToday(new Date(first)), ukToday(new Date(last))]).toEqual([before, before, after, before]);
    }
  });

  it('today is the London day of now', () => {
    const before = ukDay(new Date());
    const today = ukToday();
    expect([before, ukDay(new Date())]).toContain(today);
    expect(isIsoDate(today)).toBe(true);
  });

  it('refuses what is not an instant', () => {
    expect(() => ukDay('not a date')).toThrow(RangeError);
    expect(() => ukDay(new Date(NaN))).toThrow(RangeError);
  });

  it('counts a follow-up a week on from a late summer evening from the London day', () => {
    expect(addDays(ukDay('2026-03-30T23:30:00Z'), 7)).toBe('2026-04-07');
  });
});

describe('calendar arithmetic across the clock changes (no zone: a day is a day)', () => {
  it('steps over both clock changes one day at a time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(dayOfWeek('2026-03-29')).toBe(0);
    expect(dayOfWeek('2026-10-25')).toBe(0);
  });
});
