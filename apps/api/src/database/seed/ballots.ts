import { addDays, type IsoDate } from '@rollcall/domain';
import type { SeedClient } from './copy-writer.js';

/**
 * The demo's ballot in progress, dated from today: in each branch, an industrial-action ballot of its
 * organisation's largest union for the staff of the demo rep's site (or the branch's first site),
 * cut-off three weeks ago, opened a week ago, closing in a fortnight. Most of its members get a postal
 * address (some confirmed long ago, some never given: readiness problems), and reps' chase states
 * (voted on each day since it opened, pledged, won't vote, paper received) in one statement per kind,
 * so the seed stays fast at any scale.
 */
export async function writeBallots(client: SeedClient, today: IsoDate): Promise<number> {
  const { rows: branches } = await client.query<{ id: string; organisation_id: string; site_id: string | null; union_id: string | null; user_id: string | null }>(`
    SELECT b.id, b.organisation_id,
      coalesce(
        (SELECT rp.site_id FROM rep_patch rp JOIN user_branch_role r ON r.user_id = rp.user_id AND r.branch_id = b.id JOIN site s ON s.id = rp.site_id
          JOIN branch_employer be ON be.branch_id = b.id AND be.employer_id = s.employer_id ORDER BY rp.site_id LIMIT 1),
        (SELECT s.id FROM site s JOIN branch_employer be ON be.employer_id = s.employer_id WHERE be.branch_id = b.id ORDER BY s.name LIMIT 1)) AS site_id,
      (SELECT m.union_id FROM membership m WHERE m.organisation_id = b.organisation_id GROUP BY m.union_id ORDER BY count(*) DESC, m.union_id LIMIT 1) AS union_id,
      (SELECT r.user_id FROM user_branch_role r WHERE r.branch_id = b.id ORDER BY array_position(ARRAY['REP', 'BRANCH_SECRETARY', 'ADMIN'], r.role::text), r.user_id LIMIT 1) AS user_id
    FROM branch b ORDER BY b.organisation_id, b.name`);
  const cutOff = addDays(today, -21);
  const opening = addDays(today, -7);
  let written = 0;
  for (const b of branches) {
    if (!b.site_id || !b.union_id) continue;
    const { rows: [ballot] } = await client.query<{ id: string }>(`INSERT INTO ballot (organisation_id, branch_id, union_id, name, questions, eligible_group_data,
        cut_off_date, opening_date, closing_date, important_public_service, created_by_id)
      VALUES ($1, $2, $3, 'Pay and safe staffing ballot', '{STRIKE,ACTION_SHORT_OF_STRIKE}', $4, $5, $6, $7, false, $8) RETURNING id`,
    [b.organisation_id, b.id, b.union_id, JSON.stringify({ siteIds: [b.site_id] }), cutOff, opening, addDays(today, 14), b.user_id]);
    // The members of the union posted at the site: their addresses, and their chase states by a stable hash of their id.
    const members = `SELECT c.id, abs(hashtext(c.id::text)) % 100 AS h FROM contact c
      WHERE c.organisation_id = $1 AND c.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM posting p JOIN ward w ON w.id = p.ward_id WHERE p.contact_id = c.id AND p.end_date IS NULL AND w.site_id = $2)
        AND EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.union_id = $3 AND m.status = 'MEMBER')`;
    await client.query(`UPDATE contact c SET postal_address_lines = (10 + x.h) || ' ' || (ARRAY['Church Lane', 'Mill Road', 'Station Road', 'Victoria Street'])[1 + x.h % 4],
        postal_town = 'Riverside', postal_postcode = 'RV' || (1 + x.h % 9) || ' ' || (x.h % 10) || 'AB',
        address_confirmed_on = CASE WHEN x.h % 10 = 0 THEN $4::date - 400 ELSE $4::date - (x.h * 3) END
      FROM (${members}) x WHERE c.id = x.id AND x.h % 12 <> 5`, [b.organisation_id, b.site_id, b.union_id, today]);
    const states: [string, string, string][] = [
      // [bucket condition on h, state, when: an SQL interval before now]
      ['x.h < 30', 'PLEDGED_YES', "interval '9 days'"],
      ['x.h < 25', 'VOTED', "(x.h % 7) * interval '1 day'"],
      ['x.h >= 30 AND x.h < 35', 'PLEDGED_NO', "interval '8 days'"],
      ['x.h >= 35 AND x.h < 40', 'WONT_VOTE', "interval '8 days'"],
      ['x.h >= 40 AND x.h < 50', 'PAPER_RECEIVED', "interval '5 days'"],
      ['x.h >= 50 AND x.h < 52', 'NEEDS_REPLACEMENT_PAPER', "interval '4 days'"],
    ];
    for (const [bucket, state, ago] of states) {
      await client.query(`INSERT INTO ballot_member_state (organisation_id, ballot_id, contact_id, state, changed_by_id, created_at)
        SELECT $1, $4, x.id, '${state}', $5, now() - ${ago} - interval '1 hour' FROM (${members}) x WHERE ${bucket}`,
      [b.organisation_id, b.site_id, b.union_id, ballot.id, b.user_id]);
    }
    written++;
  }
  return written;
}
