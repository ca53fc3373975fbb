import { assessmentAsOf } from '../assessments/current-assessment.sql.js';

/**
 * The density snapshot of one organisation for a range of days, as one set-based statement (days
 * from generate_series, never a loop over people). Parameters: $1 organisation, $2 first day, $3
 * last day ('YYYY-MM-DD'); answers the number of rows written (`n`). Sessions run in the UK's time zone (data-source.ts), so `current_date`
 * is the UK's today and a day ends at UK midnight.
 *
 * A day's figures, per ward (union_id null) and per union with members there:
 * - headcount: people not deleted, not left by that day (contact.leave_date), holding a posting on
 *   the ward that day (start_date ≤ day < end_date, or no end);
 * - members: of them, those whose membership (MEMBER, or LAPSED with a leave date) had begun
 *   (join_date ≤ day) and not ended (leave_date > day). A MEMBER without a join date counts from
 *   today on only: when they joined is not known;
 * - assessed / ones_and_twos: an assessment made by the day's end / its latest one then was 1 or 2;
 * - leaders: marked a leader by the day's end (un-marking is not dated: today's unmarked leaders
 *   are not in any past day, today's leaders without a date only from today on);
 * - reps: rep roles covering the ward that day (start_date ≤ day or none, end_date > day or none);
 * - spoken_to_30d: people with a conversation in the 30 days up to the day's end.
 * Wards nobody works on that day have no row (read as zero); a union's row exists where it has members.
 * Deleted people are gone from every past day too: their history was deleted with them.
 */
export const SNAPSHOT_SQL = `
WITH days AS (
  SELECT d::date AS day, (d::date + 1)::timestamptz AS day_end
  FROM generate_series($2::date, $3::date, interval '1 day') d
),
staff AS MATERIALIZED (
  SELECT DISTINCT days.day, days.day_end, p.ward_id, c.id AS contact_id, c.leader, c.leader_marked_at
  FROM days
  JOIN posting p ON p.organisation_id = $1 AND p.start_date <= days.day AND (p.end_date IS NULL OR p.end_date > days.day)
  JOIN contact c ON c.id = p.contact_id AND c.organisation_id = $1 AND c.deleted_at IS NULL
    AND (c.leave_date IS NULL OR c.leave_date > days.day)
),
member_of AS MATERIALIZED (
  SELECT DISTINCT s.day, s.ward_id, s.contact_id, m.union_id
  FROM staff s JOIN membership m ON m.contact_id = s.contact_id AND m.organisation_id = $1
  WHERE (m.status = 'MEMBER' OR (m.status = 'LAPSED' AND m.leave_date IS NOT NULL))
    AND (m.leave_date IS NULL OR m.leave_date > s.day)
    AND (m.join_date <= s.day OR (m.join_date IS NULL AND m.status = 'MEMBER' AND s.day >= current_date))
),
reps AS (
  SELECT days.day, rw.ward_id, count(DISTINCT r.id)::int AS n
  FROM days
  JOIN rep_role r ON r.organisation_id = $1 AND (r.start_date IS NULL OR r.start_date <= days.day) AND (r.end_date IS NULL OR r.end_date > days.day)
  JOIN rep_role_ward rw ON rw.rep_role_id = r.id
  JOIN contact rc ON rc.id = r.contact_id AND rc.deleted_at IS NULL
  GROUP BY days.day, rw.ward_id
),
wards AS (
  SELECT s.day, s.ward_id, count(*)::int AS headcount,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM member_of mo WHERE mo.day = s.day AND mo.ward_id = s.ward_id AND mo.contact_id = s.contact_id))::int AS members,
    count(a.value)::int AS assessed,
    count(*) FILTER (WHERE a.value IN (1, 2))::int AS ones_and_twos,
    count(*) FILTER (WHERE s.leader AND (s.leader_marked_at < s.day_end OR (s.leader_marked_at IS NULL AND s.day >= current_date)))::int AS leaders,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM conversation cv WHERE cv.contact_id = s.contact_id
      AND cv.occurred_at < s.day_end AND cv.occurred_at >= s.day_end - interval '30 days'))::int AS spoken_to_30d
  FROM staff s
  LEFT JOIN LATERAL (${assessmentAsOf('s.contact_id', 's.day_end')}) a ON true
  GROUP BY s.day, s.ward_id
),
written AS (
INSERT INTO density_snapshot (organisation_id, day, ward_id, union_id, headcount, members, assessed, ones_and_twos, leaders, reps, spoken_to_30d, taken_at)
SELECT $1, w.day, w.ward_id, NULL, w.headcount, w.members, w.assessed, w.ones_and_twos, w.leaders, coalesce(r.n, 0), w.spoken_to_30d, now()
FROM wards w LEFT JOIN reps r ON r.day = w.day AND r.ward_id = w.ward_id
UNION ALL
SELECT $1, w.day, w.ward_id, mo.union_id, w.headcount, count(DISTINCT mo.contact_id)::int, NULL, NULL, NULL, NULL, NULL, now()
FROM member_of mo JOIN wards w ON w.day = mo.day AND w.ward_id = mo.ward_id
GROUP BY w.day, w.ward_id, mo.union_id, w.headcount
RETURNING 1
)
SELECT count(*)::int AS n FROM written`;
