import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ContractType, Grade, ShiftPattern, StaffGroup, WardType } from '../common/enums.js';
import { MaxIds } from '../common/validators.js';
import { DensitySuppression } from '../density/density.types.js';
import { CoverageStatus } from '../organising/organising.types.js';

export enum SliceDimension {
  EMPLOYER = 'EMPLOYER',
  SITE = 'SITE',
  WARD = 'WARD',
  WARD_TYPE = 'WARD_TYPE',
  STAFF_GROUP = 'STAFF_GROUP',
  GRADE = 'GRADE',
  SHIFT_PATTERN = 'SHIFT_PATTERN',
  CONTRACT_TYPE = 'CONTRACT_TYPE',
  UNION = 'UNION',
}
registerEnumType(SliceDimension, {
  name: 'SliceDimension',
  description: 'What a density slice groups current staff by: their employer, the site, ward or ward type of their current posting, '
    + 'their staff group, grade, shift pattern or contract type, or a union (its members; see SliceRow)',
});

/** Only these rows: a list of values per dimension (each list one of, all lists together). */
@InputType()
export class SliceFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional() @MaxIds() @IsUUID('all', { each: true, message: 'employerIds must be a list of ids' })
  employerIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional() @MaxIds() @IsUUID('all', { each: true, message: 'siteIds must be a list of ids' })
  siteIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional() @MaxIds() @IsUUID('all', { each: true, message: 'wardIds must be a list of ids' })
  wardIds?: string[];

  @Field(() => [WardType], { nullable: true })
  @IsOptional() @IsEnum(WardType, { each: true, message: 'wardTypes must be ward types' })
  wardTypes?: WardType[];

  @Field(() => [StaffGroup], { nullable: true })
  @IsOptional() @IsEnum(StaffGroup, { each: true, message: 'staffGroups must be staff groups' })
  staffGroups?: StaffGroup[];

  @Field(() => [Grade], { nullable: true })
  @IsOptional() @IsEnum(Grade, { each: true, message: 'grades must be grades' })
  grades?: Grade[];

  @Field(() => [ShiftPattern], { nullable: true })
  @IsOptional() @IsEnum(ShiftPattern, { each: true, message: 'shiftPatterns must be shift patterns' })
  shiftPatterns?: ShiftPattern[];

  @Field(() => [ContractType], { nullable: true })
  @IsOptional() @IsEnum(ContractType, { each: true, message: 'contractTypes must be contract types' })
  contractTypes?: ContractType[];

  @Field(() => [ID], { nullable: true, description: 'Current members of any of these unions (with UNION in `by`: only these unions\' rows)' })
  @IsOptional() @MaxIds() @IsUUID('all', { each: true, message: 'unionIds must be a list of ids' })
  unionIds?: string[];
}

/** One dimension's value of a row. */
@ObjectType()
export class SliceKey {
  @Field(() => SliceDimension)
  dimension: SliceDimension;

  @Field(() => String, { nullable: true, description: 'The id (employer, site, ward, union) or enum value; null for a grade not recorded' })
  value: string | null;

  @Field({ description: 'Its name (employer, site, ward, union) or label (enums)' })
  label: string;
}

@ObjectType()
export class UnionMembers {
  @Field(() => ID)
  unionId: string;

  @Field()
  name: string;

  @Field(() => Int)
  members: number;
}

/**
 * The figures of one group of current staff. Every figure is null where it is withheld (see
 * `suppressed`) or does not apply. For aggregate-only viewers only headcount, members and density
 * are given.
 */
@ObjectType()
export class SliceRow {
  @Field(() => [SliceKey], { description: 'The values of `by`, in its order (one for a margin row; none for the total)' })
  keys: SliceKey[];

  @Field(() => Int, { nullable: true, description: 'Current staff: not left, with a current posting (in a UNION row: all current staff of the group, members of that union or not)' })
  headcount: number | null;

  @Field(() => Int, { nullable: true, description: 'Current members of any union among them (in a UNION row: of that union)' })
  members: number | null;

  @Field(() => [UnionMembers], { nullable: true, description: 'Current members of each union of the organisation among them' })
  membersByUnion: UnionMembers[] | null;

  @Field(() => Float, { nullable: true, description: 'members ÷ headcount, 0 to 1' })
  density: number | null;

  @Field(() => Int, { nullable: true, description: 'With a current assessment' })
  assessed: number | null;

  @Field(() => Float, { nullable: true, description: 'assessed ÷ headcount, 0 to 1' })
  assessedShare: number | null;

  @Field(() => Int, { nullable: true, description: 'Currently assessed 1 (leader / strong supporter)' })
  ones: number | null;

  @Field(() => Int, { nullable: true, description: 'Currently assessed 2 (supportive)' })
  twos: number | null;

  @Field(() => Int, { nullable: true, description: 'Marked as organic leaders' })
  leaders: number | null;

  @Field(() => Int, { nullable: true, description: 'Of these staff, those holding a current rep role' })
  reps: number | null;

  @Field(() => Float, { nullable: true, description: 'headcount ÷ reps (null with no rep)' })
  workersPerRep: number | null;

  @Field(() => CoverageStatus, { nullable: true })
  coverage: CoverageStatus | null;

  @Field(() => Int, { nullable: true, description: 'Conversations with them in the last 30 days' })
  conversations30d: number | null;

  @Field(() => Int, { nullable: true, description: 'Of these staff, those nobody has ever logged a conversation with' })
  neverSpokenTo: number | null;

  @Field({ description: 'Withheld for an aggregate-only viewer: too small, or it would give a withheld figure away' })
  suppressed: boolean;

  @Field(() => DensitySuppression, { nullable: true })
  suppression: DensitySuppression | null;
}

/** Density and organising figures by one or two dimensions. */
@ObjectType()
export class DensitySlice {
  @Field(() => [SliceDimension])
  by: SliceDimension[];

  @Field(() => [SliceRow], { description: 'One row per value (or pair of values) with staff, by label' })
  rows: SliceRow[];

  @Field(() => [SliceRow], { description: "With two dimensions: each dimension's own totals (rows with one key), first dimension first" })
  margins: SliceRow[];

  @Field(() => SliceRow)
  total: SliceRow;

  @Field({ description: 'The caller sees aggregates only (coalition viewer): allowed dimensions limited, small cells withheld' })
  aggregateOnly: boolean;

  @Field(() => Int, { description: 'Figures are withheld for groups with fewer members or non-members than this (aggregate-only viewers)' })
  minCell: number;

  @Field(() => Date, { nullable: true, description: 'When the figures were counted, if they come from a rollup refreshed on a schedule; null when counted live for this answer' })
  asOf: Date | null;
}
