import { registerEnumType } from '@nestjs/graphql';
import { CaseOutcome, CaseStatus, CaseType, DayCounting, MeetingKind } from '@rollcall/domain';

/** A place on a case's team: its one caseworker, an optional second caseworker, and an optional rep. */
export enum CaseTeamRole {
  CASEWORKER = 'CASEWORKER',
  SECOND_CASEWORKER = 'SECOND_CASEWORKER',
  REP = 'REP',
}

/** The casework enums, exposed to GraphQL under the same names and values as in the database. */
const enums = { CaseOutcome, CaseStatus, CaseType, CaseTeamRole, DayCounting, MeetingKind };
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });

export { CaseOutcome, CaseStatus, CaseType, DayCounting, MeetingKind };
