import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../common/list.js';

/** A page of a campaign's people to ask, optionally on one rep's patch. */
@ArgsType()
export class PeopleToAskArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'campaignId must be a valid id' })
  campaignId: string;

  @Field(() => ID, { nullable: true, description: "Only people posted on this rep's patch" })
  @IsOptional()
  @IsUUID('all', { message: 'repId must be a valid id' })
  repId?: string | null;
}
