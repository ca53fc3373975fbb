import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { BaseFilter } from '../../common/list.js';
import { RequiredText } from '../../common/validators.js';

@InputType()
export class IssueTagCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.ISSUE_TAG_NAME, 'name is required')
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
