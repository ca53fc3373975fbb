import {
  countsAsMember, MEMBERSHIP_SOURCE_LABELS, MEMBERSHIP_STATUS_LABELS, MembershipSource, MembershipStatus, OrganisationKind,
  REP_ROLE_KIND_LABELS, RepRoleKind, Role, ROLE_LABELS,
} from './membership.js';

describe('enums and labels', () => {
  it('keep the stored values', () => {
    expect(Object.values(OrganisationKind)).toEqual(['UNION_BRANCH', 'CAMPAIGN']);
    expect(Object.values(MembershipStatus)).toEqual(['MEMBER', 'PENDING', 'LAPSED', 'NON_MEMBER']);
    expect(Object.values(MembershipSource)).toEqual(['SELF_REPORTED', 'VERIFIED_LIST']);
    expect(Object.values(RepRoleKind)).toEqual(['WORKPLACE_REP', 'HEALTH_SAFETY_REP', 'LEARNING_REP', 'EQUALITY_REP', 'BRANCH_OFFICER']);
    expect(Object.values(Role)).toEqual(['ADMIN', 'BRANCH_SECRETARY', 'CASEWORKER', 'REP', 'COALITION_VIEWER']);
  });

  it.each([
    ['MembershipStatus', MembershipStatus, MEMBERSHIP_STATUS_LABELS],
    ['MembershipSource', MembershipSource, MEMBERSHIP_SOURCE_LABELS],
    ['RepRoleKind', RepRoleKind, REP_ROLE_KIND_LABELS],
    ['Role', Role, ROLE_LABELS],
  ] as [string, Record<string, string>, Record<string, string>][])('%s has a distinct, non-empty label for every value', (_, e, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(e).sort());
    const texts = Object.values(e).map((v) => labels[v]);
    for (const t of texts) expect(t.trim().length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses the words reps use', () => {
    expect(MEMBERSHIP_STATUS_LABELS[MembershipStatus.PENDING]).toBe('Pending / applied');
    expect(REP_ROLE_KIND_LABELS[RepRoleKind.WORKPLACE_REP]).toBe('Workplace rep / steward');
    expect(ROLE_LABELS[Role.COALITION_VIEWER]).toMatch(/read-only/);
  });
});

describe('countsAsMember', () => {
  const today = '2024-06-10';
  it('counts a member with no leave date', () => {
    expect(countsAsMember(MembershipStatus.MEMBER, null, today)).toBe(true);
  });
  it('counts a member whose leave date is still to come', () => {
    expect(countsAsMember(MembershipStatus.MEMBER, '2024-06-11', today)).toBe(true);
    expect(countsAsMember(MembershipStatus.MEMBER, '2030-01-01', today)).toBe(true);
  });
  it('stops counting on the leave date itself and after', () => {
    expect(countsAsMember(MembershipStatus.MEMBER, '2024-06-10', today)).toBe(false);
    expect(countsAsMember(MembershipStatus.MEMBER, '2024-06-09', today)).toBe(false);
  });
  it('never counts pending, lapsed or non-members, whatever the dates', () => {
    for (const status of [MembershipStatus.PENDING, MembershipStatus.LAPSED, MembershipStatus.NON_MEMBER]) {
      expect(countsAsMember(status, null, today)).toBe(false);
      expect(countsAsMember(status, '2030-01-01', today)).toBe(false);
    }
  });
});
