import { DEFAULT_ISSUE_TAGS } from '@rollcall/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations that existed before issue tags get the default list once, here, instead of the API
 * checking on every read. (New demo organisations get theirs from the seed.)
 */
export class DefaultIssueTags1795438200000 implements MigrationInterface {
  name = 'DefaultIssueTags1795438200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO issue_tag (organisation_id, name)
       SELECT o.id, t.name FROM organisation o CROSS JOIN unnest($1::text[]) AS t(name)
       WHERE NOT EXISTS (SELECT 1 FROM issue_tag x WHERE x.organisation_id = o.id)`,
      [[...DEFAULT_ISSUE_TAGS]],
    );
  }

  async down(): Promise<void> {
    // The tags may be in use by now: nothing to undo safely.
  }
}
