import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { SiteKind } from '../common/enums.js';
import { Employer } from '../employers/employer.entity.js';

/** A hospital, clinic or community base of an employer, in the map of the employer's organisation. */
@ObjectType()
@Entity()
@Unique('uq_site_org_id', ['organisationId', 'id'])
@Index('uq_site_employer_name', ['organisationId', 'employerId', 'name'], { unique: true })
export class Site extends BaseEntity {
  /** The organisation whose map this is: always its employer's (the foreign key includes it). */
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field()
  @Column()
  name: string;

  @Field(() => SiteKind)
  @Column({ type: 'enum', enum: SiteKind, enumName: 'site_kind' })
  kind: SiteKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  postcode: string | null;

  /** NHS ODS code of the site, e.g. "RXX01": the national reference. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  odsCode: string | null;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'employer_id', referencedColumnName: 'id' }])
  employer: Relation<Employer>;
}
