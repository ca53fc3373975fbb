import { jest } from '@jest/globals';
import type { AuthUser } from '../auth/auth-user.js';
import { AccessService } from './access.service.js';
import { PeopleDoor, referenceData } from './people-door.js';
import { Permission } from './permissions.js';

const rep: AuthUser = {
  id: 'user-1', email: 'rep@example.org', displayName: 'Rep', organisationId: 'org-1', roles: [], employerIds: ['emp-1'],
  scopes: { [Permission.PEOPLE_READ]: { employerIds: [], siteIds: ['site-1'] } },
};

/** A door on a fake database that records what it is asked to run. */
function doorWithLog() {
  const log: { sql: string; params: Record<string, unknown> }[] = [];
  const db = {
    connection: { driver: { escapeQueryWithParameters: (sql: string, params: Record<string, unknown>) => { log.push({ sql, params }); return [sql, []]; } } },
    query: async () => [],
  };
  return { door: new PeopleDoor(db as never, new AccessService()), log };
}

describe('PeopleDoor raw SQL', () => {
  it('names the parameters of each condition in a statement apart, and the same way on every call', async () => {
    const { door, log } = doorWithLog();
    const build = (people: (t: never) => string) => `SELECT 1 FROM contact c, contact rc WHERE ${people({ alias: 'c' } as never)} AND ${people({ alias: 'rc' } as never)} AND c.id = :id`;
    await door.sql(rep, build, { id: 'x' });
    await door.sql(rep, build, { id: 'x' });
    const [first, second] = log;
    expect(Object.keys(first.params).sort()).toEqual(['door1_emp', 'door1_org', 'door1_sites', 'door2_emp', 'door2_org', 'door2_sites', 'id']);
    expect(first.sql).toContain('c.organisation_id = :door1_org');
    expect(first.sql).toContain('rc.organisation_id = :door2_org');
    expect(second).toEqual(first);
  });

  it('refuses a parameter of the caller named like its own', async () => {
    const { door } = doorWithLog();
    await expect(door.sql(rep, () => 'SELECT 1', { door1_org: 'other-org' })).rejects.toThrow(/door/);
  });

  it('counts in a count scope: whole employers, never a patch, whatever the people scope', async () => {
    const { door, log } = doorWithLog();
    await door.countSql({ organisationId: 'org-1', employerIds: ['emp-1'] }, (people) => `SELECT count(*) FROM contact c WHERE ${people({ alias: 'c' })}`);
    expect(log[0].sql).toBe('SELECT count(*) FROM contact c WHERE (c.organisation_id = :door1_org AND (c.employer_id = ANY(:door1_emp)))');
    expect(log[0].params).toMatchObject({ door1_org: 'org-1', door1_emp: ['emp-1'] });
  });

  it("limits a rep to the postings of their patch's sites", async () => {
    const { door, log } = doorWithLog();
    await door.sql(rep, (people) => `SELECT 1 FROM contact k WHERE ${people({ alias: 'k' })}`);
    expect(log[0].sql).toMatch(/k\.id IN \(SELECT door1_p\.contact_id FROM posting door1_p JOIN ward door1_w/);
    expect(log[0].sql).not.toContain('employer_id = ANY');
    expect(log[0].params).toMatchObject({ door1_sites: ['site-1'], door1_org: 'org-1' });
  });
});

describe('referenceData', () => {
  const qb = (tableName: string) => ({ expressionMap: { mainAlias: { metadata: { tableName } } }, alias: tableName, andWhere: jest.fn() });

  it('walls reference data by organisation', () => {
    const q = qb('ward');
    referenceData(q as never, rep);
    expect(q.andWhere).toHaveBeenCalledWith('ward.organisation_id = :callerOrg', { callerOrg: 'org-1' });
  });

  it('refuses a table about people, which goes through the door', () => {
    for (const table of ['contact', 'membership', 'conversation', 'contact_link']) {
      expect(() => referenceData(qb(table) as never, rep)).toThrow(/PeopleDoor/);
    }
  });
});
