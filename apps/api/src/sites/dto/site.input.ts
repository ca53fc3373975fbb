import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH, PATTERN } from '@rollcall/domain';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SiteKind } from '../../common/enums.js';
import { BaseFilter } from '../../common/list.js';
import { IdList, OptionalIdFilter, RequiredText } from '../../common/validators.js';

@InputType()
export class SiteCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @Field(() => SiteKind)
  @IsEnum(SiteKind)
  kind: SiteKind;

  @Field(() => ID)
  @IsUUID('all', { message: 'employerId must be a valid id' })
  employerId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LENGTH.ADDRESS)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PATTERN.POSTCODE, { message: 'postcode must be a UK postcode, e.g. NR1 3SR' })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: 'NHS ODS code of the site, e.g. RXX01' })
  @IsOptional()
  @Matches(PATTERN.SITE_ODS_CODE, { message: 'odsCode must be 3–7 capital letters or digits (e.g. RXX01)' })
  odsCode?: string | null;
}

@InputType()
export class SiteUpdateInput extends PartialType(SiteCreateInput) {}

@InputType()
export class SiteFilter extends BaseFilter {
  @OptionalIdFilter()
  employerId?: string;

  @IdList({ max: 100, nullable: true, description: "Any of these employers (e.g. those of one's branches)" })
  employerIds?: string[];

  @Field(() => SiteKind, { nullable: true })
  @IsOptional()
  @IsEnum(SiteKind)
  kind?: SiteKind;
}
