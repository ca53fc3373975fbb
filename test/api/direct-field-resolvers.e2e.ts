import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { DIRECT_FIELD } from '../../apps/api/src/common/direct-field-resolvers.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * Field resolvers whose parameters are only the parent, the caller and the loaders are called
 * straight from GraphQL, without Nest's per-call wrapper (common/direct-field-resolvers.ts). What
 * they answer is what the rest of the suite checks, field by field and caller by caller (authz-nested,
 * contact-page, the organising and casework tests); this checks which ones are direct, that one with
 * arguments keeps Nest's wrapper (its arguments are validated there), and the caller's part of a
 * direct one.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.close();
});

function fieldsOfSchema(): { direct: string[]; wrapped: string[] } {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const direct: string[] = [];
  const wrapped: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || ['Query', 'Mutation'].includes(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      ((field.resolve as unknown as Record<symbol, unknown>)[DIRECT_FIELD] ? direct : wrapped).push(`${type.name}.${field.name}`);
    }
  }
  return { direct, wrapped };
}

it("calls a list page's field resolvers directly, and keeps Nest's wrapper for one with arguments", () => {
  const { direct, wrapped } = fieldsOfSchema();
  expect(direct).toEqual(expect.arrayContaining([
    'Contact.fullName', 'Contact.personalEmail', 'Contact.personalPhone', 'Contact.wardId', 'Contact.ward', 'Contact.memberships',
    'Contact.isMember', 'Contact.assessment', 'Contact.hasOpenCase', 'Contact.lastConversationAt', 'Ward.site', 'Membership.union',
  ]));
  expect(direct.length).toBeGreaterThanOrEqual(90);
  expect(wrapped).toContain('Contact.timeline');
  expect(direct).not.toContain('Contact.timeline');
});

it('a direct field resolver still reads the caller: personal details only for who organises the person', async () => {
  const [c] = await t.sql<{ id: string }>(`SELECT c.id FROM contact c JOIN organisation o ON o.id = c.organisation_id
    WHERE o.name LIKE 'UNISON%' AND c.employer_id = $1 AND c.personal_email IS NOT NULL AND c.deleted_at IS NULL
    ORDER BY c.id LIMIT 1`, [t.demoEmployerId]);
  const q = 'query($id: ID!) { Contact(id: $id) { id personalEmail fullName } }';
  const sec = await t.as('secretary')(q, { id: c.id });
  expect(sec.errors).toBeUndefined();
  expect(sec.data?.Contact.personalEmail).toEqual(expect.stringContaining('@'));
  // A caseworker reaches the person, not their personal details.
  const cw = await t.as('caseworker')(q, { id: c.id });
  expect(cw.errors).toBeUndefined();
  expect(cw.data?.Contact.id).toBe(c.id);
  expect(cw.data?.Contact.personalEmail).toBeNull();
});
