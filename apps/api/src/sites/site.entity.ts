import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { SiteKind } from '../common/enums.js';
import { Employer } from '../employers/employer.entity.js';

/** A hospital, clinic or community base of an employer. Shared reference data. */
@ObjectType()
@Entity()
@Index('uq_site_employer_name', ['employerId', 'name'], { unique: true })
export class Site extends BaseEntity {
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

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  employer: Relation<Employer>;
}
