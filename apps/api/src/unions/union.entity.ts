import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/** A trade union (Unison, RCN, BMA, Unite, GMB…). Shared reference data; memberships are not. */
@ObjectType()
@Entity({ name: 'trade_union' })
export class Union extends BaseEntity {
  @Field()
  @Index('uq_union_name', { unique: true })
  @Column()
  name: string;

  @Field()
  @Index('uq_union_short_name', { unique: true })
  @Column({ length: 20 })
  shortName: string;
}
