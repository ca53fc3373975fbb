import { applyDecorators } from '@nestjs/common';
import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Column, ManyToOne, type Relation } from 'typeorm';
import { CreatedEntity } from '../common/base.entity.js';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import { Contact } from './contact.entity.js';

/**
 * `employer_id` on a record about one person: the person's employer, copied from the contact by the database for
 * the row-level policy (PersonEmployer migration). The API never writes or reads it.
 */
export const PersonEmployerColumn = () => applyDecorators(
  HideField(),
  Column({ type: 'uuid', nullable: true, insert: false, update: false, select: false }),
);

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

  @PersonEmployerColumn()
  employerId?: string | null;
}

/**
 * A record of organising about people (a conversation, an assessment, a contact link): its
 * organisation (never shown through the API) is kept for the PeopleDoor and row-level security, with
 * no foreign key to it of its own (the organising tables were made so: the people's keys hold it).
 * Nothing in it changes but what a table adds (a conversation's `updatedAt`).
 */
@ObjectType({ isAbstract: true })
export abstract class OrganisingRecordEntity extends CreatedEntity {
  @HideField()
  @Column({ type: 'uuid' })
  organisationId: string;
}

/** An organising record about one contact (a conversation, an assessment): it goes when the contact does. */
@ObjectType({ isAbstract: true })
export abstract class ContactOrganisingRecordEntity extends OrganisingRecordEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  contact: Relation<Contact>;

  @PersonEmployerColumn()
  employerId?: string | null;
}
