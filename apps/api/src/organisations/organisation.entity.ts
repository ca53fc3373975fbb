import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { OrganisationKind } from '../common/enums.js';

/**
 * The union body or campaign that owns its data. One organisation's people and memberships never
 * flow to another (DPA 2018 Sch. 1 para. 31); the workplace structure is shared reference data.
 */
@ObjectType()
@Entity()
export class Organisation extends BaseEntity {
  @Field()
  @Column({ unique: true })
  name: string;

  @Field(() => OrganisationKind)
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  /** Opted in to the coalition line-up (see CoalitionService): changed with setCoalitionSharing, read with coalitionSharing. */
  @Column({ default: false })
  shareCoalitionAggregates: boolean;
}
