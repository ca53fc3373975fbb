import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { BankHolidayRegion, DayCounting, MAX_APPEAL_POLICY_DAYS, MAX_LENGTH, PATTERN } from '@rollcall/domain';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
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

  @Field(() => BankHolidayRegion, { nullable: true, description: 'Default: England and Wales' })
  @IsOptional()
  @IsEnum(BankHolidayRegion, { message: 'bankHolidayRegion must be ENGLAND_AND_WALES, SCOTLAND or NORTHERN_IRELAND' })
  bankHolidayRegion?: BankHolidayRegion;

  @Field(() => Int, { nullable: true, description: "The appeal policy's days after the outcome letter (with appealCounting; both null: the default policy)" })
  @IsOptional()
  @IsInt({ message: 'appealDays must be a whole number of days' })
  @Min(1, { message: `appealDays must be from 1 to ${MAX_APPEAL_POLICY_DAYS}` })
  @Max(MAX_APPEAL_POLICY_DAYS, { message: `appealDays must be from 1 to ${MAX_APPEAL_POLICY_DAYS}` })
  appealDays?: number | null;

  @Field(() => DayCounting, { nullable: true })
  @IsOptional()
  @IsEnum(DayCounting, { message: 'appealCounting must be WORKING or CALENDAR' })
  appealCounting?: DayCounting | null;
}

@InputType()
export class EmployerUpdateInput extends PartialType(EmployerCreateInput) {}

@InputType()
export class EmployerFilter extends BaseFilter {}
