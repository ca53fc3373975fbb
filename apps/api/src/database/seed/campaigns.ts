import type { SeedClient } from './copy-writer.js';

/**
 * A campaign per branch for the demo, written set-based in SQL (fast at any scale): "Safe staffing
 * now", running since a month ago, with a join-by date three weeks ahead (a coming ballot's cut-off)
 * and a recruitment target; the organisation's unions; a target group of the branch's trusts. Two
 * actions at the branch's first site: a meeting last week and a badge day three days ago that tests
 * the majority. Participation at that site, recorded by a secretary or admin of the branch: some
 * invited and pledged to the meeting and about one in six came; on the badge day each ward turns out
 * its own share (a fixed pseudo-random share per ward, from about a fifth to about four fifths), so
 * the structure test has strong and weak wards. Who recruited recent joiners (see writeRecruiters).
 */
export async function writeCampaigns(client: SeedClient, today: string): Promise<void> {
  await client.query(`INSERT INTO campaign (organisation_id, branch_id, name, goal, target_participants, start_date, join_by_date, recruitment_target,
      target_group, created_by_id)
    SELECT b.organisation_id, b.id, 'Safe staffing now', 'A safe staffing ratio on every ward, and a ballot that clears the turnout threshold',
      greatest(1, (SELECT count(*) FROM contact c WHERE c.employer_id = ANY(e.ids) AND c.deleted_at IS NULL) / 3)::int,
      $1::date - 30, $1::date + 21, 30,
      jsonb_build_object('employerIds', to_jsonb(e.ids), 'siteIds', '[]'::jsonb, 'wardIds', '[]'::jsonb, 'staffGroups', '[]'::jsonb, 'grades', '[]'::jsonb),
      (SELECT r.user_id FROM user_branch_role r WHERE r.branch_id = b.id AND r.role IN ('BRANCH_SECRETARY', 'ADMIN') ORDER BY r.role DESC LIMIT 1)
    FROM branch b JOIN LATERAL (SELECT array_agg(be.employer_id ORDER BY be.employer_id) AS ids FROM branch_employer be WHERE be.branch_id = b.id) e ON e.ids IS NOT NULL`,
  [today]);
  await client.query(`INSERT INTO campaign_union (campaign_id, union_id) SELECT k.id, u.id FROM campaign k JOIN trade_union u ON u.organisation_id = k.organisation_id`);
  // the branch's first site (by name)
  const site = `(SELECT s.id FROM site s WHERE s.employer_id = (k.target_group->'employerIds'->>0)::uuid ORDER BY s.name LIMIT 1)`;
  await client.query(`INSERT INTO campaign_action (organisation_id, campaign_id, kind, title, date, site_id, is_structure_test, created_by_id)
    SELECT k.organisation_id, k.id, a.kind::action_kind, a.title, $1::date - a.ago, ${site}, a.test, k.created_by_id
    FROM campaign k CROSS JOIN (VALUES ('MEETING', 'Open meeting: safe staffing', 7, false), ('BADGE_OR_PHOTO_DAY', 'Badge day: #SafeStaffingNow', 3, true)) AS a(kind, title, ago, test)`,
  [today]);
  const staff = `FROM campaign_action a JOIN campaign k ON k.id = a.campaign_id
    JOIN ward w ON w.site_id = a.site_id JOIN posting p ON p.ward_id = w.id AND p.end_date IS NULL
    JOIN contact c ON c.id = p.contact_id AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > $1::date)`;
  const roll = (salt: string) => `(abs(hashtext(c.id::text || '${salt}')) % 100)`;
  await client.query(`INSERT INTO participation (organisation_id, action_id, contact_id, state, recorded_by_id, recorded_at)
    SELECT a.organisation_id, a.id, c.id,
      CASE WHEN ${roll('came')} < 16 THEN 'ATTENDED_OR_SIGNED' WHEN ${roll('came')} < 30 THEN 'PLEDGED' ELSE 'INVITED' END::participation_state,
      k.created_by_id, a.date::timestamptz + interval '18 hours'
    ${staff} WHERE a.kind = 'MEETING' AND ${roll('invited')} < 60`, [today]);
  await client.query(`INSERT INTO participation (organisation_id, action_id, contact_id, state, recorded_by_id, recorded_at)
    SELECT a.organisation_id, a.id, c.id, 'ATTENDED_OR_SIGNED', k.created_by_id, a.date::timestamptz + interval '17 hours'
    ${staff} WHERE a.is_structure_test AND ${roll('badge')} < 20 + abs(hashtext(w.id::text)) % 60`, [today]);
}

/**
 * Recruited by, on the demo's recent joiners (joined in the last 60 days), fixed by the membership's
 * id so every run marks the same ones: about a third by the rep whose patch holds their current
 * site (the first by id), about a third by a colleague on their ward who is a current member (the
 * first by id); the rest unknown. So a campaign's leaderboard has reps and colleagues on it.
 */
export async function writeRecruiters(client: SeedClient, today: string): Promise<void> {
  const recent = `m.join_date > $1::date - 60 AND m.join_date <= $1::date`;
  const posted = `JOIN posting p ON p.contact_id = m.contact_id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id`;
  await client.query(`UPDATE membership m SET recruited_by_user_id = r.user_id
    FROM (SELECT DISTINCT ON (m.id) m.id, rp.user_id FROM membership m ${posted}
      JOIN rep_patch rp ON rp.site_id = w.site_id JOIN app_user u ON u.id = rp.user_id AND u.organisation_id = m.organisation_id
      WHERE ${recent} AND abs(hashtext(m.id::text)) % 3 = 0 ORDER BY m.id, rp.user_id) r
    WHERE r.id = m.id`, [today]);
  await client.query(`UPDATE membership m SET recruited_by_contact_id = r.colleague
    FROM (SELECT DISTINCT ON (m.id) m.id, o.contact_id AS colleague FROM membership m ${posted}
      JOIN posting o ON o.ward_id = p.ward_id AND o.end_date IS NULL AND o.contact_id <> m.contact_id
      JOIN membership om ON om.contact_id = o.contact_id AND om.status = 'MEMBER' AND om.join_date <= $1::date - 60
      WHERE ${recent} AND abs(hashtext(m.id::text)) % 3 = 1 ORDER BY m.id, o.contact_id) r
    WHERE r.id = m.id`, [today]);
}
