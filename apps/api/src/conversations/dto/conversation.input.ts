import { Field, GraphQLISODateTime, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min,
} from 'class-validator';
import { AeiouStep, AskAnswer, ConversationChannel, ConversationType, FollowUpState } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { ClientId, IdList, IsLocalDate, OptionalIdFilter } from '../../common/validators.js';

@InputType()
export class ConversationCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it happened (default: now); not in the future' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt?: Date;

  @Field(() => ConversationChannel, { nullable: true, description: 'Default: in person' })
  @IsOptional()
  @IsEnum(ConversationChannel, { message: 'channel must be one of the channels' })
  channel?: ConversationChannel;

  @Field(() => ConversationType, { nullable: true, description: 'Default: one-to-one' })
  @IsOptional()
  @IsEnum(ConversationType, { message: 'type must be one of the conversation types' })
  type?: ConversationType;

  @IdList({ max: 20, nullable: true, description: 'Issues raised (active issue tags)' })
  issueTagIds?: string[];

  @Field(() => [AeiouStep], { nullable: true, description: 'AEIOU steps covered' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(AeiouStep, { each: true, message: 'aeiouSteps must be AEIOU steps' })
  aeiouSteps?: AeiouStep[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.SHORT_TEXT)
  ask?: string | null;

  @Field(() => AskAnswer, { nullable: true })
  @IsOptional()
  @IsEnum(AskAnswer, { message: 'answer must be YES, NO or MAYBE' })
  answer?: AskAnswer | null;

  @Field(() => Int, { nullable: true, description: '1 leader … 5 opposed; added to the assessment history' })
  @IsOptional()
  @IsInt({ message: 'assessment must be a whole number from 1 to 5' })
  @Min(1, { message: 'assessment must be from 1 (leader) to 5 (opposed)' })
  @Max(5, { message: 'assessment must be from 1 (leader) to 5 (opposed)' })
  assessment?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.NOTES)
  notes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.SHORT_TEXT)
  nextStep?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after the conversation' })
  @IsOptional()
  @IsLocalDate()
  followUpDate?: string | null;
}

@InputType()
export class ConversationUpdateInput extends PartialType(OmitType(ConversationCreateInput, ['id', 'contactId'] as const)) {}

@InputType()
export class ConversationFilter extends BaseFilter {
  @OptionalIdFilter()
  contactId?: string;

  @OptionalIdFilter('Who had them')
  repUserId?: string;

  @Field({ nullable: true, description: 'Only mine' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;

  @OptionalIdFilter()
  issueTagId?: string;

  @OptionalIdFilter('Contacts posted on this ward now')
  wardId?: string;

  @Field(() => AskAnswer, { nullable: true })
  @IsOptional()
  @IsEnum(AskAnswer)
  answer?: AskAnswer;

  @Field(() => String, { nullable: true, description: 'On or after (YYYY-MM-DD)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @Field(() => String, { nullable: true, description: 'On or before (YYYY-MM-DD)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

@InputType()
export class FollowUpFilter extends BaseFilter {
  @OptionalIdFilter("Whose follow-ups (default: the caller's)")
  repUserId?: string;

  @OptionalIdFilter()
  contactId?: string;

  @Field(() => FollowUpState, { nullable: true })
  @IsOptional()
  @IsEnum(FollowUpState)
  state?: FollowUpState;

  @Field({ nullable: true, description: 'Include follow-ups already done (a later conversation was logged)' })
  @IsOptional()
  @IsBoolean()
  includeDone?: boolean;
}
