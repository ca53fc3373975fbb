import { Field, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { RepRoleKind } from '../common/enums.js';
import { Contact } from '../contacts/contact.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Ward } from '../wards/ward.entity.js';

/** A contact serving as a rep of some kind, covering a set of wards. Current while it has no end date. */
@ObjectType()
@Entity()
export class RepRole extends BaseEntity {
  @HideField()
  @Index()
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  contact: Relation<Contact>;

  @Field(() => RepRoleKind)
  @Column({ type: 'enum', enum: RepRoleKind, enumName: 'rep_role_kind' })
  kind: RepRoleKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  /** Who created it: a retried create (the same client-made id) hands the row back only to them. */
  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Wards this rep covers. */
  @ManyToMany(() => Ward)
  @JoinTable({
    name: 'rep_role_ward',
    joinColumn: { name: 'rep_role_id' },
    inverseJoinColumn: { name: 'ward_id' },
  })
  wards: Relation<Ward[]>;
}
