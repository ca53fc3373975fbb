import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { MAX_CUSTOM_DEADLINE_LABEL_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { BaseFilter } from '../../../common/list.js';
import { ClientId, IsLocalDate, OptionalIdFilter, OptionalLocalDate, RequiredText } from '../../../common/validators.js';

@InputType()
export class CaseCustomDeadlineCreateInput {
  @ClientId()
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'caseId must be a valid id' })
  caseId: string;

  @Field()
  @RequiredText(MAX_CUSTOM_DEADLINE_LABEL_LENGTH, 'label is required')
  label: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsLocalDate()
  due: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

@InputType()
export class CaseCustomDeadlineUpdateInput extends PartialType(OmitType(CaseCustomDeadlineCreateInput, ['id', 'caseId'] as const), { skipNullProperties: false }) {}

@InputType()
export class CaseCustomDeadlineFilter extends BaseFilter {
  @OptionalIdFilter()
  caseId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  done?: boolean;

  @OptionalLocalDate('Due on or after this day (YYYY-MM-DD)')
  from?: string;

  @OptionalLocalDate('Due on or before this day (YYYY-MM-DD)')
  to?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only deadlines of cases whose team you are on' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}
