import { gql, type DocumentNode } from '@apollo/client';
import { addDays, ukToday } from '@rollcall/domain';
import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import schema from 'virtual:api-schema';
import { apolloClient, toHttpError } from './apollo';
import { createRollcallProvider, plain } from './raGraphql';
import { BALLOT_DOCUMENTS } from './ballots/documents';
import { DENSITY_DOCUMENTS } from './density/densityDocuments';
import type { DensitySlice, DensityTrend, SliceDimension, SliceFilter } from './density/sliceTypes';
import { CAMPAIGN_DOCUMENTS, CASEWORK_DOCUMENTS, ORGANISING_DOCUMENTS } from './resourceConfig';
import type { CampaignRecruitment, PeopleToAsk, StructureTestResult } from './campaigns/campaignTypes';
import { branchEmployerIds } from './session';

/**
 * The app's data provider: react-admin's own GraphQL provider over the API's committed schema (raGraphql.ts), with
 * the app's Apollo client, its errors (field messages kept), two filter words of its own, and the organising views
 * and actions that are not one resource's CRUD.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `myBranches: true` (a list's default, see NameList, SiteList and WardList) stands for the employers of the user's
 * branches, so other trusts' sites and wards (with nothing of ours on them) stay out of view. The audit log's `to` is
 * exclusive; a day picked in a "To" date input means "up to the end of it".
 */
function prepareFilter(type: string, filter: Record<string, unknown>): Record<string, unknown> {
  const { myBranches, ...rest } = filter;
  const employerIds = branchEmployerIds();
  const out: Record<string, unknown> = myBranches === true && employerIds.length > 0 ? { ...rest, employerIds } : rest;
  if (type === 'AuditEvent' && typeof out.to === 'string' && DAY.test(out.to)) out.to = addDays(out.to, 1);
  return out;
}

const resources = createRollcallProvider({ client: apolloClient, schema, toError: toHttpError, prepareFilter });

/** The filter a list sends for `resource` (as getList sends it): for exports of the same list. */
export const listFilter = resources.listFilter;

const documents = new Map<string, DocumentNode>();
const organisingDocument = (name: keyof typeof ORGANISING_DOCUMENTS): DocumentNode => {
  let doc = documents.get(name);
  if (!doc) {
    doc = gql(ORGANISING_DOCUMENTS[name]);
    documents.set(name, doc);
  }
  return doc;
};
const caseworkDocument = (name: keyof typeof CASEWORK_DOCUMENTS): DocumentNode => {
  let doc = documents.get(`casework:${name}`);
  if (!doc) {
    doc = gql(CASEWORK_DOCUMENTS[name]);
    documents.set(`casework:${name}`, doc);
  }
  return doc;
};

const campaignDocument = (name: keyof typeof CAMPAIGN_DOCUMENTS): DocumentNode => {
  let doc = documents.get(`campaign:${name}`);
  if (!doc) {
    doc = gql(CAMPAIGN_DOCUMENTS[name]);
    documents.set(`campaign:${name}`, doc);
  }
  return doc;
};

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
  /**
   * The wall chart of a site or a ward (`filter.siteId` or `filter.wardId`, with `shiftPatterns`, `staffGroups`, `grades`
   * and `unionIds`): the wards (columns) as rows; the site, ward and totals in `meta`.
   */
  WallChart: async ({ filter }) => {
    const list = (v: unknown) => (Array.isArray(v) && v.length ? v : null);
    const { item } = await query<{ item: { wards: RaRecord[] } & Record<string, unknown> }>(organisingDocument('wallChart'), {
      siteId: filter?.siteId || null, wardId: filter?.wardId || null,
      filter: { shiftPatterns: list(filter?.shiftPatterns), staffGroups: list(filter?.staffGroups), grades: list(filter?.grades), unionIds: list(filter?.unionIds) },
    });
    const { wards, ...meta } = item;
    return { data: wards, total: wards.length, meta };
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
  /**
   * The deadlines of the user's own open cases, one row each (id: the case's id and the deadline's key), the most
   * overdue first; `filter.days` ahead at most (default 14), done ones left out; `total` counts them all.
   */
  MyCaseDeadlines: async ({ filter, pagination }) => {
    const to = addDays(ukToday(), Number(filter?.days ?? 14));
    const { items, total } = await query<{ items: (RaRecord & { caseId: string; key: string })[]; total: { count: number } }>(
      organisingDocument('myCaseDeadlines'), { to, perPage: pagination?.perPage ?? 50 });
    return { data: items.map((d) => ({ ...d, id: `${d.caseId}:${d.key}` })), total: total.count };
  },
};

