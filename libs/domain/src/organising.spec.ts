import {
  AEIOU_LABELS, AEIOU_STEPS, AeiouStep, ASK_ANSWER_LABELS, AskAnswer, compareFollowUps, CONVERSATION_CHANNEL_LABELS,
  CONVERSATION_TYPE_LABELS, ConversationChannel, ConversationType, daysOverdue, DEFAULT_ISSUE_TAGS, FollowUpState,
  followUpState, shiftsReachedBy, uncoveredShifts, validFollowUpDate,
} from './organising.js';
import { ShiftPattern } from './workplace.js';

describe('conversation vocabulary', () => {
  it.each([
    ['ConversationChannel', ConversationChannel, CONVERSATION_CHANNEL_LABELS],
    ['ConversationType', ConversationType, CONVERSATION_TYPE_LABELS],
    ['AeiouStep', AeiouStep, AEIOU_LABELS],
    ['AskAnswer', AskAnswer, ASK_ANSWER_LABELS],
  ])('labels every %s value', (_name, e, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(e).sort());
    for (const l of Object.values(labels)) expect(l.length).toBeGreaterThan(1);
  });

  it('keeps AEIOU in conversation order', () => {
    expect(AEIOU_STEPS.map((s) => s[0]).join('')).toBe('AEIOU');
  });

  it('offers the issues the domain names, once each', () => {
    for (const tag of ['Pay', 'Staffing', 'Safety', 'Rota', 'Bullying', 'Breaks', 'Parking']) expect(DEFAULT_ISSUE_TAGS).toContain(tag);
    expect(new Set(DEFAULT_ISSUE_TAGS.map((t) => t.toLowerCase())).size).toBe(DEFAULT_ISSUE_TAGS.length);
  });
});

describe('followUpState', () => {
  const today = '2026-11-23';
  it.each([
    ['2026-11-20', FollowUpState.OVERDUE],
    ['2026-11-22', FollowUpState.OVERDUE],
    ['2026-11-23', FollowUpState.DUE_TODAY],
    ['2026-11-24', FollowUpState.DUE_SOON],
    ['2026-11-30', FollowUpState.DUE_SOON],
    ['2026-12-01', FollowUpState.LATER],
    ['2027-03-01', FollowUpState.LATER],
  ])('a follow-up on %s is %s', (on, state) => {
    expect(followUpState(on, today)).toBe(state);
  });

  it('is done once the person has been spoken to again, whatever the date', () => {
    expect(followUpState('2026-11-01', today, '2026-11-02')).toBe(FollowUpState.DONE);
    expect(followUpState('2026-12-24', today, '2026-11-23')).toBe(FollowUpState.DONE);
  });

  it('crosses month and year ends and leap days', () => {
    expect(followUpState('2027-01-03', '2026-12-28')).toBe(FollowUpState.DUE_SOON);
    expect(followUpState('2028-03-01', '2028-02-28')).toBe(FollowUpState.DUE_SOON);
    expect(followUpState('2028-02-29', '2028-03-01')).toBe(FollowUpState.OVERDUE);
  });

  it('refuses dates that are not real', () => {
    expect(() => followUpState('2026-02-30', today)).toThrow();
    expect(() => followUpState('2026-11-20', '23/11/2026')).toThrow();
    expect(() => followUpState('2026-11-20', today, 'yesterday')).toThrow();
  });

  it('counts days overdue', () => {
    expect(daysOverdue('2026-11-20', today)).toBe(3);
    expect(daysOverdue(today, today)).toBe(0);
    expect(daysOverdue('2026-12-01', today)).toBe(0);
  });
});

describe('compareFollowUps', () => {
  it('puts overdue first (longest overdue first), then today, soon, later, and done last', () => {
    const today = '2026-11-23';
    const items = [
      { id: 'later', followUpOn: '2027-01-10' },
      { id: 'done', followUpOn: '2026-11-01', completedOn: '2026-11-05' },
      { id: 'soon', followUpOn: '2026-11-26' },
      { id: 'overdue-2', followUpOn: '2026-11-21' },
      { id: 'today', followUpOn: '2026-11-23' },
      { id: 'overdue-10', followUpOn: '2026-11-13' },
      { id: 'sooner', followUpOn: '2026-11-24' },
    ];
    expect([...items].sort((a, b) => compareFollowUps(a, b, today)).map((i) => i.id))
      .toEqual(['overdue-10', 'overdue-2', 'today', 'sooner', 'soon', 'later', 'done']);
  });
});

describe('validFollowUpDate', () => {
  it('allows the same day or later, not earlier', () => {
    expect(validFollowUpDate('2026-11-23', '2026-11-23')).toBe(true);
    expect(validFollowUpDate('2026-11-23', '2026-12-01')).toBe(true);
    expect(validFollowUpDate('2026-11-23', '2026-11-22')).toBe(false);
  });
});

describe('shift coverage', () => {
  const { DAYS, NIGHTS, LONG_DAYS, ROTATING, ON_CALL } = ShiftPattern;
  it('a rep reaches their own shift; rotating reps reach every rota', () => {
    expect(shiftsReachedBy(NIGHTS)).toEqual([NIGHTS]);
    expect(shiftsReachedBy(DAYS)).toEqual([DAYS, ON_CALL]);
    expect(shiftsReachedBy(ROTATING)).toEqual(expect.arrayContaining([DAYS, LONG_DAYS, NIGHTS, ROTATING, ON_CALL]));
  });

  it('finds the shifts worked on a ward that no rep reaches, in rota order', () => {
    expect(uncoveredShifts([NIGHTS, DAYS, DAYS, LONG_DAYS], [DAYS])).toEqual([LONG_DAYS, NIGHTS]);
    expect(uncoveredShifts([NIGHTS, DAYS], [ROTATING])).toEqual([]);
    expect(uncoveredShifts([NIGHTS, DAYS], [])).toEqual([DAYS, NIGHTS]);
    expect(uncoveredShifts([], [DAYS])).toEqual([]);
    expect(uncoveredShifts([ON_CALL], [LONG_DAYS])).toEqual([]);
  });
});
