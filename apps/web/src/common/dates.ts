/**
 * The web app's one way of writing dates and times: UK style ("27 Nov 2026", "27 Nov 2026, 14:05"),
 * in UK time (Europe/London, whatever the device's zone), a time only where the event has one.
 *
 * Two kinds of value come from the API:
 * - a calendar day, 'YYYY-MM-DD' (joined, left, due, started): no time and no zone, so it is read
 *   as that day and never shifted;
 * - an instant, an ISO timestamp (a conversation, a change, a sign-in): shown in UK time.
 *
 * The zone, "today" and an instant's day come from the shared date module (@rollcall/domain), as
 * the API's do; this file only writes them for people to read.
 */
import { type IsoDate, UK_TIME_ZONE as ZONE, ukDay, ukToday } from '@rollcall/domain';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE });
/** A calendar day parses as UTC midnight: formatted in UTC it stays the same day. */
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: ZONE,
});
const DAY_AND_SECONDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: ZONE,
});
const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: ZONE });
const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar day ('2026-11-27') or an instant's UK day, as "27 Nov 2026"; '' for none. */
export function formatDay(value: string | Date | null | undefined): string {
  const date = parse(value);
  if (!date) return typeof value === 'string' ? value : '';
  return typeof value === 'string' && CALENDAR.test(value) ? CALENDAR_DAY.format(date) : DAY.format(date);
}

/** An instant as "27 Nov 2026, 14:05" in UK time; '' for none. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const date = parse(value);
  return date ? DAY_AND_TIME.format(date) : typeof value === 'string' ? value : '';
}

/** An instant to the second, "27 Nov 2026, 14:05:09" in UK time (the audit log). */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  const date = parse(value);
  return date ? DAY_AND_SECONDS.format(date) : typeof value === 'string' ? value : '';
}

/** An instant's day without the year, "27 Nov" (a chart's axis). */
export function formatShortDay(value: string | Date | number): string {
  return SHORT_DAY.format(typeof value === 'number' ? new Date(value) : (parse(value) ?? new Date(NaN)));
}

/**
 * The UK day of a form's date and time ("When" of a conversation), or today when it is empty or
 * not a date: the day a follow-up counts from and must not come before.
 */
export function ukDayOfInput(value: unknown): IsoDate {
  const at = typeof value === 'string' && value ? parse(value) : null;
  return at ? ukDay(at) : ukToday();
}
