/**
 * What the web app selects beyond a record's own values, resource by resource. The data provider
 * (raGraphql.ts, on react-admin's ra-data-graphql-simple) takes every record's scalar and enum fields
 * from the API's schema; linked records are named here, in ra-data-graphql-simple's sparse-field
 * notation (`{ ward: ['id', 'name'] }`), and checked against the schema when the provider starts.
 * Plain data and strings, so a test can check every document against apps/api/schema.gql.
 */

/** Fields to select: a value's name, or a linked record's name with what to select of it. */
export type Selection = readonly (string | { readonly [field: string]: Selection })[];

export interface ResourceSelection {
  /** Linked records every read of the resource selects (lists and single records). */
  linked?: Selection;
  /** More linked records for one record (getOne, and the answer to a create or an update). */
  oneLinked?: Selection;
  /** Values lists leave out (large; read on the record's own page). */
  listOmit?: Selection;
}

const SITE_REF = { site: ['id', 'name'] } as const;
const WARD_WITH_SITE = { ward: ['id', 'name', 'siteId', SITE_REF] } as const;
const PERSON_WITH_WARD = ['id', 'fullName', { ward: ['id', 'name'] }] as const;

/** A computed case deadline, with the rule, its inputs and how sure the date is. */
const CASE_DEADLINE = [
  'key', 'rule', 'label', 'due', 'daysLeft', 'done', 'passed', 'explanation', 'inputs', 'source', 'caveats', 'verified', 'meetingId', 'customDeadlineId',
] as const;

/** A linked case, as the case page lists it. */
const CASE_LINK = ['id', 'type', 'status', 'openedOn', { contact: ['id', 'fullName'] }] as const;

/** A conversation, with the person's name and ward (for lists, follow-ups and the quick log's "recent people"). */
const CONVERSATION: ResourceSelection = {
  linked: [{ contact: ['id', 'fullName', 'wardId', { ward: ['id', 'name', SITE_REF] }] }, { issueTags: ['id', 'name', 'active'] }],
};

export const SELECTIONS: Readonly<Record<string, ResourceSelection>> = {
  Site: { linked: [{ employer: ['id', 'name'] }] },
  Ward: { linked: [{ site: ['id', 'name', 'employerId'] }] },
  Membership: { linked: [{ contact: ['id', 'fullName'] }, { union: ['id', 'name', 'shortName'] }] },
  RepRole: { linked: [{ wards: ['id', 'name'] }] },
  Contact: {
    linked: [WARD_WITH_SITE, { memberships: ['id', 'unionId', { union: ['id', 'shortName'] }, 'status'] }],
    oneLinked: [
      { employer: ['id', 'name'] },
      { postings: ['id', 'wardId', 'startDate', 'endDate', { ward: ['id', 'name', SITE_REF] }] },
      { repRoles: ['id', 'kind'] },
      { assessmentHistory: ['id', 'value', 'assessedAt', 'assessedByName', 'conversationId'] },
      { leaders: PERSON_WITH_WARD },
      { followers: PERSON_WITH_WARD },
      // The member's cases the user may read (none for everyone else): no content, only what lists show.
      { cases: ['id', 'type', 'status', 'openedOn', 'closedOn', 'caseworkerName'] },
    ],
    // The postal address is a personal detail: read on the person's own page only.
    listOmit: ['postalAddressLines', 'postalTown', 'postalPostcode', 'addressConfirmedOn'],
  },
  Branch: { linked: [{ employers: ['id', 'name'] }] },
  User: { linked: [{ organisation: ['id', 'name'] }, { roles: ['branchId', 'role', { branch: ['id', 'name'] }] }] },
  Conversation: CONVERSATION,
  // Open follow-ups: conversations whose follow-up date is set and nobody has spoken to the person since.
  FollowUp: CONVERSATION,
  AuditEvent: { listOmit: ['before', 'after'] },
  // A case: lists show the member, its type and status (no content: every read of a summary or an outcome is
  // audited); its page reads the rest.
  Case: {
    linked: [{ contact: ['id', 'fullName'] }],
    oneLinked: [
      { employer: ['id', 'name'] },
      { team: ['id', 'userId', 'role', 'displayName'] },
      { meetings: ['id', 'kind', 'date', 'time', 'place', 'panel', 'accompanied', 'accompaniedBy', 'outcome', 'notes'] },
      { deadlines: CASE_DEADLINE },
      { customDeadlines: ['id', 'label', 'due', 'done'] },
      { notes: ['id', 'authorId', 'authorName', 'body', 'writtenAt'] },
      // its links by direction: what an appeal or a claim follows, and what follows the case
      { follows: CASE_LINK },
      { followedBy: CASE_LINK },
      { documents: ['id', 'filename', 'mediaType', 'size', 'uploadedByName', 'createdAt', 'mayDelete'] },
    ],
    listOmit: ['summary', 'outcome'],
  },
  // A campaign with its target group in words and its numbers against its goal; an action with its campaign and its ward or site.
  Campaign: {
    oneLinked: [{ targetGroup: ['employerIds', 'siteIds', 'wardIds', 'staffGroups', 'grades', 'description'] },
      { numbers: ['actions', 'participants', 'pledged', 'targetParticipants', 'shareOfGoal', 'suppressed'] }],
  },
  CampaignAction: { linked: [{ campaign: ['id', 'name', 'branchId'] }, { ward: ['id', 'name'] }, { site: ['id', 'name'] }] },
  // Meetings of the cases the user reads (the dashboard's "this week"), with their case and member.
  CaseMeeting: { linked: [{ case: ['id', 'type', { contact: ['id', 'fullName'] }] }] },
  // A ballot: every read takes its rule set and thresholds; its page reads its eligible group and its result's evaluation
  // (its members and projection come from BALLOT_DOCUMENTS: they are not the record's).
  Ballot: {
    linked: [{ ruleSet: ['id', 'name', 'legislation', 'minTurnoutPercent', 'importantPublicServiceYesPercent', 'mandateMonths', 'mandateMaxMonthsByAgreement'] }],
    oneLinked: [
      { eligibleGroup: ['employerIds', 'siteIds', 'wardIds', 'staffGroups', 'grades', 'description'] },
      { evaluation: ['valid', 'turnout', 'yesShareOfEntitled', 'yesShareOfVotes', 'majorityYes', 'turnoutMet', 'importantPublicServiceYesMet',
        'requiredVotes', 'requiredYes', 'failures', 'reasons', 'mandateExpires'] },
    ],
  },
};

