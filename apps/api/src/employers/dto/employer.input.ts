import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH, PATTERN } from '@rollcall/domain';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';
import { RequiredText } from '../../common/validators.js';

@InputType()
export class EmployerCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.EMPLOYER_ODS_CODE, { message: 'odsCode must be 3–5 capital letters or digits (e.g. RXX)' })
  odsCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.REGION)
  region?: string | null;
}

@InputType()
export class EmployerUpdateInput extends PartialType(EmployerCreateInput) {}

@InputType()
export class EmployerFilter extends BaseFilter {}
