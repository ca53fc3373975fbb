import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BaseFilter } from '../../../common/list.js';
import { ClientId, IsLocalDate, OptionalIdFilter, OptionalLocalDate } from '../../../common/validators.js';
import { MeetingKind } from '../../casework.enums.js';

@InputType()
export class CaseMeetingCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a valid id' })
  caseId: string;

  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsLocalDate()
  date: string;

  @Field(() => String, { nullable: true, description: 'HH:MM, UK time' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be a time of day as HH:MM' })
  time?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.MEETING_PLACE)
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Who sits on the panel' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.MEETING_TEXT)
  panel?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  accompanied?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.MEETING_PLACE)
  accompaniedBy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.MEETING_TEXT)
  outcome?: string | null;

  @Field(() => String, { nullable: true, description: 'Encrypted at rest' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.CASE_TEXT)
  notes?: string | null;
}

@InputType()
export class CaseMeetingUpdateInput extends PartialType(OmitType(CaseMeetingCreateInput, ['id', 'caseId'] as const), { skipNullProperties: false }) {}

@InputType()
export class CaseMeetingFilter extends BaseFilter {
  @OptionalIdFilter()
  caseId?: string;

  @Field(() => MeetingKind, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingKind)
  kind?: MeetingKind;

  @OptionalLocalDate('On or after this day (YYYY-MM-DD)')
  from?: string;

  @OptionalLocalDate('On or before this day (YYYY-MM-DD)')
  to?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only meetings of cases whose team you are on' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}
