import { ASSESSMENT_LABELS, type Assessment, formatDensity, neutraliseCell, UK_TIME_ZONE } from '@rollcall/domain';

/**
 * How values read in an exported CSV: in the words the web app uses, dates the UK way
 * (dd/mm/yyyy, times in Europe/London), never an id.
 */

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date ('YYYY-MM-DD', no time zone) as dd/mm/yyyy. */
export function ukDate(day: string | null | undefined): string {
  const m = day ? ISO_DAY.exec(day) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** An instant as "dd/mm/yyyy HH:mm", in Europe/London. */
export function ukDateTime(at: Date | string | null | undefined): string {
  if (!at) return '';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  return `${LONDON_DAY.format(d)} ${LONDON_TIME.format(d)}`;
}

export function yesNo(value: boolean | null | undefined): string {
  return value ? 'Yes' : 'No';
}

/** An enum value in words ('' when empty; the raw value only if a label is missing). */
export function words<K extends string>(labels: Record<K, string>, value: K | null | undefined): string {
  if (value === null || value === undefined) return '';
  return labels[value] ?? value;
}

/** "2 · Supporter", as the web app shows an assessment; '' when not assessed. */
export function assessmentText(value: number | null | undefined): string {
  if (!value) return '';
  return `${value} · ${ASSESSMENT_LABELS[value as Assessment] ?? ''}`.trim();
}

/** "73%", as the web app shows density ("—" with nobody to count). */
export function densityText(members: number, headcount: number): string {
  return formatDensity(Math.min(Math.max(members, 0), Math.max(headcount, 0)), Math.max(headcount, 0));
}

/**
 * Text a person typed could be read by a spreadsheet as a formula (=, +, -, @, tab or carriage
 * return first): such text gets a leading apostrophe (the domain's neutraliseCell, which the import
 * undoes so that an exported list imports back unchanged).
 */
export function plainText(value: string | null | undefined): string {
  if (!value) return '';
  return neutraliseCell(value);
}
