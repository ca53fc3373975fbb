import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Grade, StaffGroup, type TargetGroup } from '@rollcall/domain';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import { IdList } from '../common/validators.js';

/** The most places one group may name (per list). */
const MAX_PLACES = 500;

/**
 * A group of staff by where they work and what they do (libs/domain TargetGroup): each list given
 * narrows the group, an empty or missing list does not; within a list any entry matches.
 */
@InputType('TargetGroupInput')
export class TargetGroupInput implements Partial<TargetGroup> {
  @IdList({ max: MAX_PLACES, nullable: true, description: 'Employed by one of these trusts' })
  employerIds?: string[];

  @IdList({ max: MAX_PLACES, nullable: true, description: 'Posted at one of these sites' })
  siteIds?: string[];

  @IdList({ max: MAX_PLACES, nullable: true, description: 'Posted on one of these wards' })
  wardIds?: string[];

  @Field(() => [StaffGroup], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(StaffGroup).length)
  @IsEnum(StaffGroup, { each: true, message: 'staffGroups must be staff groups' })
  staffGroups?: StaffGroup[];

  @Field(() => [Grade], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(Grade).length)
  @IsEnum(Grade, { each: true, message: 'grades must be grades' })
  grades?: Grade[];
}

/** A stored group, as given (normalised), with its description in words. */
@ObjectType('TargetGroup')
export class TargetGroupView implements TargetGroup {
  @Field(() => [String])
  employerIds: string[];

  @Field(() => [String])
  siteIds: string[];

  @Field(() => [String])
  wardIds: string[];

  @Field(() => [StaffGroup])
  staffGroups: StaffGroup[];

  @Field(() => [Grade])
  grades: Grade[];

  @Field({ description: 'The group in words, with the names of its places ("Everyone" when it narrows nothing)' })
  description: string;
}
