import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WardType } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { IdList, OptionalIdFilter, RequiredText } from '../../common/validators.js';

@InputType()
export class WardCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @Field(() => WardType)
  @IsEnum(WardType)
  type: WardType;

  @Field(() => ID)
  @IsUUID('all', { message: 'siteId must be a valid id' })
  siteId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.SPECIALITY)
  speciality?: string | null;
}

@InputType()
export class WardUpdateInput extends PartialType(WardCreateInput) {}

@InputType()
export class WardFilter extends BaseFilter {
  @OptionalIdFilter()
  siteId?: string;

  @OptionalIdFilter()
  employerId?: string;

  @IdList({ max: 100, nullable: true, description: "Any of these employers (e.g. those of one's branches)" })
  employerIds?: string[];

  @Field(() => WardType, { nullable: true })
  @IsOptional()
  @IsEnum(WardType)
  type?: WardType;
}
