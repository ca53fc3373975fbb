import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { MeetingKind } from '../casework.enums.js';
import { CaseFile } from '../cases/case-file.entity.js';

/** 'HH:MM' in and out of a `time` column (PostgreSQL answers 'HH:MM:SS'). */
const HOURS_MINUTES = { to: (v: string | null | undefined) => v, from: (v: string | null) => (v ? v.slice(0, 5) : null) };

/**
 * A meeting of a case (investigation, hearing, appeal hearing): when and where, who sits on the
 * panel, whether the member was accompanied and by whom, the outcome, and notes sealed by CaseCipher.
 * All of it is case content: every read is audited (see CaseAudit).
 */
@ObjectType()
@Entity('case_meeting')
@Index('ix_case_meeting_case_date', ['caseId', 'date'])
export class CaseMeeting extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  case: Relation<CaseFile>;

  @Field(() => MeetingKind)
  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  kind: MeetingKind;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => String, { nullable: true, description: 'HH:MM, UK time' })
  @Column({ type: 'time', nullable: true, transformer: HOURS_MINUTES })
  time: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  place: string | null;

  @Field(() => String, { nullable: true, description: 'Who sits on the panel' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  panel: string | null;

  @Field({ description: 'The member was accompanied' })
  @Column({ default: false })
  accompanied: boolean;

  @Field(() => String, { nullable: true, description: 'By whom' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  accompaniedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  outcome: string | null;

  /** Sealed by CaseCipher (GraphQL: `notes`). */
  @HideField()
  @Column({ type: 'bytea', nullable: true })
  notes: Buffer | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
