/**
 * The web app's hand-written GraphQL (apps/web/src/resourceConfig.ts) against the API's generated
 * schema (apps/api/schema.gql): every document the data provider can send must validate, every
 * filter key and input field it sends must exist, and every required create field must be sent.
 * Introspection is off in production, so this is where a renamed field is caught before a user is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, getNamedType, isInputObjectType, isNonNullType, parse, validate, type GraphQLInputObjectType } from 'graphql';
import {
  CHANGE_PASSWORD_MUTATION, LOGIN_MUTATION, ME_QUERY, operations, operationsOf, ORGANISING_DOCUMENTS, RESOURCES,
} from '../../apps/web/src/resourceConfig.js';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../apps/api/schema.gql', import.meta.url)), 'utf8'));

function inputFields(name: string) {
  const type = schema.getType(name) as GraphQLInputObjectType | undefined;
  if (!type) throw new Error(`schema.gql has no input ${name}`);
  return type.getFields();
}

function errorsOf(document: string): string[] {
  return validate(schema, parse(document)).map((e) => e.message);
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

describe.each(RESOURCES.map((r) => [r.plural, r] as const))('%s', (_plural, resource) => {
  test.each(operationsOf(resource))('the %s document validates', (operation) => {
    expect(errorsOf(operations[operation](resource))).toEqual([]);
  });

  test('filters only on keys the filter input declares', () => {
    const declared = Object.keys(inputFields(`${resource.type}Filter`));
    expect(resource.filters.filter((f) => !declared.includes(f))).toEqual([]);
  });

  if (resource.listOnly) {
    test('is a list only in the API too: no single-record query', () => {
      expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).not.toContain(resource.type);
    });
  }

  if (resource.readOnly) {
    test('is read-only in the API too: no create, update or delete mutation', () => {
      const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
      const names = ['create', 'update', 'delete'].map((verb) => `${verb}${resource.type}`);
      expect(names.filter((n) => mutations.includes(n))).toEqual([]);
      expect([...resource.createInput, ...resource.updateInput]).toEqual([]);
    });
    return;
  }

  test('sends only declared create and update fields, and every required create field', () => {
    const create = inputFields(`${resource.type}CreateInput`);
    const update = inputFields(`${resource.type}UpdateInput`);
    expect(resource.createInput.filter((f) => !(f in create))).toEqual([]);
    expect(resource.updateInput.filter((f) => !(f in update))).toEqual([]);
    const required = Object.values(create).filter((f) => isNonNullType(f.type)).map((f) => f.name);
    expect(required.filter((f) => !resource.createInput.includes(f))).toEqual([]);
  });

  test('sends a client-made id on create exactly where the create input takes one (a retried create is one record)', () => {
    expect({ clientId: !!resource.clientId }).toEqual({ clientId: 'id' in inputFields(`${resource.type}CreateInput`) });
  });

  if (resource.noDelete) {
    test('has no delete mutation in the API either', () => {
      expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).not.toContain(`delete${resource.type}`);
    });
  }

  const nested = Object.entries(resource.nestedInput ?? {});
  if (nested.length === 0) return;
  test.each(nested)('sends each %s item with the keys its input type declares, required ones included', (field, keys) => {
    for (const input of [`${resource.type}CreateInput`, `${resource.type}UpdateInput`]) {
      const type = getNamedType(inputFields(input)[field]?.type);
      if (!isInputObjectType(type)) throw new Error(`${input}.${field} is not a list of input objects`);
      const fields = type.getFields();
      expect(keys.filter((k) => !(k in fields))).toEqual([]);
      const required = Object.values(fields).filter((f) => isNonNullType(f.type)).map((f) => f.name);
      expect(required.filter((f) => !keys.includes(f))).toEqual([]);
    }
  });
});
