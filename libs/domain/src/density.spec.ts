import {
  aggregateSuppressed, coverageStatus, density, formatDensity, isDisclosive, MIN_CELL_SIZE, REP_FAILING_RATIO,
  REP_TARGET_RATIO, repsNeeded, roundedCount,
} from './density.js';

describe('density', () => {
  it('is members over headcount', () => {
    expect(density(40, 50)).toBeCloseTo(0.8);
    expect(density(0, 50)).toBe(0);
    expect(density(50, 50)).toBe(1);
  });
  it('is undefined for nobody', () => {
    expect(density(0, 0)).toBeNull();
    expect(formatDensity(0, 0)).toBe('—');
  });
  it('refuses more members than staff', () => {
    expect(() => density(6, 5)).toThrow(RangeError);
    expect(() => density(1, 0)).toThrow(RangeError);
  });
  it('refuses negative and non-finite numbers', () => {
    for (const [m, h] of [[-1, 5], [1, -5], [Number.NaN, 5], [1, Infinity]]) expect(() => density(m, h)).toThrow(RangeError);
  });
  it('formats as a whole percentage, rounding half up', () => {
    expect(formatDensity(1, 3)).toBe('33%');
    expect(formatDensity(2, 3)).toBe('67%');
    expect(formatDensity(1, 200)).toBe('1%'); // 0.5 % rounds up
    expect(formatDensity(1, 201)).toBe('0%');
    expect(formatDensity(7, 7)).toBe('100%');
  });
});

describe('rep coverage', () => {
  it('uses 1:20 as the target and worse than 1:50 as failing', () => {
    expect([REP_TARGET_RATIO, REP_FAILING_RATIO]).toEqual([20, 50]);
  });
  it('rates rep coverage against 1:20 and 1:50', () => {
    expect(coverageStatus(1, 20)).toBe('ON_TARGET');
    expect(coverageStatus(1, 21)).toBe('BELOW_TARGET');
    expect(coverageStatus(1, 50)).toBe('BELOW_TARGET'); // exactly 1:50 is not yet failing
    expect(coverageStatus(1, 51)).toBe('FAILING');
    expect(coverageStatus(2, 100)).toBe('BELOW_TARGET');
    expect(coverageStatus(2, 101)).toBe('FAILING');
    expect(coverageStatus(3, 60)).toBe('ON_TARGET');
    expect(coverageStatus(5, 3)).toBe('ON_TARGET'); // more reps than staff
    expect(coverageStatus(0, 10)).toBe('NO_REP');
    expect(coverageStatus(0, 0)).toBe('NO_STAFF');
    expect(coverageStatus(2, 0)).toBe('NO_STAFF');
  });
  it('refuses negative counts', () => {
    expect(() => coverageStatus(-1, 10)).toThrow(RangeError);
    expect(() => coverageStatus(1, -10)).toThrow(RangeError);
  });
  it('counts the reps still needed for 1:20', () => {
    expect(repsNeeded(1, 41)).toBe(2);
    expect(repsNeeded(0, 1)).toBe(1);
    expect(repsNeeded(0, 20)).toBe(1);
    expect(repsNeeded(0, 21)).toBe(2);
    expect(repsNeeded(2, 40)).toBe(0);
    expect(repsNeeded(5, 40)).toBe(0); // never negative
    expect(repsNeeded(0, 0)).toBe(0);
  });
});

describe('roundedCount', () => {
  it('rounds to the nearest 5, halves up', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 202, 203].map((n) => roundedCount(n))).toEqual([0, 0, 0, 5, 5, 5, 5, 10, 10, 15, 200, 205]);
  });
  it('hides a single joiner within a band: 200 to 202 all read 200', () => {
    expect(new Set([198, 199, 200, 201, 202].map((n) => roundedCount(n)))).toEqual(new Set([200]));
  });
  it('takes another base, and refuses what is not a count', () => {
    expect(roundedCount(14, 10)).toBe(10);
    expect(roundedCount(15, 10)).toBe(20);
    expect(() => roundedCount(-1)).toThrow(RangeError);
    expect(() => roundedCount(2.5)).toThrow(RangeError);
    expect(() => roundedCount(3, 0)).toThrow(RangeError);
  });
});

describe('isDisclosive', () => {
  it.each([
    [0, 0, false], // nobody
    [0, 5, false], // five non-members, no members
    [0, 4, true], // four people
    [1, 10, true], // one member
    [4, 10, true],
    [5, 10, false],
    [5, 9, true], // four non-members
    [10, 10, true], // everyone is a member: names them all
    [5, 5, true],
    [20, 40, false],
  ])('%i members of %i: %s', (members, headcount, expected) => {
    expect(isDisclosive(members, headcount)).toBe(expected);
  });
  it('takes the minimum cell size', () => {
    expect(MIN_CELL_SIZE).toBe(5);
    expect(isDisclosive(3, 6, 3)).toBe(false);
    expect(isDisclosive(3, 6, 4)).toBe(true);
  });
  it('validates', () => {
    expect(() => isDisclosive(6, 5)).toThrow(RangeError);
  });
});

