import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, type Relation, UpdateDateColumn } from 'typeorm';
import { AeiouStep, AskAnswer, ConversationChannel, ConversationType } from '../common/enums.js';
import { ContactOrganisingRecordEntity } from '../contacts/contact-record.entity.js';
import { User } from '../users/user.entity.js';
import { IssueTag } from '../issue-tags/issue-tag.entity.js';

/** A conversation a rep had with a contact: the unit of organising. */
@ObjectType()
@Entity()
@Index('ix_conversation_contact_time', ['contactId', 'occurredAt'])
@Index('ix_conversation_rep_follow_up', ['repUserId', 'followUpDate'])
export class Conversation extends ContactOrganisingRecordEntity {
  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Who had it: the logged-in user who logged it. */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  repUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  repUser: Relation<User>;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Field(() => ConversationChannel)
  @Column({ type: 'enum', enum: ConversationChannel, enumName: 'conversation_channel' })
  channel: ConversationChannel;

  @Field(() => ConversationType)
  @Column({ type: 'enum', enum: ConversationType, enumName: 'conversation_type' })
  type: ConversationType;

  @Field(() => [AeiouStep])
  @Column({ type: 'enum', enum: AeiouStep, enumName: 'aeiou_step', array: true, default: '{}' })
  aeiouSteps: AeiouStep[];

  @ManyToMany(() => IssueTag)
  @JoinTable({ name: 'conversation_issue_tag', joinColumn: { name: 'conversation_id' }, inverseJoinColumn: { name: 'issue_tag_id' } })
  issueTags: Relation<IssueTag[]>;

  @Field(() => String, { nullable: true, description: 'The ask made' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  ask: string | null;

  @Field(() => AskAnswer, { nullable: true, description: 'Their answer to the ask' })
  @Column({ type: 'enum', enum: AskAnswer, enumName: 'ask_answer', nullable: true })
  answer: AskAnswer | null;

  @Field(() => Int, { nullable: true, description: 'Assessment after the conversation (1 leader … 5 opposed); recorded in the history' })
  @Column({ type: 'smallint', nullable: true })
  assessment: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  nextStep: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ type: 'date', nullable: true })
  followUpDate: string | null;
}
