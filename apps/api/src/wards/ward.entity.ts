import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { WardType } from '../common/enums.js';
import { Site } from '../sites/site.entity.js';

/** Where people actually work: ward 7B, A&E, theatres, portering, pathology. In its site's organisation's map. */
@ObjectType()
@Entity()
@Unique('uq_ward_org_id', ['organisationId', 'id'])
@Index('uq_ward_site_name', ['organisationId', 'siteId', 'name'], { unique: true })
export class Ward extends BaseEntity {
  /** The organisation whose map this is: always its site's (the foreign key includes it). */
  @Column({ type: 'uuid' })
  organisationId: string;

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
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'site_id', referencedColumnName: 'id' }])
  site: Relation<Site>;
}
