import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class BranchCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name: string;

  @Field(() => [ID], { description: 'Employers whose staff this branch organises' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'employerIds must be a list of ids' })
  employerIds: string[];
}

@InputType()
export class BranchUpdateInput extends PartialType(BranchCreateInput) {}

@InputType()
export class BranchFilter extends BaseFilter {}
