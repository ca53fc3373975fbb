import type {
  IntrospectionField,
  IntrospectionInputTypeRef,
  IntrospectionInputValue,
  IntrospectionObjectType,
  IntrospectionOutputTypeRef,
  IntrospectionSchema,
  IntrospectionType,
} from 'graphql';
import {
  CREATE,
  DELETE,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  HttpError,
  UPDATE,
  type DataProvider,
  type GetListParams,
  type GetManyReferenceParams,
  type RaRecord,
} from 'ra-core';
import { defaultOptions, introspectSchema, type IntrospectedResource, type IntrospectionOptions, type IntrospectionResult } from 'ra-data-graphql';
import buildGraphQLProvider, { buildGqlQuery, buildQueryFactory, buildVariables } from 'ra-data-graphql-simple';
import { newId } from './common/newId';
import { SELECTIONS, UPDATE_RULES, type Selection } from './resourceConfig';

/**
 * react-admin's own GraphQL data provider (ra-data-graphql-simple, by react-admin's authors) over the API's committed
 * schema, given statically: production has introspection off, and the web build reads `apps/api/schema.gql` (see
 * vite.config.ts), so a field the API adds reaches the app and a field it drops fails the contract test and the first
 * request. The library writes every standard query (getList, getOne, getMany, getManyReference, create, update,
 * delete); this module only tells it four things it cannot know:
 *
 * - **What to select.** A record's own scalar fields come from the schema; its linked records (`ward { id name }`) are
 *   named in `SELECTIONS` (resourceConfig.ts), checked against the schema when the provider starts.
 * - **`data:`.** The API takes a write as one input argument, `createX(data: XCreateInput!)` and
 *   `updateX(id: ID!, data: XUpdateInput!)`: an input type per mutation is where its validation and field errors live.
 *   The record is cut down to the fields the input type declares (nested inputs such as a user's roles the same way);
 *   an update sends only what changed from `previousData`; a create whose input takes an `id` sends the form's
 *   client-made one (kept across retries, so a retried create is one record).
 * - **Filters** are cut down to what `XFilter` declares, with empty values dropped; getMany asks for as many rows as ids.
 * - **Responses keep nulls** (the library's parser drops them, and a form needs to know a field is empty) and errors
 *   keep the API's field messages (the library wraps Apollo 4's errors in a message-only HttpError).
 *
 * Lists of another type's records (`allFollowUps: [Conversation]`) are resources of their own, named after their
 * filter type (`FollowUpFilter` → `FollowUp`).
 */

type Types = IntrospectionResult['types'];
type TypeRef = IntrospectionInputTypeRef | IntrospectionOutputTypeRef;

/** The named type under NON_NULL and LIST wrappers. */
function namedType<T extends TypeRef>(ref: T): T {
  return 'ofType' in ref && ref.ofType ? namedType(ref.ofType as T) : ref;
}

const nameOf = (ref: TypeRef): string => (ref as { name?: string }).name ?? '';

function typeNamed(types: Types, name: string): IntrospectionType | undefined {
  return types.find((t) => t.name === name);
}

function inputFieldsOf(types: Types, ref: IntrospectionInputTypeRef): readonly IntrospectionInputValue[] | null {
  const named = namedType(ref);
  if (named.kind !== 'INPUT_OBJECT') return null;
  const type = typeNamed(types, named.name);
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
  previousData?: Record<string, unknown> | null;
}

/** Variables for `createX(data:)` and `updateX(id:, data:)`. */
export function dataVariables(types: Types, fetchType: string, params: WriteParams, queryType: IntrospectionField) {
  const dataArg = queryType.args.find((a) => a.name === 'data');
  if (!dataArg) throw new Error(`${queryType.name} takes no data argument`);
  const data = project(types, dataArg.type, params.data) as Record<string, unknown>;
  if (fetchType === CREATE) {
    for (const key of Object.keys(data)) if (data[key] === null) delete data[key];
    const takesId = inputFieldsOf(types, dataArg.type)?.some((f) => f.name === 'id');
    if (takesId && typeof data.id !== 'string') data.id = newId();
    return { data };
  }
  const previous = params.previousData ? (project(types, dataArg.type, params.previousData) as Record<string, unknown>) : {};
  for (const key of Object.keys(data)) if (key in previous && same(previous[key], data[key])) delete data[key];
  UPDATE_RULES[nameOf(namedType(dataArg.type))]?.(data);
  return { id: params.id, data };
}

const LISTS = new Set([GET_LIST, GET_MANY, GET_MANY_REFERENCE]);

/** A resource's list query (`allWards`), if it has one. */
function listQueryOf(resource: IntrospectedResource): IntrospectionField | undefined {
  return (resource as unknown as Record<string, IntrospectionField | undefined>)[GET_LIST];
}

function objectType(types: Types, name: string): IntrospectionObjectType {
  const type = typeNamed(types, name);
  if (!type || type.kind !== 'OBJECT') throw new Error(`The API's schema has no object type ${name}`);
  return type;
}

