import { Field, InputType, PartialType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class EmployerCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{3,5}$/, { message: 'odsCode must be 3–5 capital letters or digits (e.g. RXX)' })
  odsCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string | null;
}

@InputType()
export class EmployerUpdateInput extends PartialType(EmployerCreateInput) {}

@InputType()
export class EmployerFilter extends BaseFilter {}
