import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { ENTITIES } from '../database/entities.js';
import { SnakeNamingStrategy } from '../database/naming.strategy.js';
import { Membership } from '../memberships/membership.entity.js';
import { Ward } from '../wards/ward.entity.js';
import { AccessService } from './access.service.js';
import { PeopleDoor } from './people-door.js';
import { Permission } from './permissions.js';

const rep: AuthUser = {
  id: 'user-1', email: 'rep@example.org', displayName: 'Rep', organisationId: 'org-1', roles: [], employerIds: ['emp-1'],
  scopes: { [Permission.PEOPLE_READ]: { employerIds: [], siteIds: ['site-1'] } },
};

let ds: DataSource;
beforeAll(async () => {
  // The entities' metadata, without a database.
  ds = new DataSource({ type: 'postgres', entities: ENTITIES, namingStrategy: new SnakeNamingStrategy() });
  await (ds as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
});

/** A door on a fake database that keeps what is inserted and finds, of any ids it is asked about, those in `mine`. */
function doorOver(mine: string[]) {
  const inserted: object[] = [];
  const tx = { connection: ds, getRepository: () => ({ insert: async (rows: object[]) => { inserted.push(...rows); } }) };
  const db = {
    connection: ds,
    transaction: (write: (t: typeof tx) => Promise<unknown>) => write(tx),
    query: async (_sql: string, values: unknown[]) => {
      const ids = values.find((v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.startsWith('person-'))) ?? [];
      return [{ n: ids.filter((id) => mine.includes(id)).length }];
    },
  };
  return { door: new PeopleDoor(db as never, new AccessService()), inserted };
}

const membership = (contactId: string, organisationId = 'org-1') => ({ organisationId, contactId, unionId: 'union-1', status: 'MEMBER' }) as never;

describe('PeopleDoor.write', () => {
  it("writes a record about one of the caller's people", async () => {
    const { door, inserted } = doorOver(['person-1']);
    await door.write(rep, (w) => w.insertRows(Membership, membership('person-1')));
    expect(inserted).toHaveLength(1);
  });

  it('refuses, once the write is done, a record about someone who is not theirs', async () => {
    const { door } = doorOver(['person-1']);
    await expect(door.write(rep, (w) => w.insertRows(Membership, [membership('person-1'), membership('person-2')])))
      .rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it("refuses a record of another organisation's", async () => {
    const { door } = doorOver(['person-1']);
    await expect(door.write(rep, (w) => w.insertRows(Membership, membership('person-1', 'org-2')))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('writes only tables about people', async () => {
    const { door } = doorOver([]);
    await expect(door.write(rep, (w) => w.insertRows(Ward, { organisationId: 'org-1' } as never))).rejects.toThrow(/not a person-owned table/);
  });
});
