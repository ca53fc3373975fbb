import { gql, type DocumentNode } from '@apollo/client';
import { addDays } from '@rollcall/domain';
import { HttpError } from 'react-admin';
import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  Identifier,
  RaRecord,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';
import { apolloClient, toHttpError } from './apollo';
import { newId } from './common/newId';
import { operations, ORGANISING_DOCUMENTS, resourceConfig, type ResourceConfig } from './resourceConfig';
import { branchEmployerIds } from './session';

/**
 * A react-admin data provider over the API's GraphQL grammar (the one ra-data-graphql-simple
 * speaks): `X(id)`, `allXs(page, perPage, sortField, sortOrder, filter)`, `_allXsMeta(filter)`,
 * `createX(data)`, `updateX(id, data)`, `deleteX(id)`. Field selections are written by hand
 * because introspection is off in production.
 */

const documents = new Map<string, DocumentNode>();
function document(key: string, build: () => string): DocumentNode {
  let doc = documents.get(key);
  if (!doc) {
    doc = gql(build());
    documents.set(key, doc);
  }
  return doc;
}

function listDocument(c: ResourceConfig): DocumentNode {
  return document(`list:${c.type}`, () => operations.list(c));
}

function manyDocument(c: ResourceConfig): DocumentNode {
  return document(`many:${c.type}`, () => operations.many(c));
}

function oneDocument(c: ResourceConfig): DocumentNode {
  return document(`one:${c.type}`, () => operations.one(c));
}

function createDocument(c: ResourceConfig): DocumentNode {
  return document(`create:${c.type}`, () => operations.create(c));
}

function updateDocument(c: ResourceConfig): DocumentNode {
  return document(`update:${c.type}`, () => operations.update(c));
}

function deleteDocument(c: ResourceConfig): DocumentNode {
  return document(`delete:${c.type}`, () => operations.delete(c));
}

/** A deep copy without Apollo's `__typename`, so records are plain, mutable objects. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === '__typename' ? undefined : v)) as T;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `myBranches: true` (a list's default, see NameList, SiteList and WardList) stands for the employers of the
 * user's branches, so other trusts' sites and wards (with nothing of ours on them) stay out of view.
 */
function withBranchEmployers(c: ResourceConfig, filter: Record<string, unknown>): Record<string, unknown> {
  if (!('myBranches' in filter)) return filter;
  const { myBranches, ...rest } = filter;
  const employerIds = branchEmployerIds();
  if (myBranches === true && c.filters.includes('employerIds') && employerIds.length > 0) return { ...rest, employerIds };
  return rest;
}

function cleanFilter(c: ResourceConfig, filter: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withBranchEmployers(c, filter ?? {}))) {
    if (!c.filters.includes(key)) continue;
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  // The audit log's `to` is exclusive; a day picked in a "To" date input means "up to the end of it".
  if (c.type === 'AuditEvent' && typeof out.to === 'string' && DAY.test(out.to)) out.to = addDays(out.to, 1);
  return out;
}

/** The filter a list sends for `resource` (as getList sends it): for exports of the same list. */
export function listFilter(resource: string, filter: Record<string, unknown> | undefined): Record<string, unknown> {
  return cleanFilter(resourceConfig(resource), filter);
}

function writable(c: ResourceConfig): ResourceConfig {
  if (c.readOnly) throw new HttpError(`${c.plural} cannot be changed`, 405);
  return c;
}

function deletable(c: ResourceConfig): ResourceConfig {
  if (c.noDelete) throw new HttpError(`${c.plural} cannot be deleted`, 405);
  return writable(c);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => same(a[k], b[k]));
  }
  return false;
}

/** Lists of objects (`c.nestedInput`) cut down to the keys their input type declares. */
function projectNested(c: ResourceConfig, data: Record<string, unknown>): Record<string, unknown> {
  if (!c.nestedInput) return data;
  const out = { ...data };
  for (const [field, keys] of Object.entries(c.nestedInput)) {
    const list = out[field];
    if (!Array.isArray(list)) continue;
    out[field] = list
      .filter(isObject)
      .map((item) => Object.fromEntries(keys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]])));
  }
  return out;
}

/** The input of a create or an update: declared fields only (with `previous`, only changed ones). */
function inputOf(
  c: ResourceConfig,
  fields: readonly string[],
  data: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  return pickInput(fields, projectNested(c, data), previous ? projectNested(c, previous) : undefined);
}