/** A type's own fields that are values (scalars, enums and lists of them) and take no arguments. */
function valueFields(type: IntrospectionObjectType): string[] {
  return type.fields
    .filter((f) => f.args.length === 0 && ['SCALAR', 'ENUM'].includes(namedType(f.type).kind))
    .map((f) => f.name);
}

/** Throws, naming the path, on a selected field the schema does not have (or a value selected as a record). */
function checkSelection(types: Types, typeName: string, selection: Selection, path: string): void {
  const type = objectType(types, typeName);
  for (const item of selection) {
    const entries: [string, Selection | null][] = typeof item === 'string' ? [[item, null]] : Object.entries(item);
    for (const [name, inner] of entries) {
      const field = type.fields.find((f) => f.name === name);
      if (!field) throw new Error(`${path}: the API's ${typeName} has no field "${name}"`);
      const named = namedType(field.type);
      if (inner && named.kind !== 'OBJECT') throw new Error(`${path}: ${typeName}.${name} is not a record`);
      if (inner) checkSelection(types, nameOf(named), inner, `${path}.${name}`);
    }
  }
}

/** The sparse fields (ra-data-graphql-simple's notation) a call selects: values from the schema, records as named. */
function selectionFor(resource: IntrospectedResource, fetchType: string): Selection {
  if (fetchType === DELETE) return ['id'];
  const config = SELECTIONS[resource.type.name] ?? {};
  const values = valueFields(resource.type);
  if (LISTS.has(fetchType)) return [...values.filter((f) => !config.listOmit?.includes(f)), ...(config.linked ?? [])];
  return [...values, ...(config.linked ?? []), ...(config.oneLinked ?? [])];
}

