import { type EntityTarget, In, type SelectQueryBuilder } from 'typeorm';
import { PeopleCrudService } from '../access/people-crud.service.js';
import type { PeopleDoor } from '../access/people-door.js';
import type { AuthUser } from '../auth/auth-user.js';
import { UserInputError } from '../common/errors.js';
import type { BaseFilter } from '../common/list.js';
import { groupByKey } from '../common/loaders.js';
import type { Contact } from './contact.entity.js';
import type { ContactService } from './contact.service.js';

/**
 * Records about one contact each (memberships, rep roles), in the contact's organisation: filtered
 * by `contactId`, listed per contact for DataLoader, and made only for a contact the caller can see.
 * A subclass that filters on more calls `super.filter` first.
 */
export abstract class ContactRecordService<
  T extends { id: string; contactId: string; createdById: string | null },
  F extends BaseFilter & { contactId?: string },
> extends PeopleCrudService<T, F> {
  constructor(entity: EntityTarget<T>, door: PeopleDoor, protected readonly contacts: ContactService) {
    super(entity, door);
  }

  protected filter(qb: SelectQueryBuilder<T>, f: F): void {
    if (f.contactId) qb.andWhere(`${this.alias}.contact_id = :contactId`, { contactId: f.contactId });
  }

  /** The contact a new record is for: an unknown or hidden contact is "not found", never "forbidden". */
  protected async contactFor(contactId: string, user: AuthUser): Promise<Contact> {
    const contact = await this.contacts.find(contactId, user);
    if (!contact) throw new UserInputError({ contactId: 'does not exist' });
    return contact;
  }

  /** Each contact's records (of the caller's people), oldest first, for DataLoader. */
  async byContacts(contactIds: readonly string[], user: AuthUser): Promise<T[][]> {
    const rows = await this.query(user).andWhere({ contactId: In([...contactIds]) } as never).orderBy(`${this.alias}.created_at`).getMany();
    return groupByKey(contactIds, rows, (r) => r.contactId);
  }
}
