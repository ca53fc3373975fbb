import { DEADLINE_URGENCY_LABELS, deadlineUrgency, daysUntil, sortByDeadline } from './deadlines.js';

describe('deadlineUrgency', () => {
  const today = '2024-06-10';
  it.each([
    ['2024-06-09', 'OVERDUE'], ['2023-01-01', 'OVERDUE'], ['2024-06-10', 'TODAY'], ['2024-06-11', 'THIS_WEEK'],
    ['2024-06-17', 'THIS_WEEK'], ['2024-06-18', 'LATER'],
  ])('%s is %s', (due, expected) => {
    expect(deadlineUrgency(due, today)).toBe(expected);
  });
  it('labels every urgency', () => {
    expect(Object.keys(DEADLINE_URGENCY_LABELS).sort()).toEqual(['LATER', 'OVERDUE', 'THIS_WEEK', 'TODAY']);
  });
  it('counts days until', () => {
    expect(daysUntil('2024-06-12', today)).toBe(2);
    expect(daysUntil('2024-06-08', today)).toBe(-2);
    expect(() => daysUntil('soon', today)).toThrow(RangeError);
  });
});

describe('sortByDeadline', () => {
  it('puts the most overdue first and undated last, keeping ties in order', () => {
    const items = [
      { id: 'a', due: '2024-06-20' }, { id: 'b', due: null }, { id: 'c', due: '2024-06-01' }, { id: 'd', due: '2024-06-20' },
      { id: 'e', due: null }, { id: 'f', due: '2024-05-15' },
    ];
    expect(sortByDeadline(items, (i) => i.due).map((i) => i.id)).toEqual(['f', 'c', 'a', 'd', 'b', 'e']);
    expect(items[0].id).toBe('a'); // not sorted in place
  });
  it('handles empty lists and validates dates', () => {
    expect(sortByDeadline([], () => null)).toEqual([]);
    expect(() => sortByDeadline([{ d: 'x' }, { d: '2024-01-01' }], (i) => i.d)).toThrow(RangeError);
  });
});
