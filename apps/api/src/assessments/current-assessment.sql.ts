/**
 * A contact's current assessment, written once: the latest entry of their assessment history (by
 * when it was assessed, then when it was recorded), never a field typed in twice. Every reader uses
 * these fragments: the `Contact.assessment` loader and the contacts export, the contacts list's
 * assessment filter and sort, my patch's counts, and the demo seed's choice of leaders.
 *
 * Each takes an SQL expression naming a contact id (`contact.id`, `k.id`) and is a correlated
 * subquery on it: one probe of `ix_assessment_contact_time` per contact. They add no people scope:
 * the caller writes them into a statement already limited by the PeopleDoor.
 */
export function currentAssessment(contactId: string): string {
  return `(SELECT a.value FROM assessment a WHERE a.contact_id = ${contactId} ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1)`;
}

/** The contact has a current assessment (any entry in the history). */
export function isAssessed(contactId: string): string {
  return `EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = ${contactId})`;
}
