import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation, Unique } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

/**
 * A trade union (Unison, RCN, BMA, Unite, GMB…) in one organisation's list of the unions its
 * memberships record. Each organisation keeps its own list; the official name lines lists up.
 */
@ObjectType()
@Entity({ name: 'trade_union' })
@Unique('uq_union_org_id', ['organisationId', 'id'])
@Index('uq_union_org_name', ['organisationId', 'name'], { unique: true })
@Index('uq_union_org_short_name', ['organisationId', 'shortName'], { unique: true })
export class Union extends BaseEntity {
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  /** The union's official name. */
  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ length: 20 })
  shortName: string;
}
