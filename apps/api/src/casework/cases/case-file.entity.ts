import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { Branch } from '../../branches/branch.entity.js';
import { Contact } from '../../contacts/contact.entity.js';
import { Employer } from '../../employers/employer.entity.js';
import { OrganisationOwnedEntity } from '../../organisations/organisation-owned.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseOutcome, CaseStatus, CaseType } from '../casework.enums.js';

/**
 * A case: a member (a contact) represented in a disciplinary, grievance, capability, sickness-absence,
 * bullying and harassment or whistleblowing process, an appeal or a tribunal claim. Its table is
 * `case_file` (CASE is an SQL keyword); GraphQL calls it Case. It belongs to the member's branch
 * (`branchId`): its content is read only by its team and by that branch's secretary and admins (the
 * CaseDoor, and row-level security). The summary is sealed by CaseCipher (bytea) and the outcome is
 * content: both are GraphQL fields of their own (case.resolver.ts), each read written to the audit log.
 * Soft-deleted: history matters.
 */
@ObjectType('Case')
@Entity('case_file')
@Index('ix_case_file_org_branch', ['organisationId', 'branchId', 'status'])
@Index('ix_case_file_contact', ['contactId'])
@Unique('uq_case_file_org_id', ['organisationId', 'id'])
@Check('ck_case_file_closed_after_opened', 'closed_on IS NULL OR closed_on >= opened_on')
export class CaseFile extends OrganisationOwnedEntity {
  /** The member. */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  contactId: string;

  /** Of the same organisation: the foreign key includes it. */
  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'contact_id', referencedColumnName: 'id' }])
  contact: Relation<Contact>;

  /** The member's branch when the case was opened: whose secretary and admins read it. */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'branch_id', referencedColumnName: 'id' }])
  branch: Relation<Branch>;

  /** The employer the case is with (the member's, when it was opened): its nation's bank holidays and its appeal policy apply. */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'employer_id', referencedColumnName: 'id' }])
  employer: Relation<Employer>;

  @Field(() => CaseType)
  @Column({ type: 'enum', enum: CaseType, enumName: 'case_type' })
  type: CaseType;

  @Field(() => CaseStatus)
  @Column({ type: 'enum', enum: CaseStatus, enumName: 'case_status', default: CaseStatus.OPEN })
  status: CaseStatus;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  openedOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  /** The allegation or issue, sealed by CaseCipher (GraphQL: `summary`, audited). */
  @HideField()
  @Column({ type: 'bytea', nullable: true })
  summary: Buffer | null;

  /** Content (GraphQL: `outcome`, audited). */
  @HideField()
  @Column({ type: 'enum', enum: CaseOutcome, enumName: 'case_outcome', nullable: true })
  outcome: CaseOutcome | null;

  @Field({ description: 'The member agreed to be represented' })
  @Column({ default: false })
  consentToRepresentation: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: when the consent was recorded' })
  @Column({ type: 'date', nullable: true })
  consentRecordedOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the act complained of (tribunal time limit)' })
  @Column({ type: 'date', nullable: true })
  actDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: ACAS received the early conciliation notification (Day A)' })
  @Column({ type: 'date', nullable: true })
  earlyConciliationStart: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the early conciliation certificate was received (Day B)' })
  @Column({ type: 'date', nullable: true })
  earlyConciliationCertificate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the outcome letter (appeal window)' })
  @Column({ type: 'date', nullable: true })
  outcomeLetterDate: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;

  @HideField()
  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}