const provider: DataProvider = {
  ...resources,
  async getList(resource, params) {
    const view = VIEWS[resource];
    if (!view) return resources.getList(resource, params);
    const result = await view(params);
    return (Array.isArray(result) ? { data: result, total: result.length } : result) as never;
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
  /** How many deadlines of the user's own open cases are past (a count: it names no case, and is not audited). */
  overdueCaseDeadlineCount: async () => (await query<{ item: { count: number } }>(organisingDocument('overdueCaseDeadlineCount'), {})).item.count,
};

export type OrganisingDataProvider = DataProvider & typeof organising;

/** Someone who may take a place on a case's team. */
export interface TeamCandidate {
  id: string;
  displayName: string;
}

/** A case's team as setCaseTeam takes it: the caseworker, and optionally a second caseworker and a rep. */
export interface CaseTeamData {
  caseworkerId: Identifier;
  secondCaseworkerId?: Identifier | null;
  repId?: Identifier | null;
}

/** Staffing and linking cases (the case page): called through `useDataProvider()`; errors as HttpErrors with field messages. */
const casework = {
  /** Who may take `role` on the case's team, by name (at most 50; `q` narrows them): for the branch's secretary and admins. */
  caseTeamCandidates: async (caseId: Identifier, role: string, q?: string | null) =>
    (await query<{ items: TeamCandidate[] }>(caseworkDocument('caseTeamCandidates'), { caseId, role, q: q?.trim() || null })).items,
  /** Puts a new team on the case. */
  setCaseTeam: async (caseId: Identifier, data: CaseTeamData) =>
    (await mutate<{ item: RaRecord }>(caseworkDocument('setCaseTeam'), { caseId, data })).item,
  /** The appeal or tribunal claim `caseId` follows `linkedCaseId`. */
  linkCases: async (caseId: Identifier, linkedCaseId: Identifier) =>
    (await mutate<{ item: RaRecord }>(caseworkDocument('linkCases'), { data: { caseId, linkedCaseId } })).item,
  unlinkCases: async (caseId: Identifier, linkedCaseId: Identifier) =>
    (await mutate<{ item: boolean }>(caseworkDocument('unlinkCases'), { data: { caseId, linkedCaseId } })).item,
};

export type CaseworkDataProvider = DataProvider & typeof casework;

/** Campaigns: a structure test by ward, and recording who came (all together, or nothing). */
const campaigns = {
  structureTest: async (actionId: Identifier) =>
    (await query<{ item: StructureTestResult }>(campaignDocument('structureTest'), { actionId })).item,
  setStructureTestThreshold: async (branchId: Identifier, percent: number) =>
    (await mutate<{ item: RaRecord }>(campaignDocument('setStructureTestThreshold'), { branchId, percent })).item,
  recordParticipation: async (actionId: Identifier, entries: { contactId: string; state: string | null }[]) =>
    (await mutate<{ items: RaRecord[] }>(campaignDocument('recordParticipation'), { actionId, entries })).items,
  /** A campaign's recruitment drive: countdown, joiners by ward and rep's patch, the leaderboard. */
  campaignRecruitment: async (campaignId: Identifier) =>
    (await query<{ item: CampaignRecruitment }>(campaignDocument('campaignRecruitment'), { campaignId })).item,
  /** A page of the people to ask to join (optionally on one rep's patch). */
  campaignPeopleToAsk: async (campaignId: Identifier, repId: Identifier | null, page: number, perPage: number) =>
    (await query<{ item: PeopleToAsk }>(campaignDocument('campaignPeopleToAsk'), { campaignId, repId, page, perPage })).item,
};

export type CampaignsDataProvider = DataProvider & typeof campaigns;


const ballotDocument = (name: keyof typeof BALLOT_DOCUMENTS): DocumentNode => {
  let doc = documents.get(`ballots:${name}`);
  if (!doc) {
    doc = gql(BALLOT_DOCUMENTS[name]);
    documents.set(`ballots:${name}`, doc);
  }
  return doc;
};

/** A ballot's readiness, chase lists, projection and result (the ballot page): through `useDataProvider()`. */
const ballots = {
  ballotReport: async (id: Identifier) => (await query<{ item: { id: string; report: BallotReportData } }>(ballotDocument('ballotReport'), { id })).item.report,
  ballotMembers: async (ballotId: Identifier, filter: Record<string, unknown>, page = 0, perPage = 50) => {
    const r = await query<{ items: RaRecord[]; total: { count: number } }>(ballotDocument('ballotMembers'), { filter: { ...filter, ballotId }, page, perPage });
    return { data: r.items, total: r.total.count };
  },
  /** The live ballots a contact is entitled to vote in, with their chase state in each (the quick log's chips). */
  contactBallots: async (contactId: Identifier) => (await query<{ items: ContactBallotData[] }>(ballotDocument('contactBallots'), { contactId })).items,
  setBallotMemberState: async (ballotId: Identifier, contactId: Identifier, state: string) =>
    (await mutate<{ item: RaRecord }>(ballotDocument('setBallotMemberState'), { ballotId, contactId, state })).item,
  setBallotResult: async (id: Identifier, data: Record<string, unknown>) =>
    (await mutate<{ item: RaRecord }>(ballotDocument('setBallotResult'), { id, data })).item,
};

/** A live ballot a contact is entitled to vote in (see BALLOT_DOCUMENTS.contactBallots). */
export interface ContactBallotData {
  ballot: { id: string; name: string; closingDate: string };
  state: string;
  stateChangedAt: string | null;
}

/** A ballot's report as the API sends it (see BALLOT_DOCUMENTS.ballotReport). */
export interface BallotProjectionData {
  label: string; wardId: string | null; repUserId: string | null; entitled: number; voted: number; pledged: number; pledgedYes: number;
  projectedVotes: number; turnoutSoFar: number; projectedTurnout: number; projectedYesShare: number | null; requiredVotes: number | null;
  votesNeeded: number; shortfallAfterPledges: number; requiredYes: number | null; yesShortfallAfterPledges: number | null; onTrack: boolean; margin: string;
  byState?: { state: string; count: number }[];
}
export interface BallotReportData {
  scope: string;
  readiness: { entitled: number; joinedAfterCutOff: number; noCurrentWorkplace: number; noPostalAddress: number; addressNotConfirmed: number; ready: number };
  overall: BallotProjectionData;
  byWard: BallotProjectionData[];
  byPatch: BallotProjectionData[];
  turnoutByDay: { date: string; voted: number; cumulative: number }[];
}

export type BallotsDataProvider = DataProvider & typeof ballots;

const densityDocument = (name: keyof typeof DENSITY_DOCUMENTS): DocumentNode => {
  let doc = documents.get(`density:${name}`);
  if (!doc) {
    doc = gql(DENSITY_DOCUMENTS[name]);
    documents.set(`density:${name}`, doc);
  }
  return doc;
};

/** The density dashboard and slice explorer: through `useDataProvider()`; errors as HttpErrors with field messages. */
const density = {
  densitySlice: async (by: SliceDimension[], filter: SliceFilter) =>
    (await query<{ item: DensitySlice }>(densityDocument('densitySlice'), { by, filter })).item,
  densityTrend: async (from: string, to: string) => (await query<{ item: DensityTrend }>(densityDocument('densityTrend'), { from, to })).item,
  takeDensitySnapshot: async () => (await mutate<{ item: { days: number; takenAt: string } }>(densityDocument('takeDensitySnapshot'), {})).item,
};

export type DensityDataProvider = DataProvider & typeof density;

/** The typed signatures are generic over the record type; the records here are whatever the API sends. */
export const dataProvider = { ...provider, ...organising, ...casework, ...campaigns, ...ballots, ...density } as unknown as OrganisingDataProvider & CaseworkDataProvider
  & CampaignsDataProvider & BallotsDataProvider & DensityDataProvider;
