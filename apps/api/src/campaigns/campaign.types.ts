import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
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

/** One ward's recruitment figures (null: withheld from an aggregate-only audience). */
@ObjectType()
export class RecruitmentWard {
  @Field(() => ID)
  wardId: string;

  @Field()
  wardName: string;

  @Field(() => ID)
  siteId: string;

  @Field()
  siteName: string;

  @Field(() => Int, { nullable: true, description: 'Joined a union of the campaign since its start (current staff in its target group)' })
  joiners: number | null;

  @Field(() => Int, { nullable: true, description: 'Current staff in the target group who are not members of its unions' })
  nonMembers: number | null;

  @Field({ description: 'Figures withheld: too few people to publish to an aggregate-only audience' })
  suppressed: boolean;
}

/** One rep's patch: joiners and non-members on its sites. */
@ObjectType()
export class RecruitmentPatch {
  @Field(() => ID)
  repUserId: string;

  @Field()
  repName: string;

  @Field(() => Int)
  joiners: number;

  @Field(() => Int)
  nonMembers: number;
}

/** One recruiter: a contact (a colleague) or a user (a rep), and how many of the campaign's joiners they recruited. */
@ObjectType()
export class Recruiter {
  @Field(() => ID, { nullable: true, description: 'The contact or user id (null for an aggregate-only audience)' })
  id: string | null;

  @Field(() => String, { description: 'CONTACT or USER' })
  kind: 'CONTACT' | 'USER';

  @Field(() => String, { nullable: true, description: "Their name: null when you may not see that contact, or see aggregates only" })
  name: string | null;

  @Field(() => Int, { nullable: true, description: 'Joiners they recruited (null: withheld)' })
  recruits: number | null;
}

/** A campaign's recruitment drive: the countdown to its join-by date, joiners since its start against its target, where. */
@ObjectType()
export class CampaignRecruitment {
  @Field(() => ID, { description: "The campaign's id" })
  id: string;

  @Field(() => String, { nullable: true })
  joinByDate: string | null;

  @Field(() => Int, { nullable: true, description: 'Days from today to the join-by date' })
  daysToJoinBy: number | null;

  @Field(() => Int, { nullable: true })
  recruitmentTarget: number | null;

  @Field(() => Int, { nullable: true, description: "Current staff of its target group who joined one of its unions (any, if it names none) on or after its start, by its end (null: withheld)" })
  joinersSinceStart: number | null;

  @Field(() => Int, { nullable: true, description: 'Current staff of its target group who are not members of its unions (null: withheld)' })
  nonMembers: number | null;

  @Field(() => Float, { nullable: true, description: 'joinersSinceStart ÷ recruitmentTarget' })
  shareOfTarget: number | null;

  @Field(() => [RecruitmentWard], { description: 'Per ward of the target group, most non-members first' })
  byWard: RecruitmentWard[];

  @Field(() => [RecruitmentPatch], { description: "Per rep's patch (a rep: their own; an aggregate-only audience: none)" })
  byRepPatch: RecruitmentPatch[];

  @Field(() => [Recruiter], { description: 'Who recruited the joiners, most first' })
  leaderboard: Recruiter[];

  @Field({ description: 'Figures under the minimum cell size are withheld: the caller sees aggregates only in this branch' })
  suppressed: boolean;
}

/** Someone to ask to join: a non-member of the campaign's unions in its target group. */
@ObjectType()
export class PersonToAsk {
  @Field(() => ID, { description: "The contact's id" })
  id: string;

  @Field()
  fullName: string;

  @Field(() => ID, { nullable: true })
  wardId: string | null;

  @Field(() => String, { nullable: true })
  wardName: string | null;

  @Field(() => ID, { nullable: true })
  siteId: string | null;

  @Field(() => Int, { nullable: true, description: 'Current assessment (1 leader … 5 opposed; null: not assessed)' })
  assessment: number | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Their latest one-to-one conversation' })
  lastConversationAt: Date | null;
}

/** A page of people to ask, and how many there are in all. */
@ObjectType()
export class PeopleToAsk {
  @Field(() => Int)
  total: number;

  @Field(() => [PersonToAsk])
  people: PersonToAsk[];
}
