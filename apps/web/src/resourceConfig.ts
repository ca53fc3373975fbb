/**
 * What the web app asks the API for, resource by resource: hand-written field selections (the API
 * has introspection off in production), the filter keys each `XFilter` accepts and the fields of the
 * create and update inputs. Plain data and strings, no imports, so a test can check every document
 * against apps/api/schema.gql.
 */

export interface ResourceConfig {
  /** GraphQL object type, e.g. `Ward`. */
  type: string;
  /** Plural used in `allWards` / `_allWardsMeta`. */
  plural: string;
  /** Selection for lists and references. */
  listFields: string;
  /** Selection for a single record (defaults to listFields). */
  oneFields?: string;
  /** Keys the `XFilter` input accepts; anything else is dropped before sending. */
  filters: readonly string[];
  createInput: readonly string[];
  updateInput: readonly string[];
  /**
   * Input fields that are lists of objects, with the keys each object may carry: a record's
   * `roles { branchId role branch { … } }` is sent as `roles: [{ branchId, role }]`.
   */
  nestedInput?: Readonly<Record<string, readonly string[]>>;
  /** No create, update or delete in the API (e.g. the append-only audit log). */
  readOnly?: boolean;
  /** Created and updated but never deleted (accounts are deactivated instead). */
  noDelete?: boolean;
  /** Only `allXs`/`_allXsMeta` exist (no `X(id)`): a list of another type's records, e.g. follow-ups. */
  listOnly?: boolean;
  /**
   * The create input takes a client-made `id` (kept by the form across retries): a retried create
   * is one record. The data provider always sends one (the form's, else a new one).
   */
  clientId?: boolean;
}

const EMPLOYER = 'id name odsCode region createdAt updatedAt';
const SITE = 'id name kind address postcode odsCode employerId employer { id name } headcount memberCount createdAt updatedAt';
const WARD =
  'id name type speciality siteId site { id name employerId } headcount memberCount repCount createdAt updatedAt';
const UNION = 'id name shortName memberCount createdAt updatedAt';
const MEMBERSHIP =
  'id contactId contact { id fullName } unionId union { id name shortName } status joinDate leaveDate membershipNumber source createdAt updatedAt';
const REP_ROLE = 'id contactId kind startDate endDate wardIds wards { id name }';
const CONTACT_LIST = `id firstName lastName preferredName fullName jobTitle staffGroup grade shiftPattern contractType
  employerId wardId ward { id name siteId site { id name } } isMember
  memberships { id unionId union { id shortName } status }
  assessment leader lastConversationAt`;
const CONTACT_ONE = `id firstName lastName preferredName fullName jobTitle staffGroup grade shiftPattern contractType
  employerId employer { id name } employeeNumber workEmail workPhone personalEmail personalPhone
  consentPersonalEmail consentPersonalPhone startDate leaveDate
  wardId ward { id name siteId site { id name } }
  postings { id wardId startDate endDate ward { id name site { id name } } }
  memberships { id unionId union { id shortName } status }
  repRoles { id kind }
  isMember createdAt updatedAt
  assessment assessmentHistory { id value assessedAt assessedByName conversationId }
  leader leaderReason leaderMarkedAt lastConversationAt
  leaders { id fullName ward { id name } }
  followers { id fullName ward { id name } }`;

const BRANCH = 'id name employerIds employers { id name } createdAt updatedAt';
const USER =
  'id email displayName active createdAt updatedAt organisation { id name } roles { branchId role branch { id name } } patchSiteIds';

/** A conversation, with the person's name and ward (for lists, follow-ups and the quick log's "recent people"). */
const CONVERSATION = `id contactId contact { id fullName wardId ward { id name site { id name } } }
  repUserId repName occurredAt channel type aeiouSteps issueTagIds issueTags { id name active }
  ask answer assessment notes nextStep followUpDate followUpState daysOverdue completedAt createdAt updatedAt`;
const CONVERSATION_INPUT = [
  'occurredAt', 'channel', 'type', 'issueTagIds', 'aeiouSteps', 'ask', 'answer', 'assessment', 'notes', 'nextStep', 'followUpDate',
] as const;
const ISSUE_TAG = 'id name active createdAt updatedAt';

const AUDIT_EVENT = 'id createdAt userId actorEmail action entityType entityId ip';
const AUDIT_EVENT_ONE = `${AUDIT_EVENT} before after`;

const CONTACT_INPUT = [
  'firstName', 'lastName', 'preferredName', 'jobTitle', 'staffGroup', 'grade', 'shiftPattern', 'contractType',
  'employerId', 'wardId', 'employeeNumber', 'workEmail', 'workPhone', 'personalEmail', 'personalPhone',
  'consentPersonalEmail', 'consentPersonalPhone', 'startDate', 'leaveDate',
] as const;

