import { addDays, dayOfWeek } from './dates.js';
import {
  addWorkingDays, BANK_HOLIDAY_CHANGES, BANK_HOLIDAY_DATA_FROM, BANK_HOLIDAY_DATA_TO, BANK_HOLIDAY_REGION_LABELS,
  bankHolidayOn, bankHolidays, bankHolidaysBetween, BankHolidayRegion, easterSunday, isBankHoliday,
  isBankHolidayDataVerified, isWithinPostponementWindow, isWorkingDay, latestPostponedHearingDate, nextWorkingDay,
  previousWorkingDay, REGION_HOLIDAYS, workingDayOnOrAfter, workingDaysBetween,
} from './working-days.js';

const EW = BankHolidayRegion.ENGLAND_AND_WALES;
const SCOT = BankHolidayRegion.SCOTLAND;
const NI = BankHolidayRegion.NORTHERN_IRELAND;

/** England and Wales, as published on gov.uk/bank-holidays — listed by hand, independently of the rules. */
const ENGLAND_AND_WALES: Record<number, string[]> = {
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: [
    '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
    '2022-12-26', '2022-12-27',
  ],
  2023: [
    '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25',
    '2023-12-26',
  ],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
  2029: ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26'],
  2030: ['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26'],
};

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'], [2020, '2020-04-12'], [2021, '2021-04-04'], [2022, '2022-04-17'], [2023, '2023-04-09'],
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'],
    [2029, '2029-04-01'], [2030, '2030-04-21'],
    // the extremes of the Gregorian cycle
    [1818, '1818-03-22'], [2285, '2285-03-22'], [1943, '1943-04-25'], [2038, '2038-04-25'], [2000, '2000-04-23'],
  ])('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
    expect(dayOfWeek(date)).toBe(0);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year++) {
      const e = easterSunday(year);
      expect(dayOfWeek(e)).toBe(0);
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25').toBe(true);
    }
  });

  it('refuses years outside the Gregorian range and fractions', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
    expect(() => easterSunday(10000)).toThrow(RangeError);
  });
});

describe('bankHolidays — England and Wales', () => {
  it.each(Object.entries(ENGLAND_AND_WALES))('%s matches the published list exactly', (year, dates) => {
    expect(bankHolidays(Number(year), EW).map((h) => h.date)).toEqual(dates);
  });

  it('is the default region', () => {
    expect(bankHolidays(2024)).toEqual(bankHolidays(2024, EW));
  });

  it('never puts a holiday on a weekend, and is in date order without duplicates', () => {
    for (let year = BANK_HOLIDAY_DATA_FROM; year <= BANK_HOLIDAY_DATA_TO; year++) {
      for (const region of Object.values(BankHolidayRegion)) {
        const dates = bankHolidays(year, region).map((h) => h.date);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
        for (const d of dates) expect([0, 6]).not.toContain(dayOfWeek(d));
      }
    }
  });

  it('names the one-off holidays', () => {
    expect(bankHolidayOn('2022-06-02')?.name).toBe('Spring bank holiday');
    expect(bankHolidayOn('2022-06-03')?.name).toBe('Platinum Jubilee bank holiday');
    expect(bankHolidayOn('2022-09-19')?.name).toMatch(/State Funeral of Queen Elizabeth II/);
    expect(bankHolidayOn('2023-05-08')?.name).toMatch(/coronation of King Charles III/);
    expect(bankHolidayOn('2020-05-08')?.name).toMatch(/VE Day/);
  });

  it('moves the holidays rather than adding to them in 2020 and 2022', () => {
    expect(isBankHoliday('2020-05-04')).toBe(false); // first Monday of May 2020: moved to Friday 8th
    expect(isBankHoliday('2022-05-30')).toBe(false); // last Monday of May 2022: moved to Thursday 2 June
    expect(isBankHoliday('2023-05-01')).toBe(true); // the coronation was an extra day, not a move
  });

  it('marks substitute days and names them after the holiday they replace', () => {
    const christmas2021 = bankHolidays(2021).filter((h) => h.substitute);
    expect(christmas2021).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)', region: EW, substitute: true },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)', region: EW, substitute: true },
    ]);
    // Christmas on a Sunday: Boxing Day keeps Monday 26th, Christmas is substituted on Tuesday 27th.
    expect(bankHolidayOn('2022-12-26')).toEqual({ date: '2022-12-26', name: 'Boxing Day', region: EW, substitute: false });
    expect(bankHolidayOn('2022-12-27')?.name).toBe('Christmas Day (substitute day)');
    // Boxing Day on a Saturday: Monday 28th.
    expect(bankHolidayOn('2026-12-28')?.name).toBe('Boxing Day (substitute day)');
    // New Year's Day on a Saturday and on a Sunday.
    expect(bankHolidayOn('2022-01-03')?.name).toBe('New Year’s Day (substitute day)');
    expect(bankHolidayOn('2023-01-02')?.substitute).toBe(true);
    expect(bankHolidayOn('2024-01-01')?.substitute).toBe(false);
  });

  it('does not list the weekend day a holiday fell on', () => {
    expect(bankHolidayOn('2021-12-25')).toBeNull();
    expect(bankHolidayOn('2022-01-01')).toBeNull();
  });

  it('returns the same frozen list each time', () => {
    const a = bankHolidays(2025);
    expect(bankHolidays(2025)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => (a as unknown as unknown[]).push('x')).toThrow();
  });

  it('still computes the regular pattern outside the checked years', () => {
    expect(bankHolidays(2031).map((h) => h.date)).toEqual([
      '2031-01-01', '2031-04-11', '2031-04-14', '2031-05-05', '2031-05-26', '2031-08-25', '2031-12-25', '2031-12-26',
    ]);
    expect(bankHolidays(2019).map((h) => h.date)).toEqual([
      '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26',
    ]);
  });

  it('refuses bad years and regions', () => {
    expect(() => bankHolidays(2024.5)).toThrow(RangeError);
    expect(() => bankHolidays(1500)).toThrow(RangeError);
    expect(() => bankHolidays(2024, 'WALES' as BankHolidayRegion)).toThrow(RangeError);
  });
});

