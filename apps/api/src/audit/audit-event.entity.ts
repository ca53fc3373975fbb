import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from './json.scalar.js';
import { Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../common/base.entity.js';

export enum AuditAction {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGOUT = 'LOGOUT',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  REFUSED = 'REFUSED',
  /** A list downloaded as CSV: who, which list and filter, how many rows. */
  EXPORT = 'EXPORT',
  /** Case content read (a case's summary or outcome, a meeting, a note): who, which record, what was read. */
  READ = 'READ',
}

/**
 * One thing that happened: who, what, when, and for changes the record before and after.
 * Append-only: a trigger in the database refuses UPDATE, DELETE and TRUNCATE, whoever asks.
 */
@ObjectType()
@Entity()
@Index('ix_audit_org_time', ['organisationId', 'createdAt'])
@Index('ix_audit_entity', ['entityType', 'entityId'])
@Index('ix_audit_user', ['userId', 'createdAt'])
export class AuditEvent extends CreatedEntity {
  /** The organisation whose data or user it concerns; null for a failed login of an unknown email. */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  /**
   * The employer of the person the event is about (their branch): only that branch's admins read
   * it. Null for events about no person (logins, accounts, branches, refusals).
   */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  employerId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** The email the request came as (for failed logins: the email tried). */
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  actorEmail: string | null;

  @Field(() => AuditAction)
  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Field(() => String, { nullable: true, description: 'Contact, Membership, RepRole, Query.allContacts …' })
  @Column({ type: 'varchar', nullable: true })
  entityType: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
