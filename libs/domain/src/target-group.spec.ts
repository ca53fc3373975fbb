import { Grade, gradeLabel } from './grades.js';
import { describeTargetGroup, EVERYONE, isEveryone, normaliseTargetGroup } from './target-group.js';
import { StaffGroup } from './workplace.js';

describe('target groups', () => {
  it('are normalised: lists sorted, repeats dropped, missing lists empty', () => {
    expect(normaliseTargetGroup({ wardIds: ['b', 'a', 'b'], grades: [Grade.AFC_6, Grade.AFC_5] })).toEqual({
      employerIds: [], siteIds: [], wardIds: ['a', 'b'], staffGroups: [], grades: [Grade.AFC_5, Grade.AFC_6],
    });
    expect(normaliseTargetGroup(null)).toEqual(EVERYONE);
  });

  it('narrow nothing when every list is empty', () => {
    expect(isEveryone(EVERYONE)).toBe(true);
    expect(isEveryone(normaliseTargetGroup({ siteIds: ['s'] }))).toBe(false);
    expect(describeTargetGroup(EVERYONE)).toBe('Everyone');
  });

  it('are described in words, narrowest first, with names where known', () => {
    const group = normaliseTargetGroup({
      staffGroups: [StaffGroup.NURSING_MIDWIFERY_REGISTERED], grades: [Grade.AFC_5, Grade.AFC_6], wardIds: ['w1', 'w2'], employerIds: ['e1'],
    });
    const names = { wards: new Map([['w1', 'Ward 7B'], ['w2', 'Ward 9']]), employers: new Map([['e1', 'North Riverside']]) };
    expect(describeTargetGroup(group, names)).toBe(
      `Nursing and Midwifery Registered; ${gradeLabel(Grade.AFC_5)} or ${gradeLabel(Grade.AFC_6)}; on Ward 7B or Ward 9; employed by North Riverside`);
    expect(describeTargetGroup(normaliseTargetGroup({ siteIds: ['x'] }))).toBe('at a site');
    expect(describeTargetGroup(normaliseTargetGroup({ wardIds: ['1', '2', '3', '4', '5'] }), { wards: new Map([['1', 'A'], ['2', 'B'], ['3', 'C']]) }))
      .toBe('on A, B, C and 2 more');
  });
});
