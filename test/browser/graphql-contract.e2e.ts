/**
 * What the web app sends against the API's generated schema (apps/api/schema.gql). The data provider is react-admin's
 * ra-data-graphql-simple over the committed schema (apps/web/src/raGraphql.ts): every document it can build for every
 * resource must validate, and so must the hand-written documents of sign-in and the organising views. Introspection is
 * off in production, so this is where a renamed field is caught before a user is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, introspectionFromSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'ra-core';
import { BALLOT_DOCUMENTS } from '../../apps/web/src/ballots/documents.js';
import { buildRollcallQuery, rollcallIntrospection } from '../../apps/web/src/raGraphql.js';
import {
  CAMPAIGN_DOCUMENTS, CASEWORK_DOCUMENTS, CHANGE_PASSWORD_MUTATION, LOGIN_MUTATION, ME_QUERY, ORGANISING_DOCUMENTS, SELECTIONS,
} from '../../apps/web/src/resourceConfig.js';
import { CALENDAR_FEED_DOCUMENTS } from '../../apps/web/src/cases/calendarFeedDocuments.js';
import { DENSITY_DOCUMENTS } from '../../apps/web/src/density/densityDocuments.js';
import { COALITION_DOCUMENTS } from '../../apps/web/src/coalition/coalitionDocuments.js';
import { DUPLICATE_DOCUMENTS } from '../../apps/web/src/duplicates/documents.js';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../apps/api/schema.gql', import.meta.url)), 'utf8'));
const introspection = await rollcallIntrospection(introspectionFromSchema(schema).__schema);
const buildQuery = buildRollcallQuery(introspection);

function errorsOf(document: string | DocumentNode): string[] {
  return validate(schema, typeof document === 'string' ? parse(document) : document).map((e) => e.message);
}

test.each([
  ['sign-in', LOGIN_MUTATION],
  ['signed-in user', ME_QUERY],
  ['change-password', CHANGE_PASSWORD_MUTATION],
])('the %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// My patch, rep coverage, a contact's timeline, and the organising actions on contacts.
test.each(Object.entries(ORGANISING_DOCUMENTS))('the organising %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// Staffing and linking a case (the case page's "Change team" and "Link a case").
test.each(Object.entries(CASEWORK_DOCUMENTS))('the casework %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// The coalition line-up page: the line-up, the sharing setting, turning it on or off, publishing now.
test.each(Object.entries(COALITION_DOCUMENTS))('the coalition line-up %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

test.each(Object.entries(DUPLICATE_DOCUMENTS))('the duplicates %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// The calendar feed card: whether one has a feed, a new link, stopping it.
test.each(Object.entries(CALENDAR_FEED_DOCUMENTS))('the calendar feed %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// A structure test by ward, and recording who came to an action (the action page).
test.each(Object.entries(CAMPAIGN_DOCUMENTS))('the campaign %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// A ballot's members, chase states, projection and result (the ballot page and the dashboard's live ballot).
test.each(Object.entries(BALLOT_DOCUMENTS))('the ballot %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// The density dashboard and slice explorer: the slice, the trend, a snapshot on demand.
test.each(Object.entries(DENSITY_DOCUMENTS))('the density %s document matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

// The density slice (the slice explorer and density dashboard read it): one and two dimensions, filtered.
const SLICE_ROW = `keys { dimension value label } headcount members membersByUnion { unionId name members } density assessed assessedShare
  ones twos leaders reps workersPerRep coverage conversations30d suppressed suppression`;
test.each([
  ['by site', `{ densitySlice(by: [SITE]) { by aggregateOnly minCell rows { ${SLICE_ROW} } total { ${SLICE_ROW} } } }`],
  ['by ward and shift, filtered', `query($filter: SliceFilter) { densitySlice(by: [WARD, SHIFT_PATTERN], filter: $filter) {
    rows { ${SLICE_ROW} } margins { ${SLICE_ROW} } total { ${SLICE_ROW} } } }`],
])('the density slice document %s matches the schema', (_name, document) => {
  expect(errorsOf(document)).toEqual([]);
});

const PARAMS: Record<string, unknown> = {
  [GET_LIST]: { filter: { q: 'a' }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 2, perPage: 10 } },
  [GET_MANY_REFERENCE]: { target: 'id', id: 'x', filter: {}, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 10 } },
  [GET_MANY]: { ids: ['a', 'b'] },
  [GET_ONE]: { id: 'a' },
  [CREATE]: { data: { name: 'x' } },
  [UPDATE]: { id: 'a', data: { name: 'y' }, previousData: { name: 'x' } },
  [DELETE]: { id: 'a' },
};

const resources = introspection.resources.map((r) => [r.type.name, r] as const);

test('every resource the web app registers is one the provider knows', () => {
  const registered = readFileSync(fileURLToPath(new URL('../../apps/web/src/App.tsx', import.meta.url)), 'utf8')
    .matchAll(/<Resource key="(\w+)"/g);
  const lists = new Set(resources.map(([, r]) => (r as unknown as Record<string, { name: string }>)[GET_LIST]?.name));
  expect([...registered].map((m) => m[1]).filter((name) => !lists.has(`all${name}`))).toEqual([]);
});

test('the list of another type\'s records is a resource of its own: follow-ups are conversations', () => {
  const followUp = introspection.resources.find((r) => r.type.name === 'FollowUp') as unknown as Record<string, { name: string }>;
  expect(followUp[GET_LIST].name).toBe('allFollowUps');
  expect(followUp[GET_ONE]).toBeUndefined();
});

test('every resource named in SELECTIONS exists', () => {
  expect(Object.keys(SELECTIONS).filter((name) => !resources.some(([n]) => n === name))).toEqual([]);
});

describe.each(resources)('%s', (_name, resource) => {
  const methods = Object.keys(PARAMS).filter((m) => m in resource);
  test.each(methods)('the %s document validates', (method) => {
    const { query, variables } = buildQuery(method, resource.type.name, PARAMS[method]);
    expect(errorsOf(query as DocumentNode)).toEqual([]);
    // Nothing is sent the document does not declare (the library's `meta` stays home).
    const declared = (query as DocumentNode).definitions.flatMap((d) => ('variableDefinitions' in d ? d.variableDefinitions ?? [] : []))
      .map((v) => v.variable.name.value);
    expect(Object.keys(variables ?? {}).filter((k) => !declared.includes(k))).toEqual([]);
  });

  if (SELECTIONS[resource.type.name]?.linked) {
    test('a list selects its linked records as named, not only their ids', () => {
      const printed = print(buildQuery(GET_LIST, resource.type.name, PARAMS[GET_LIST]).query as DocumentNode);
      expect(printed).toMatch(/\{\s*id\s+\w+/);
    });
  }
});
