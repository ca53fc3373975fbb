import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';
import { IdList } from '../../common/validators.js';

@InputType()
export class BranchCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(MAX_LENGTH.NAME)
  name: string;

  @IdList({ max: 100, description: 'Employers whose staff this branch organises' })
  employerIds: string[];
}

@InputType()
export class BranchUpdateInput extends PartialType(BranchCreateInput) {}

@InputType()
export class BranchFilter extends BaseFilter {}
