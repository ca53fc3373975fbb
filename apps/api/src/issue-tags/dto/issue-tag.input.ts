import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class IssueTagCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(MAX_LENGTH.ISSUE_TAG_NAME)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class IssueTagUpdateInput extends PartialType(IssueTagCreateInput) {}

@InputType()
export class IssueTagFilter extends BaseFilter {
  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
