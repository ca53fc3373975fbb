import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { BaseFilter } from '../../common/list.js';
import { RequiredText } from '../../common/validators.js';

@InputType()
export class UnionCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @Field()
  @RequiredText(MAX_LENGTH.UNION_SHORT_NAME, 'shortName is required')
  shortName: string;
}

@InputType()
export class UnionUpdateInput extends PartialType(UnionCreateInput) {}

@InputType()
export class UnionFilter extends BaseFilter {}
