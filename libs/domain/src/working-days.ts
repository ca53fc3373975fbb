/**
 * UK working days: weekends and bank holidays skipped. Casework deadlines (the right to be
 * accompanied, DOMAIN.md "Casework") are counted in working days.
 *
 * Bank holidays are computed from their rules (Easter by algorithm, "first/last Monday of", fixed
 * dates with substitute days) plus a table of dated one-off changes. The one-off table is checked
 * for 2020–2030 (BANK_HOLIDAY_DATA_FROM … BANK_HOLIDAY_DATA_TO); outside those years the regular
 * rules still apply but a proclaimed one-off holiday would be missing until it is added to
 * BANK_HOLIDAY_CHANGES, so callers can warn with `isBankHolidayDataVerified(year)`.
 */
import { addDays, dayOfWeek, formatIsoDate, type IsoDate, isWeekend, lastDayOfMonth, parseIsoDate, toDayNumber } from './dates.js';

export enum BankHolidayRegion {
  ENGLAND_AND_WALES = 'ENGLAND_AND_WALES',
  SCOTLAND = 'SCOTLAND',
  NORTHERN_IRELAND = 'NORTHERN_IRELAND',
}

export const BANK_HOLIDAY_REGION_LABELS: Record<BankHolidayRegion, string> = {
  [BankHolidayRegion.ENGLAND_AND_WALES]: 'England and Wales',
  [BankHolidayRegion.SCOTLAND]: 'Scotland',
  [BankHolidayRegion.NORTHERN_IRELAND]: 'Northern Ireland',
};

export const DEFAULT_BANK_HOLIDAY_REGION = BankHolidayRegion.ENGLAND_AND_WALES;

/** The years whose bank holidays (including one-off changes) have been checked against gov.uk. */
export const BANK_HOLIDAY_DATA_FROM = 2020;
export const BANK_HOLIDAY_DATA_TO = 2030;

export function isBankHolidayDataVerified(year: number): boolean {
  return Number.isInteger(year) && year >= BANK_HOLIDAY_DATA_FROM && year <= BANK_HOLIDAY_DATA_TO;
}

export interface BankHoliday {
  date: IsoDate;
  name: string;
  region: BankHolidayRegion;
  /** True for a weekday given in place of a holiday that fell on a weekend. */
  substitute: boolean;
}

export type BankHolidayRuleId =
  | 'NEW_YEAR' | 'SECOND_JANUARY' | 'ST_PATRICK' | 'GOOD_FRIDAY' | 'EASTER_MONDAY' | 'EARLY_MAY' | 'SPRING'
  | 'BATTLE_OF_THE_BOYNE' | 'SUMMER' | 'ST_ANDREW' | 'CHRISTMAS' | 'BOXING_DAY';

type HolidayDateRule =
  | { kind: 'FIXED'; month: number; day: number } // a weekend date gets a substitute weekday
  | { kind: 'EASTER'; offsetDays: number }
  | { kind: 'FIRST_MONDAY'; month: number }
  | { kind: 'LAST_MONDAY'; month: number };

export interface BankHolidayRule {
  id: BankHolidayRuleId;
  name: string;
  rule: HolidayDateRule;
}

/** The regular holidays, each with how its date is found. */
export const BANK_HOLIDAY_RULES: Readonly<Record<BankHolidayRuleId, BankHolidayRule>> = {
  NEW_YEAR: { id: 'NEW_YEAR', name: 'New Year’s Day', rule: { kind: 'FIXED', month: 1, day: 1 } },
  SECOND_JANUARY: { id: 'SECOND_JANUARY', name: '2nd January', rule: { kind: 'FIXED', month: 1, day: 2 } },
  ST_PATRICK: { id: 'ST_PATRICK', name: 'St Patrick’s Day', rule: { kind: 'FIXED', month: 3, day: 17 } },
  GOOD_FRIDAY: { id: 'GOOD_FRIDAY', name: 'Good Friday', rule: { kind: 'EASTER', offsetDays: -2 } },
  EASTER_MONDAY: { id: 'EASTER_MONDAY', name: 'Easter Monday', rule: { kind: 'EASTER', offsetDays: 1 } },
  EARLY_MAY: { id: 'EARLY_MAY', name: 'Early May bank holiday', rule: { kind: 'FIRST_MONDAY', month: 5 } },
  SPRING: { id: 'SPRING', name: 'Spring bank holiday', rule: { kind: 'LAST_MONDAY', month: 5 } },
  BATTLE_OF_THE_BOYNE: {
    id: 'BATTLE_OF_THE_BOYNE', name: 'Battle of the Boyne (Orangemen’s Day)', rule: { kind: 'FIXED', month: 7, day: 12 },
  },
  SUMMER: { id: 'SUMMER', name: 'Summer bank holiday', rule: { kind: 'LAST_MONDAY', month: 8 } },
  ST_ANDREW: { id: 'ST_ANDREW', name: 'St Andrew’s Day', rule: { kind: 'FIXED', month: 11, day: 30 } },
  CHRISTMAS: { id: 'CHRISTMAS', name: 'Christmas Day', rule: { kind: 'FIXED', month: 12, day: 25 } },
  BOXING_DAY: { id: 'BOXING_DAY', name: 'Boxing Day', rule: { kind: 'FIXED', month: 12, day: 26 } },
};

