import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Site } from '../sites/site.entity.js';

export enum DensitySuppression {
  SMALL_CELL = 'SMALL_CELL',
  COMPLEMENTARY = 'COMPLEMENTARY',
}
registerEnumType(DensitySuppression, {
  name: 'DensitySuppression',
  description: 'Why a figure is withheld: too few members or non-members to publish (SMALL_CELL), or it would let a withheld one be worked out (COMPLEMENTARY)',
});

/** Members, headcount and density of a group, or nothing where publishing them would disclose people. */
@ObjectType()
export class DensityFigures {
  @Field(() => Int, { nullable: true, description: 'Current staff (null when withheld)' })
  headcount: number | null;

  @Field(() => Int, { nullable: true, description: 'Current members of any union among them (null when withheld)' })
  members: number | null;

  @Field(() => Float, { nullable: true, description: 'members ÷ headcount from 0 to 1 (null when withheld or nobody works there)' })
  density: number | null;

  @Field({ description: 'Withheld for an audience that sees aggregates only' })
  suppressed: boolean;

  @Field(() => DensitySuppression, { nullable: true })
  suppression: DensitySuppression | null;
}

/** One site's membership density. */
@ObjectType()
export class SiteDensity extends DensityFigures {
  @Field(() => ID, { description: "The site's id" })
  id: string;

  @Field(() => Site)
  site: Site;
}

/** Membership density on every site of the caller's branches, and over all of them. */
@ObjectType()
export class DensityBySite {
  @Field(() => [SiteDensity], { description: 'By site name' })
  sites: SiteDensity[];

  @Field(() => DensityFigures)
  total: DensityFigures;

  @Field(() => Int, { description: 'Figures are withheld for groups with fewer members or non-members than this (aggregate-only audiences)' })
  minCell: number;
}