/** Changes an update's input needs, by input type, after it is cut down to what changed. */
export const UPDATE_RULES: Readonly<Record<string, (input: Record<string, unknown>) => void>> = {
  // A rotation date only means something together with a new ward.
  ContactUpdateInput: (input) => {
    if ('movedOn' in input && !('wardId' in input)) delete input.movedOn;
  },
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
 * `OverdueFollowUpsByRep`, `RecentJoiners` and the caseworker's `MyCaseDeadlines`; see dataProvider.ts).
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
  wallChart: `
    query wallChart($siteId: ID, $wardId: ID, $filter: WallChartFilter) {
      item: wallChart(siteId: $siteId, wardId: $wardId, filter: $filter) {
        site { id name } ward { id name } headcount members density
        wards {
          id name type headcount members density
          shifts {
            shiftPattern
            cards {
              id contactId fullName jobTitle staffGroup grade shiftPattern assessment member unions { unionId shortName }
              leader rep neverSpokenTo lastConversationAt
            }
          }
        }
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
  /** The deadlines of the user's own open cases up to a day (the caseworker's dashboard), most overdue first, with their count. */
  myCaseDeadlines: `
    query myCaseDeadlines($to: String!, $perPage: Int!) {
      items: allCaseDeadlines(filter: { mine: true, to: $to }, perPage: $perPage) {
        caseId key label due daysLeft verified case { id type contact { id fullName } }
      }
      total: _allCaseDeadlinesMeta(filter: { mine: true, to: $to }) { count }
    }`,
  /** How many deadlines of the user's own open cases are past (the menu's badge): a count, which names no case. */
  overdueCaseDeadlineCount: `
    query overdueCaseDeadlineCount {
      item: _allCaseDeadlinesMeta(filter: { mine: true, overdue: true }) { count }
    }`,
} as const;

/**
 * Staffing a case and linking it (the case page: "Change team", "Link a case"), which are not one resource's CRUD:
 * who may take a place on the team, the new team, and a link made or removed (see dataProvider.ts `casework`).
 */
/** Campaigns: a structure test's result by ward, and who came to an action (saved together). */
export const CAMPAIGN_DOCUMENTS = {
  structureTest: `
    query structureTest($actionId: ID!) {
      item: structureTest(actionId: $actionId) {
        id thresholdPercent wardsMeeting
        wards { id ward { id name } headcount members participants shareOfHeadcount shareOfMembers meetsThreshold suppressed }
        total { headcount participants shareOfHeadcount suppressed }
      }
    }`,
  setStructureTestThreshold: `
    mutation setStructureTestThreshold($branchId: ID!, $percent: Int!) {
      item: setStructureTestThreshold(branchId: $branchId, percent: $percent) { id structureTestThreshold }
    }`,
  recordParticipation: `
    mutation recordParticipation($actionId: ID!, $entries: [ParticipationEntry!]!) {
      items: recordParticipation(actionId: $actionId, entries: $entries) { id contactId state }
    }`,
  campaignRecruitment: `
    query campaignRecruitment($campaignId: ID!) {
      item: campaignRecruitment(campaignId: $campaignId) {
        id joinByDate daysToJoinBy recruitmentTarget joinersSinceStart nonMembers shareOfTarget suppressed
        byWard { wardId wardName siteId siteName joiners nonMembers suppressed }
        byRepPatch { repUserId repName joiners nonMembers }
        leaderboard { id kind name recruits }
      }
    }`,
  campaignPeopleToAsk: `
    query campaignPeopleToAsk($campaignId: ID!, $repId: ID, $page: Int, $perPage: Int) {
      item: campaignPeopleToAsk(campaignId: $campaignId, repId: $repId, page: $page, perPage: $perPage) {
        total people { id fullName wardId wardName siteId assessment lastConversationAt }
      }
    }`,
} as const;

export const CASEWORK_DOCUMENTS = {
  caseTeamCandidates: `
    query caseTeamCandidates($caseId: ID!, $role: CaseTeamRole!, $q: String) {
      items: caseTeamCandidates(caseId: $caseId, role: $role, q: $q) { id displayName }
    }`,
  setCaseTeam: `
    mutation setCaseTeam($caseId: ID!, $data: CaseTeamInput!) {
      item: setCaseTeam(caseId: $caseId, data: $data) { id team { id userId role displayName } }
    }`,
  linkCases: `
    mutation linkCases($data: CaseLinkInput!) {
      item: linkCases(data: $data) { id }
    }`,
  unlinkCases: `
    mutation unlinkCases($data: CaseLinkInput!) {
      item: unlinkCases(data: $data)
    }`,
} as const;