/**
 * Only the fields the input type declares: never `id`, nested objects, computed fields or
 * `__typename`. With `previous`, only the fields that changed.
 */
export function pickInput(
  fields: readonly string[],
  data: Record<string, unknown>,
  previous?: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field in data) || data[field] === undefined) continue;
    const value = data[field];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue;
    if (previous && field in previous && same(previous[field], value)) continue;
    out[field] = value;
  }
  return out;
}

async function query<T>(doc: DocumentNode, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.query<T>({ query: doc, variables, fetchPolicy: 'no-cache' });
    if (!result.data) throw new Error('The server returned no data');
    return plain(result.data as T);
  } catch (error) {
    throw toHttpError(error);
  }
}

async function mutate<T>(doc: DocumentNode, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.mutate<T>({ mutation: doc, variables, fetchPolicy: 'no-cache' });
    if (!result.data) throw new Error('The server returned no data');
    return plain(result.data as T);
  } catch (error) {
    throw toHttpError(error);
  }
}

interface ListResult { items: RaRecord[]; total: { count: number } }
interface ItemResult { item: RaRecord | null }

const GET_MANY_CHUNK = 100;

const organisingDocument = (name: keyof typeof ORGANISING_DOCUMENTS) =>
  document(`organising:${name}`, () => ORGANISING_DOCUMENTS[name]);

/**
 * Read-only views that react-admin reads like lists (useGetList), so they load, refresh and show
 * errors the same way: `PatchWards` (my patch) and `RepCoverage` take an optional `siteId` filter,
 * `ContactTimeline` a `contactId` (and `perPage` as the limit). They come whole: no paging (but
 * `RecentJoiners` lists the newest `perPage` and counts them all).
 */
type ViewResult = RaRecord[] | { data: RaRecord[]; total: number; meta?: Record<string, unknown> };

const VIEWS: Record<string, (params: GetListParams) => Promise<ViewResult>> = {
  PatchWards: async ({ filter }) =>
    (await query<{ items: RaRecord[] }>(organisingDocument('myPatch'), { siteId: filter?.siteId || null })).items,
  RepCoverage: async ({ filter }) =>
    (await query<{ items: RaRecord[] }>(organisingDocument('repCoverage'), { siteId: filter?.siteId || null })).items,
  ContactTimeline: async ({ filter, pagination }) => {
    if (!filter?.contactId) return [];
    const result = await query<{ item: { timeline: RaRecord[] } | null }>(organisingDocument('contactTimeline'), {
      id: filter.contactId,
      limit: pagination?.perPage ?? 100,
    });
    return result.item?.timeline ?? [];
  },
  /** Density by site: the sites as rows, the total over them and the smallest cell published in `meta`. */
  DensityBySite: async () => {
    const { item } = await query<{ item: { sites: RaRecord[]; total: unknown; minCell: number } }>(organisingDocument('densityBySite'), {});
    return { data: item.sites, total: item.sites.length, meta: { total: item.total, minCell: item.minCell } };
  },
  OverdueFollowUpsByRep: async () => (await query<{ items: RaRecord[] }>(organisingDocument('overdueFollowUpsByRep'), {})).items,
  /** Who joined lately: `filter.days` back (default 30), the newest `perPage` of them; `total` counts them all. */
  RecentJoiners: async ({ filter, pagination }) => {
    const { item } = await query<{ item: { since: string; count: number; memberships: RaRecord[] } }>(organisingDocument('recentJoiners'), {
      days: Number(filter?.days ?? 30),
      limit: pagination?.perPage ?? 10,
    });
    return { data: item.memberships, total: item.count, meta: { since: item.since } };
  },
};

async function getList(resource: string, params: GetListParams | GetManyReferenceParams, extraFilter = {}) {
  const view = VIEWS[resource];
  if (view) {
    const result = await view(params);
    return Array.isArray(result) ? { data: result, total: result.length } : result;
  }
  const c = resourceConfig(resource);
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  const result = await query<ListResult>(listDocument(c), {
    page: page - 1, // react-admin counts pages from 1, the API from 0
    perPage,
    sortField: params.sort?.field,
    sortOrder: params.sort?.order,
    filter: cleanFilter(c, { ...params.filter, ...extraFilter }),
  });
  return { data: result.items, total: result.total.count };
}

