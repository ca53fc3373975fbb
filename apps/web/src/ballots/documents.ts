/**
 * A ballot's members, chase states, projection and result (the ballot page and the dashboard's live
 * ballot), which are not the Ballot record's own CRUD. Plain strings, checked against apps/api/schema.gql
 * by the contract test.
 */
const PROJECTION = `label wardId repUserId entitled voted pledged pledgedYes projectedVotes turnoutSoFar projectedTurnout projectedYesShare
  requiredVotes votesNeeded shortfallAfterPledges requiredYes yesShortfallAfterPledges onTrack margin`;

export const BALLOT_DOCUMENTS = {
  ballotReport: `
    query ballotReport($id: ID!) {
      item: Ballot(id: $id) {
        id
        report {
          scope
          readiness { entitled joinedAfterCutOff noCurrentWorkplace noPostalAddress addressNotConfirmed ready }
          overall { ${PROJECTION} byState { state count } }
          byWard { ${PROJECTION} }
          byPatch { ${PROJECTION} }
          turnoutByDay { date voted cumulative }
        }
      }
    }`,
  ballotMembers: `
    query ballotMembers($page: Int, $perPage: Int, $filter: BallotMemberFilter!) {
      items: allBallotMembers(page: $page, perPage: $perPage, filter: $filter) {
        id fullName wardId wardName entitled joinDate problems state stateChangedAt lastPledge assessment
      }
      total: _allBallotMembersMeta(filter: $filter) { count }
    }`,
  contactBallots: `
    query contactBallots($contactId: ID!) {
      items: contactBallots(contactId: $contactId) { ballot { id name closingDate } state stateChangedAt }
    }`,
  setBallotMemberState: `
    mutation setBallotMemberState($ballotId: ID!, $contactId: ID!, $state: BallotMemberState!) {
      item: setBallotMemberState(ballotId: $ballotId, contactId: $contactId, state: $state) { id contactId state createdAt }
    }`,
  setBallotResult: `
    mutation setBallotResult($id: ID!, $data: BallotResultInput!) {
      item: setBallotResult(id: $id, data: $data) {
        id resultEntitled resultVotesCast resultYes resultNo resultSpoilt
        evaluation { valid turnout yesShareOfEntitled yesShareOfVotes majorityYes turnoutMet importantPublicServiceYesMet requiredVotes requiredYes failures reasons mandateExpires }
      }
    }`,
} as const;
