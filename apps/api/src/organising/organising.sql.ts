import type { PeopleSql } from '../access/people-door.js';
import { currentAssessment } from '../assessments/current-assessment.sql.js';
import { followUpDone } from '../conversations/follow-up.sql.js';

/**
 * The SQL of the organising read models, in one place. Each statement about people takes `people`
 * (the PeopleDoor's condition writer: see PeopleDoor.sql) and is run through the door; the named
 * parameters each one needs are listed above it. Counts, sums and differences are worked out here,
 * not in the resolvers.
 */

/** Each contact's timeline, newest first, at most `:limit` events each. Parameters: `:ids`, `:limit`. */
export const timelineSql = (people: PeopleSql): string => `
      WITH mine AS ${people({ among: ':ids' })}
       SELECT * FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.contact_id ORDER BY e.at DESC, e.kind) AS n FROM (
           SELECT c.contact_id, c.id, 'CONVERSATION' AS kind, c.occurred_at AS at,
                  c.type::text || ':' || c.channel::text AS title,
                  concat_ws(' · ', nullif(c.ask, ''), CASE WHEN c.answer IS NOT NULL THEN 'answer: ' || lower(c.answer::text) END,
                    CASE WHEN c.assessment IS NOT NULL THEN 'assessed ' || c.assessment END, nullif(c.next_step, '')) AS detail,
                  u.display_name AS actor, c.id AS conversation_id, c.assessment
             FROM conversation c LEFT JOIN app_user u ON u.id = c.rep_user_id WHERE c.contact_id IN (SELECT id FROM mine)
           UNION ALL
           SELECT a.contact_id, a.id, 'ASSESSMENT', a.assessed_at, a.value::text, NULL, u.display_name, a.conversation_id, a.value
             FROM assessment a LEFT JOIN app_user u ON u.id = a.assessed_by_id
             WHERE a.contact_id IN (SELECT id FROM mine) AND a.conversation_id IS NULL -- a conversation's own assessment shows on it
           UNION ALL
           SELECT m.contact_id, m.id, 'MEMBERSHIP_JOINED', m.join_date::timestamptz, 'Joined ' || t.short_name, m.status::text, NULL, NULL, NULL
             FROM membership m JOIN trade_union t ON t.id = m.union_id WHERE m.contact_id IN (SELECT id FROM mine) AND m.join_date IS NOT NULL
           UNION ALL
           SELECT m.contact_id, m.id, 'MEMBERSHIP_LEFT', m.leave_date::timestamptz, 'Left ' || t.short_name, NULL, NULL, NULL, NULL
             FROM membership m JOIN trade_union t ON t.id = m.union_id WHERE m.contact_id IN (SELECT id FROM mine) AND m.leave_date IS NOT NULL
           UNION ALL
           SELECT r.contact_id, r.id, 'REP_ROLE_STARTED', r.start_date::timestamptz, r.kind::text, NULL, NULL, NULL, NULL
             FROM rep_role r WHERE r.contact_id IN (SELECT id FROM mine) AND r.start_date IS NOT NULL
           UNION ALL
           SELECT r.contact_id, r.id, 'REP_ROLE_ENDED', r.end_date::timestamptz, r.kind::text, NULL, NULL, NULL, NULL
             FROM rep_role r WHERE r.contact_id IN (SELECT id FROM mine) AND r.end_date IS NOT NULL
           UNION ALL
           SELECT k.id, k.id, CASE WHEN k.leader THEN 'LEADER_MARKED' ELSE 'LEADER_UNMARKED' END, k.leader_marked_at,
                  CASE WHEN k.leader THEN 'Marked as a leader' ELSE 'No longer marked as a leader' END, k.leader_reason, u.display_name, NULL, NULL
             FROM contact k LEFT JOIN app_user u ON u.id = k.leader_marked_by_id WHERE k.id IN (SELECT id FROM mine) AND k.leader_marked_at IS NOT NULL
         ) e
       ) x WHERE n <= :limit ORDER BY contact_id, at DESC, kind`;

/**
 * My patch: per ward of the caller's people, headcount, members, assessed (current assessment, see
 * current-assessment.sql.ts), supportive, leaders, spoken to and never spoken to, and the caller's
 * open and overdue follow-ups there. Parameters: `:me`, `:today`, `:siteId` (or null).
 *
 * Shaped so that its cost stays linear in the people whatever the planner thinks their number is:
 * under row-level security it thinks there is about one (each policy's per-row check multiplies the
 * estimate down), and a join of the people with per-person aggregates then becomes a nested loop
 * that rescans the whole aggregate for every person. So each person's figures are probes of an
 * index by their id (membership, latest conversation, current assessment), worked out once in a
 * materialized list; the wards are counted from it, and only then joined with the follow-ups per
 * ward (both a few dozen rows). The site filter is a probe of the ward, not a join the planner
 * could turn round.
 */
