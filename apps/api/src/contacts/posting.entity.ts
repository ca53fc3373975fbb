import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Ward } from '../wards/ward.entity.js';
import { ContactRecordEntity } from './contact-record.entity.js';

/**
 * A contact's ward over a period: resident doctors rotate every few months, nurses move wards.
 * The current posting is the one without an end date; at most one per contact.
 */
@ObjectType()
@Entity()
@Index('uq_posting_current', ['contactId'], { unique: true, where: 'end_date IS NULL' })
@Index('ix_posting_current_ward', ['wardId', 'contactId'], { where: 'end_date IS NULL' })
@Index(['contactId'])
export class Posting extends ContactRecordEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  wardId: string;

  /** Of the same organisation: the foreign key includes it. */
  @ManyToOne(() => Ward, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'ward_id', referencedColumnName: 'id' }])
  ward: Relation<Ward>;

  @Field()
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;
}
