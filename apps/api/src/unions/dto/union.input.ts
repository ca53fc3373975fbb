import { Field, InputType, PartialType } from '@nestjs/graphql';
import { MAX_LENGTH } from '@rollcall/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { BaseFilter } from '../../common/list.js';

@InputType()
export class UnionCreateInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(MAX_LENGTH.NAME)
  name: string;

  @Field()
  @IsString()
  @IsNotEmpty({ message: 'shortName is required' })
  @MaxLength(MAX_LENGTH.UNION_SHORT_NAME)
  shortName: string;
}

@InputType()
export class UnionUpdateInput extends PartialType(UnionCreateInput) {}

@InputType()
export class UnionFilter extends BaseFilter {}
