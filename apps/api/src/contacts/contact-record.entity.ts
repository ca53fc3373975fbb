import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, ManyToOne, type Relation } from 'typeorm';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import { Contact } from './contact.entity.js';

/**
 * A record about one contact (a posting, a membership, a rep role), in the contact's organisation: it
 * goes when the contact does. An index on `contactId`, where wanted, is the table's own.
 */
@ObjectType({ isAbstract: true })
export abstract class ContactRecordEntity extends OrganisationOwnedEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  contact: Relation<Contact>;
}
