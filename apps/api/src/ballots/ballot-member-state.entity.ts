import { Field, GraphQLISODateTime, HideField, ID, ObjectType } from '@nestjs/graphql';
import { BallotMemberState } from '@rollcall/domain';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PersonEmployerColumn } from '../contacts/contact-record.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { User } from '../users/user.entity.js';
import { Ballot } from './ballot.entity.js';

/**
 * One change of an entitled member's chase state in a ballot (not contacted, pledged yes/no, won't
 * vote, paper received, voted, needs a replacement paper): who set it and when. Append-only: the
 * latest row per member is their state, and the history is every row (row-level security and the
 * PeopleDoor, like every table about people).
 */
@ObjectType('BallotMemberStateChange')
@Entity('ballot_member_state')
@Index('ix_ballot_member_state_latest', ['ballotId', 'contactId', 'createdAt'])
@Index('ix_ballot_member_state_contact', ['contactId'])
export class BallotMemberStateChange {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was set' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @HideField()
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  ballotId: string;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  ballot: Relation<Ballot>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  contact: Relation<Contact>;

  @PersonEmployerColumn()
  employerId?: string | null;

  @Field(() => BallotMemberState)
  @Column({ type: 'enum', enum: BallotMemberState, enumName: 'ballot_chase_state' })
  state: BallotMemberState;

  @Field(() => ID, { nullable: true, description: 'Who set it' })
  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  changedBy: Relation<User>;
}
