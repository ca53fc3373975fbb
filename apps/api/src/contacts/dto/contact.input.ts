import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH, PATTERN } from '@rollcall/domain';
import { IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ContractType, Grade, MembershipStatus, ShiftPattern, StaffGroup } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { ClientId, OptionalIdFilter, OptionalLocalDate, RequiredText } from '../../common/validators.js';

@InputType()
export class ContactCreateInput {
  @ClientId()
  id?: string;

  @Field()
  @RequiredText(MAX_LENGTH.PERSON_NAME, 'firstName is required')
  firstName: string;

  @Field()
  @RequiredText(MAX_LENGTH.PERSON_NAME, 'lastName is required')
  lastName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.PERSON_NAME)
  preferredName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.JOB_TITLE)
  jobTitle?: string | null;

  @Field(() => StaffGroup)
  @IsEnum(StaffGroup)
  staffGroup: StaffGroup;

  @Field(() => Grade, { nullable: true })
  @IsOptional()
  @IsEnum(Grade)
  grade?: Grade | null;

  @Field(() => ShiftPattern)
  @IsEnum(ShiftPattern)
  shiftPattern: ShiftPattern;

  @Field(() => ContractType)
  @IsEnum(ContractType)
  contractType: ContractType;

  @Field(() => ID)
  @IsUUID('all', { message: 'employerId must be a valid id' })
  employerId: string;

  @Field(() => ID, { description: 'Current ward: opens a posting' })
  @IsUUID('all', { message: 'wardId must be a valid id' })
  wardId: string;

  @OptionalLocalDate('When the posting on wardId began (default: startDate or today)')
  postedFrom?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.EMPLOYEE_NUMBER, { message: 'employeeNumber must be 1–20 letters, digits or dashes' })
  employeeNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'workEmail must be an email address' })
  @MaxLength(MAX_LENGTH.EMAIL)
  workEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.PHONE, { message: 'workPhone must be a phone number' })
  workPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'personalEmail must be an email address' })
  @MaxLength(MAX_LENGTH.EMAIL)
  personalEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.PHONE, { message: 'personalPhone must be a phone number' })
  personalPhone?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address lines (house, street, area), one per line' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  postalAddressLines?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  postalTown?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.POSTCODE, { message: 'postalPostcode must be a UK postcode' })
  postalPostcode?: string | null;

  @OptionalLocalDate('When the postal address was last confirmed with them')
  addressConfirmedOn?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  consentPersonalEmail?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  consentPersonalPhone?: boolean;

  @OptionalLocalDate()
  startDate?: string | null;

  @OptionalLocalDate()
  leaveDate?: string | null;
}

@InputType()
export class ContactUpdateInput extends PartialType(OmitType(ContactCreateInput, ['id'] as const)) {
  @OptionalLocalDate('With wardId: the date the move takes effect (default today)')
  movedOn?: string | null;
}

@InputType()
export class ContactFilter extends BaseFilter {
  @OptionalIdFilter()
  employerId?: string;

  @OptionalIdFilter()
  siteId?: string;

  @OptionalIdFilter()
  wardId?: string;

  @Field(() => StaffGroup, { nullable: true })
  @IsOptional()
  @IsEnum(StaffGroup)
  staffGroup?: StaffGroup;

  @Field(() => Grade, { nullable: true })
  @IsOptional()
  @IsEnum(Grade)
  grade?: Grade;

  @Field(() => ShiftPattern, { nullable: true })
  @IsOptional()
  @IsEnum(ShiftPattern)
  shiftPattern?: ShiftPattern;

  @Field(() => ContractType, { nullable: true })
  @IsOptional()
  @IsEnum(ContractType)
  contractType?: ContractType;

  @OptionalIdFilter('With membershipStatus: status in this union')
  unionId?: string;

  @Field(() => MembershipStatus, {
    nullable: true,
    description: 'NON_MEMBER matches contacts with no current or pending membership (of unionId, if given)',
  })
  @IsOptional()
  @IsEnum(MembershipStatus)
  membershipStatus?: MembershipStatus;

  @Field({ nullable: true, description: 'true: current staff only (no leave date, or one in the future); false: leavers only' })
  @IsOptional()
  @IsBoolean()
  isCurrent?: boolean;

  @Field({ nullable: true, description: 'Holds a current rep role' })
  @IsOptional()
  @IsBoolean()
  isRep?: boolean;

  @Field(() => Int, { nullable: true, description: 'Current assessment (1 leader … 5 opposed)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  assessment?: number;

  @Field({ nullable: true, description: 'Has (true) or has not (false) been assessed' })
  @IsOptional()
  @IsBoolean()
  assessed?: boolean;

  @Field({ nullable: true, description: 'Marked as an organic leader' })
  @IsOptional()
  @IsBoolean()
  leader?: boolean;

  @Field({ nullable: true, description: 'Has (true) or has never (false) been spoken to' })
  @IsOptional()
  @IsBoolean()
  spokenTo?: boolean;
}
