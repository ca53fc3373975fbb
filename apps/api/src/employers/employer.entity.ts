import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/** An NHS trust or health board. Shared reference data. */
@ObjectType()
@Entity()
export class Employer extends BaseEntity {
  @Field()
  @Index('uq_employer_name', { unique: true })
  @Column()
  name: string;

  /** NHS organisation (ODS) code, e.g. "RXX". */
  @Field(() => String, { nullable: true })
  @Index('uq_employer_ods_code', { unique: true, where: 'ods_code IS NOT NULL' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  odsCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  region: string | null;
}
