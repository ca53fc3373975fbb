/**
 * Rollcall's one date module: calendar days ('YYYY-MM-DD' strings) and which day it is in the UK.
 *
 * - A calendar day (joined, due, follow up on) has no time and no zone: legal deadlines are counted
 *   in calendar days. A day is turned into a day number (days since 1970-01-01) and back, so every
 *   calculation is exact integer arithmetic, the same on a server in UTC and a phone in BST (and
 *   tens of times faster than a zoned date per step, which working-day counts take thousands of).
 * - An instant (a conversation, a sign-in) becomes a day only in Europe/London, through date-fns'
 *   time-zone companion (@date-fns/tz): "today", "the conversation's day" and every deadline
 *   counted from them are UK days, whatever zone the server or the device is in. 23:30 UTC on
 *   30 March 2026 is already 31 March in London (BST); 00:30 UTC in winter is that same day.
 */
import { TZDate } from '@date-fns/tz';
import { format, isValid } from 'date-fns';

/** The zone every "today" and every instant's day is read in. */
export const UK_TIME_ZONE = 'Europe/London';

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written exactly 'YYYY-MM-DD' (so '2023-02-29' and '2023-2-1' are false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a date into numbers; throws RangeError for anything that is not a real 'YYYY-MM-DD' date. */
export function parseIsoDate(date: IsoDate): DateParts {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(text)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 19xx
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday, 1 = Monday … 6 = Saturday (as JavaScript's getDay). */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** -1, 0 or 1, for sorting. Validates both dates. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function minIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  parseIsoDate(first);
  return rest.reduce((min, d) => (compareIsoDates(d, min) < 0 ? d : min), first);
}

export function maxIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  parseIsoDate(first);
  return rest.reduce((max, d) => (compareIsoDates(d, max) > 0 ? d : max), first);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate(year, month, daysInMonth(year, month));
}

function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * The corresponding date `months` calendar months later (or earlier, when negative): "one month after
 * 5 June" is 5 July. Where the target month has no such day, the last day of that month: one month
 * after 31 January is 28 (or 29) February. This is the "corresponding date rule" (Dodds v Walker
 * [1981] HL), applied by the EAT to "one month after Day B" in Tanveer v East London Bus & Coach [2016].
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number: ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const target = shiftMonth(year, month, months);
  return formatIsoDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/**
 * The last day of a period of `months` months *beginning with* `date` (the date itself counts):
 * the day before the corresponding date, or, where the final month has no corresponding date, that
 * month's last day. This is what "3 months less one day" means:
 * 10 January → 9 April; 1 May → 31 July; 31 August → 30 November; 30 November → 28 February
 * (29 February in a leap year).
 */
export function lastDayOfMonthsBeginningWith(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`Months must be a whole number ≥ 1: ${months}`);
  const { year, month, day } = parseIsoDate(date);
  const target = shiftMonth(year, month, months);
  if (day > daysInMonth(target.year, target.month)) return lastDayOfMonth(target.year, target.month);
  return addDays(formatIsoDate(target.year, target.month, day), -1);
}

// ---------------------------------------------------------------------------------------------
// Days in the UK: the only place an instant becomes a day

function instant(at: Date | number | string): TZDate {
  const d = typeof at === 'string' ? new TZDate(at, UK_TIME_ZONE) : new TZDate(+at, UK_TIME_ZONE);
  if (!isValid(d)) throw new RangeError(`Not an instant: ${JSON.stringify(at)}`);
  return d;
}

/** The UK calendar day an instant falls on, as 'YYYY-MM-DD' (Europe/London: GMT in winter, BST in summer). */
export function ukDay(at: Date | number | string): IsoDate {
  return format(instant(at), 'yyyy-MM-dd');
}

/** Today in the UK, as 'YYYY-MM-DD': the day every "today", follow-up and deadline counts from. */
export function ukToday(now: Date = new Date()): IsoDate {
  // Asked for on every row of a page (is this person a member today?), and the time zone arithmetic is most of a
  // request's date work: the day is kept for the minute it was asked in. UK midnight always falls on a whole minute,
  // so this is exact.
  const minute = Math.floor(now.getTime() / 60_000);
  if (today?.minute !== minute) today = { minute, day: ukDay(now) };
  return today.day;
}
let today: { minute: number; day: IsoDate } | undefined;