/** The filter a list sends: only what `XFilter` declares, without empty values. */
export function schemaFilter(types: Types, typeName: string, filter: Record<string, unknown> | undefined): Record<string, unknown> {
  const filterType = typeNamed(types, `${typeName}Filter`);
  const declared = new Set(filterType?.kind === 'INPUT_OBJECT' ? filterType.inputFields.map((f) => f.name) : []);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (!declared.has(key) || value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * The schema's resources, and one more for each list of another type's records: `allFollowUps(filter: FollowUpFilter)`
 * returns conversations, and becomes the resource `FollowUp` (its list, getMany and getManyReference).
 */
async function introspect(client: unknown, options: IntrospectionOptions): Promise<IntrospectionResult> {
  const result = (await introspectSchema(client as never, options)) as unknown as IntrospectionResult;
  const queries = result.queries as unknown as IntrospectionField[];
  const listed = new Set(result.resources.map((r) => listQueryOf(r)?.name));
  for (const query of queries) {
    if (!/^all\w+$/.test(query.name) || listed.has(query.name)) continue;
    const filterArg = query.args.find((a) => a.name === 'filter');
    const name = filterArg ? nameOf(namedType(filterArg.type)).replace(/Filter$/, '') : '';
    const returned = namedType(query.type);
    if (!name || returned.kind !== 'OBJECT') continue;
    const type = { ...objectType(result.types, returned.name), name };
    result.resources.push({ type, [GET_LIST]: query, [GET_MANY]: query, [GET_MANY_REFERENCE]: query } as IntrospectedResource);
  }
  for (const [name, config] of Object.entries(SELECTIONS)) {
    const resource = result.resources.find((r) => r.type.name === name);
    if (!resource) throw new Error(`SELECTIONS names ${name}, which the API's schema has no list or record of`);
    const typeName = typeOfResource(result, name);
    for (const part of [config.linked, config.oneLinked, config.listOmit]) if (part) checkSelection(result.types, typeName, part, name);
  }
  return result;
}

/** The resources of a schema given statically, as the data provider sees them (for tests of what it sends). */
export function rollcallIntrospection(schema: IntrospectionSchema): Promise<IntrospectionResult> {
  return introspect(null, { ...defaultOptions.introspection, schema } as IntrospectionOptions);
}

/** The object type a resource's records are (a list-only resource's is another type's: FollowUp → Conversation). */
function typeOfResource(result: IntrospectionResult, name: string): string {
  const resource = result.resources.find((r) => r.type.name === name);
  const list = resource && listQueryOf(resource);
  return list ? nameOf(namedType(list.type)) : name;
}

/** Our buildQuery: the library's, with the variables, the selection and the response parser above. */
export function buildRollcallQuery(introspection: IntrospectionResult) {
  const types = introspection.types;
  const simpleVariables = buildVariables(introspection);
  const simpleQuery = buildGqlQuery(introspection);
  const variables = () => (resource: IntrospectedResource, fetchType: string, params: Record<string, unknown>, queryType: IntrospectionField) => {
    if (fetchType === CREATE || fetchType === UPDATE) return dataVariables(types, fetchType, params as unknown as WriteParams, queryType);
    if (fetchType === GET_MANY) {
      const ids = params.ids as unknown[];
      return { page: 0, perPage: ids.length, filter: { ids } };
    }
    const { meta: _meta, ...rest } = simpleVariables(resource, fetchType, params, queryType) as Record<string, unknown>;
    return rest;
  };
  const query = () => (resource: IntrospectedResource, fetchType: string, queryType: IntrospectionField, vars: Record<string, unknown>) =>
    simpleQuery(resource, fetchType, queryType, { ...vars, meta: { sparseFields: selectionFor(resource, fetchType) } });
  const parser = () => (fetchType: string) => (response: { data?: unknown }) => {
    const data = plain(response.data) as { items?: RaRecord[]; total?: { count: number }; data?: RaRecord };
    return LISTS.has(fetchType) ? { data: data.items ?? [], total: data.total?.count ?? 0 } : { data: data.data };
  };
  return buildQueryFactory(variables, query, parser as never)(introspection);
}

/** A deep copy without Apollo's `__typename`, nulls kept, so records are plain, mutable objects. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === '__typename' ? undefined : v)) as T;
}

const GET_MANY_CHUNK = 100;

export interface RollcallProviderOptions {
  /** An Apollo Client (the app's, with its auth, retry and status links). */
  client: unknown;
  /** The API's schema as introspection data (the committed schema.gql, built into the app). */
  schema: IntrospectionSchema;
  /** What a thrown error becomes (the app's turns Apollo's errors into react-admin HttpErrors with field messages). */
  toError?: (error: unknown) => unknown;
  /** A list's filter before it is cut down to the schema's, for the app's own filter words (`myBranches`). */
  prepareFilter?: (typeName: string, filter: Record<string, unknown>) => Record<string, unknown>;
}

export interface RollcallProvider extends DataProvider {
  /** The filter a list of `resource` sends (as getList sends it): for exports of the same list. */
  listFilter(resource: string, filter: Record<string, unknown> | undefined): Promise<Record<string, unknown>>;
}

/**
 * The data provider. react-admin's resources keep the plural names they have always had (`Wards`, `FollowUps`):
 * a resource is the one whose list is `all<name>`, or whose type is `<name>`.
 */
export function createRollcallProvider(options: RollcallProviderOptions): RollcallProvider {
  const { client, schema, toError = (e: unknown) => e, prepareFilter = (_t: string, f: Record<string, unknown>) => f } = options;
  const library = buildGraphQLProvider({
    client: client as never,
    introspection: { schema },
    resolveIntrospection: introspect as never,
    buildQuery: buildRollcallQuery as never,
    query: { fetchPolicy: 'no-cache' },
    mutation: { fetchPolicy: 'no-cache' },
  } as never) as DataProvider & { getIntrospection(): Promise<IntrospectionResult> };

  /** The library reports Apollo 4's errors as a message-only HttpError with the error as its body. */
  const rethrow = (error: unknown): never => {
    const cause = error instanceof HttpError && error.status === 200 && error.body ? error.body : error;
    throw toError(cause);
  };

  // The introspection is static, but the library reads it on its first call: so do the names and filters here.
  const ready = library.getIntrospection().then((result) => {
    const names = new Map<string, string>();
    for (const r of result.resources) {
      names.set(r.type.name, r.type.name);
      const list = listQueryOf(r);
      if (list) names.set(list.name.replace(/^all/, ''), r.type.name);
    }
    return { types: result.types, names };
  });
  const typeName = async (resource: string): Promise<string> => {
    const name = (await ready).names.get(resource);
    if (!name) throw new HttpError(`Unknown resource: ${resource}`, 404);
    return name;
  };
  const filterOf = async (type: string, filter: Record<string, unknown> | undefined) =>
    schemaFilter((await ready).types, type, prepareFilter(type, filter ?? {}));

  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      return rethrow(error);
    }
  };

  const list = async (resource: string, params: GetListParams | GetManyReferenceParams, method: 'getList' | 'getManyReference') => {
    const type = await typeName(resource);
    const filter = await filterOf(type, params.filter);
    return call(() => library[method](type, { ...params, filter } as never));
  };

  return {
    getList: (resource, params) => list(resource, params, 'getList'),
    getManyReference: (resource, params) => list(resource, params, 'getManyReference'),
    async getOne(resource, params) {
      const type = await typeName(resource);
      const result = await call(() => library.getOne(type, params));
      if (!result.data) throw new HttpError(`${type} not found`, 404);
      return result;
    },
    async getMany(resource, params) {
      const type = await typeName(resource);
      const ids = [...new Set(params.ids)];
      const data: RaRecord[] = [];
      for (let i = 0; i < ids.length; i += GET_MANY_CHUNK) {
        const chunk = await call(() => library.getMany(type, { ...params, ids: ids.slice(i, i + GET_MANY_CHUNK) }));
        data.push(...chunk.data);
      }
      return { data } as never;
    },
    create: async (resource, params) => call(async () => library.create(await typeName(resource), params)),
    update: async (resource, params) => call(async () => library.update(await typeName(resource), params)),
    updateMany: async (resource, params) => call(async () => library.updateMany(await typeName(resource), params)),
    async delete(resource, params) {
      const type = await typeName(resource);
      const result = await call(() => library.delete(type, params));
      return { data: { ...(params.previousData ?? {}), ...(result.data ?? {}), id: params.id } } as never;
    },
    deleteMany: async (resource, params) => call(async () => library.deleteMany(await typeName(resource), params)),
    listFilter: async (resource, filter) => filterOf(await typeName(resource), filter),
  };
}
