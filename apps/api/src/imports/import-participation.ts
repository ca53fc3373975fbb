import { Permission, roleHas } from '../access/permissions.js';
import type { AuthUser } from '../auth/auth-user.js';
import { campaignBranches } from '../campaigns/campaign-access.js';

/**
 * Campaign participation lists (issue 14): a petition's sign-ups or a meeting's attendance, imported
 * onto one campaign action. The people are matched as a membership list's are (among the people its
 * user may import into: employee number, work email, name on the same ward); each matched row says
 * the person took part (ATTENDED_OR_SIGNED) or not (INVITED). A list never lowers what is recorded.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Db = { query: (sql: string, params?: unknown[]) => Promise<unknown> };

/** "Nobody in your branches…": an unmatched row of a participation list. */
export const PARTICIPATION_UNMATCHED = 'Nobody in your branches matches this person (import the staff list first)';

/**
 * Why the user may not import a participation list onto this action (null: they may). The rule of
 * ParticipationService.record: an action of a campaign of the user's branches (another organisation's
 * or branch's action does not exist to them, and the answer does not say whether it does), and the
 * user records participation there (PEOPLE_WRITE in the campaign's branch: not as its coalition partner).
 */
export async function participationActionRefusal(db: Db, actionId: string | null | undefined, user: AuthUser): Promise<string | null> {
  if (!actionId) return 'a participation list needs its campaign action (a form field before the file)';
  const notOurs = 'not a campaign action of your branches';
  if (!UUID.test(actionId)) return notOurs;
  const [action] = (await db.query(
    `SELECT k.branch_id AS "branchId" FROM campaign_action a JOIN campaign k ON k.id = a.campaign_id AND k.organisation_id = a.organisation_id
     WHERE a.id = $1 AND a.organisation_id = $2 AND k.branch_id = ANY($3::uuid[])`,
    [actionId, user.organisationId, campaignBranches(user)])) as { branchId: string }[];
  if (!action) return notOurs;
  if (!user.roles.some((r) => r.branchId === action.branchId && roleHas(r.role, Permission.PEOPLE_WRITE))) {
    return "you do not record participation in this campaign's branch";
  }
  return null;
}

/** The state a row of the list gives its person: took part → ATTENDED_OR_SIGNED, else INVITED (a participation_state). */
export const participationState = (alias = 'r') =>
  `(CASE WHEN (${alias}.values->>'participated')::boolean THEN 'ATTENDED_OR_SIGNED' ELSE 'INVITED' END)::participation_state`;

const STATE_WORDS = `CASE p.state WHEN 'ATTENDED_OR_SIGNED' THEN 'came or signed' WHEN 'PLEDGED' THEN 'pledged' ELSE 'invited' END`;

/**
 * Outcomes of a participation list's matched rows, set-based: CREATE (no participation on the action
 * yet), UPDATE (the list raises the state: participation_state is ordered INVITED < PLEDGED <
 * ATTENDED_OR_SIGNED), UNCHANGED otherwise (the same state, or a lower one: never downgraded, and the
 * row says so); unmatched rows REFUSED. On the dry run's working table, or (settling one row) the staged rows.
 */
export async function participationOutcomes(db: Db, id: string, actionId: string, rows: 'import_row' | 'import_work' = 'import_row'): Promise<void> {
  await db.query(`UPDATE ${rows} r SET outcome = CASE
      WHEN p.id IS NULL THEN 'CREATE'
      WHEN ${participationState('r')} > p.state THEN 'UPDATE'
      ELSE 'UNCHANGED' END,
    reason = CASE WHEN p.id IS NOT NULL AND ${participationState('r')} < p.state
      THEN 'Already recorded as ' || ${STATE_WORDS} || ': a list never lowers what is recorded' END
    FROM ${rows} r2 LEFT JOIN participation p ON p.contact_id = r2.contact_id AND p.action_id = $2
    WHERE r.import_id = $1 AND r2.import_id = $1 AND r2.row_no = r.row_no AND r.outcome IS NULL AND r.contact_id IS NOT NULL`, [id, actionId]);
  await db.query(`UPDATE ${rows} SET outcome = 'REFUSED', reason = $2 WHERE import_id = $1 AND outcome IS NULL`, [id, PARTICIPATION_UNMATCHED]);
}
