import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { WardType } from '../common/enums.js';
import { Site } from '../sites/site.entity.js';

/** Where people actually work: ward 7B, A&E, theatres, portering, pathology. Shared reference data. */
@ObjectType()
@Entity()
@Index('uq_ward_site_name', ['siteId', 'name'], { unique: true })
export class Ward extends BaseEntity {
  @Field()
  @Column()
  name: string;

  @Field(() => WardType)
  @Column({ type: 'enum', enum: WardType, enumName: 'ward_type' })
  type: WardType;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  speciality: string | null;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  siteId: string;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  site: Relation<Site>;
}
