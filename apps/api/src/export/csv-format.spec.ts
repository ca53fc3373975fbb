import { assessmentText, densityText, plainText, ukDate, ukDateTime, words, yesNo } from './csv-format.js';

describe('how exported values read', () => {
  it('writes calendar dates as dd/mm/yyyy, whatever the time zone', () => {
    expect(ukDate('2026-11-27')).toBe('27/11/2026');
    expect(ukDate('2024-02-29')).toBe('29/02/2024');
    expect(ukDate(null)).toBe('');
    expect(ukDate('27/11/2026')).toBe('');
  });

  it('writes instants in London time: GMT in winter, BST in summer', () => {
    expect(ukDateTime(new Date('2026-01-15T09:05:00Z'))).toBe('15/01/2026 09:05');
    expect(ukDateTime(new Date('2026-07-15T09:05:00Z'))).toBe('15/07/2026 10:05');
    // Late evening UTC in summer is already the next day in London.
    expect(ukDateTime('2026-06-30T23:30:00.000Z')).toBe('01/07/2026 00:30');
    expect(ukDateTime(null)).toBe('');
    expect(ukDateTime('not a date')).toBe('');
  });

  it('puts enums, assessments, flags and density in words', () => {
    expect(words({ DAYS: 'Days', NIGHTS: 'Nights' } as Record<string, string>, 'NIGHTS')).toBe('Nights');
    expect(words({ DAYS: 'Days' } as Record<string, string>, null)).toBe('');
    expect(assessmentText(2)).toBe('2 · Supporter');
    expect(assessmentText(null)).toBe('');
    expect(yesNo(true)).toBe('Yes');
    expect(yesNo(false)).toBe('No');
    expect(densityText(3, 4)).toBe('75%');
    expect(densityText(0, 0)).toBe('—');
    expect(densityText(5, 4)).toBe('100%'); // a member who has just left: full, not an error
  });

  it('keeps text a spreadsheet would run as a formula from running', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(plainText(formula)).toBe(`'${formula}`);
    }
    expect(plainText('Ward 7B')).toBe('Ward 7B');
    expect(plainText("O'Neill")).toBe("O'Neill");
    expect(plainText(null)).toBe('');
  });
});
