import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum } from 'class-validator';
import { DensitySuppression } from '../density/density.types.js';

export enum CoalitionLevel {
  EMPLOYER = 'EMPLOYER',
  SITE = 'SITE',
}
registerEnumType(CoalitionLevel, { name: 'CoalitionLevel', description: 'What the line-up is by: trusts (EMPLOYER) or their sites (SITE), each by its ODS code' });

@ArgsType()
export class CoalitionLineUpArgs {
  @Field(() => CoalitionLevel)
  @IsEnum(CoalitionLevel, { message: 'level must be EMPLOYER or SITE' })
  level: CoalitionLevel;
}

@ArgsType()
export class SetCoalitionSharingArgs {
  @Field({ description: "Share the organisation's coalition aggregates (already suppressed) with the other organisations that share theirs" })
  @IsBoolean({ message: 'share must be true or false' })
  share: boolean;
}

/** One organisation's figures for one ODS code: published (suppressed) by another organisation, or the caller's own. */
@ObjectType()
export class CoalitionCell {
  @Field({ description: 'The organisation' })
  organisation: string;

  @Field({ description: "The caller's own organisation (its figures as the caller sees them: exact where they see the people, else the suppressed tables)" })
  own: boolean;

  @Field({ description: 'The name the organisation gives the trust or site' })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Current staff (null when withheld)' })
  headcount: number | null;

  @Field(() => Int, { nullable: true, description: 'Current members of any union among them (null when withheld)' })
  members: number | null;

  @Field(() => Float, { nullable: true, description: 'members ÷ headcount (null when withheld or nobody works there)' })
  density: number | null;

  @Field()
  suppressed: boolean;

  @Field(() => DensitySuppression, { nullable: true })
  suppression: DensitySuppression | null;

  @Field(() => Date, { nullable: true, description: 'When another organisation published these figures; null for the caller\'s own (counted now)' })
  publishedAt: Date | null;
}

/** One ODS code's row: a cell per organisation that has figures for it. */
@ObjectType()
export class CoalitionLineUpRow {
  @Field({ description: 'The national reference (NHS ODS code) lining the organisations up' })
  odsCode: string;

  @Field({ description: "The caller's organisation's name for it, or the first publisher's" })
  name: string;

  @Field(() => [CoalitionCell], { description: "The caller's own organisation first, then the others by name" })
  cells: CoalitionCell[];
}

@ObjectType()
export class CoalitionLineUp {
  @Field(() => CoalitionLevel)
  level: CoalitionLevel;

  @Field({ description: "Whether the caller's organisation shares its coalition aggregates (it sees others' only if it does)" })
  sharing: boolean;

  @Field(() => [String], { description: "The organisations in the line-up: the caller's own first, then the others that share, by name" })
  organisations: string[];

  @Field(() => [CoalitionLineUpRow], { description: 'By ODS code; only trusts and sites with an ODS code' })
  rows: CoalitionLineUpRow[];

  @Field(() => Int, { description: 'Figures are withheld for groups with fewer members or non-members than this' })
  minCell: number;
}

/** The caller's organisation's sharing setting and what it has published. */
@ObjectType()
export class CoalitionSharing {
  @Field()
  sharing: boolean;

  @Field(() => Int, { description: 'Rows (trusts and sites) the organisation has published' })
  published: number;

  @Field(() => Date, { nullable: true, description: 'When it last published (null: nothing published)' })
  publishedAt: Date | null;
}