/** Which regular holidays each part of the UK has. Scotland's summer holiday is the first Monday of August. */
export const REGION_HOLIDAYS: Readonly<Record<BankHolidayRegion, readonly BankHolidayRuleId[]>> = {
  [BankHolidayRegion.ENGLAND_AND_WALES]: [
    'NEW_YEAR', 'GOOD_FRIDAY', 'EASTER_MONDAY', 'EARLY_MAY', 'SPRING', 'SUMMER', 'CHRISTMAS', 'BOXING_DAY',
  ],
  [BankHolidayRegion.SCOTLAND]: [
    'NEW_YEAR', 'SECOND_JANUARY', 'GOOD_FRIDAY', 'EARLY_MAY', 'SPRING', 'SUMMER', 'ST_ANDREW', 'CHRISTMAS', 'BOXING_DAY',
  ],
  [BankHolidayRegion.NORTHERN_IRELAND]: [
    'NEW_YEAR', 'ST_PATRICK', 'GOOD_FRIDAY', 'EASTER_MONDAY', 'EARLY_MAY', 'SPRING', 'BATTLE_OF_THE_BOYNE', 'SUMMER',
    'CHRISTMAS', 'BOXING_DAY',
  ],
};

const SCOTTISH_SUMMER: HolidayDateRule = { kind: 'FIRST_MONDAY', month: 8 };
const ALL_REGIONS: readonly BankHolidayRegion[] = Object.values(BankHolidayRegion);

/** A dated, one-off change to the regular pattern, proclaimed for a particular year. */
export type BankHolidayChange =
  | { kind: 'MOVE'; holiday: BankHolidayRuleId; year: number; to: IsoDate; name: string; regions: readonly BankHolidayRegion[] }
  | { kind: 'ADD'; date: IsoDate; name: string; regions: readonly BankHolidayRegion[] };

export const BANK_HOLIDAY_CHANGES: readonly BankHolidayChange[] = [
  // 75th anniversary of VE Day: the early May bank holiday moved from Monday 4 May to Friday 8 May.
  { kind: 'MOVE', holiday: 'EARLY_MAY', year: 2020, to: '2020-05-08', name: 'Early May bank holiday (VE Day)', regions: ALL_REGIONS },
  // Platinum Jubilee: the spring bank holiday moved from Monday 30 May to Thursday 2 June, plus Friday 3 June.
  { kind: 'MOVE', holiday: 'SPRING', year: 2022, to: '2022-06-02', name: 'Spring bank holiday', regions: ALL_REGIONS },
  { kind: 'ADD', date: '2022-06-03', name: 'Platinum Jubilee bank holiday', regions: ALL_REGIONS },
  { kind: 'ADD', date: '2022-09-19', name: 'Bank holiday for the State Funeral of Queen Elizabeth II', regions: ALL_REGIONS },
  { kind: 'ADD', date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III', regions: ALL_REGIONS },
];

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm: Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Year out of range for Easter: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(year, month, day);
}

