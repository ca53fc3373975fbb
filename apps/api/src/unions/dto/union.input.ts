import { Field, InputType, PartialType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class UnionCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'shortName is required' })
  @MaxLength(20)
  shortName: string;
}

@InputType()
export class UnionUpdateInput extends PartialType(UnionCreateInput) {}

@InputType()
export class UnionFilter extends BaseFilter {}
