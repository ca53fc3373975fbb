import { createHash } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import {
  addDays, CASE_DEADLINE_RULES, CASE_TYPE_LABELS, type CaseDeadlineRule, type CaseType, compareIsoDates, type IsoDate,
  MEETING_KIND_LABELS, type MeetingKind, UK_TIME_ZONE,
} from '@rollcall/domain';
import ical, { type ICalEventData } from 'ical-generator';

/** How far back and ahead the feed reaches, in days from today (UK). */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 365;
/** A meeting has a start time but no end: it shows as an hour. */
const MEETING_MINUTES = 60;

/** What the feed may know of a case: its type, and its member's name to make initials of (null: hidden from the user). */
export interface FeedCase {
  id: string;
  type: CaseType;
  member: { firstName: string; lastName: string; preferredName?: string | null } | null;
}
/** What the feed may know of a meeting: its kind and when. */
export interface FeedMeeting { id: string; caseId: string; kind: MeetingKind; date: IsoDate; time: string | null }
/** What the feed may know of a deadline: its rule (never its own label, which a caseworker may have typed) and when. */
export interface FeedDeadline { key: string; caseId: string; rule: CaseDeadlineRule; due: IsoDate; done: boolean }

/** "J.S.": the first letters of the name the member goes by and of their last name. */
export function initials(member: FeedCase['member']): string | null {
  if (!member) return null;
  const letter = (s: string | null | undefined) => [...(s ?? '').trim()][0]?.toUpperCase() ?? '';
  const out = [letter(member.preferredName || member.firstName), letter(member.lastName)].filter(Boolean).map((l) => `${l}.`).join('');
  return out || null;
}

/** "Grievance, J.S." (or the type alone when the member is hidden from the user). */
function caseWords(kase: FeedCase): string {
  return [CASE_TYPE_LABELS[kase.type], initials(kase.member)].filter(Boolean).join(', ');
}

/** A stable UID that names no record: a calendar app updates the event on the next fetch instead of adding another. */
function uid(...parts: string[]): string {
  return `${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 32)}@rollcall`;
}
/** A meeting's UID in the feed. */
export const meetingUid = (meetingId: string): string => uid('meeting', meetingId);
/** A deadline's UID in the feed: its case and its key (stable across recalculations: CaseDeadline.key). */
export const deadlineUid = (caseId: string, key: string): string => uid('deadline', caseId, key);

/** The instant a UK wall-clock time stands for (GMT in winter, BST in summer). */
export function ukInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(+new TZDate(y, m - 1, d, hh, mm, UK_TIME_ZONE));
}

/** An all-day event's start and (exclusive) end, as dates with no zone. */
function allDay(date: IsoDate): Pick<ICalEventData, 'start' | 'end' | 'allDay'> {
  return { start: date, end: addDays(date, 1), allDay: true };
}

/**
 * A user's feed events: the meetings and the deadlines (not those marked done) of the cases given,
 * from FEED_DAYS_BACK days before `today` to FEED_DAYS_AHEAD after. Each says only what kind of
 * meeting or which rule's deadline, the case's type and the member's initials: never a place, panel,
 * outcome, note, summary, label typed by hand, name or link.
 */
export function feedEvents(cases: readonly FeedCase[], meetings: readonly FeedMeeting[], deadlines: readonly FeedDeadline[], today: IsoDate): ICalEventData[] {
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const inWindow = (d: IsoDate) => compareIsoDates(d, from) >= 0 && compareIsoDates(d, to) <= 0;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const events: ICalEventData[] = [];
  for (const m of meetings) {
    const kase = byId.get(m.caseId);
    if (!kase || !inWindow(m.date)) continue;
    const when = m.time
      ? { start: ukInstant(m.date, m.time), end: new Date(+ukInstant(m.date, m.time) + MEETING_MINUTES * 60_000) }
      : allDay(m.date);
    events.push({ id: meetingUid(m.id), summary: `${MEETING_KIND_LABELS[m.kind]} — ${caseWords(kase)}`, ...when });
  }
  for (const d of deadlines) {
    const kase = byId.get(d.caseId);
    if (!kase || d.done || !inWindow(d.due)) continue;
    events.push({ id: deadlineUid(d.caseId, d.key), summary: `Deadline: ${CASE_DEADLINE_RULES[d.rule].label} — ${caseWords(kase)}`, ...allDay(d.due) });
  }
  const at = (e: ICalEventData) => (e.start instanceof Date ? e.start.toISOString() : String(e.start));
  return events.sort((a, b) => at(a).localeCompare(at(b)));
}

/** The feed as an iCalendar file (RFC 5545), written by ical-generator. */
export function feedCalendar(events: readonly ICalEventData[], now: Date): string {
  const calendar = ical({
    name: 'Rollcall casework',
    prodId: { company: 'Rollcall', product: 'Casework calendar', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const e of events) calendar.createEvent({ ...e, stamp: now });
  return calendar.toString();
}
