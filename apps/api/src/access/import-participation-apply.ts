import type { QueryRunner } from 'typeorm';
import { participationState } from '../imports/import-participation.js';

/**
 * One chunk of a campaign participation list (rows from < row_no <= to), in the apply's transaction
 * (the door's part, beside the staff and membership chunks): each matched person's participation on
 * the action, upserted set-based (INSERT … ON CONFLICT (action_id, contact_id) DO UPDATE), recorded by
 * the user who applies. Raised only (participation_state is ordered): a row never lowers a state, and
 * a state already held is not written again, so the same file applied twice writes nothing.
 * (A person matched by the dry run who has since been deleted or merged was refused before the first
 * chunk, as for every list: ImportApplyService.matchedSinceGone.)
 */
export async function participationChunk(q: QueryRunner, id: string, actionId: string, userId: string, from: number, to: number): Promise<void> {
  const rows = 'r.import_id = $1 AND r.row_no > $2 AND r.row_no <= $3';
  await q.query(
    `INSERT INTO participation (organisation_id, action_id, contact_id, state, recorded_by_id, recorded_at)
     SELECT run.organisation_id, $4, r.contact_id, ${participationState('r')}, $5, now()
     FROM import_row r JOIN import_run run ON run.id = r.import_id
     WHERE ${rows} AND r.outcome IN ('CREATE', 'UPDATE')
     ON CONFLICT (action_id, contact_id) DO UPDATE SET state = excluded.state, recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at
       WHERE excluded.state > participation.state`,
    [id, from, to, actionId, userId]);
}
