import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { BaseFilter } from '../common/list.js';

/** A user who is a rep in one of the caller's branches: whose follow-ups a secretary may look at. */
@ObjectType()
export class Rep {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@InputType()
export class RepFilter extends BaseFilter {}
