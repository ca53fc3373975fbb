import { ArgsType, Field, ID, InputType, Int, ObjectType, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MembershipSource, MembershipStatus } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { ClientId, OptionalIdFilter, OptionalLocalDate } from '../../common/validators.js';
import { Membership } from '../membership.entity.js';

@InputType()
export class MembershipCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'unionId must be a valid id' })
  unionId: string;

  @Field(() => MembershipStatus)
  @IsEnum(MembershipStatus)
  status: MembershipStatus;

  @Field(() => MembershipSource)
  @IsEnum(MembershipSource)
  source: MembershipSource;

  @OptionalLocalDate()
  joinDate?: string | null;

  @OptionalLocalDate()
  leaveDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.MEMBERSHIP_NUMBER)
  membershipNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'The contact who recruited them (one you may see); not with recruitedByUserId' })
  @IsOptional()
  @IsUUID('all', { message: 'recruitedByContactId must be a valid id' })
  recruitedByContactId?: string | null;

  @Field(() => ID, { nullable: true, description: "The user (a rep) of your organisation who recruited them; not with recruitedByContactId" })
  @IsOptional()
  @IsUUID('all', { message: 'recruitedByUserId must be a valid id' })
  recruitedByUserId?: string | null;
}

@InputType()
export class MembershipUpdateInput extends PartialType(OmitType(MembershipCreateInput, ['id', 'contactId'] as const)) {}

@InputType()
export class MembershipFilter extends BaseFilter {
  @OptionalIdFilter()
  contactId?: string;

  @OptionalIdFilter()
  unionId?: string;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus;
}

/** How far back "recent" reaches, and how many of the newest to list. */
@ArgsType()
export class RecentJoinersArgs {
  @Field(() => Int, { defaultValue: 30, description: 'Joined in the last this many days, today included (1–366)' })
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be from 1 to 366' })
  @Max(366, { message: 'days must be from 1 to 366' })
  days: number;

  @Field(() => Int, { defaultValue: 10, description: 'How many of the newest to list (1–100); count covers them all' })
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be from 1 to 100' })
  @Max(100, { message: 'limit must be from 1 to 100' })
  limit: number;
}

/** Members who joined recently: how many, and the newest of them. */
@ObjectType()
export class RecentJoiners {
  @Field({ description: 'The first day counted (YYYY-MM-DD)' })
  since: string;

  @Field(() => Int, { description: 'Memberships that started on or after `since`' })
  count: number;

  @Field(() => [Membership], { description: 'The newest first, at most `limit`' })
  memberships: Membership[];
}