export const RESOURCES: ResourceConfig[] = [
  {
    type: 'Employer', plural: 'Employers', listFields: EMPLOYER,
    filters: ['q', 'ids'],
    createInput: ['name', 'odsCode', 'region'], updateInput: ['name', 'odsCode', 'region'],
  },
  {
    type: 'Site', plural: 'Sites', listFields: SITE,
    filters: ['q', 'ids', 'employerId', 'employerIds', 'kind'],
    createInput: ['name', 'kind', 'employerId', 'address', 'postcode', 'odsCode'],
    updateInput: ['name', 'kind', 'employerId', 'address', 'postcode', 'odsCode'],
  },
  {
    type: 'Ward', plural: 'Wards', listFields: WARD,
    filters: ['q', 'ids', 'siteId', 'employerId', 'employerIds', 'type'],
    createInput: ['name', 'type', 'siteId', 'speciality'], updateInput: ['name', 'type', 'siteId', 'speciality'],
  },
  {
    type: 'Union', plural: 'Unions', listFields: UNION,
    filters: ['q', 'ids'],
    createInput: ['name', 'shortName'], updateInput: ['name', 'shortName'],
  },
  {
    type: 'Contact', plural: 'Contacts', listFields: CONTACT_LIST, oneFields: CONTACT_ONE,
    filters: [
      'q', 'ids', 'employerId', 'siteId', 'wardId', 'staffGroup', 'grade', 'shiftPattern', 'contractType',
      'unionId', 'membershipStatus', 'isRep', 'isCurrent', 'assessment', 'assessed', 'leader', 'spokenTo',
    ],
    createInput: [...CONTACT_INPUT, 'postedFrom'], clientId: true,
    updateInput: [...CONTACT_INPUT, 'movedOn'],
  },
  {
    type: 'Membership', plural: 'Memberships', listFields: MEMBERSHIP,
    filters: ['ids', 'contactId', 'unionId', 'status'],
    createInput: ['contactId', 'unionId', 'status', 'source', 'joinDate', 'leaveDate', 'membershipNumber'], clientId: true,
    updateInput: ['unionId', 'status', 'source', 'joinDate', 'leaveDate', 'membershipNumber'],
  },
  {
    type: 'RepRole', plural: 'RepRoles', listFields: REP_ROLE,
    filters: ['ids', 'contactId', 'kind', 'wardId'],
    createInput: ['contactId', 'kind', 'wardIds', 'startDate', 'endDate'], clientId: true,
    updateInput: ['kind', 'wardIds', 'startDate', 'endDate'],
  },
  {
    type: 'Branch', plural: 'Branches', listFields: BRANCH,
    filters: ['q', 'ids'],
    createInput: ['name', 'employerIds'], updateInput: ['name', 'employerIds'],
  },
  {
    type: 'User', plural: 'Users', listFields: USER,
    filters: ['q', 'ids', 'branchId', 'role', 'active'],
    createInput: ['email', 'displayName', 'password', 'roles', 'patchSiteIds'],
    updateInput: ['displayName', 'active', 'password', 'roles', 'patchSiteIds'],
    nestedInput: { roles: ['branchId', 'role'] },
    noDelete: true,
  },
  {
    type: 'Conversation', plural: 'Conversations', listFields: CONVERSATION,
    filters: ['q', 'ids', 'contactId', 'repUserId', 'mine', 'issueTagId', 'wardId', 'answer', 'from', 'to'],
    createInput: ['contactId', ...CONVERSATION_INPUT], clientId: true,
    updateInput: CONVERSATION_INPUT,
  },
  {
    // Open follow-ups: conversations whose follow-up date is set and nobody has spoken to the person since.
    type: 'FollowUp', plural: 'FollowUps', listFields: CONVERSATION,
    filters: ['q', 'ids', 'repUserId', 'contactId', 'state', 'includeDone'],
    createInput: [], updateInput: [], readOnly: true, listOnly: true,
  },
  {
    // Reps of the user's branches (and the user): whose follow-ups a secretary may look at.
    type: 'Rep', plural: 'Reps', listFields: 'id displayName',
    filters: ['q', 'ids'],
    createInput: [], updateInput: [], readOnly: true, listOnly: true,
  },
  {
    type: 'IssueTag', plural: 'IssueTags', listFields: ISSUE_TAG,
    filters: ['q', 'ids', 'active'],
    createInput: ['name', 'active'], updateInput: ['name', 'active'],
  },
  {
    type: 'AuditEvent', plural: 'AuditEvents', listFields: AUDIT_EVENT, oneFields: AUDIT_EVENT_ONE,
    filters: ['q', 'ids', 'userId', 'entityId', 'entityType', 'action', 'from', 'to'],
    createInput: [], updateInput: [], readOnly: true,
  },
];

/** The documents a resource can send: read-only resources have no mutations, some no delete. */
export function operationsOf(c: ResourceConfig): (keyof typeof operations)[] {
  const all = Object.keys(operations) as (keyof typeof operations)[];
  if (c.listOnly) return all.filter((o) => o === 'list' || o === 'many');
  if (c.readOnly) return all.filter((o) => o === 'list' || o === 'many' || o === 'one');
  return c.noDelete ? all.filter((o) => o !== 'delete') : all;
}

