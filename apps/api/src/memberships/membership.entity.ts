import { Field, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { MembershipSource, MembershipStatus } from '../common/enums.js';
import { ContactRecordEntity } from '../contacts/contact-record.entity.js';
import { Union } from '../unions/union.entity.js';

/** A contact's membership of one union, as recorded by one organisation. One row per contact and union. */
@ObjectType()
@Entity()
@Index('uq_membership_contact_union', ['contactId', 'unionId'], { unique: true })
@Index('ix_membership_org_union_status', ['organisationId', 'unionId', 'status'])
export class Membership extends ContactRecordEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  unionId: string;

  /** Of the same organisation: the foreign key includes it. */
  @ManyToOne(() => Union, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'union_id', referencedColumnName: 'id' }])
  union: Relation<Union>;

  @Field(() => MembershipStatus)
  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_status' })
  status: MembershipStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  joinDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  leaveDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  membershipNumber: string | null;

  @Field(() => MembershipSource)
  @Column({ type: 'enum', enum: MembershipSource, enumName: 'membership_source' })
  source: MembershipSource;

  /** Who created it: a retried create (the same client-made id) hands the row back only to them. */
  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