const provider = {
  getList: (resource: string, params: GetListParams) => getList(resource, params),

  async getOne(resource: string, params: GetOneParams) {
    const c = resourceConfig(resource);
    if (c.listOnly) throw new HttpError(`${c.plural} are read as a list only`, 405);
    const result = await query<ItemResult>(oneDocument(c), { id: params.id });
    if (!result.item) throw new HttpError(`${c.type} not found`, 404);
    return { data: result.item };
  },

  async getMany(resource: string, params: GetManyParams) {
    const c = resourceConfig(resource);
    const ids = [...new Set(params.ids)];
    const data: RaRecord[] = [];
    for (let i = 0; i < ids.length; i += GET_MANY_CHUNK) {
      const chunk = ids.slice(i, i + GET_MANY_CHUNK);
      const result = await query<{ items: RaRecord[] }>(manyDocument(c), { perPage: chunk.length, filter: { ids: chunk } });
      data.push(...result.items);
    }
    return { data };
  },

  getManyReference: (resource: string, params: GetManyReferenceParams) =>
    getList(resource, params, { [params.target]: params.id }),

  async create(resource: string, params: CreateParams) {
    const c = writable(resourceConfig(resource));
    const input = inputOf(c, c.createInput, params.data as Record<string, unknown>);
    for (const key of Object.keys(input)) if (input[key] === null) delete input[key];
    // The form's client-made id (kept across its retries), so a retried create is one record.
    if (c.clientId) input.id = typeof params.data?.id === 'string' && params.data.id ? params.data.id : newId();
    const result = await mutate<ItemResult>(createDocument(c), { data: input });
    return { data: result.item as RaRecord };
  },

  async update(resource: string, params: UpdateParams) {
    const c = writable(resourceConfig(resource));
    const input = inputOf(c, c.updateInput, params.data as Record<string, unknown>, params.previousData);
    // A rotation date only means something together with a new ward.
    if ('movedOn' in input && !('wardId' in input)) delete input.movedOn;
    const result = await mutate<ItemResult>(updateDocument(c), { id: params.id, data: input });
    return { data: result.item as RaRecord };
  },

  async updateMany(resource: string, params: UpdateManyParams) {
    const c = writable(resourceConfig(resource));
    const input = inputOf(c, c.updateInput, params.data as Record<string, unknown>);
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      await mutate<ItemResult>(updateDocument(c), { id, data: input });
      ids.push(id);
    }
    return { data: ids };
  },

  async delete(resource: string, params: DeleteParams) {
    const c = deletable(resourceConfig(resource));
    const result = await mutate<ItemResult>(deleteDocument(c), { id: params.id });
    return { data: { ...(params.previousData ?? {}), ...(result.item ?? {}), id: params.id } };
  },

  async deleteMany(resource: string, params: DeleteManyParams) {
    const c = deletable(resourceConfig(resource));
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      await mutate<ItemResult>(deleteDocument(c), { id });
      ids.push(id);
    }
    return { data: ids };
  },
};

/** An organising mutation's `item`, with errors as react-admin HttpErrors (field errors included). */
async function organise<T>(name: keyof typeof ORGANISING_DOCUMENTS, data: Record<string, unknown>): Promise<T> {
  return (await mutate<{ item: T }>(organisingDocument(name), { data })).item;
}

/** Organising actions on contacts: called through `useDataProvider()` (see contacts/LeaderPanel). */
const organising = {
  /** Records an assessment (1 leader … 5 opposed) without a conversation. */
  assessContact: (contactId: Identifier, value: number) => organise<RaRecord>('assessContact', { contactId, value }),
  /** Marks (a reason is required) or unmarks an organic leader. */
  setLeader: (contactId: Identifier, leader: boolean, reason?: string | null) =>
    organise<RaRecord>('setLeader', { contactId, leader, reason: leader ? reason : null }),
  /** The follower looks to the leader. */
  linkContacts: (leaderId: Identifier, followerId: Identifier) => organise<RaRecord>('linkContacts', { leaderId, followerId }),
  unlinkContacts: (leaderId: Identifier, followerId: Identifier) => organise<boolean>('unlinkContacts', { leaderId, followerId }),
};

export type OrganisingDataProvider = DataProvider & typeof organising;

/** The typed signatures are generic over the record type; the records here are whatever the API sends. */
export const dataProvider = { ...provider, ...organising } as unknown as OrganisingDataProvider;
