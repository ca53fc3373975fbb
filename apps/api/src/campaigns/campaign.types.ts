import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Ward } from '../wards/ward.entity.js';

/** A campaign's numbers against its goal. */
@ObjectType()
export class CampaignNumbers {
  @Field(() => Int)
  actions: number;

  @Field(() => Int, { nullable: true, description: 'Distinct people who came to or signed any of its actions (null: withheld, too few to publish)' })
  participants: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct people who pledged to an action (null: withheld)' })
  pledged: number | null;

  @Field(() => Int, { nullable: true, description: 'The goal: people it aims to have take part' })
  targetParticipants: number | null;

  @Field(() => Float, { nullable: true, description: 'participants ÷ targetParticipants (null without a goal, or withheld)' })
  shareOfGoal: number | null;

  @Field({ description: 'Figures under the minimum cell size are withheld: the caller sees aggregates only in this branch' })
  suppressed: boolean;
}

/** One ward's structure-test result. */
@ObjectType()
export class StructureTestWard {
  @Field(() => ID, { description: "The ward's id" })
  id: string;

  @Field(() => Ward, { nullable: true })
  ward?: Ward | null;

  @Field(() => Int, { nullable: true, description: 'Current staff posted there in the target group (null when withheld)' })
  headcount: number | null;

  @Field(() => Int, { nullable: true, description: 'Current members among them' })
  members: number | null;

  @Field(() => Int, { nullable: true, description: 'Of them, who came to or signed the action' })
  participants: number | null;

  @Field(() => Int, { nullable: true, description: 'Members among the participants' })
  memberParticipants: number | null;

  @Field(() => Float, { nullable: true, description: 'participants ÷ headcount (0 to 1)' })
  shareOfHeadcount: number | null;

  @Field(() => Float, { nullable: true, description: 'memberParticipants ÷ members (0 to 1)' })
  shareOfMembers: number | null;

  @Field({ description: "Its share of headcount reaches the branch's threshold" })
  meetsThreshold: boolean;

  @Field({ description: 'Withheld from an aggregate-only audience (too few people to publish, or it would let one be worked out)' })
  suppressed: boolean;
}

/** A structure test's result, ward by ward, strongest first. */
@ObjectType()
export class StructureTestResult {
  @Field(() => ID, { description: "The action's id" })
  id: string;

  @Field(() => Int, { description: "The branch's threshold: the share (percent) of headcount a ward must reach" })
  thresholdPercent: number;

  @Field(() => [StructureTestWard], { description: 'Every ward with staff in the target group, by share of headcount, strongest first (withheld ones last)' })
  wards: StructureTestWard[];

  @Field(() => Int, { description: 'Wards that reach the threshold' })
  wardsMeeting: number;

  @Field(() => StructureTestWard, { description: 'All the wards together' })
  total: StructureTestWard;
}
