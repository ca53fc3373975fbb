import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import { Grade, ShiftPattern, StaffGroup, WardType } from '../common/enums.js';
import { IdList } from '../common/validators.js';
import { Site } from '../sites/site.entity.js';
import { Ward } from '../wards/ward.entity.js';

/**
 * Which people a wall chart shows. Shift patterns, staff groups and grades narrow the cards (an empty
 * or missing list does not; within a list any entry matches). Unions do not hide anyone: they say
 * whose membership counts ("member" means a current member of one of them), so the people still to
 * recruit stay on the chart.
 */
@InputType()
export class WallChartFilter {
  @Field(() => [ShiftPattern], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ShiftPattern).length)
  @IsEnum(ShiftPattern, { each: true, message: 'shiftPatterns must be shift patterns' })
  shiftPatterns?: ShiftPattern[] | null;

  @Field(() => [StaffGroup], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(StaffGroup).length)
  @IsEnum(StaffGroup, { each: true, message: 'staffGroups must be staff groups' })
  staffGroups?: StaffGroup[] | null;

  @Field(() => [Grade], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(Grade).length)
  @IsEnum(Grade, { each: true, message: 'grades must be grades' })
  grades?: Grade[] | null;

  @IdList({ max: 50, nullable: true, description: 'Membership of these unions counts (any union when none are given); nobody is hidden' })
  unionIds?: string[] | null;
}

/** A union a person is a current member of. */
@ObjectType()
export class WallChartUnion {
  @Field(() => ID)
  unionId: string;

  @Field()
  shortName: string;
}

/** One person on the wall chart: who they are and where they stand. */
@ObjectType()
export class WallChartCard {
  @Field(() => ID, { description: "The person's contact id" })
  id: string;

  @Field(() => ID, { description: 'The same contact id (the person the card is about)' })
  contactId: string;

  @Field({ description: 'Preferred (or first) name and last name' })
  fullName: string;

  @Field(() => String, { nullable: true })
  jobTitle: string | null;

  @Field(() => StaffGroup)
  staffGroup: StaffGroup;

  @Field(() => Grade, { nullable: true })
  grade: Grade | null;

  @Field(() => ShiftPattern)
  shiftPattern: ShiftPattern;

  @Field(() => Int, { nullable: true, description: 'Current assessment, 1 (leader) to 5 (opposed); null when never assessed' })
  assessment: number | null;

  @Field({ description: 'A current member (of the filter\'s unions, when it names any; else of any union)' })
  member: boolean;

  @Field(() => [WallChartUnion], { description: 'Every union they are a current member of, by short name' })
  unions: WallChartUnion[];

  @Field({ description: 'Marked as an organic leader' })
  leader: boolean;

  @Field({ description: 'Holds a current rep role' })
  rep: boolean;

  @Field({ description: 'Nobody has ever logged a conversation with them' })
  neverSpokenTo: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastConversationAt: Date | null;
}

/** The people of one ward on one shift pattern. */
@ObjectType()
export class WallChartShift {
  @Field(() => ShiftPattern)
  shiftPattern: ShiftPattern;

  @Field(() => [WallChartCard], { description: 'By last name, then first name' })
  cards: WallChartCard[];
}

/** Figures over the cards shown (the people the caller sees, after the filter). */
@ObjectType()
export class WallChartFigures {
  @Field(() => Int, { description: 'People shown' })
  headcount: number;

  @Field(() => Int, { description: 'Members among them (see WallChartFilter.unionIds)' })
  members: number;

  @Field(() => Float, { nullable: true, description: 'members ÷ headcount from 0 to 1 (null when nobody is shown)' })
  density: number | null;
}

/** One column of the wall chart: a ward and its people, grouped by shift pattern. */
@ObjectType()
export class WallChartWard extends WallChartFigures {
  @Field(() => ID, { description: "The ward's id" })
  id: string;

  @Field()
  name: string;

  @Field(() => WardType)
  type: WardType;

  @Field(() => [WallChartShift], { description: 'Shift patterns with anyone on them, in the order of the ShiftPattern enum' })
  shifts: WallChartShift[];
}

/** The organiser's map of a site or a ward: its wards as columns, each person a card. */
@ObjectType()
export class WallChart extends WallChartFigures {
  @Field(() => Site, { description: 'The site charted (the ward\'s site when a ward is)' })
  site: Site;

  @Field(() => Ward, { nullable: true, description: 'The ward charted, when one ward is' })
  ward: Ward | null;

  @Field(() => [WallChartWard], { description: 'By name; every ward of the site, with anyone on it or not' })
  wards: WallChartWard[];
}
