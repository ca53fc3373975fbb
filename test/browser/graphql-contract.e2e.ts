/**
 * The web app's hand-written GraphQL (apps/web/src/resourceConfig.ts) against the API's generated
 * schema (apps/api/schema.gql): every document the data provider can send must validate, every
 * filter key and input field it sends must exist, and every required create field must be sent.
 * Introspection is off in production, so this is where a renamed field is caught before a user is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, isNonNullType, parse, validate, type GraphQLInputObjectType } from 'graphql';
import { LOGIN_MUTATION, operations, operationsOf, RESOURCES } from '../../apps/web/src/resourceConfig.js';

const schema = buildSchema(readFileSync(fileURLToPath(new URL('../../apps/api/schema.gql', import.meta.url)), 'utf8'));

function inputFields(name: string) {
  const type = schema.getType(name) as GraphQLInputObjectType | undefined;
  if (!type) throw new Error(`schema.gql has no input ${name}`);
  return type.getFields();
}

function errorsOf(document: string): string[] {
  return validate(schema, parse(document)).map((e) => e.message);
}

test('the sign-in mutation matches the schema', () => {
  expect(errorsOf(LOGIN_MUTATION)).toEqual([]);
});

describe.each(RESOURCES.map((r) => [r.plural, r] as const))('%s', (_plural, resource) => {
  test.each(operationsOf(resource))('the %s document validates', (operation) => {
    expect(errorsOf(operations[operation](resource))).toEqual([]);
  });

  test('filters only on keys the filter input declares', () => {
    const declared = Object.keys(inputFields(`${resource.type}Filter`));
    expect(resource.filters.filter((f) => !declared.includes(f))).toEqual([]);
  });

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
});
