import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { OrganisingRecordEntity } from '../contacts/contact-record.entity.js';
import { Contact } from '../contacts/contact.entity.js';

/** "Leads whom": a follower looks to a leader on the ward (the social map of a workplace). */
@ObjectType()
@Entity()
@Index('uq_contact_link', ['leaderId', 'followerId'], { unique: true })
@Index('ix_contact_link_follower', ['followerId'])
@Check('ck_contact_link_not_self', '"leader_id" <> "follower_id"')
export class ContactLink extends OrganisingRecordEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  leaderId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  leader: Relation<Contact>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  followerId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  follower: Relation<Contact>;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
