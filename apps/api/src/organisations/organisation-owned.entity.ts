import { HideField, ObjectType } from '@nestjs/graphql';
import { Column, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Organisation } from './organisation.entity.js';

/** A row one organisation owns: whose it is (never shown through the API), and the foreign key to it. */
@ObjectType({ isAbstract: true })
export abstract class OrganisationOwnedEntity extends BaseEntity {
  @HideField()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;
}
