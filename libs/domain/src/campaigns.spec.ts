import { campaignActive, daysToJoinBy, meetsThreshold, shareOf, structureTestSuppression } from './campaigns.js';

describe('campaign dates', () => {
  it('counts down to the join-by date: 0 on the day, negative after, none without one', () => {
    expect(daysToJoinBy('2026-10-23', '2026-10-01')).toBe(22);
    expect(daysToJoinBy('2026-10-23', '2026-10-23')).toBe(0);
    expect(daysToJoinBy('2026-10-23', '2026-10-24')).toBe(-1);
    expect(daysToJoinBy(null, '2026-10-24')).toBeNull();
  });

  it('is active from its start to its last day', () => {
    expect(campaignActive('2026-10-01', '2026-10-31', '2026-09-30')).toBe(false);
    expect(campaignActive('2026-10-01', '2026-10-31', '2026-10-01')).toBe(true);
    expect(campaignActive('2026-10-01', '2026-10-31', '2026-10-31')).toBe(true);
    expect(campaignActive('2026-10-01', '2026-10-31', '2026-11-01')).toBe(false);
    expect(campaignActive('2026-10-01', null, '2030-01-01')).toBe(true);
  });
});

describe('a structure test share', () => {
  it('is a fraction of a whole that has people, and meets a threshold in percent at or above it', () => {
    expect(shareOf(5, 10)).toBe(0.5);
    expect(shareOf(0, 0)).toBeNull();
    expect(meetsThreshold(0.5, 50)).toBe(true);
    expect(meetsThreshold(0.49, 50)).toBe(false);
    expect(meetsThreshold(null, 0)).toBe(false);
  });
});

describe('structure test suppression for aggregate-only audiences', () => {
  const cell = (key: string, headcount: number, members: number, participants: number) => ({ key, headcount, members, participants });

  it('withholds nothing when every cell and the total are safe', () => {
    const r = structureTestSuppression([cell('a', 40, 20, 10), cell('b', 30, 10, 15)]);
    expect([...r.withheld]).toEqual([]);
    expect(r.totalWithheld).toBe(false);
  });

  it('withholds a cell with few participants even when its members are safe, and a complementary one', () => {
    const r = structureTestSuppression([cell('a', 40, 20, 2), cell('b', 30, 10, 15), cell('c', 50, 25, 20)]);
    // a alone: 2 participants; with the smallest open cell (b) the hidden sums are 17 participants, 30 members of 70
    expect([...r.withheld].sort()).toEqual(['a', 'b']);
  });

  it('withholds a cell where almost everyone took part (few non-participants name the rest)', () => {
    const r = structureTestSuppression([cell('a', 20, 10, 18), cell('b', 30, 10, 10), cell('c', 30, 10, 10)]);
    expect(r.withheld.has('a')).toBe(true);
    expect(r.withheld.size).toBeGreaterThan(1);
  });

  it('withholds everything when the total itself is disclosive', () => {
    const r = structureTestSuppression([cell('a', 6, 1, 0), cell('b', 6, 2, 0)]);
    expect(r.totalWithheld).toBe(true);
    expect([...r.withheld].sort()).toEqual(['a', 'b']);
  });
});
