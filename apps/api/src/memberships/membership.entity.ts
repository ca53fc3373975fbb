import { Field, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { MembershipSource, MembershipStatus } from '../common/enums.js';
import { ContactRecordEntity } from '../contacts/contact-record.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { Union } from '../unions/union.entity.js';
import { User } from '../users/user.entity.js';

/** A contact's membership of one union, as recorded by one organisation. One row per contact and union. */
@ObjectType()
@Entity()
@Index('uq_membership_contact_union', ['contactId', 'unionId'], { unique: true })
@Index('ix_membership_org_union_status', ['organisationId', 'unionId', 'status'])
@Index('ix_membership_recruited_by_contact', ['recruitedByContactId'], { where: 'recruited_by_contact_id IS NOT NULL' })
@Check('ck_membership_one_recruiter', 'num_nonnulls(recruited_by_contact_id, recruited_by_user_id) <= 1')
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

  /**
   * Who recruited them, when known: a contact (a colleague; of the same organisation, the foreign key
   * includes it, and erasing them clears only this column) or a user (a rep), never both. Shown by
   * id and by name only to those who may see the recruiter (MembershipResolver: recruitedByContactId,
   * recruitedByName).
   */
  @Column({ type: 'uuid', nullable: true })
  recruitedByContactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'recruited_by_contact_id', referencedColumnName: 'id' }])
  recruitedByContact: Relation<Contact>;

  @Field(() => ID, { nullable: true, description: 'The user (a rep) who recruited them' })
  @Column({ type: 'uuid', nullable: true })
  recruitedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  recruitedByUser: Relation<User>;

  /** Who created it: a retried create (the same client-made id) hands the row back only to them. */
  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
