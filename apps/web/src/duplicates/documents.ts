/**
 * The duplicates screen's GraphQL documents (checked against the API's schema by the web contract test):
 * likely duplicate pairs, both contacts side by side for a merge, merging, dismissing, the merge history and undo.
 */
const SIDE = 'id firstName lastName preferredName employeeNumber workEmail jobTitle employerName wardName siteName';
const CONTACT = `id firstName lastName preferredName jobTitle staffGroup grade shiftPattern contractType employeeNumber workEmail workPhone
  personalEmail personalPhone postalAddressLines postalTown postalPostcode addressConfirmedOn consentPersonalEmail consentPersonalPhone
  startDate leaveDate leader`;
const MERGE = 'id keptId mergedId keptName mergedName mergedAt mergedByEmail undoneAt fields moved absorbed';

export const DUPLICATE_DOCUMENTS = {
  duplicatePairs: `
    query DuplicatePairs($page: Int, $perPage: Int, $filter: DuplicateFilter) {
      allDuplicateContacts(page: $page, perPage: $perPage, filter: $filter) { id reasons score a { ${SIDE} } b { ${SIDE} } }
      _allDuplicateContactsMeta(filter: $filter) { count }
    }`,
  mergeSides: `
    query MergeSides($keepId: ID!, $mergeId: ID!) {
      mergeSides(keepId: $keepId, mergeId: $mergeId) { contactId conversations memberships assessments cases }
      keep: Contact(id: $keepId) { ${CONTACT} }
      other: Contact(id: $mergeId) { ${CONTACT} }
    }`,
  mergeContacts: `
    mutation MergeContacts($keepId: ID!, $mergeId: ID!, $choices: MergeChoicesInput) {
      mergeContacts(keepId: $keepId, mergeId: $mergeId, choices: $choices) { ${MERGE} }
    }`,
  dismissDuplicate: `
    mutation DismissDuplicate($aId: ID!, $bId: ID!) {
      dismissDuplicate(aId: $aId, bId: $bId)
    }`,
  contactMerges: `
    query ContactMerges($contactId: ID, $limit: Int) {
      contactMerges(contactId: $contactId, limit: $limit) { ${MERGE} }
    }`,
  undoMerge: `
    mutation UndoMerge($mergeId: ID!) {
      undoMerge(mergeId: $mergeId) { ${MERGE} }
    }`,
};
