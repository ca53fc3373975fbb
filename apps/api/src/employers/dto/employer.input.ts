import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH, PATTERN } from '@rollcall/domain';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class EmployerCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(MAX_LENGTH.NAME)
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
