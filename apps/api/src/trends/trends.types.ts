import { ArgsType, Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { IsLocalDate, OptionalIdFilter, OptionalLocalDate } from '../common/validators.js';
import { DensitySuppression } from '../density/density.types.js';

/** Which part of the caller's reach a trend covers (all optional: everything the caller may see). */
@InputType()
export class DensityTrendFilter {
  @OptionalIdFilter('One employer (trust)')
  employerId?: string | null;

  @OptionalIdFilter('One site (not for aggregate-only audiences)')
  siteId?: string | null;

  @OptionalIdFilter('One ward (not for aggregate-only audiences)')
  wardId?: string | null;

  @OptionalIdFilter('Members of this union only (default: of any union; not for aggregate-only audiences)')
  unionId?: string | null;
}

@ArgsType()
export class DensityTrendArgs {
  @Field(() => DensityTrendFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DensityTrendFilter)
  filter?: DensityTrendFilter | null;

  @OptionalLocalDate('First day, YYYY-MM-DD (default: 90 days before `to`)')
  from?: string | null;

  @OptionalLocalDate('Last day, YYYY-MM-DD (default: today)')
  to?: string | null;
}

@ArgsType()
export class BackfillArgs {
  @Field({ description: 'First day, YYYY-MM-DD' })
  @IsLocalDate()
  from: string;

  @Field({ description: 'Last day, YYYY-MM-DD (today at the latest)' })
  @IsLocalDate()
  to: string;
}

@ArgsType()
export class TakeSnapshotArgs {
  @OptionalLocalDate('The day, YYYY-MM-DD (default: today); a past day is recomputed from the dates recorded')
  day?: string | null;
}

/** One day of a trend: the snapshot figures summed over the wards in reach, or nothing where withheld. */
@ObjectType()
export class DensityTrendPoint {
  @Field({ description: 'YYYY-MM-DD' })
  day: string;

  @Field(() => Int, { nullable: true, description: 'Staff that day (null when withheld)' })
  headcount: number | null;

  @Field(() => Int, { nullable: true, description: 'Members that day, of the union asked for or of any union (null when withheld)' })
  members: number | null;

  @Field(() => Float, { nullable: true, description: 'members ÷ headcount from 0 to 1 (null when withheld or nobody worked there)' })
  density: number | null;

  @Field(() => Int, { nullable: true, description: 'Staff assessed by that day (null for aggregate-only audiences)' })
  assessed: number | null;

  @Field(() => Int, { nullable: true, description: 'Staff whose latest assessment that day was 1 or 2' })
  onesAndTwos: number | null;

  @Field(() => Int, { nullable: true, description: 'Organic leaders among the staff' })
  leaders: number | null;

  @Field(() => Int, { nullable: true, description: 'Rep roles covering the wards' })
  reps: number | null;

  @Field(() => Int, { nullable: true, description: 'Staff with a conversation in the 30 days up to that day' })
  spokenTo30d: number | null;

  @Field({ description: 'Withheld for an audience that sees aggregates only' })
  suppressed: boolean;

  @Field(() => DensitySuppression, { nullable: true })
  suppression: DensitySuppression | null;
}

/** Density over time from the daily snapshots, with how fresh they are. */
@ObjectType()
export class DensityTrend {
  @Field({ description: 'YYYY-MM-DD' })
  from: string;

  @Field({ description: 'YYYY-MM-DD' })
  to: string;

  @Field(() => [DensityTrendPoint], { description: 'Days with a snapshot, oldest first (a day without one is missing, not zero)' })
  points: DensityTrendPoint[];

  @Field(() => Date, { nullable: true, description: "When the organisation's latest snapshot was taken (null: never)" })
  asOf: Date | null;

  @Field(() => String, { nullable: true, description: 'The latest day snapshotted, YYYY-MM-DD' })
  latestDay: string | null;

  @Field({ description: 'Figures are aggregates for a coalition audience: small cells withheld' })
  aggregateOnly: boolean;

  @Field(() => Int)
  minCell: number;
}

/** What a snapshot or backfill did. */
@ObjectType()
export class DensitySnapshotRun {
  @Field({ description: 'YYYY-MM-DD' })
  from: string;

  @Field({ description: 'YYYY-MM-DD' })
  to: string;

  @Field(() => Int)
  days: number;

  @Field(() => Date)
  takenAt: Date;
}

