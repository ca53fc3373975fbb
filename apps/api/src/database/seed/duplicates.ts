import type { SeedClient } from './copy-writer.js';

/**
 * Two obvious duplicate pairs per employer for the demo's duplicates screen, made from people
 * already seeded (so no count of the demo data changes): on the busiest ward of each employer, the second person takes the first one's name with a typo in the surname (similar
 * names on one ward), and the fourth person takes the third one's work email in capitals.
 */
export async function writeDuplicates(client: SeedClient): Promise<void> {
  await client.query(`
    WITH busiest AS (
      SELECT DISTINCT ON (c.employer_id) p.ward_id FROM contact c JOIN posting p ON p.contact_id = c.id AND p.end_date IS NULL
      GROUP BY c.employer_id, p.ward_id ORDER BY c.employer_id, count(*) DESC, p.ward_id),
    people AS (
      SELECT c.id, c.first_name, c.last_name, c.work_email, row_number() OVER (PARTITION BY p.ward_id ORDER BY c.id) AS n, p.ward_id
      FROM busiest b JOIN posting p ON p.ward_id = b.ward_id AND p.end_date IS NULL JOIN contact c ON c.id = p.contact_id
      WHERE c.deleted_at IS NULL),
    twins AS (
      SELECT b.id, a.first_name, a.last_name || 'e' AS last_name, b.work_email FROM people a JOIN people b ON b.ward_id = a.ward_id AND a.n = 1 AND b.n = 2
      UNION ALL
      SELECT b.id, b.first_name, b.last_name, upper(a.work_email) FROM people a JOIN people b ON b.ward_id = a.ward_id AND a.n = 3 AND b.n = 4
      WHERE a.work_email IS NOT NULL)
    UPDATE contact c SET first_name = t.first_name, last_name = t.last_name, work_email = t.work_email FROM twins t WHERE c.id = t.id`);
}
