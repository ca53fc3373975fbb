import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH, MAX_PARTICIPATION_ENTRIES } from '@rollcall/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { ActionKind, ParticipationState } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { IdList, IsLocalDate, OptionalIdFilter, OptionalLocalDate, RequiredText } from '../../common/validators.js';
import { TargetGroupInput } from '../../target-groups/target-group.type.js';

/** The longest goal or action notes a campaign keeps. */
const MAX_TEXT = 5000;
/** The most anyone sets as a target (a trust's whole staff is in the low tens of thousands). */
const MAX_TARGET = 1_000_000;

@InputType()
export class CampaignCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @Field(() => ID, { description: 'The branch it belongs to (one you are secretary or admin of)' })
  @IsUUID('all', { message: 'branchId must be a valid id' })
  branchId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  goal?: string | null;

  @Field(() => Int, { nullable: true, description: 'People it aims to have take part' })
  @IsOptional()
  @IsInt({ message: 'targetParticipants must be a whole number' })
  @Min(1, { message: 'targetParticipants must be at least 1' })
  @Max(MAX_TARGET, { message: `targetParticipants must be at most ${MAX_TARGET}` })
  targetParticipants?: number | null;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsLocalDate()
  startDate: string;

  @OptionalLocalDate('YYYY-MM-DD: its last day, on or after the start')
  endDate?: string | null;

  @OptionalLocalDate("YYYY-MM-DD: a coming ballot's membership cut-off")
  joinByDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'New members it aims to recruit' })
  @IsOptional()
  @IsInt({ message: 'recruitmentTarget must be a whole number' })
  @Min(1, { message: 'recruitmentTarget must be at least 1' })
  @Max(MAX_TARGET, { message: `recruitmentTarget must be at most ${MAX_TARGET}` })
  recruitmentTarget?: number | null;

  @IdList({ max: 50, nullable: true, description: "The organisation's unions involved" })
  unionIds?: string[];

  @Field(() => TargetGroupInput, { nullable: true, description: 'The staff it targets (everyone in the branch when not given)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetGroupInput)
  targetGroup?: TargetGroupInput | null;
}

@InputType()
export class CampaignUpdateInput extends PartialType(CampaignCreateInput) {}

@InputType()
export class CampaignFilter extends BaseFilter {
  @Field({ nullable: true, description: 'Only campaigns running today (true) or not (false)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @OptionalIdFilter()
  branchId?: string;

  /** The react-admin grammar's name for the branch filter. */
  @OptionalIdFilter('The same as branchId')
  branch?: string;
}

@InputType()
export class CampaignActionCreateInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => ActionKind)
  @IsEnum(ActionKind, { message: 'kind must be one of the action kinds' })
  kind: ActionKind;

  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'title is required')
  title: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsLocalDate()
  date: string;

  @Field(() => ID, { nullable: true, description: 'Held on this ward (or give a site, or online)' })
  @IsOptional()
  @IsUUID('all', { message: 'wardId must be a valid id' })
  wardId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Held at this site' })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a valid id' })
  siteId?: string | null;

  @Field({ nullable: true, description: 'Held online' })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @Field({ nullable: true, description: 'A test of the majority (read per ward against the branch threshold)' })
  @IsOptional()
  @IsBoolean()
  isStructureTest?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  notes?: string | null;
}

@InputType()
export class CampaignActionUpdateInput extends PartialType(CampaignActionCreateInput) {}

@InputType()
export class CampaignActionFilter extends BaseFilter {
  @OptionalIdFilter()
  campaignId?: string;

  @Field(() => ActionKind, { nullable: true })
  @IsOptional()
  @IsEnum(ActionKind)
  kind?: ActionKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  isStructureTest?: boolean;
}

@InputType()
export class ParticipationFilter extends BaseFilter {
  @OptionalIdFilter()
  actionId?: string;

  @OptionalIdFilter()
  contactId?: string;

  @OptionalIdFilter('People posted on this ward now')
  wardId?: string;

  @Field(() => ParticipationState, { nullable: true })
  @IsOptional()
  @IsEnum(ParticipationState)
  state?: ParticipationState;
}

@InputType()
export class ParticipationEntry {
  @Field(() => ID)
  @IsUUID('all', { message: 'contactId must be a valid id' })
  contactId: string;

  @Field(() => ParticipationState, { nullable: true, description: 'Their state now; null clears what was recorded' })
  @IsOptional()
  @IsEnum(ParticipationState, { message: 'state must be INVITED, PLEDGED or ATTENDED_OR_SIGNED' })
  state?: ParticipationState | null;
}

@InputType()
export class ParticipationEntries {
  @Field(() => [ParticipationEntry])
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPATION_ENTRIES, { message: `at most ${MAX_PARTICIPATION_ENTRIES} entries at once` })
  @ValidateNested({ each: true })
  @Type(() => ParticipationEntry)
  entries: ParticipationEntry[];
}
