import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { BallotMemberState } from '@rollcall/domain';
import { GraphQLISODateTime } from '@nestjs/graphql';
import { Ballot } from './ballot.entity.js';

/** A dated rule set (libs/domain BALLOT_RULE_SETS): the thresholds a ballot is judged by. */
@ObjectType('BallotRuleSet')
export class BallotRuleSetView {
  @Field() id: string;
  @Field() name: string;
  @Field() legislation: string;
  @Field() appliesToBallotsOpenedFrom: string;
  @Field(() => String, { nullable: true }) appliesToBallotsOpenedBefore: string | null;
  @Field(() => Int, { nullable: true, description: 'Votes cast must be at least this % of those entitled' }) minTurnoutPercent: number | null;
  @Field(() => Int, { nullable: true, description: 'In important public services, Yes votes must be at least this % of those entitled (null: no such rule)' })
  importantPublicServiceYesPercent: number | null;
  @Field(() => Int) mandateMonths: number;
  @Field(() => Int, { nullable: true }) mandateMaxMonthsByAgreement: number | null;
}

/** An entitled member (or one who joined after the cut-off) and where they stand. */
@ObjectType()
export class BallotMember {
  @Field(() => ID, { description: 'The contact' }) id: string;
  @Field() fullName: string;
  @Field(() => ID, { nullable: true }) wardId: string | null;
  @Field(() => String, { nullable: true }) wardName: string | null;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field({ description: 'Entitled to vote (a member of the union at the cut-off, in the group)' }) entitled: boolean;
  @Field(() => String, { nullable: true, description: 'Join date (of the membership that counts, or of the one after the cut-off)' }) joinDate: string | null;
  @Field(() => [String], { description: 'Readiness problems: NO_CURRENT_WORKPLACE, NO_POSTAL_ADDRESS, ADDRESS_NOT_CONFIRMED' }) problems: string[];
  @Field(() => BallotMemberState) state: BallotMemberState;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the state was last set' }) stateChangedAt: Date | null;
  @Field(() => BallotMemberState, { nullable: true, description: 'Their latest pledge (yes or no), kept after they vote' }) lastPledge: BallotMemberState | null;
  @Field(() => Int, { nullable: true }) assessment: number | null;
}

@ObjectType()
export class BallotStateCount {
  @Field(() => BallotMemberState) state: BallotMemberState;
  @Field(() => Int) count: number;
}

/** Projected turnout and Yes for a set of entitled members (a ward, a rep's patch, everyone), against the rule set. */
@ObjectType()
export class BallotProjection {
  @Field() label: string;
  @Field(() => ID, { nullable: true }) wardId: string | null;
  @Field(() => ID, { nullable: true }) repUserId: string | null;
  @Field(() => Int) entitled: number;
  @Field(() => Int, { description: 'Voted (papers returned)' }) voted: number;
  @Field(() => Int, { description: 'Pledged yes or no, not yet voted' }) pledged: number;
  @Field(() => Int) pledgedYes: number;
  @Field(() => Int, { description: 'Voted + pledged' }) projectedVotes: number;
  @Field(() => Float) turnoutSoFar: number;
  @Field(() => Float) projectedTurnout: number;
  @Field(() => Float, { nullable: true, description: 'Of those voted or pledged whose pledge is known, the share pledged yes' }) projectedYesShare: number | null;
  @Field(() => Int, { nullable: true, description: 'Votes needed in total for the turnout rule' }) requiredVotes: number | null;
  @Field(() => Int, { description: 'More votes needed beyond those returned' }) votesNeeded: number;
  @Field(() => Int, { description: 'More voters needed even if every pledge is kept: the margin in people' }) shortfallAfterPledges: number;
  @Field(() => Int, { nullable: true }) requiredYes: number | null;
  @Field(() => Int, { nullable: true }) yesShortfallAfterPledges: number | null;
  @Field() onTrack: boolean;
  @Field({ description: 'The margin in words ("62 more voters needed")' }) margin: string;
  @Field(() => [BallotStateCount]) byState: BallotStateCount[];
}

@ObjectType()
export class BallotTurnoutDay {
  @Field() date: string;
  @Field(() => Int, { description: 'Reported voted that day' }) voted: number;
  @Field(() => Int, { description: 'Reported voted up to and including that day' }) cumulative: number;
}

@ObjectType()
export class BallotReadiness {
  @Field(() => Int) entitled: number;
  @Field(() => Int, { description: 'Members in the group who joined after the cut-off: not entitled' }) joinedAfterCutOff: number;
  @Field(() => Int) noCurrentWorkplace: number;
  @Field(() => Int) noPostalAddress: number;
  @Field(() => Int, { description: 'A postal address not confirmed in the last 6 months' }) addressNotConfirmed: number;
  @Field(() => Int, { description: 'Entitled with no problem' }) ready: number;
}

/** What the caller may see of a live ballot (a rep: their patch). */
@ObjectType()
export class BallotReport {
  @Field({ description: "Whose members it counts: the caller's scope (a rep's patch, a branch)" }) scope: string;
  @Field(() => BallotReadiness) readiness: BallotReadiness;
  @Field(() => BallotProjection) overall: BallotProjection;
  @Field(() => [BallotProjection]) byWard: BallotProjection[];
  @Field(() => [BallotProjection]) byPatch: BallotProjection[];
  @Field(() => [BallotTurnoutDay], { description: 'Reported turnout day by day (from VOTED changes)' }) turnoutByDay: BallotTurnoutDay[];
}

/** The official result judged by the rule set for the opening date (libs/domain evaluateBallot). */
@ObjectType()
export class BallotEvaluationView {
  @Field() valid: boolean;
  @Field(() => Float) turnout: number;
  @Field(() => Float) yesShareOfEntitled: number;
  @Field(() => Float, { nullable: true }) yesShareOfVotes: number | null;
  @Field() majorityYes: boolean;
  @Field(() => Boolean, { nullable: true }) turnoutMet: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'null: the 40 % rule does not apply' }) importantPublicServiceYesMet: boolean | null;
  @Field(() => Int, { nullable: true }) requiredVotes: number | null;
  @Field(() => Int, { nullable: true }) requiredYes: number | null;
  @Field(() => [String], { description: 'MAJORITY, TURNOUT, IMPORTANT_PUBLIC_SERVICE_YES' }) failures: string[];
  @Field(() => [String]) reasons: string[];
  @Field(() => String, { nullable: true, description: 'The last day of the mandate (valid ballots only)' }) mandateExpires: string | null;
}

/** A live ballot a contact is entitled to vote in, and where they stand in it (the quick log's chips). */
@ObjectType()
export class ContactBallot {
  @Field(() => Ballot) ballot: Ballot;
  @Field(() => BallotMemberState) state: BallotMemberState;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the state was last set' }) stateChangedAt: Date | null;
}

@ObjectType()
export class BallotMemberStateView {
  @Field(() => ID) ballotId: string;
  @Field(() => ID) contactId: string;
  @Field(() => BallotMemberState) state: BallotMemberState;
  @Field(() => GraphQLISODateTime) changedAt: Date;
}
