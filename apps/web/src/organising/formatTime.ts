const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London',
});
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** An instant as "23 Nov 2026, 11:09" in UK time. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : TIME.format(date);
}

/** An instant's day as "23 Nov 2026" in UK time. */
export function formatInstantDay(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}

/** Today (or the instant's day) in the UK as 'YYYY-MM-DD': the day follow-up dates count from. */
export function ukDay(at: Date = new Date()): string {
  return LONDON_DAY.format(at);
}