function firstMonday(year: number, month: number): IsoDate {
  const first = formatIsoDate(year, month, 1);
  return addDays(first, (8 - dayOfWeek(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const last = lastDayOfMonth(year, month);
  return addDays(last, -((dayOfWeek(last) + 6) % 7));
}

function ruleDate(rule: HolidayDateRule, year: number): IsoDate {
  switch (rule.kind) {
    case 'FIXED': return formatIsoDate(year, rule.month, rule.day);
    case 'EASTER': return addDays(easterSunday(year), rule.offsetDays);
    case 'FIRST_MONDAY': return firstMonday(year, rule.month);
    case 'LAST_MONDAY': return lastMonday(year, rule.month);
  }
}

function assertRegion(region: BankHolidayRegion): void {
  if (!ALL_REGIONS.includes(region)) throw new RangeError(`Unknown bank holiday region: ${String(region)}`);
}

const cache = new Map<string, readonly BankHoliday[]>();

/**
 * The bank holidays of one year in one part of the UK, in date order. A fixed-date holiday on a
 * weekend is replaced by the next weekday that is not already a holiday (so when Christmas Day is a
 * Saturday, 27 and 28 December are the substitutes; when it is a Sunday, Boxing Day stays on
 * Monday 26 and Christmas is substituted on Tuesday 27).
 */
export function bankHolidays(year: number, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  assertRegion(region);
  const key = `${region}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const regular = REGION_HOLIDAYS[region].map((id) => {
    const def = BANK_HOLIDAY_RULES[id];
    const rule = region === BankHolidayRegion.SCOTLAND && id === 'SUMMER' ? SCOTTISH_SUMMER : def.rule;
    const move = BANK_HOLIDAY_CHANGES.find(
      (c) => c.kind === 'MOVE' && c.holiday === id && c.year === year && c.regions.includes(region),
    );
    if (move && move.kind === 'MOVE') return { date: move.to, name: move.name, fixed: false };
    return { date: ruleDate(rule, year), name: def.name, fixed: rule.kind === 'FIXED' };
  });
  const added = BANK_HOLIDAY_CHANGES.flatMap((c) =>
    c.kind === 'ADD' && c.regions.includes(region) && parseIsoDate(c.date).year === year
      ? [{ date: c.date, name: c.name, fixed: false }]
      : [],
  );
  const all = [...regular, ...added];

  const holidays: BankHoliday[] = [];
  const taken = new Set<IsoDate>();
  for (const h of all) {
    if (!isWeekend(h.date)) {
      holidays.push({ date: h.date, name: h.name, region, substitute: false });
      taken.add(h.date);
    }
  }
  const onWeekend = all.filter((h) => h.fixed && isWeekend(h.date)).sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const h of onWeekend) {
    let day = addDays(h.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    holidays.push({ date: day, name: `${h.name} (substitute day)`, region, substitute: true });
    taken.add(day);
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(holidays.map((h) => Object.freeze(h)));
  cache.set(key, frozen);
  return frozen;
}

/** The bank holiday on a date, or null. */
export function bankHolidayOn(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): BankHoliday | null {
  const { year } = parseIsoDate(date);
  return bankHolidays(year, region).find((h) => h.date === date) ?? null;
}

export function isBankHoliday(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): boolean {
  return bankHolidayOn(date, region) !== null;
}

/** Bank holidays from `from` to `to`, both included, in date order. */
export function bankHolidaysBetween(
  from: IsoDate, to: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION,
): BankHoliday[] {
  const start = parseIsoDate(from).year;
  const end = parseIsoDate(to).year;
  const result: BankHoliday[] = [];
  for (let year = start; year <= end; year++) {
    for (const h of bankHolidays(year, region)) if (h.date >= from && h.date <= to) result.push(h);
  }
  return result;
}

/** Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): boolean {
  return !isWeekend(date) && !isBankHoliday(date, region);
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number: ${n}`);
}

/**
 * Steps over `n` working days: for n > 0 the n-th working day after `date`, for n < 0 the n-th
 * working day before it; n = 0 returns `date` unchanged. Whether `date` itself is a working day does
 * not matter: one working day after Saturday is Monday (or Tuesday after a bank holiday Monday).
 */
export function addWorkingDays(date: IsoDate, n: number, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): IsoDate {
  assertWholeNumber(n, 'Working days');
  parseIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, region)) remaining--;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to` (negative, counted the same way, when `to`
 * is earlier; 0 for the same day). The inverse of addWorkingDays: when `to` is a working day,
 * addWorkingDays(from, workingDaysBetween(from, to)) === to.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return -workingDaysBetween(to, from, region);
  let count = 0;
  let day = from;
  for (let i = start; i < end; i++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, region)) count++;
  }
  return count;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): IsoDate {
  return addWorkingDays(date, 1, region);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): IsoDate {
  return addWorkingDays(date, -1, region);
}

/** `date` itself when it is a working day, otherwise the next working day (deadlines that land on a closed day). */
export function workingDayOnOrAfter(date: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION): IsoDate {
  return isWorkingDay(date, region) ? date : nextWorkingDay(date, region);
}

/**
 * Right to be accompanied, Employment Relations Act 1999 s.10(4)–(5): if the chosen companion cannot
 * attend at the time the employer proposed, the worker may propose another time, which must fall
 * before the end of "the period of five working days beginning with the first working day after the
 * day proposed by the employer". Returns the last date of that period: the 5th working day after the
 * proposed date. (s.13 defines a working day as any day but a Saturday, Sunday, Christmas Day, Good
 * Friday or a bank holiday in the part of Great Britain where the worker works; s.10 does not extend
 * to Northern Ireland, which has its own Order, so pass the region where the worker is employed.)
 */
export function latestPostponedHearingDate(
  proposed: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION,
): IsoDate {
  return addWorkingDays(proposed, 5, region);
}

/**
 * Whether a worker's alternative date is within the s.10 window: after the employer's proposed date
 * (or the same day, at a later time) and no later than latestPostponedHearingDate. The statute also
 * requires the time to be reasonable and convenient for all three people, which no date maths can check.
 */
export function isWithinPostponementWindow(
  proposed: IsoDate, alternative: IsoDate, region: BankHolidayRegion = DEFAULT_BANK_HOLIDAY_REGION,
): boolean {
  parseIsoDate(alternative);
  return alternative >= proposed && alternative <= latestPostponedHearingDate(proposed, region);
}
