import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { BaseFilter } from '../../common/list.js';
import { IdList, RequiredText } from '../../common/validators.js';

@InputType()
export class BranchCreateInput {
  @Field()
  @RequiredText(MAX_LENGTH.NAME, 'name is required')
  name: string;

  @IdList({ max: 100, description: 'Employers whose staff this branch organises' })
  employerIds: string[];
}

@InputType()
export class BranchUpdateInput extends PartialType(BranchCreateInput) {}

@InputType()
export class BranchFilter extends BaseFilter {}
