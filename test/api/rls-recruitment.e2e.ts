import { jest } from '@jest/globals';
import { PeopleDoor } from '../../apps/api/src/access/people-door.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Defence in depth for "recruited by": with the API's people checks switched off (every condition
 * of the PeopleDoor made TRUE), PostgreSQL's row-level security still keeps another branch's person
 * from being named as a recruiter or recorded as one. The membership table has no new policy: its
 * rows are the member's, and the recruiter's name is read as a contact, which the contact policy hides.
 */
let api: TestApp;
let member = '';
let membershipId = '';
let offPatch = '';
let otherBranch = '';

const READ = 'query($id: ID!) { Membership(id: $id) { id recruitedByContactId recruitedByName } }';

beforeAll(async () => {
  jest.spyOn(PeopleDoor.prototype as unknown as { person: () => unknown }, 'person').mockReturnValue({ sql: 'TRUE', params: {} });
  api = await startTestApp();
  // a member on the rep's patch, someone of the branch off it, and someone of the other branch (same organisation)
  [{ id: membershipId, contact_id: member }] = await api.sql(`SELECT m.id, m.contact_id FROM membership m
    JOIN posting p ON p.contact_id = m.contact_id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE w.site_id IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')
    ORDER BY m.id LIMIT 1`);
  [{ id: offPatch }] = await api.sql(`SELECT c.id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
    WHERE c.employer_id = $1 AND w.site_id NOT IN (SELECT rp.site_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id WHERE u.email = 'rep@unison.example')
    ORDER BY c.id LIMIT 1`, [api.demoEmployerId]);
  [{ id: otherBranch }] = await api.sql(`SELECT c.id FROM contact c WHERE c.employer_id = $1 AND c.organisation_id = (SELECT organisation_id FROM contact WHERE id = $2)
    ORDER BY c.id LIMIT 1`, [api.otherEmployerId, member]);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await api?.close();
});

describe("with the API's people checks switched off", () => {
  it('the switch is real: a rep now sees the name of a recruiter of their branch off their patch', async () => {
    await api.sql('UPDATE membership SET recruited_by_user_id = NULL, recruited_by_contact_id = $2 WHERE id = $1', [membershipId, offPatch]);
    const r = await api.as('rep')(READ, { id: membershipId });
    expect(r.data?.Membership?.recruitedByName).toEqual(expect.any(String));
  });

  it("still names (or gives the id of) no recruiter of another branch, and refuses one as the recruiter", async () => {
    await api.sql('UPDATE membership SET recruited_by_user_id = NULL, recruited_by_contact_id = $2 WHERE id = $1', [membershipId, otherBranch]);
    const r = await api.as('secretary')(READ, { id: membershipId });
    expect(r.data?.Membership).toEqual({ id: membershipId, recruitedByContactId: null, recruitedByName: null });
    await api.sql('UPDATE membership SET recruited_by_contact_id = NULL WHERE id = $1', [membershipId]);
    const u = await api.as('secretary')('mutation($id: ID!, $d: MembershipUpdateInput!) { updateMembership(id: $id, data: $d) { id } }',
      { id: membershipId, d: { recruitedByContactId: otherBranch } });
    expect([u.errors?.[0]?.extensions?.code, u.errors?.[0]?.extensions?.fields?.recruitedByContactId]).toEqual(['BAD_USER_INPUT', expect.stringMatching(/does not exist/)]);
    expect((await api.sql('SELECT recruited_by_contact_id AS id FROM membership WHERE id = $1', [membershipId]))[0].id).toBeNull();
  });
});
