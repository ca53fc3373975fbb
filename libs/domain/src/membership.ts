/** Unions, membership and rep roles. */

export enum OrganisationKind {
  UNION_BRANCH = 'UNION_BRANCH',
  CAMPAIGN = 'CAMPAIGN',
}

export enum MembershipStatus {
  MEMBER = 'MEMBER',
  PENDING = 'PENDING',
  LAPSED = 'LAPSED',
  NON_MEMBER = 'NON_MEMBER',
}

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  [MembershipStatus.MEMBER]: 'Member',
  [MembershipStatus.PENDING]: 'Pending / applied',
  [MembershipStatus.LAPSED]: 'Lapsed',
  [MembershipStatus.NON_MEMBER]: 'Non-member',
};

export enum MembershipSource {
  SELF_REPORTED = 'SELF_REPORTED',
  VERIFIED_LIST = 'VERIFIED_LIST',
}

export const MEMBERSHIP_SOURCE_LABELS: Record<MembershipSource, string> = {
  [MembershipSource.SELF_REPORTED]: 'Self-reported (by rep)',
  [MembershipSource.VERIFIED_LIST]: "Verified from the union's list",
};

export enum RepRoleKind {
  WORKPLACE_REP = 'WORKPLACE_REP',
  HEALTH_SAFETY_REP = 'HEALTH_SAFETY_REP',
  LEARNING_REP = 'LEARNING_REP',
  EQUALITY_REP = 'EQUALITY_REP',
  BRANCH_OFFICER = 'BRANCH_OFFICER',
}

export const REP_ROLE_KIND_LABELS: Record<RepRoleKind, string> = {
  [RepRoleKind.WORKPLACE_REP]: 'Workplace rep / steward',
  [RepRoleKind.HEALTH_SAFETY_REP]: 'Health and safety rep',
  [RepRoleKind.LEARNING_REP]: 'Learning rep',
  [RepRoleKind.EQUALITY_REP]: 'Equality rep',
  [RepRoleKind.BRANCH_OFFICER]: 'Branch officer',
};

/** A membership that counts towards density: a current member. */
export function countsAsMember(status: MembershipStatus, leaveDate: string | null, today: string): boolean {
  return status === MembershipStatus.MEMBER && (leaveDate === null || leaveDate > today);
}

/** Application roles (DOMAIN.md "Who uses it"). */
export enum Role {
  ADMIN = 'ADMIN',
  BRANCH_SECRETARY = 'BRANCH_SECRETARY',
  CASEWORKER = 'CASEWORKER',
  REP = 'REP',
  COALITION_VIEWER = 'COALITION_VIEWER',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: 'Branch admin',
  [Role.BRANCH_SECRETARY]: 'Branch secretary',
  [Role.CASEWORKER]: 'Caseworker',
  [Role.REP]: 'Workplace rep',
  [Role.COALITION_VIEWER]: 'Coalition partner (read-only)',
};
