import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/** The tables of records about one person whose row-level policy asked `contact` about every row. */
export const PERSON_TABLES = ['posting', 'membership', 'rep_role', 'conversation', 'assessment', 'participation', 'ballot_member_state'] as const;

/** What else a table's policy checks, besides its person's organisation and employer. */
const ALSO: Partial<Record<(typeof PERSON_TABLES)[number], string>> = {
  ballot_member_state: 'AND EXISTS (SELECT 1 FROM ballot b WHERE b.id = ballot_id)',
};

/**
 * Issue 15: each record about a person carries the person's employer, kept right by the database, and
 * its row-level policy checks that column instead of looking the person up.
 *
 * Before, the policy on `posting` (and on membership, rep_role, conversation, assessment, participation
 * and ballot_member_state) was `EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id)`: a probe of
 * `contact`, under contact's own policy, for every row read or written. The planner cannot see through
 * it, so its estimates for any join over these tables collapsed to one row (the rep's patch re-sorted
 * three subresults per person), and every posting an import wrote paid the probe.
 *
 * Now `employer_id` on each of them is the contact's employer, and the policy is contact's own
 * condition on the row's columns: `organisation_id = the caller's AND employer_id = ANY(the caller's
 * employers)`. A row is visible exactly when its person is, as before. The column is kept by two
 * triggers, not by the API:
 *  - BEFORE INSERT, or an UPDATE of contact_id, organisation_id or employer_id: the employer is read from
 *    the contact (as the owner, so a contact the caller cannot see still gives its true employer, which
 *    the policy then refuses). A contact of another organisation, or none, gives NULL: no one sees it,
 *    the policy refuses it, and the foreign key reports a missing contact as before. Whatever the API
 *    sends for the column is overwritten.
 *  - AFTER UPDATE of a contact's employer or organisation: its records follow.
 * The entities declare the column as never inserted, updated or read by the API.
 */
export class PersonEmployer1797500000000 implements MigrationInterface {
  name = 'PersonEmployer1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION rollcall_person_employer() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        SELECT CASE WHEN c.organisation_id = NEW.organisation_id THEN c.employer_id END INTO NEW.employer_id
          FROM contact c WHERE c.id = NEW.contact_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE FUNCTION rollcall_contact_moved() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${PERSON_TABLES.map((t) => `UPDATE ${t} SET employer_id = NEW.employer_id WHERE contact_id = NEW.id;`).join('\n        ')}
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION rollcall_person_employer(), rollcall_contact_moved() FROM PUBLIC`);
    for (const t of PERSON_TABLES) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN employer_id uuid`);
      await q.query(`UPDATE ${t} r SET employer_id = c.employer_id FROM contact c WHERE c.id = r.contact_id AND c.organisation_id = r.organisation_id`);
      await q.query(`CREATE TRIGGER ${t}_employer BEFORE INSERT OR UPDATE OF contact_id, organisation_id, employer_id ON ${t}
        FOR EACH ROW EXECUTE FUNCTION rollcall_person_employer()`);
      await q.query(`DROP POLICY ${t}_branch ON ${t}`);
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = (SELECT rollcall_organisation()) AND employer_id = ANY ((SELECT rollcall_employers())::uuid[]) ${ALSO[t] ?? ''})`);
      await q.query(`ANALYZE ${t} (employer_id)`);
    }
    await q.query(`CREATE TRIGGER contact_moved AFTER UPDATE OF employer_id, organisation_id ON contact FOR EACH ROW
      WHEN (OLD.employer_id IS DISTINCT FROM NEW.employer_id OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
      EXECUTE FUNCTION rollcall_contact_moved()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER contact_moved ON contact');
    for (const t of PERSON_TABLES) {
      await q.query(`DROP POLICY ${t}_branch ON ${t}`);
      await q.query(`CREATE POLICY ${t}_branch ON ${t} TO ${APP_ROLE}
        USING (organisation_id = (SELECT rollcall_organisation()) AND EXISTS (SELECT 1 FROM contact c WHERE c.id = contact_id) ${ALSO[t] ?? ''})`);
      await q.query(`DROP TRIGGER ${t}_employer ON ${t}`);
      await q.query(`ALTER TABLE ${t} DROP COLUMN employer_id`);
    }
    await q.query('DROP FUNCTION rollcall_contact_moved()');
    await q.query('DROP FUNCTION rollcall_person_employer()');
  }
}
