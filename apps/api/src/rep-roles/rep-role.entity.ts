import { Field, HideField, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, type Relation } from 'typeorm';
import { RepRoleKind } from '../common/enums.js';
import { ContactRecordEntity } from '../contacts/contact-record.entity.js';
import { Ward } from '../wards/ward.entity.js';

/** A contact serving as a rep of some kind, covering a set of wards. Current while it has no end date. */
@ObjectType()
@Entity()
@Index(['organisationId'])
@Index(['contactId'])
export class RepRole extends ContactRecordEntity {
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
