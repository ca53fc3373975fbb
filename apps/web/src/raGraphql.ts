import type { IntrospectionField, IntrospectionInputTypeRef, IntrospectionInputValue, IntrospectionType } from 'graphql';
import { CREATE, UPDATE } from 'ra-core';
import type { IntrospectedResource, IntrospectionResult } from 'ra-data-graphql';
import { buildQueryFactory, buildVariables } from 'ra-data-graphql-simple';

/**
 * react-admin's own GraphQL dialect (ra-data-graphql-simple) with one change: creates and updates.
 *
 * The API takes them as one argument, `createX(data: XCreateInput!)` and `updateX(id: ID!, data: XUpdateInput!)`, where
 * ra-data-graphql-simple sends each field as an argument of its own (`createX(name: …)`). The API keeps `data:`: an
 * input type per mutation is where its validation and its field-level errors live, and the web app, the tests and any
 * other client already send it. So this wraps the record in `data`, keeping only the fields the input type declares
 * (nested inputs such as a user's roles cut down the same way; never `id` unless the input takes a client-made one,
 * nested records, computed fields or `__typename`). An update sends only what changed from `previousData`, as the
 * web app always has. Every other call (getList, getOne, getMany, getManyReference, delete) is the library's own.
 */

type Types = IntrospectionResult['types'];

/** The named type under NON_NULL and LIST wrappers. */
function namedType(ref: IntrospectionInputTypeRef): IntrospectionInputTypeRef {
  return 'ofType' in ref && ref.ofType ? namedType(ref.ofType) : ref;
}

function inputFieldsOf(types: Types, ref: IntrospectionInputTypeRef): readonly IntrospectionInputValue[] | null {
  const named = namedType(ref);
  if (named.kind !== 'INPUT_OBJECT') return null;
  const type = types.find((t: IntrospectionType) => t.name === named.name);
  return type && type.kind === 'INPUT_OBJECT' ? type.inputFields : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value cut down to what its input type declares: objects to their declared fields, lists item by item. */
function project(types: Types, ref: IntrospectionInputTypeRef, value: unknown): unknown {
  const fields = inputFieldsOf(types, ref);
  if (!fields) return value;
  if (Array.isArray(value)) return value.map((item) => project(types, ref, item));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const v = value[field.name];
    if (v === undefined) continue;
    // A nested record ({ id, name }) where the input wants a scalar (siteId) is not input.
    if (isObject(v) && !inputFieldsOf(types, field.type)) continue;
    out[field.name] = project(types, field.type, v);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

interface WriteParams {
  id?: string;
  data: Record<string, unknown>;
  previousData?: Record<string, unknown>;
}

/** Variables for `createX(data:)` and `updateX(id:, data:)`. */
export function dataVariables(types: Types, fetchType: string, params: WriteParams, queryType: IntrospectionField) {
  const dataArg = queryType.args.find((a) => a.name === 'data');
  if (!dataArg) throw new Error(`${queryType.name} takes no data argument`);
  const data = project(types, dataArg.type, params.data) as Record<string, unknown>;
  if (fetchType === CREATE) {
    for (const key of Object.keys(data)) if (data[key] === null) delete data[key];
    return { data };
  }
  const previous = params.previousData ? (project(types, dataArg.type, params.previousData) as Record<string, unknown>) : {};
  for (const key of Object.keys(data)) if (key in previous && same(previous[key], data[key])) delete data[key];
  return { id: params.id, data };
}

/** ra-data-graphql-simple's buildVariables, with creates and updates wrapped in `data`. */
export function buildDataVariables(introspection: IntrospectionResult) {
  const simple = buildVariables(introspection);
  return (resource: IntrospectedResource, fetchType: string, params: unknown, queryType: IntrospectionField) =>
    fetchType === CREATE || fetchType === UPDATE
      ? dataVariables(introspection.types, fetchType, params as WriteParams, queryType)
      : simple(resource, fetchType, params, queryType);
}

/** The `buildQuery` option for ra-data-graphql-simple's provider: the library's own, but for creates and updates. */
export const buildQuery = buildQueryFactory(buildDataVariables);
