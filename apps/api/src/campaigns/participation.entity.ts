import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ParticipationState } from '../common/enums.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { User } from '../users/user.entity.js';
import { CampaignAction } from './campaign-action.entity.js';
import { ContactOrganisingRecordEntity } from '../contacts/contact-record.entity.js';

/**
 * Where one contact stands with one action (invited, pledged, came or signed): one row per pair, the
 * latest state recorded wins, with who recorded it and when (each change also goes into the audit
 * log, which keeps the history). About a person: read and written only through the PeopleDoor.
 */
@ObjectType()
@Entity()
@Unique('uq_participation_action_contact', ['actionId', 'contactId'])
@Index('ix_participation_contact', ['contactId'])
export class Participation extends ContactOrganisingRecordEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  actionId: string;

  /** Of the same organisation; an action with participation recorded on it cannot be deleted. */
  @ManyToOne(() => CampaignAction, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'action_id', referencedColumnName: 'id' }])
  action: Relation<CampaignAction>;

  @Field(() => ParticipationState)
  @Column({ type: 'enum', enum: ParticipationState, enumName: 'participation_state' })
  state: ParticipationState;

  @Field(() => ID, { nullable: true, description: 'Who recorded the latest state' })
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  recordedBy: Relation<User>;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