describe('bankHolidays — Scotland and Northern Ireland', () => {
  it('Scotland: 2 January, no Easter Monday, first Monday of August, St Andrew’s Day', () => {
    expect(bankHolidays(2024, SCOT).map((h) => h.date)).toEqual([
      '2024-01-01', '2024-01-02', '2024-03-29', '2024-05-06', '2024-05-27', '2024-08-05', '2024-12-02', '2024-12-25',
      '2024-12-26',
    ]);
    expect(bankHolidayOn('2024-12-02', SCOT)?.name).toBe('St Andrew’s Day (substitute day)');
  });

  it('Scotland: New Year substitutes when 1 and 2 January fall at a weekend', () => {
    // 2022: Saturday 1 and Sunday 2 January → Monday 3 and Tuesday 4.
    expect(bankHolidays(2022, SCOT).slice(0, 2).map((h) => h.date)).toEqual(['2022-01-03', '2022-01-04']);
    // 2023: Sunday 1 January, Monday 2 January → 2nd stays, New Year's Day substituted on Tuesday 3rd.
    expect(bankHolidays(2023, SCOT).slice(0, 2)).toEqual([
      { date: '2023-01-02', name: '2nd January', region: SCOT, substitute: false },
      { date: '2023-01-03', name: 'New Year’s Day (substitute day)', region: SCOT, substitute: true },
    ]);
  });

  it('Scotland shares the UK-wide one-off days', () => {
    for (const d of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) expect(isBankHoliday(d, SCOT)).toBe(true);
    expect(isBankHoliday('2022-05-30', SCOT)).toBe(false);
    expect(isBankHoliday('2024-04-01', SCOT)).toBe(false); // Easter Monday is not a Scottish bank holiday
    expect(isBankHoliday('2024-08-26', SCOT)).toBe(false); // nor the last Monday of August
  });

  it('Northern Ireland: St Patrick’s Day and the Battle of the Boyne, with substitutes', () => {
    expect(bankHolidays(2025, NI).map((h) => h.date)).toEqual([
      '2025-01-01', '2025-03-17', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-07-14', '2025-08-25',
      '2025-12-25', '2025-12-26',
    ]);
    expect(bankHolidayOn('2024-03-18', NI)?.name).toBe('St Patrick’s Day (substitute day)');
    expect(bankHolidayOn('2020-07-13', NI)?.name).toBe('Battle of the Boyne (Orangemen’s Day) (substitute day)');
    expect(isBankHoliday('2025-03-17', EW)).toBe(false);
  });

  it('every region has labels and a holiday list', () => {
    for (const region of Object.values(BankHolidayRegion)) {
      expect(BANK_HOLIDAY_REGION_LABELS[region]).toBeTruthy();
      expect(REGION_HOLIDAYS[region]).toEqual(expect.arrayContaining(['NEW_YEAR', 'GOOD_FRIDAY', 'CHRISTMAS', 'BOXING_DAY']));
    }
  });

  it('keeps the one-off changes as dated data', () => {
    expect(BANK_HOLIDAY_CHANGES.filter((c) => c.kind === 'ADD').map((c) => (c.kind === 'ADD' ? c.date : '')))
      .toEqual(['2022-06-03', '2022-09-19', '2023-05-08']);
  });
});