describe('aggregateSuppressed', () => {
  it('publishes everything when no cell is small', () => {
    const r = aggregateSuppressed([{ key: 'A', members: 20, headcount: 40 }, { key: 'B', members: 10, headcount: 30 }]);
    expect(r.cells).toEqual([
      { key: 'A', suppressed: false, reason: null, members: 20, headcount: 40, density: 0.5 },
      { key: 'B', suppressed: false, reason: null, members: 10, headcount: 30, density: 1 / 3 },
    ]);
    expect(r.total).toEqual({ suppressed: false, reason: null, members: 30, headcount: 70, density: 30 / 70 });
    expect(r.suppressedCount).toBe(0);
    expect(r.minCell).toBe(5);
  });

  it('hides a small cell and the smallest other cell, so the total cannot give it away', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 2, headcount: 3 },
      { key: 'B', members: 20, headcount: 40 },
      { key: 'C', members: 15, headcount: 35 },
    ]);
    expect(r.cells.map((c) => [c.key, c.reason])).toEqual([['A', 'SMALL_CELL'], ['B', null], ['C', 'COMPLEMENTARY']]);
    expect(r.cells[0]).toEqual({ key: 'A', suppressed: true, reason: 'SMALL_CELL', members: null, headcount: null, density: null });
    expect(r.total).toMatchObject({ suppressed: false, members: 37, headcount: 78 });
    expect(r.suppressedCount).toBe(2);
  });

  it('keeps hiding cells until the hidden ones together are not small', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 1, headcount: 10 },
      { key: 'B', members: 1, headcount: 10 },
      { key: 'C', members: 10, headcount: 20 },
      { key: 'D', members: 30, headcount: 60 },
    ]);
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', 'SMALL_CELL', 'COMPLEMENTARY', null]);
  });

  it('stops once two small cells together are big enough', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 3, headcount: 10 },
      { key: 'B', members: 3, headcount: 10 },
      { key: 'C', members: 10, headcount: 20 },
    ]);
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', 'SMALL_CELL', null]);
  });

  it('hides a ward where everyone is a member', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 30, headcount: 30 },
      { key: 'B', members: 10, headcount: 40 },
      { key: 'C', members: 20, headcount: 50 },
    ]);
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', 'COMPLEMENTARY', null]);
  });

  it('publishes a ward with no members and enough staff, and empty wards', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 0, headcount: 10 },
      { key: 'B', members: 0, headcount: 0 },
      { key: 'C', members: 20, headcount: 40 },
    ]);
    expect(r.cells.map((c) => c.suppressed)).toEqual([false, false, false]);
    expect(r.cells[1]).toMatchObject({ headcount: 0, density: null });
  });

  it('never picks an empty cell as the complement', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 2, headcount: 10 },
      { key: 'B', members: 0, headcount: 0 },
      { key: 'C', members: 20, headcount: 40 },
    ]);
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', null, 'COMPLEMENTARY']);
  });

  it('picks the first of equally small complements', () => {
    const r = aggregateSuppressed([
      { key: 'A', members: 2, headcount: 10 },
      { key: 'B', members: 10, headcount: 20 },
      { key: 'C', members: 10, headcount: 20 },
    ]);
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', 'COMPLEMENTARY', null]);
  });

  it('hides a small total (and then there is nothing to subtract from)', () => {
    const r = aggregateSuppressed([{ key: 'A', members: 1, headcount: 2 }, { key: 'B', members: 0, headcount: 2 }]);
    expect(r.total).toEqual({ suppressed: true, reason: 'SMALL_CELL', members: null, headcount: null, density: null });
    expect(r.cells.map((c) => c.reason)).toEqual(['SMALL_CELL', 'SMALL_CELL']);
  });

  it('hides everything when every cell with people must go', () => {
    const r = aggregateSuppressed([{ key: 'A', members: 2, headcount: 10 }, { key: 'B', members: 4, headcount: 10 }]);
    expect(r.cells.every((c) => c.suppressed)).toBe(true);
    expect(r.total).toMatchObject({ suppressed: false, members: 6, headcount: 20 });
  });

  it('handles no cells', () => {
    expect(aggregateSuppressed([])).toEqual({
      cells: [], total: { suppressed: false, reason: null, members: 0, headcount: 0, density: null }, suppressedCount: 0, minCell: 5,
    });
  });

  it('takes the minimum cell size and any key type', () => {
    const r = aggregateSuppressed([{ key: 1, members: 3, headcount: 6 }, { key: 2, members: 10, headcount: 20 }], 3);
    expect(r.cells.map((c) => c.suppressed)).toEqual([false, false]);
    expect(r.minCell).toBe(3);
    expect(aggregateSuppressed([{ key: 1, members: 3, headcount: 6 }, { key: 2, members: 10, headcount: 20 }], 10).cells[0].suppressed).toBe(true);
  });

  it('refuses bad input', () => {
    expect(() => aggregateSuppressed([{ key: 'A', members: 1, headcount: 1 }, { key: 'A', members: 1, headcount: 1 }])).toThrow(/Duplicate/);
    expect(() => aggregateSuppressed([{ key: 'A', members: 6, headcount: 5 }])).toThrow(RangeError);
    expect(() => aggregateSuppressed([{ key: 'A', members: 1.5, headcount: 5 }])).toThrow(RangeError);
    expect(() => aggregateSuppressed([], 0)).toThrow(RangeError);
  });
});
