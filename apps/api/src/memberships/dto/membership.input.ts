import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MembershipSource, MembershipStatus } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { ClientId, IsLocalDate, OptionalIdFilter } from '../../common/validators.js';

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  joinDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  leaveDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  membershipNumber?: string | null;
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
