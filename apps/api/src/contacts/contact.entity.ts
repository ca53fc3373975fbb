import { Field, GraphQLISODateTime, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Column, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { ContractType, Grade, ShiftPattern, StaffGroup } from '../common/enums.js';
import { Employer } from '../employers/employer.entity.js';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';

/**
 * A staff member, as one organisation knows them. Their ward is an effective-dated posting
 * (see Posting), never a field overwritten in place. Soft-deleted: history matters.
 */
@ObjectType()
@Entity()
// Records about the person (cases) point at it with their organisation: (organisation_id, contact_id).
@Unique('uq_contact_org_id', ['organisationId', 'id'])
@Index('uq_contact_employee_number', ['organisationId', 'employerId', 'employeeNumber'], {
  unique: true,
  where: 'employee_number IS NOT NULL AND deleted_at IS NULL',
})
@Index('ix_contact_org_name', ['organisationId', 'lastName', 'firstName'])
@Index('ix_contact_org_employer_name', ['organisationId', 'employerId', 'lastName', 'firstName'])
@Index('ix_contact_org_staff_group', ['organisationId', 'staffGroup'])
@Index('ix_contact_org_grade', ['organisationId', 'grade'])
@Index('ix_contact_org_shift', ['organisationId', 'shiftPattern'])
// The duplicates screen's lookups (lower-cased emails: expression indexes, written in the ContactMerges migration).
@Index('ix_contact_org_work_email', { synchronize: false })
@Index('ix_contact_org_personal_email', { synchronize: false })
@Index('ix_contact_org_employee_number', { synchronize: false })
export class Contact extends OrganisationOwnedEntity {
  @Field()
  @Column()
  firstName: string;

  @Field()
  @Column()
  lastName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  preferredName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  jobTitle: string | null;

  @Field(() => StaffGroup)
  @Column({ type: 'enum', enum: StaffGroup, enumName: 'staff_group' })
  staffGroup: StaffGroup;

  @Field(() => Grade, { nullable: true })
  @Column({ type: 'enum', enum: Grade, enumName: 'grade', nullable: true })
  grade: Grade | null;

  @Field(() => ShiftPattern)
  @Column({ type: 'enum', enum: ShiftPattern, enumName: 'shift_pattern' })
  shiftPattern: ShiftPattern;

  @Field(() => ContractType)
  @Column({ type: 'enum', enum: ContractType, enumName: 'contract_type' })
  contractType: ContractType;

  /** The employer whose Electronic Staff Record numbered this person. */
  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  employerId: string;

  /** Of the same organisation: the foreign key includes it. */
  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'employer_id', referencedColumnName: 'id' }])
  employer: Relation<Employer>;

  /** ESR employee number: unique per employer within an organisation. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  employeeNumber: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  workEmail: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  workPhone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  personalEmail: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  personalPhone: string | null;

  /** Postal address (for ballot papers): a personal detail, read only by those who organise the person (ContactResolver). */
  @Field(() => String, { nullable: true, description: 'Postal address lines (a personal detail)' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  postalAddressLines: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  postalTown: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 10, nullable: true })
  postalPostcode: string | null;

  @Field(() => String, { nullable: true, description: 'When the postal address was last confirmed (YYYY-MM-DD)' })
  @Column({ type: 'date', nullable: true })
  addressConfirmedOn: string | null;

  /** Consent to be contacted on personal email / personal phone (calls and texts). */
  @Field()
  @Column({ default: false })
  consentPersonalEmail: boolean;

  @Field()
  @Column({ default: false })
  consentPersonalPhone: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  leaveDate: string | null;

  /** An organic leader: the person co-workers trust and follow (often not a rep). */
  @Field({ description: 'Marked as an organic leader (see leaderReason, leaderMarkedAt, leaderMarkedById)' })
  @Column({ default: false })
  leader: boolean;

  @Field(() => String, { nullable: true, description: 'Why they were marked a leader' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  leaderReason: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  leaderMarkedById: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  leaderMarkedAt: Date | null;

  /** Who created it: a retried create (the same client-made id) hands the row back only to them. */
  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Each imported field's source, field → { importId, on } (imports/, migration 1797100000000). */
  @HideField()
  @Column({ type: 'jsonb', default: () => "'{}'", select: false })
  fieldSources: Record<string, { importId: string; on: string }>;

  @HideField()
  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** Shown only where the API exposes it: the contact's display name. */
export function contactName(c: Pick<Contact, 'firstName' | 'lastName' | 'preferredName'>): string {
  return `${c.preferredName || c.firstName} ${c.lastName}`;
}

