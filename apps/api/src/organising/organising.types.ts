import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ShiftPattern } from '../common/enums.js';
import { Contact } from '../contacts/contact.entity.js';
import { Ward } from '../wards/ward.entity.js';

export enum TimelineKind {
  CONVERSATION = 'CONVERSATION',
  ASSESSMENT = 'ASSESSMENT',
  MEMBERSHIP_JOINED = 'MEMBERSHIP_JOINED',
  MEMBERSHIP_LEFT = 'MEMBERSHIP_LEFT',
  REP_ROLE_STARTED = 'REP_ROLE_STARTED',
  REP_ROLE_ENDED = 'REP_ROLE_ENDED',
  LEADER_MARKED = 'LEADER_MARKED',
  LEADER_UNMARKED = 'LEADER_UNMARKED',
}
registerEnumType(TimelineKind, { name: 'TimelineKind' });

export enum CoverageStatus {
  NO_REP = 'NO_REP',
  FAILING = 'FAILING',
  BELOW_TARGET = 'BELOW_TARGET',
  ON_TARGET = 'ON_TARGET',
  NO_STAFF = 'NO_STAFF',
}
registerEnumType(CoverageStatus, { name: 'CoverageStatus', description: 'Staff per rep against the 1-in-20 target (over 50 is failing)' });

/** One event in a contact's history. */
@ObjectType()
export class TimelineEvent {
  @Field(() => ID, { description: 'kind:record id' })
  id: string;

  @Field(() => TimelineKind)
  kind: TimelineKind;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  detail: string | null;

  @Field(() => String, { nullable: true, description: 'Who did it (the rep or assessor)' })
  actorName: string | null;

  @Field(() => ID, { nullable: true })
  conversationId: string | null;

  @Field(() => Int, { nullable: true })
  assessment: number | null;
}

/** A ward of "my patch" with its organising numbers. */
@ObjectType()
export class PatchWard {
  @Field(() => ID)
  id: string;

  @Field(() => Ward)
  ward: Ward;

  @Field(() => Int, { description: 'Current staff the caller may see' })
  headcount: number;

  @Field(() => Int)
  members: number;

  @Field(() => Int, { description: 'With an assessment' })
  assessed: number;

  @Field(() => Int, { description: 'Assessed 1 or 2 (leader or supporter)' })
  supportive: number;

  @Field(() => Int, { description: 'Marked as organic leaders' })
  leaders: number;

  @Field(() => Int, { description: 'Spoken to at least once' })
  spokenTo: number;

  @Field(() => Int, { description: 'Nobody has spoken to them yet' })
  neverSpokenTo: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastConversationAt: Date | null;

  @Field(() => Int, { description: "The caller's open follow-ups with people here" })
  openFollowUps: number;

  @Field(() => Int)
  overdueFollowUps: number;
}

/** Rep coverage of one ward. */
@ObjectType()
export class WardCoverage {
  @Field(() => ID)
  id: string;

  @Field(() => Ward)
  ward: Ward;

  @Field(() => Int)
  headcount: number;

  @Field(() => Int)
  members: number;

  @Field(() => [Contact], { description: 'Current reps covering the ward' })
  reps: Contact[];

  @Field(() => Int)
  repCount: number;

  @Field(() => Float, { nullable: true, description: 'Members per rep (null with no rep)' })
  membersPerRep: number | null;

  @Field(() => Float, { nullable: true, description: 'Staff per rep (null with no rep)' })
  staffPerRep: number | null;

  @Field(() => CoverageStatus)
  status: CoverageStatus;

  @Field(() => [ShiftPattern], { description: 'Shifts worked here that no rep of the ward reaches' })
  shiftsWithoutRep: ShiftPattern[];
}

/** One rep's overdue follow-ups with the people the caller may see. */
@ObjectType()
export class RepOverdueFollowUps {
  @Field(() => ID, { description: "The rep's user id (a FollowUpFilter's repUserId)" })
  id: string;

  @Field()
  repName: string;

  @Field(() => Int, { description: 'Open follow-ups whose date has passed' })
  overdue: number;

  @Field({ description: 'The earliest of their dates (YYYY-MM-DD)' })
  oldestDate: string;
}
