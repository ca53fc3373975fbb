import { registerEnumType } from '@nestjs/graphql';
import {
  ActionKind, AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType, ParticipationState,
} from '@rollcall/domain';

/** The shared domain enums, exposed to GraphQL under the same names and values as in the database. */
const enums = {
  ActionKind, AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType, ParticipationState,
};
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });

export {
  ActionKind, AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType, ParticipationState,
};
