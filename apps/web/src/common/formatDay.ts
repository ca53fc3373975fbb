const FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' → "5 Mar 2025" (formatted in UTC so the day never shifts). */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const date = new Date(day);
  return Number.isNaN(date.getTime()) ? day : FORMAT.format(date);
}
