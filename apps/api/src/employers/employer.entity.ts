import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, Unique } from 'typeorm';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';

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
}