/** Resources are registered under their plural (`Wards`); the singular type name is accepted too. */
const BY_RESOURCE = new Map<string, ResourceConfig>();
for (const c of RESOURCES) {
  BY_RESOURCE.set(c.plural, c);
  BY_RESOURCE.set(c.type, c);
}

export function resourceConfig(resource: string): ResourceConfig {
  const config = BY_RESOURCE.get(resource);
  if (!config) throw new Error(`Unknown resource: ${resource}`);
  return config;
}

/** The GraphQL documents of the react-admin grammar for one resource. */
export const operations = {
  list: (c: ResourceConfig): string => `
    query all${c.plural}($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ${c.type}Filter) {
      items: all${c.plural}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
        ${c.listFields}
      }
      total: _all${c.plural}Meta(filter: $filter) { count }
    }`,
  many: (c: ResourceConfig): string => `
    query many${c.plural}($perPage: Int, $filter: ${c.type}Filter) {
      items: all${c.plural}(page: 0, perPage: $perPage, filter: $filter) { ${c.listFields} }
    }`,
  one: (c: ResourceConfig): string => `
    query ${c.type}($id: ID!) { item: ${c.type}(id: $id) { ${c.oneFields ?? c.listFields} } }`,
  create: (c: ResourceConfig): string => `
    mutation create${c.type}($data: ${c.type}CreateInput!) {
      item: create${c.type}(data: $data) { ${c.oneFields ?? c.listFields} }
    }`,
  update: (c: ResourceConfig): string => `
    mutation update${c.type}($id: ID!, $data: ${c.type}UpdateInput!) {
      item: update${c.type}(id: $id, data: $data) { ${c.oneFields ?? c.listFields} }
    }`,
  delete: (c: ResourceConfig): string => `
    mutation delete${c.type}($id: ID!) { item: delete${c.type}(id: $id) { id } }`,
};

/** Who is signed in: kept in the session, for what the menu shows and which resources appear. */
const SESSION_USER =
  'id email displayName organisation { id name } roles { branchId role branch { id name employerIds } } permissions';

/** Sign-in: the token and who it belongs to. */
export const LOGIN_MUTATION = `
  mutation login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user { ${SESSION_USER} }
    }
  }`;

/** The signed-in user again (roles change when an admin creates a branch). */
export const ME_QUERY = `
  query me {
    me { ${SESSION_USER} }
  }`;

/** A new password for the signed-in user: every other session ends, this one gets a new token. */
export const CHANGE_PASSWORD_MUTATION = `
  mutation changePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      token
      user { ${SESSION_USER} }
    }
  }`;

/**
 * Organising views and actions that are not one resource's CRUD (react-admin reads the views as
 * read-only lists: `PatchWards`, `RepCoverage`, `ContactTimeline`, and the dashboards' `DensityBySite`,
 * `OverdueFollowUpsByRep` and `RecentJoiners`; see dataProvider.ts).
 */
const WARD_REF = 'ward { id name siteId site { id name } }';

export const ORGANISING_DOCUMENTS = {
  myPatch: `
    query myPatch($siteId: ID) {
      items: myPatch(siteId: $siteId) {
        id ${WARD_REF} headcount members assessed supportive leaders spokenTo neverSpokenTo
        lastConversationAt openFollowUps overdueFollowUps
      }
    }`,
  repCoverage: `
    query repCoverage($siteId: ID) {
      items: repCoverage(siteId: $siteId) {
        id ${WARD_REF} headcount members repCount membersPerRep staffPerRep status shiftsWithoutRep
        reps { id fullName shiftPattern }
      }
    }`,
  densityBySite: `
    query densityBySite {
      item: densityBySite {
        minCell
        total { headcount members density suppressed suppression }
        sites { id site { id name employerId } headcount members density suppressed suppression }
      }
    }`,
  overdueFollowUpsByRep: `
    query overdueFollowUpsByRep {
      items: overdueFollowUpsByRep { id repName overdue oldestDate }
    }`,
  recentJoiners: `
    query recentJoiners($days: Int!, $limit: Int!) {
      item: recentJoiners(days: $days, limit: $limit) {
        since count
        memberships { id joinDate union { id shortName } contact { id fullName ward { id name site { id name } } } }
      }
    }`,
  contactTimeline: `
    query contactTimeline($id: ID!, $limit: Int) {
      item: Contact(id: $id) {
        id
        timeline(limit: $limit) { id kind at title detail actorName conversationId assessment }
      }
    }`,
  assessContact: `
    mutation assessContact($data: AssessInput!) {
      item: assessContact(data: $data) { id contactId value assessedAt assessedByName conversationId }
    }`,
  setLeader: `
    mutation setLeader($data: LeaderInput!) {
      item: setLeader(data: $data) { id leader leaderReason leaderMarkedAt }
    }`,
  linkContacts: `
    mutation linkContacts($data: LinkInput!) {
      item: linkContacts(data: $data) { id leaderId followerId }
    }`,
  unlinkContacts: `
    mutation unlinkContacts($data: LinkInput!) {
      item: unlinkContacts(data: $data)
    }`,
} as const;
