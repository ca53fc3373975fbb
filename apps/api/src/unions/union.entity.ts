import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, Unique } from 'typeorm';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';

/**
 * A trade union (Unison, RCN, BMA, Unite, GMB…) in one organisation's list of the unions its
 * memberships record. Each organisation keeps its own list; the official name lines lists up.
 */
@ObjectType()
@Entity({ name: 'trade_union' })
@Unique('uq_union_org_id', ['organisationId', 'id'])
@Index('uq_union_org_name', ['organisationId', 'name'], { unique: true })
@Index('uq_union_org_short_name', ['organisationId', 'shortName'], { unique: true })
export class Union extends OrganisationOwnedEntity {
  /** The union's official name. */
  @Field()
  @Column()
  name: string;

  @Field()
  @Column({ length: 20 })
  shortName: string;
}
