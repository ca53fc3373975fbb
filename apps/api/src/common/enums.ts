import { registerEnumType } from '@nestjs/graphql';
import {
  AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType,
} from '@rollcall/domain';

/** The shared domain enums, exposed to GraphQL under the same names and values as in the database. */
const enums = {
  AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType,
};
for (const [name, e] of Object.entries(enums)) registerEnumType(e, { name });

export {
  AeiouStep, AskAnswer, BankHolidayRegion, ContractType, ConversationChannel, ConversationType, FollowUpState, Grade, MembershipSource,
  MembershipStatus, OrganisationKind, RepRoleKind, Role, ShiftPattern, SiteKind, StaffGroup, WardType,
};
