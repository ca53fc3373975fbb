/**
 * Deadline lists (DOMAIN.md: caseworkers "live by their deadline list"; each rep's follow-ups are
 * listed "overdue first"). Pure ordering and urgency; the dates come from working-days.ts,
 * tribunal.ts, ballots.ts and privacy.ts.
 */
import { daysBetween, type IsoDate } from './dates.js';

export type DeadlineUrgency = 'OVERDUE' | 'TODAY' | 'THIS_WEEK' | 'LATER';

export const DEADLINE_URGENCY_LABELS: Record<DeadlineUrgency, string> = {
  OVERDUE: 'Overdue',
  TODAY: 'Due today',
  THIS_WEEK: 'Due in the next 7 days',
  LATER: 'Later',
};

/** Calendar days from today to the deadline (negative when it has passed). */
export function daysUntil(due: IsoDate, today: IsoDate): number {
  return daysBetween(today, due);
}

/** OVERDUE before today, TODAY, THIS_WEEK for the next 7 days (1–7 days away), otherwise LATER. */
export function deadlineUrgency(due: IsoDate, today: IsoDate): DeadlineUrgency {
  const days = daysUntil(due, today);
  if (days < 0) return 'OVERDUE';
  if (days === 0) return 'TODAY';
  if (days <= 7) return 'THIS_WEEK';
  return 'LATER';
}

/**
 * Sorts items by due date, earliest (so most overdue) first; items without a date go last; ties
 * keep their order. Returns a new array.
 */
export function sortByDeadline<T>(items: readonly T[], dueOf: (item: T) => IsoDate | null): T[] {
  return items
    .map((item, index) => ({ item, index, due: dueOf(item) }))
    .sort((a, b) => {
      if (a.due === null || b.due === null) return a.due === b.due ? a.index - b.index : a.due === null ? 1 : -1;
      return daysBetween(b.due, a.due) || a.index - b.index;
    })
    .map((x) => x.item);
}
