/**
 * A contact's current assessment, written once: the latest entry of their assessment history (by
 * when it was assessed, then when it was recorded), never a field typed in twice. Every reader uses
 * these fragments: the `Contact.assessment` loader and the contacts export, the contacts list's
 * assessment filter and sort, my patch's counts, the demo seed's choice of leaders, the density
 * slice, the rollup (set-based) and the trend's snapshots (as of each day).
 *
 * Each takes an SQL expression naming a contact id (`contact.id`, `k.id`) and is a correlated
 * subquery on it: one probe of `ix_assessment_contact_time` per contact. They add no people scope:
 * the caller writes them into a statement already limited by the PeopleDoor.
 */
export function currentAssessment(contactId: string): string {
  return `(${assessmentAsOf(contactId)})`;
}

/**
 * The latest assessment of a contact (a `SELECT a.value …` to wrap or LATERAL-join), optionally as
 * it stood before a moment (`before`: an SQL timestamp expression; the trend's past days).
 */
export function assessmentAsOf(contactId: string, before?: string): string {
  const until = before ? ` AND a.assessed_at < ${before}` : '';
  return `SELECT a.value FROM assessment a WHERE a.contact_id = ${contactId}${until} ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1`;
}

/**
 * Everyone's current assessment in one set-based pass (`contact_id`, `value` per contact), for a
 * statement that counts a whole organisation at once (the density rollup), where probing per
 * contact would be slower. `where` limits the assessments read (e.g. to one organisation).
 */
export function currentAssessments(where: string): string {
  return `SELECT DISTINCT ON (a.contact_id) a.contact_id, a.value FROM assessment a WHERE ${where}
    ORDER BY a.contact_id, a.assessed_at DESC, a.created_at DESC`;
}

/** The contact has a current assessment (any entry in the history). */
export function isAssessed(contactId: string): string {
  return `EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = ${contactId})`;
}
