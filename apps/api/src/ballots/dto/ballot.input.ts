import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { BallotMemberState, BallotQuestion, MAX_LENGTH } from '@rollcall/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { BaseFilter } from '../../common/list.js';
import { IsLocalDate, OptionalIdFilter, RequiredText } from '../../common/validators.js';
import { TargetGroupInput } from '../../target-groups/target-group.type.js';

@InputType()
export class BallotCreateInput {
  @Field()
  @RequiredText(Math.min(MAX_LENGTH.NAME, 200), 'name is required')
  name: string;

  @Field(() => ID, { description: "One of the branches where you may manage ballots" })
  @IsUUID('all', { message: 'branchId must be a valid id' })
  branchId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'unionId must be a valid id' })
  unionId: string;

  @Field(() => [BallotQuestion])
  @IsArray()
  @ArrayMinSize(1, { message: 'questions must name at least one question' })
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'questions must not repeat' })
  @IsEnum(BallotQuestion, { each: true, message: 'questions must be STRIKE or ACTION_SHORT_OF_STRIKE' })
  questions: BallotQuestion[];

  @Field(() => TargetGroupInput, { nullable: true, description: 'Who is balloted (empty: everyone in the branch)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetGroupInput)
  eligibleGroup?: TargetGroupInput | null;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  cutOffDate: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  openingDate: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  closingDate: string;

  @Field({ nullable: true, description: 'Only meaningful for ballots opened before 18 Feb 2026 (the 40 % rule)' })
  @IsOptional()
  @IsBoolean()
  importantPublicService?: boolean;
}

@InputType()
export class BallotUpdateInput extends PartialType(BallotCreateInput) {}

@InputType()
export class BallotFilter extends BaseFilter {
  @OptionalIdFilter()
  branchId?: string;

  @OptionalIdFilter()
  unionId?: string;
}

const COUNT = { nullable: false };

/** The official result, as the independent scrutineer reports it. */
@InputType()
export class BallotResultInput {
  @Field(() => Int, COUNT)
  @IsInt() @Min(1) @Max(10_000_000)
  entitled: number;

  @Field(() => Int, { description: 'Votes cast (counted; spoilt papers excluded)' })
  @IsInt() @Min(0) @Max(10_000_000)
  votesCast: number;

  @Field(() => Int)
  @IsInt() @Min(0) @Max(10_000_000)
  yes: number;

  @Field(() => Int)
  @IsInt() @Min(0) @Max(10_000_000)
  no: number;

  @Field(() => Int, { nullable: true })
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000)
  spoilt?: number | null;
}

export const BALLOT_MEMBER_PROBLEMS = ['NO_CURRENT_WORKPLACE', 'NO_POSTAL_ADDRESS', 'ADDRESS_NOT_CONFIRMED'] as const;
export type BallotMemberProblem = (typeof BALLOT_MEMBER_PROBLEMS)[number];

/** Whose members: `ballotId` names the ballot (without it the list is empty); the rest narrow it. */
@InputType()
export class BallotMemberFilter extends BaseFilter {
  @OptionalIdFilter('The ballot (required for any answer)')
  ballotId?: string;

  @OptionalIdFilter('Current ward')
  wardId?: string;

  @OptionalIdFilter("A rep's patch (the sites they cover)")
  repUserId?: string;

  @Field(() => BallotMemberState, { nullable: true })
  @IsOptional()
  @IsEnum(BallotMemberState)
  state?: BallotMemberState;

  @Field(() => String, { nullable: true, description: 'NO_CURRENT_WORKPLACE, NO_POSTAL_ADDRESS or ADDRESS_NOT_CONFIRMED' })
  @IsOptional()
  @IsIn(BALLOT_MEMBER_PROBLEMS, { message: 'problem must be NO_CURRENT_WORKPLACE, NO_POSTAL_ADDRESS or ADDRESS_NOT_CONFIRMED' })
  problem?: BallotMemberProblem;

  @Field(() => Boolean, { nullable: true, description: 'true: those joined after the cut-off (not entitled) instead of the entitled' })
  @IsOptional()
  @IsBoolean()
  notEntitled?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Who to talk to next: entitled, not yet voted, by pledge then assessment' })
  @IsOptional()
  @IsBoolean()
  next?: boolean;
}
