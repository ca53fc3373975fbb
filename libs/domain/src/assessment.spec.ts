import {
  Assessment, ASSESSMENT_DESCRIPTIONS, ASSESSMENT_LABELS, ASSESSMENT_MAX, ASSESSMENT_MIN, assessmentChange,
  assessmentDescription, assessmentLabel, assessmentOn, ASSESSMENTS, compareAssessments, isAgainst, isAssessed,
  isAssessment, isLeader, isOpposed, isPersuadable, isSupportive, isUndecided, latestAssessment, NOT_ASSESSED_LABEL,
  parseAssessment, summariseAssessments, tryParseAssessment, validateAssessment, type AssessmentValue,
} from './assessment.js';

describe('the scale', () => {
  it('is 1 leader … 5 opposed, in order', () => {
    expect(ASSESSMENTS).toEqual([1, 2, 3, 4, 5]);
    expect(Assessment.LEADER).toBe(1);
    expect(Assessment.SUPPORTER).toBe(2);
    expect(Assessment.UNDECIDED).toBe(3);
    expect(Assessment.LEANING_AGAINST).toBe(4);
    expect(Assessment.OPPOSED).toBe(5);
    expect([ASSESSMENT_MIN, ASSESSMENT_MAX]).toEqual([1, 5]);
  });

  it('has a label and a description for every value', () => {
    expect(ASSESSMENTS.map((a) => ASSESSMENT_LABELS[a])).toEqual(['Leader', 'Supporter', 'Undecided', 'Leaning against', 'Opposed']);
    for (const a of ASSESSMENTS) {
      expect(ASSESSMENT_DESCRIPTIONS[a].startsWith(ASSESSMENT_LABELS[a])).toBe(true);
    }
    expect(ASSESSMENT_DESCRIPTIONS[Assessment.LEADER]).toMatch(/moves others/);
    expect(ASSESSMENT_DESCRIPTIONS[Assessment.SUPPORTER]).toMatch(/acts when asked/);
  });

  it('labels blank as not assessed', () => {
    expect(assessmentLabel(null)).toBe(NOT_ASSESSED_LABEL);
    expect(assessmentLabel(Assessment.LEANING_AGAINST)).toBe('Leaning against');
    expect(assessmentDescription(null)).toMatch(/Not yet assessed/);
    expect(assessmentDescription(Assessment.OPPOSED)).toBe(ASSESSMENT_DESCRIPTIONS[Assessment.OPPOSED]);
    expect(() => assessmentLabel(6 as Assessment)).toThrow(RangeError);
    expect(() => assessmentDescription(0 as Assessment)).toThrow(RangeError);
  });
});

describe('isAssessment', () => {
  it('accepts the integers 1 to 5 only', () => {
    expect([1, 2, 3, 4, 5].every(isAssessment)).toBe(true);
    for (const v of [0, 6, -1, 2.5, Number.NaN, Infinity, '2', null, undefined, true]) expect(isAssessment(v)).toBe(false);
  });
});

describe('tryParseAssessment / parseAssessment', () => {
  it.each([
    [1, 1], [5, 5], ['1', 1], [' 3 ', 3], ['05', 5], ['leader', 1], ['LEADER', 1], ['Supporter', 2],
    ['leaning against', 4], ['Leaning   Against', 4], ['LEANING_AGAINST', 4], ['opposed', 5], ['Undecided', 3],
  ])('reads %j as %i', (input, expected) => {
    expect(tryParseAssessment(input)).toEqual({ ok: true, value: expected });
    expect(parseAssessment(input)).toBe(expected);
  });

  it.each([null, undefined, '', '   ', '\t'])('reads blank %j as not assessed', (input) => {
    expect(tryParseAssessment(input)).toEqual({ ok: true, value: null });
    expect(parseAssessment(input)).toBeNull();
  });

  it.each([0, 6, -1, 2.5, Number.NaN, '0', '6', '2.0', '1.5', '-1', 'yes', 'lead', 'not assessed', true, {}, [1]])(
    'refuses %j', (input) => {
      const result = tryParseAssessment(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/ssessment/);
      expect(() => parseAssessment(input)).toThrow(RangeError);
    },
  );
});