describe('isBankHolidayDataVerified', () => {
  it('covers 2020 to 2030 inclusive', () => {
    expect(isBankHolidayDataVerified(2019)).toBe(false);
    expect(isBankHolidayDataVerified(2020)).toBe(true);
    expect(isBankHolidayDataVerified(2030)).toBe(true);
    expect(isBankHolidayDataVerified(2031)).toBe(false);
    expect(isBankHolidayDataVerified(2025.5)).toBe(false);
  });
});

describe('bankHolidaysBetween', () => {
  it('includes both ends and crosses years', () => {
    expect(bankHolidaysBetween('2025-12-25', '2026-01-01').map((h) => h.date)).toEqual(['2025-12-25', '2025-12-26', '2026-01-01']);
    expect(bankHolidaysBetween('2025-12-27', '2025-12-31')).toEqual([]);
  });
  it('is empty when the range is backwards', () => {
    expect(bankHolidaysBetween('2026-01-01', '2025-12-01')).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  it('is false at weekends, true on ordinary weekdays', () => {
    expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
    for (const d of ['2024-06-10', '2024-06-11', '2024-06-12', '2024-06-13', '2024-06-14']) expect(isWorkingDay(d)).toBe(true);
  });

  it('is false on every England and Wales bank holiday 2020–2030', () => {
    for (const dates of Object.values(ENGLAND_AND_WALES)) for (const d of dates) expect(isWorkingDay(d)).toBe(false);
  });

  it('is true the day either side of an isolated bank holiday', () => {
    expect(isWorkingDay('2022-09-16')).toBe(true);
    expect(isWorkingDay('2022-09-20')).toBe(true);
  });

  it('depends on the region', () => {
    expect(isWorkingDay('2024-04-01', EW)).toBe(false);
    expect(isWorkingDay('2024-04-01', SCOT)).toBe(true);
    expect(isWorkingDay('2024-08-05', SCOT)).toBe(false);
    expect(isWorkingDay('2024-08-05', EW)).toBe(true);
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2024-6-10')).toThrow(RangeError);
    expect(() => isWorkingDay('2024-06-10T09:00:00Z')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts forward over weekends', () => {
    expect(addWorkingDays('2024-06-10', 1)).toBe('2024-06-11'); // Mon → Tue
    expect(addWorkingDays('2024-06-14', 1)).toBe('2024-06-17'); // Fri → Mon
    expect(addWorkingDays('2024-06-10', 5)).toBe('2024-06-17');
    expect(addWorkingDays('2024-06-10', 10)).toBe('2024-06-24');
  });

  it('counts backward over weekends', () => {
    expect(addWorkingDays('2024-06-17', -1)).toBe('2024-06-14'); // Mon → Fri
    expect(addWorkingDays('2024-06-17', -5)).toBe('2024-06-10');
  });

  it('returns the date itself for 0, even on a weekend', () => {
    expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
  });

  it('starts from a non-working day', () => {
    expect(addWorkingDays('2024-06-08', 1)).toBe('2024-06-10'); // Sat → Mon
    expect(addWorkingDays('2024-06-09', -1)).toBe('2024-06-07'); // Sun → Fri
  });

  it('skips Easter, Christmas and one-off holidays', () => {
    expect(addWorkingDays('2024-03-28', 1)).toBe('2024-04-02'); // Thu before Good Friday → Tuesday after Easter Monday
    expect(addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
    expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29'); // Fri → past the weekend and two substitute days
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Platinum Jubilee Thu/Fri
    expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // state funeral
    expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // coronation
  });

  it('crosses the year end', () => {
    expect(addWorkingDays('2025-12-24', 3)).toBe('2025-12-31'); // 29, 30, 31 December
    expect(addWorkingDays('2025-12-24', 4)).toBe('2026-01-02'); // New Year's Day skipped
    expect(addWorkingDays('2026-01-02', -4)).toBe('2025-12-24');
  });

  it('is reversed by a negative step when landing on working days', () => {
    for (let i = 0; i < 400; i += 7) {
      const start = addDays('2024-01-01', i);
      if (!isWorkingDay(start)) continue;
      for (const n of [1, 3, 5, 12]) expect(addWorkingDays(addWorkingDays(start, n), -n)).toBe(start);
    }
  });

  it('refuses fractional counts', () => {
    expect(() => addWorkingDays('2024-06-10', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-06-10', Number.NaN)).toThrow(RangeError);
  });

  it('uses the region', () => {
    expect(addWorkingDays('2024-03-28', 1, SCOT)).toBe('2024-04-01'); // Scotland works Easter Monday
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2024-06-10', '2024-06-10')).toBe(0);
    expect(workingDaysBetween('2024-06-10', '2024-06-11')).toBe(1);
    expect(workingDaysBetween('2024-06-10', '2024-06-17')).toBe(5);
    expect(workingDaysBetween('2024-06-14', '2024-06-16')).toBe(0); // Fri → Sun
    expect(workingDaysBetween('2024-06-08', '2024-06-09')).toBe(0);
  });

  it('is negative when `to` is earlier', () => {
    expect(workingDaysBetween('2024-06-17', '2024-06-10')).toBe(-5);
  });

  it('skips bank holidays', () => {
    expect(workingDaysBetween('2024-03-28', '2024-04-02')).toBe(1);
    expect(workingDaysBetween('2025-12-19', '2026-01-02')).toBe(7); // 22,23,24,29,30,31 Dec and 2 Jan
  });

  it('counts a whole year correctly', () => {
    // 2024: 262 weekdays less 8 bank holidays.
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(254);
    // 2022: 260 weekdays less 10 bank holidays (two one-offs and the state funeral among them).
    expect(workingDaysBetween('2021-12-31', '2022-12-31')).toBe(250);
  });

  it('is the inverse of addWorkingDays', () => {
    for (let n = -15; n <= 15; n++) {
      const to = addWorkingDays('2022-06-01', n);
      expect(workingDaysBetween('2022-06-01', to)).toBe(n);
    }
  });
});

describe('nextWorkingDay / previousWorkingDay / workingDayOnOrAfter', () => {
  it('moves strictly after or before', () => {
    expect(nextWorkingDay('2024-06-10')).toBe('2024-06-11');
    expect(nextWorkingDay('2024-06-14')).toBe('2024-06-17');
    expect(nextWorkingDay('2024-05-24')).toBe('2024-05-28'); // spring bank holiday Monday
    expect(previousWorkingDay('2024-05-28')).toBe('2024-05-24');
    expect(previousWorkingDay('2024-01-02')).toBe('2023-12-29');
  });

  it('workingDayOnOrAfter keeps a working day and rolls a closed day forward', () => {
    expect(workingDayOnOrAfter('2024-06-10')).toBe('2024-06-10');
    expect(workingDayOnOrAfter('2024-06-08')).toBe('2024-06-10');
    expect(workingDayOnOrAfter('2024-12-25')).toBe('2024-12-27');
  });
});

describe('latestPostponedHearingDate (Employment Relations Act 1999 s.10)', () => {
  it('is the 5th working day after an ordinary proposed date', () => {
    // Proposed Monday 10 June 2024: period Tue 11 – Mon 17.
    expect(latestPostponedHearingDate('2024-06-10')).toBe('2024-06-17');
    // Proposed Friday: period Mon – Fri of the next week.
    expect(latestPostponedHearingDate('2024-06-14')).toBe('2024-06-21');
  });

  it('begins with the first working day after the proposed date, even if that is a weekend date', () => {
    expect(latestPostponedHearingDate('2024-06-15')).toBe('2024-06-21'); // Saturday → Mon–Fri
  });

  it('stretches over bank holidays', () => {
    // Proposed Thursday 28 March 2024: Good Friday and Easter Monday skipped → Tue 2 … Mon 8 April.
    expect(latestPostponedHearingDate('2024-03-28')).toBe('2024-04-08');
    // Proposed Tuesday 23 December 2025: 24, 29, 30, 31 Dec, 2 Jan.
    expect(latestPostponedHearingDate('2025-12-23')).toBe('2026-01-02');
    // Proposed Wednesday 1 June 2022: Platinum Jubilee → Mon 6 … Fri 10.
    expect(latestPostponedHearingDate('2022-06-01')).toBe('2022-06-10');
  });

  it('gives exactly 5 working days in the window', () => {
    for (const proposed of ['2024-03-28', '2021-12-23', '2022-09-15', '2023-05-04', '2026-08-28']) {
      expect(workingDaysBetween(proposed, latestPostponedHearingDate(proposed))).toBe(5);
      expect(isWorkingDay(latestPostponedHearingDate(proposed))).toBe(true);
    }
  });

  it('uses the region where the worker is employed', () => {
    expect(latestPostponedHearingDate('2024-03-28', SCOT)).toBe('2024-04-05');
  });

  it('isWithinPostponementWindow accepts the proposed day through the last day, and nothing else', () => {
    expect(isWithinPostponementWindow('2024-06-10', '2024-06-10')).toBe(true);
    expect(isWithinPostponementWindow('2024-06-10', '2024-06-17')).toBe(true);
    expect(isWithinPostponementWindow('2024-06-10', '2024-06-18')).toBe(false);
    expect(isWithinPostponementWindow('2024-06-10', '2024-06-07')).toBe(false);
    expect(() => isWithinPostponementWindow('2024-06-10', '17/06/2024')).toThrow(RangeError);
  });
});
