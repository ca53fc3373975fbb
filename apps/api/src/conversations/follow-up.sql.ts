/**
 * When a follow-up is done, written once: a later conversation with the same person (by anyone)
 * closes the follow-up an earlier one set. Every reader uses these fragments: the follow-ups list
 * and its states, when each follow-up was done, my patch's open and overdue counts, the overdue
 * follow-ups per rep, and the demo seed's completed follow-ups.
 *
 * Each takes the alias of a `conversation` row (`conversation`, `cv`) and is a correlated subquery
 * on it: a probe of `ix_conversation_contact_time`. They add no people scope: a later conversation
 * is about the same person, so in scope exactly when the row is (the caller writes them into a
 * statement already limited by the PeopleDoor).
 */
const later = (c: string) => `FROM conversation later WHERE later.contact_id = ${c}.contact_id AND later.occurred_at > ${c}.occurred_at`;

/** The conversation's follow-up is done: the person has been spoken to since. */
export function followUpDone(c: string): string {
  return `EXISTS (SELECT 1 ${later(c)})`;
}

/** When it was done: the first conversation with the person after it (null while it is open). */
export function followUpDoneAt(c: string): string {
  return `(SELECT min(later.occurred_at) ${later(c)})`;
}