describe('validateAssessment', () => {
  it('passes 1–5 and null through', () => {
    for (const v of [...ASSESSMENTS, null]) expect(validateAssessment(v)).toBe(v);
  });
  it('throws for anything else (stored values are not parsed)', () => {
    for (const v of [0, 6, '3', undefined, 2.5]) expect(() => validateAssessment(v)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  const table: [AssessmentValue, Record<string, boolean>][] = [
    [1, { assessed: true, leader: true, supportive: true, undecided: false, against: false, opposed: false, persuadable: false }],
    [2, { assessed: true, leader: false, supportive: true, undecided: false, against: false, opposed: false, persuadable: false }],
    [3, { assessed: true, leader: false, supportive: false, undecided: true, against: false, opposed: false, persuadable: true }],
    [4, { assessed: true, leader: false, supportive: false, undecided: false, against: true, opposed: false, persuadable: true }],
    [5, { assessed: true, leader: false, supportive: false, undecided: false, against: true, opposed: true, persuadable: false }],
    [null, { assessed: false, leader: false, supportive: false, undecided: false, against: false, opposed: false, persuadable: false }],
  ];
  it.each(table)('%j', (value, expected) => {
    expect({
      assessed: isAssessed(value),
      leader: isLeader(value),
      supportive: isSupportive(value),
      undecided: isUndecided(value),
      against: isAgainst(value),
      opposed: isOpposed(value),
      persuadable: isPersuadable(value),
    }).toEqual(expected);
  });
});

describe('compareAssessments', () => {
  it('sorts most supportive first and not-assessed last', () => {
    const values: AssessmentValue[] = [3, null, 5, 1, null, 2, 4];
    expect([...values].sort(compareAssessments)).toEqual([1, 2, 3, 4, 5, null, null]);
  });
  it('is zero for equal values', () => {
    expect(compareAssessments(null, null)).toBe(0);
    expect(compareAssessments(2, 2)).toBe(0);
  });
});

describe('assessmentChange', () => {
  it.each([
    [null, 3, 'FIRST'], [null, null, 'NONE'], [2, null, 'CLEARED'], [3, 2, 'IMPROVED'], [5, 1, 'IMPROVED'],
    [2, 3, 'WORSENED'], [1, 5, 'WORSENED'], [4, 4, 'UNCHANGED'],
  ] as [AssessmentValue, AssessmentValue, string][])('%j → %j is %s', (before, after, expected) => {
    expect(assessmentChange(before, after)).toBe(expected);
  });
  it('refuses values off the scale', () => {
    expect(() => assessmentChange(0 as Assessment, 1)).toThrow(RangeError);
    expect(() => assessmentChange(1, 7 as Assessment)).toThrow(RangeError);
  });
});

describe('history', () => {
  const history = [
    { value: 4 as AssessmentValue, assessedOn: '2024-01-10', assessedBy: 'rep-a' },
    { value: 3 as AssessmentValue, assessedOn: '2024-02-01', assessedBy: 'rep-a' },
    { value: 2 as AssessmentValue, assessedOn: '2024-02-01', assessedBy: 'rep-b' },
    { value: null, assessedOn: '2024-03-15', assessedBy: 'rep-b' },
    { value: 1 as AssessmentValue, assessedOn: '2024-03-01', assessedBy: 'rep-c' }, // entered late, dated earlier
  ];

  it('finds the assessment in force on a date', () => {
    expect(assessmentOn(history, '2024-01-09')).toBeNull();
    expect(assessmentOn(history, '2024-01-10')?.value).toBe(4);
    expect(assessmentOn(history, '2024-01-31')?.value).toBe(4);
    expect(assessmentOn(history, '2024-02-01')).toEqual(history[2]); // same day: later entry wins
    expect(assessmentOn(history, '2024-03-01')?.assessedBy).toBe('rep-c');
    expect(assessmentOn(history, '2024-03-15')?.value).toBeNull(); // cleared
    expect(assessmentOn([], '2024-03-15')).toBeNull();
  });

  it('finds the latest record by date, not by position', () => {
    expect(latestAssessment(history)).toEqual(history[3]);
    expect(latestAssessment(history.slice(0, 3))).toEqual(history[2]);
    expect(latestAssessment([])).toBeNull();
  });

  it('validates dates', () => {
    expect(() => assessmentOn(history, '15/03/2024')).toThrow(RangeError);
    expect(() => latestAssessment([{ value: 1, assessedOn: 'yesterday' }])).toThrow(RangeError);
  });
});

describe('summariseAssessments', () => {
  it('counts a ward', () => {
    const s = summariseAssessments([1, 2, 2, 3, 4, 5, null, null, 2, 1]);
    expect(s).toEqual({
      total: 10,
      notAssessed: 2,
      assessed: 8,
      byValue: { 1: 2, 2: 3, 3: 1, 4: 1, 5: 1 },
      leaders: 2,
      supportive: 5,
      undecided: 1,
      against: 2,
      supportiveShare: 0.5,
      supportiveShareOfAssessed: 5 / 8,
      assessedShare: 0.8,
      supportiveMajority: false, // exactly half is not a majority
    });
  });

  it('finds a majority only above half of everyone, not of the assessed', () => {
    expect(summariseAssessments([1, 2, 3]).supportiveMajority).toBe(true);
    expect(summariseAssessments([1, 2, null, null]).supportiveMajority).toBe(false);
  });

  it('handles nobody and nobody assessed', () => {
    expect(summariseAssessments([])).toMatchObject({
      total: 0, supportiveShare: null, supportiveShareOfAssessed: null, assessedShare: null, supportiveMajority: false,
    });
    expect(summariseAssessments([null, null])).toMatchObject({ notAssessed: 2, supportiveShare: 0, supportiveShareOfAssessed: null, assessedShare: 0 });
  });

  it('refuses values off the scale', () => {
    expect(() => summariseAssessments([1, 6 as Assessment])).toThrow(RangeError);
  });
});
