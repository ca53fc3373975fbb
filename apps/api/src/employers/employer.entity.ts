import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { BankHolidayRegion, DayCounting } from '@rollcall/domain';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import '../common/enums.js';
import '../casework/casework.enums.js';

/**
 * An NHS trust or health board, as one organisation maps it. Every organisation owns its own
 * workplace map (employers, sites, wards) as it owns its people: nothing one organisation does to
 * its map changes another's. The ODS code lines maps up across organisations for coalition figures.
 */
@ObjectType()
@Entity()
@Unique('uq_employer_org_id', ['organisationId', 'id'])
@Index('uq_employer_org_name', ['organisationId', 'name'], { unique: true })
@Index('uq_employer_org_ods_code', ['organisationId', 'odsCode'], { unique: true, where: 'ods_code IS NOT NULL' })
@Check('ck_employer_appeal_policy', '(appeal_days IS NULL) = (appeal_counting IS NULL)')
export class Employer extends OrganisationOwnedEntity {
  @Field()
  @Column()
  name: string;

  /** NHS organisation (ODS) code of the trust, e.g. "RXX": the national reference. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  odsCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  region: string | null;

  /** The nation whose bank holidays its casework deadlines skip. */
  @Field(() => BankHolidayRegion, { description: "Whose bank holidays the employer's casework deadlines skip (its nation)" })
  @Column({ type: 'enum', enum: BankHolidayRegion, enumName: 'bank_holiday_region', default: BankHolidayRegion.ENGLAND_AND_WALES })
  bankHolidayRegion: BankHolidayRegion;

  /** Its appeal policy: so many days after the outcome letter (null, with appealCounting: Rollcall's default). */
  @Field(() => Int, { nullable: true, description: "Days to appeal after the outcome letter under the employer's policy (null: the default policy)" })
  @Column({ type: 'smallint', nullable: true })
  appealDays: number | null;

  @Field(() => DayCounting, { nullable: true, description: 'How appealDays are counted' })
  @Column({ type: 'enum', enum: DayCounting, enumName: 'day_counting', nullable: true })
  appealCounting: DayCounting | null;
}