export const patchWardsSql = (people: PeopleSql): string => `
      WITH base AS MATERIALIZED (
        SELECT p.ward_id, c.leader, ${currentAssessment('c.id')} AS assessment,
          EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id
            AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)) AS member,
          (SELECT max(cv.occurred_at) FROM conversation cv WHERE cv.contact_id = c.id) AS last_at
        FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
        WHERE c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${people({ alias: 'c' })}
          AND (CAST(:siteId AS uuid) IS NULL OR EXISTS (SELECT 1 FROM ward w WHERE w.id = p.ward_id AND w.site_id = :siteId))
      ), wards AS (
        SELECT b.ward_id, count(*)::int AS headcount, count(*) FILTER (WHERE b.member)::int AS members,
          count(b.assessment)::int AS assessed, count(*) FILTER (WHERE b.assessment <= 2)::int AS supportive,
          count(*) FILTER (WHERE b.leader)::int AS leaders, count(b.last_at)::int AS spoken_to,
          (count(*) - count(b.last_at))::int AS never_spoken_to, max(b.last_at) AS last_conversation_at
        FROM base b GROUP BY b.ward_id
      ), follow AS MATERIALIZED (
        SELECT p.ward_id, count(*)::int AS open, count(*) FILTER (WHERE cv.follow_up_date < :today)::int AS overdue
        FROM conversation cv JOIN posting p ON p.contact_id = cv.contact_id AND p.end_date IS NULL
        WHERE cv.rep_user_id = :me AND cv.follow_up_date IS NOT NULL AND NOT ${followUpDone('cv')}
          AND ${people({ table: 'conversation', alias: 'cv' })}
        GROUP BY p.ward_id
      )
      SELECT wd.*, coalesce(f.open, 0) AS open_follow_ups, coalesce(f.overdue, 0) AS overdue_follow_ups
      FROM wards wd LEFT JOIN follow f ON f.ward_id = wd.ward_id`;

/** Rep coverage per ward of the caller's people: staff, members, reps and shifts. Parameters: `:siteId` (or null). */
export const coverageSql = (people: PeopleSql): string => `
      WITH staff AS (
        SELECT p.ward_id, count(*)::int AS headcount,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = c.id AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)))::int AS members,
          array_agg(DISTINCT c.shift_pattern) AS staff_shifts
        FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL JOIN ward w ON w.id = p.ward_id
        WHERE c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${people({ alias: 'c' })}
          AND (CAST(:siteId AS uuid) IS NULL OR w.site_id = :siteId)
        GROUP BY p.ward_id
      ), reps AS (
        SELECT rw.ward_id, array_agg(DISTINCT rc.id) AS rep_contact_ids, array_agg(DISTINCT rc.shift_pattern) AS rep_shifts
        FROM rep_role r JOIN rep_role_ward rw ON rw.rep_role_id = r.id JOIN contact rc ON rc.id = r.contact_id
        WHERE rc.deleted_at IS NULL AND (r.end_date IS NULL OR r.end_date > current_date)
          AND (r.start_date IS NULL OR r.start_date <= current_date) AND ${people({ alias: 'rc' })}
        GROUP BY rw.ward_id
      )
      SELECT s.ward_id, s.headcount, s.members, coalesce(r.rep_contact_ids, '{}') AS rep_contact_ids,
        s.staff_shifts::text[] AS staff_shifts, coalesce(r.rep_shifts::text[], '{}') AS rep_shifts
      FROM staff s LEFT JOIN reps r ON r.ward_id = s.ward_id`;

/** Open follow-ups (see follow-up.sql.ts) dated before `:today` with the caller's people, per rep who set them, most first. */
export const overdueFollowUpsByRepSql = (people: PeopleSql): string => `
      SELECT cv.rep_user_id AS id, u.display_name AS "repName", count(*)::int AS overdue, min(cv.follow_up_date)::text AS "oldestDate"
      FROM conversation cv JOIN app_user u ON u.id = cv.rep_user_id
      WHERE cv.follow_up_date IS NOT NULL AND cv.follow_up_date < :today AND ${people({ table: 'conversation', alias: 'cv' })}
        AND NOT ${followUpDone('cv')}
      GROUP BY cv.rep_user_id, u.display_name
      ORDER BY overdue DESC, "oldestDate", "repName", id`;

/**
 * Reps (users with a rep role) of the caller's branches' employers, and the caller. Users are not
 * people of the door: positional parameters $1 organisation, $2 caller, $3 employer ids, $4 name
 * pattern (or null), $5 ids (or null).
 */
export const REPS_SQL = `SELECT DISTINCT u.id, u.display_name AS "displayName" FROM app_user u
       WHERE u.organisation_id = $1 AND u.active
         AND (u.id = $2 OR EXISTS (SELECT 1 FROM user_branch_role r JOIN branch_employer be ON be.branch_id = r.branch_id
                                  WHERE r.user_id = u.id AND r.role = 'REP' AND be.employer_id = ANY($3)))
         AND ($4::text IS NULL OR u.display_name ILIKE $4)
         AND ($5::uuid[] IS NULL OR u.id = ANY($5))
       ORDER BY 2, 1`;
