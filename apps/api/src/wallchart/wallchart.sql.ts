import type { PeopleSql } from '../access/people-door.js';
import { currentAssessment } from '../assessments/current-assessment.sql.js';

/**
 * The wall chart's people: everyone currently posted on the wards `:wardIds` whom the caller may see
 * (the PeopleDoor's condition), narrowed by `:shifts`, `:staffGroups`, `:grades` (each a text array,
 * or null for any), one row each with their current assessment (current-assessment.sql.ts), current
 * memberships (`:unionIds`, a uuid array or null, says whose count as "member"), the leader mark, a
 * current rep role (as the contacts list's isRep) and their latest conversation.
 *
 * One statement for the whole chart, shaped like my patch's (organising.sql.ts): the people first, in
 * a materialized list, then each person's figures as probes of an index by their id, so its cost
 * stays linear in the people whatever the planner estimates under row-level security.
 */
export const wallChartPeopleSql = (people: PeopleSql): string => `
      WITH staff AS MATERIALIZED (
        SELECT c.id, p.ward_id, c.first_name, c.last_name, c.preferred_name, c.job_title, c.staff_group::text AS staff_group,
          c.grade::text AS grade, c.shift_pattern::text AS shift_pattern, c.leader
        FROM posting p JOIN contact c ON c.id = p.contact_id
        WHERE p.end_date IS NULL AND p.ward_id = ANY(CAST(:wardIds AS uuid[]))
          AND c.deleted_at IS NULL AND (c.leave_date IS NULL OR c.leave_date > current_date) AND ${people({ alias: 'c' })}
          AND (CAST(:shifts AS text[]) IS NULL OR c.shift_pattern::text = ANY(CAST(:shifts AS text[])))
          AND (CAST(:staffGroups AS text[]) IS NULL OR c.staff_group::text = ANY(CAST(:staffGroups AS text[])))
          AND (CAST(:grades AS text[]) IS NULL OR c.grade::text = ANY(CAST(:grades AS text[])))
      )
      SELECT s.*, ${currentAssessment('s.id')} AS assessment,
        coalesce((SELECT json_agg(json_build_object('unionId', m.union_id, 'shortName', u.short_name) ORDER BY u.short_name, m.union_id)
          FROM membership m JOIN trade_union u ON u.id = m.union_id
          WHERE m.contact_id = s.id AND m.status = 'MEMBER' AND (m.leave_date IS NULL OR m.leave_date > current_date)), '[]'::json) AS unions,
        EXISTS (SELECT 1 FROM membership m WHERE m.contact_id = s.id AND m.status = 'MEMBER'
          AND (m.leave_date IS NULL OR m.leave_date > current_date)
          AND (CAST(:unionIds AS uuid[]) IS NULL OR m.union_id = ANY(CAST(:unionIds AS uuid[])))) AS member,
        EXISTS (SELECT 1 FROM rep_role r WHERE r.contact_id = s.id AND (r.end_date IS NULL OR r.end_date > current_date)) AS rep,
        (SELECT max(cv.occurred_at) FROM conversation cv WHERE cv.contact_id = s.id) AS last_at
      FROM staff s
      ORDER BY s.ward_id, s.last_name, s.first_name, s.id`;
