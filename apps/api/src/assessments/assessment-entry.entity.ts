import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { ContactOrganisingRecordEntity } from '../contacts/contact-record.entity.js';
import { User } from '../users/user.entity.js';
import { Conversation } from '../conversations/conversation.entity.js';

/**
 * One entry of a contact's assessment history: append-only. The contact's current assessment is
 * the latest entry, never a field typed in twice.
 */
@ObjectType('AssessmentEntry')
@Entity({ name: 'assessment' })
@Index('ix_assessment_contact_time', ['contactId', 'assessedAt'])
export class AssessmentEntry extends ContactOrganisingRecordEntity {
  @Field(() => Int, { description: '1 leader, 2 supporter, 3 undecided, 4 leaning against, 5 opposed' })
  @Column({ type: 'smallint' })
  value: number;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz' })
  assessedAt: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  assessedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  assessedBy: Relation<User>;

  @Field(() => ID, { nullable: true, description: 'The conversation it came from' })
  @Column({ type: 'uuid', nullable: true })
  conversationId: string | null;

  @ManyToOne(() => Conversation, { onDelete: 'SET NULL' })
  conversation: Relation<Conversation>;
}
