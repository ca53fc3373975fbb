import { CaseType, MeetingKind } from '@rollcall/domain';
import { feedCalendar, feedEvents, type FeedCase, initials, ukInstant } from './calendar-events.js';

const TODAY = '2026-06-15';
const kase: FeedCase = { id: 'case-1', type: CaseType.GRIEVANCE, member: { firstName: 'Jane', lastName: 'Smith', preferredName: null } };

describe('calendar feed events', () => {
  it('makes initials of the name the member goes by, and none of a hidden member', () => {
    expect(initials({ firstName: 'Jane', lastName: 'Smith' })).toBe('J.S.');
    expect(initials({ firstName: 'Margaret', lastName: "o'Neill", preferredName: 'Peggy' })).toBe('P.O.');
    expect(initials({ firstName: 'Émile', lastName: ' ' })).toBe('É.');
    expect(initials(null)).toBeNull();
  });

  it('turns a UK wall-clock time into its instant, in winter (GMT) and summer (BST)', () => {
    expect(ukInstant('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(ukInstant('2026-07-01', '10:00').toISOString()).toBe('2026-07-01T09:00:00.000Z');
    // the night the clocks go forward: 01:30 does not exist and 03:00 BST is 02:00 UTC
    expect(ukInstant('2026-03-29', '03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('says the kind of meeting or deadline, the case type and the initials; times meetings, makes deadlines all-day', () => {
    const events = feedEvents([kase], [
      { id: 'm1', caseId: 'case-1', kind: MeetingKind.GRIEVANCE_HEARING, date: '2026-07-01', time: '14:30' },
      { id: 'm2', caseId: 'case-1', kind: MeetingKind.INVESTIGATION, date: '2026-06-20', time: null },
    ], [
      { key: 's10:m1', caseId: 'case-1', rule: 'S10_POSTPONEMENT', due: '2026-07-08', done: false },
      { key: 'custom:c1', caseId: 'case-1', rule: 'CUSTOM', due: '2026-07-02', done: false },
    ], TODAY);
    expect(events.map((e) => e.summary)).toEqual([
      'Investigation meeting — Grievance, J.S.',
      'Grievance hearing — Grievance, J.S.',
      'Deadline: Custom deadline — Grievance, J.S.',
      'Deadline: Right to be accompanied: latest postponed hearing — Grievance, J.S.',
    ]);
    const hearing = events[1];
    expect(hearing.allDay).toBeFalsy();
    expect((hearing.start as Date).toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect((hearing.end as Date).toISOString()).toBe('2026-07-01T14:30:00.000Z');
    expect(events[0]).toMatchObject({ allDay: true, start: '2026-06-20', end: '2026-06-21' });
    expect(events[3]).toMatchObject({ allDay: true, start: '2026-07-08', end: '2026-07-09' });
  });

  it('gives each meeting and deadline a UID that stays the same from one fetch to the next and names no record', () => {
    const once = () => feedEvents([kase], [{ id: 'm1', caseId: 'case-1', kind: MeetingKind.OTHER, date: '2026-07-01', time: null }],
      [{ key: 'appeal', caseId: 'case-1', rule: 'APPEAL_WINDOW', due: '2026-07-10', done: false }], TODAY).map((e) => e.id);
    const ids = once();
    expect(once()).toEqual(ids);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(String(id)).toMatch(/^[0-9a-f]{32}@rollcall$/);
  });

  it('keeps 30 days back to a year ahead, and leaves out deadlines marked done and other cases', () => {
    const meeting = (id: string, date: string, caseId = 'case-1') => ({ id, caseId, kind: MeetingKind.OTHER, date, time: null });
    const events = feedEvents([kase], [
      meeting('old', '2026-05-15'), meeting('first', '2026-05-16'), meeting('last', '2027-06-15'), meeting('late', '2027-06-16'),
      meeting('someone else', '2026-07-01', 'case-2'),
    ], [{ key: 'custom:done', caseId: 'case-1', rule: 'CUSTOM', due: '2026-07-01', done: true }], TODAY);
    expect(events.map((e) => e.start)).toEqual(['2026-05-16', '2027-06-15']);
  });

  it('writes an iCalendar file with no place, note, name or link in it', () => {
    const text = feedCalendar(feedEvents([kase], [{ id: 'm1', caseId: 'case-1', kind: MeetingKind.GRIEVANCE_HEARING, date: '2026-07-01', time: '09:15' }], [], TODAY),
      new Date('2026-06-15T12:00:00Z'));
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('DTSTART:20260701T081500Z');
    expect(text).toContain('SUMMARY:Grievance hearing — Grievance\\, J.S.');
    expect(text).not.toMatch(/LOCATION|DESCRIPTION|URL|ORGANIZER|ATTENDEE|Jane|Smith|case-1/);
  });
});
