import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1795435000000-row-level-security.js';

/** Tables of an organisation's workplace map and union list: each row belongs to one organisation. */
const STRUCTURE_TABLES = ['employer', 'site', 'ward', 'trade_union'];

/**
 * Every organisation owns its own workplace map (employers, sites, wards) and its own list of
 * unions, as it owns its people: before, these were shared and writable, so one organisation's
 * secretary could move a ward or rename a union under another organisation's people.
 *
 * Existing data: each organisation gets its own copy of every employer it uses (people, postings,
 * rep roles, patches or branches there), with all of that employer's sites and wards, and of every
 * union its memberships name; the organisation that came first keeps the original rows (and ids),
 * the others' rows are re-pointed at their copies. Structure nobody uses goes to every organisation.
 * Foreign keys now include the organisation, so no row can point into another organisation's map,
 * and row-level security shows each organisation only its own map.
 */
export class StructureOwned1795439000000 implements MigrationInterface {
  name = 'StructureOwned1795439000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_f73d941b05bbc6405112ce15a45"`);
    await q.query(`ALTER TABLE "site" DROP CONSTRAINT "FK_c1cd8879ac546cc77be32e0966c"`);
    await q.query(`ALTER TABLE "ward" DROP CONSTRAINT "FK_c903327bf15a5bdf829a4bf6b4b"`);
    await q.query(`ALTER TABLE "posting" DROP CONSTRAINT "FK_16cf9868b6a308cc3f0f0554495"`);
    await q.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_6567d58ce591baf8a34527fdc8c"`);
    await q.query(`DROP INDEX "public"."uq_employer_name"`);
    await q.query(`DROP INDEX "public"."uq_employer_ods_code"`);
    await q.query(`DROP INDEX "public"."uq_union_name"`);
    await q.query(`DROP INDEX "public"."uq_union_short_name"`);
    await q.query(`ALTER TABLE "employer" ADD "organisation_id" uuid`);
    await q.query(`ALTER TABLE "site" ADD "organisation_id" uuid`);
    await q.query(`ALTER TABLE "site" ADD "ods_code" character varying(10)`);
    await q.query(`ALTER TABLE "ward" ADD "organisation_id" uuid`);
    await q.query(`ALTER TABLE "trade_union" ADD "organisation_id" uuid`);

    // Who uses which employer, and which organisation keeps the original row.
    await q.query(`CREATE TEMP TABLE employer_use ON COMMIT DROP AS
      SELECT DISTINCT org, old FROM (
        SELECT organisation_id AS org, employer_id AS old FROM contact
        UNION SELECT b.organisation_id, be.employer_id FROM branch_employer be JOIN branch b ON b.id = be.branch_id
        UNION SELECT p.organisation_id, s.employer_id FROM posting p JOIN ward w ON w.id = p.ward_id JOIN site s ON s.id = w.site_id
        UNION SELECT r.organisation_id, s.employer_id FROM rep_role_ward rw JOIN rep_role r ON r.id = rw.rep_role_id
          JOIN ward w ON w.id = rw.ward_id JOIN site s ON s.id = w.site_id
        UNION SELECT u.organisation_id, s.employer_id FROM rep_patch rp JOIN app_user u ON u.id = rp.user_id JOIN site s ON s.id = rp.site_id
      ) used`);
    await q.query(`INSERT INTO employer_use (org, old) SELECT o.id, e.id FROM employer e CROSS JOIN organisation o
      WHERE NOT EXISTS (SELECT 1 FROM employer_use u WHERE u.old = e.id)`);
    await q.query(`CREATE TEMP TABLE union_use ON COMMIT DROP AS SELECT DISTINCT organisation_id AS org, union_id AS old FROM membership`);
    await q.query(`INSERT INTO union_use (org, old) SELECT o.id, t.id FROM trade_union t CROSS JOIN organisation o
      WHERE NOT EXISTS (SELECT 1 FROM union_use u WHERE u.old = t.id)`);
    for (const use of ['employer_use', 'union_use']) {
      await q.query(`ALTER TABLE ${use} ADD new uuid`);
      await q.query(`UPDATE ${use} u SET new = CASE WHEN r.n = 1 THEN u.old ELSE gen_random_uuid() END
        FROM (SELECT x.org, x.old, row_number() OVER (PARTITION BY x.old ORDER BY o.created_at, o.id) AS n
              FROM ${use} x JOIN organisation o ON o.id = x.org) r
        WHERE r.org = u.org AND r.old = u.old`);
    }
    await q.query(`CREATE TEMP TABLE site_map ON COMMIT DROP AS
      SELECT u.org, s.id AS old, CASE WHEN u.new = u.old THEN s.id ELSE gen_random_uuid() END AS new, u.new AS employer_id
      FROM employer_use u JOIN site s ON s.employer_id = u.old`);
    await q.query(`CREATE TEMP TABLE ward_map ON COMMIT DROP AS
      SELECT m.org, w.id AS old, CASE WHEN m.new = m.old THEN w.id ELSE gen_random_uuid() END AS new, m.new AS site_id
      FROM site_map m JOIN ward w ON w.site_id = m.old`);

    // The first organisation keeps the rows; the others get copies.
    await q.query('UPDATE employer e SET organisation_id = u.org FROM employer_use u WHERE u.old = e.id AND u.new = e.id');
    await q.query(`INSERT INTO employer (id, created_at, updated_at, organisation_id, name, ods_code, region)
      SELECT u.new, e.created_at, e.updated_at, u.org, e.name, e.ods_code, e.region FROM employer_use u JOIN employer e ON e.id = u.old WHERE u.new <> u.old`);
    await q.query('UPDATE site s SET organisation_id = m.org FROM site_map m WHERE m.old = s.id AND m.new = s.id');
    await q.query(`INSERT INTO site (id, created_at, updated_at, organisation_id, name, kind, address, postcode, employer_id)
      SELECT m.new, s.created_at, s.updated_at, m.org, s.name, s.kind, s.address, s.postcode, m.employer_id FROM site_map m JOIN site s ON s.id = m.old WHERE m.new <> m.old`);
    await q.query('UPDATE ward w SET organisation_id = m.org FROM ward_map m WHERE m.old = w.id AND m.new = w.id');
    await q.query(`INSERT INTO ward (id, created_at, updated_at, organisation_id, name, type, speciality, site_id)
      SELECT m.new, w.created_at, w.updated_at, m.org, w.name, w.type, w.speciality, m.site_id FROM ward_map m JOIN ward w ON w.id = m.old WHERE m.new <> m.old`);
    await q.query('UPDATE trade_union t SET organisation_id = u.org FROM union_use u WHERE u.old = t.id AND u.new = t.id');
    await q.query(`INSERT INTO trade_union (id, created_at, updated_at, organisation_id, name, short_name)
      SELECT u.new, t.created_at, t.updated_at, u.org, t.name, t.short_name FROM union_use u JOIN trade_union t ON t.id = u.old WHERE u.new <> u.old`);

    // Re-point every organisation's rows at its own copies.
    await q.query(`UPDATE contact c SET employer_id = u.new FROM employer_use u
      WHERE u.old = c.employer_id AND u.org = c.organisation_id AND u.new <> u.old`);
    await q.query(`UPDATE branch_employer be SET employer_id = u.new FROM branch b, employer_use u
      WHERE b.id = be.branch_id AND u.org = b.organisation_id AND u.old = be.employer_id AND u.new <> u.old`);
    await q.query(`UPDATE posting p SET ward_id = m.new FROM ward_map m WHERE m.old = p.ward_id AND m.org = p.organisation_id AND m.new <> m.old`);
    await q.query(`UPDATE rep_role_ward rw SET ward_id = m.new FROM rep_role r, ward_map m
      WHERE r.id = rw.rep_role_id AND m.org = r.organisation_id AND m.old = rw.ward_id AND m.new <> m.old`);
    await q.query(`UPDATE rep_patch rp SET site_id = m.new FROM app_user u, site_map m
      WHERE u.id = rp.user_id AND m.org = u.organisation_id AND m.old = rp.site_id AND m.new <> m.old`);
    await q.query(`UPDATE membership ms SET union_id = u.new FROM union_use u
      WHERE u.old = ms.union_id AND u.org = ms.organisation_id AND u.new <> u.old`);
    // Audit entries about a person follow the person's employer (who may read them); their content is history and stays.
    await q.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await q.query(`UPDATE audit_event a SET employer_id = u.new FROM employer_use u
      WHERE u.old = a.employer_id AND u.org = a.organisation_id AND u.new <> u.old`);
    await q.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    // Structure no organisation can own (a database without organisations) cannot stay.
    for (const t of ['ward', 'site', 'employer', 'trade_union']) await q.query(`DELETE FROM ${t} WHERE organisation_id IS NULL`);
    for (const t of STRUCTURE_TABLES) await q.query(`ALTER TABLE ${t} ALTER COLUMN organisation_id SET NOT NULL`);

    await q.query(`CREATE UNIQUE INDEX "uq_employer_org_ods_code" ON "employer"  ("organisation_id", "ods_code") WHERE ods_code IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_employer_org_name" ON "employer"  ("organisation_id", "name") `);
    await q.query(`CREATE UNIQUE INDEX "uq_union_org_short_name" ON "trade_union"  ("organisation_id", "short_name") `);
    await q.query(`CREATE UNIQUE INDEX "uq_union_org_name" ON "trade_union"  ("organisation_id", "name") `);
    await q.query(`ALTER TABLE "employer" ADD CONSTRAINT "uq_employer_org_id" UNIQUE ("organisation_id", "id")`);
    await q.query(`ALTER TABLE "site" ADD CONSTRAINT "uq_site_org_id" UNIQUE ("organisation_id", "id")`);
    await q.query(`ALTER TABLE "ward" ADD CONSTRAINT "uq_ward_org_id" UNIQUE ("organisation_id", "id")`);
    await q.query(`ALTER TABLE "trade_union" ADD CONSTRAINT "uq_union_org_id" UNIQUE ("organisation_id", "id")`);
    await q.query(`ALTER TABLE "employer" ADD CONSTRAINT "FK_9b1abeee11336d302a6d2d1c707" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_645e70643d6fc725cb484d6dd25" FOREIGN KEY ("employer_id", "organisation_id") REFERENCES "employer"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "site" ADD CONSTRAINT "FK_439d37c49e4a268bc730d70bcd3" FOREIGN KEY ("employer_id", "organisation_id") REFERENCES "employer"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ward" ADD CONSTRAINT "FK_775c36b3cf3d7186c68a692af55" FOREIGN KEY ("site_id", "organisation_id") REFERENCES "site"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "posting" ADD CONSTRAINT "FK_6e8ab718f54535261d3ad80fac6" FOREIGN KEY ("ward_id", "organisation_id") REFERENCES "ward"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "trade_union" ADD CONSTRAINT "FK_51fe18c983fee55facaa64e4f49" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_6eb11e2ed04b5cbccd739ccf011" FOREIGN KEY ("union_id", "organisation_id") REFERENCES "trade_union"("id","organisation_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Names are unique within a parent of one organisation's map: a clash can never tell of another's rows.
    await q.query('DROP INDEX "public"."uq_site_employer_name"');
    await q.query('CREATE UNIQUE INDEX "uq_site_employer_name" ON "site" ("organisation_id", "employer_id", "name")');
    await q.query('DROP INDEX "public"."uq_ward_site_name"');
    await q.query('CREATE UNIQUE INDEX "uq_ward_site_name" ON "ward" ("organisation_id", "site_id", "name")');

    // Row-level security: an organisation's requests see and change only its own map and union list.
    for (const t of STRUCTURE_TABLES) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${t}_org ON ${t} TO ${APP_ROLE} USING (organisation_id = rollcall_organisation())`);
    }
    // Links into the map from tables without an organisation column: only to one's own map.
    await q.query('DROP POLICY rep_role_ward_branch ON rep_role_ward');
    await q.query(`CREATE POLICY rep_role_ward_branch ON rep_role_ward TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM rep_role r WHERE r.id = rep_role_id) AND EXISTS (SELECT 1 FROM ward w WHERE w.id = ward_id))`);
    await q.query('ALTER TABLE branch_employer ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY branch_employer_org ON branch_employer TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM branch b WHERE b.id = branch_id AND b.organisation_id = rollcall_organisation())
        AND EXISTS (SELECT 1 FROM employer e WHERE e.id = employer_id))`);
    await q.query('ALTER TABLE rep_patch ENABLE ROW LEVEL SECURITY');
    await q.query(`CREATE POLICY rep_patch_org ON rep_patch TO ${APP_ROLE}
      USING (EXISTS (SELECT 1 FROM app_user u WHERE u.id = user_id AND u.organisation_id = rollcall_organisation())
        AND EXISTS (SELECT 1 FROM site s WHERE s.id = site_id))`);
    // Signing in reads a user's roles, branches' employers and patch before any identity is set:
    // one narrow function, owned by the tables' owner, reads exactly that and nothing else.
    await q.query(`CREATE FUNCTION rollcall_user_grants(p_user uuid, p_org uuid) RETURNS TABLE (grants json, patch json)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT
        coalesce((SELECT json_agg(json_build_object('branchId', r.branch_id, 'role', r.role, 'employerIds',
          coalesce((SELECT json_agg(be.employer_id) FROM branch_employer be WHERE be.branch_id = r.branch_id), '[]')))
          FROM user_branch_role r JOIN branch b ON b.id = r.branch_id
          WHERE r.user_id = p_user AND b.organisation_id = p_org), '[]'),
        coalesce((SELECT json_agg(json_build_object('siteId', s.id, 'employerId', s.employer_id))
          FROM rep_patch rp JOIN site s ON s.id = rp.site_id WHERE rp.user_id = p_user AND s.organisation_id = p_org), '[]')
      $$`);
    await q.query('REVOKE ALL ON FUNCTION rollcall_user_grants(uuid, uuid) FROM PUBLIC');
    await q.query(`GRANT EXECUTE ON FUNCTION rollcall_user_grants(uuid, uuid) TO ${APP_ROLE}`);
  }

  /** Keeps every organisation's copies (ids stay valid); only the constraints and policies go. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION rollcall_user_grants(uuid, uuid)');
    await q.query('DROP POLICY rep_patch_org ON rep_patch');
    await q.query('ALTER TABLE rep_patch DISABLE ROW LEVEL SECURITY');
    await q.query('DROP POLICY branch_employer_org ON branch_employer');
    await q.query('ALTER TABLE branch_employer DISABLE ROW LEVEL SECURITY');
    await q.query('DROP POLICY rep_role_ward_branch ON rep_role_ward');
    await q.query(`CREATE POLICY rep_role_ward_branch ON rep_role_ward TO ${APP_ROLE} USING (EXISTS (SELECT 1 FROM rep_role r WHERE r.id = rep_role_id))`);
    await q.query('DROP INDEX "public"."uq_ward_site_name"');
    await q.query('CREATE UNIQUE INDEX "uq_ward_site_name" ON "ward" ("site_id", "name")');
    await q.query('DROP INDEX "public"."uq_site_employer_name"');
    await q.query('CREATE UNIQUE INDEX "uq_site_employer_name" ON "site" ("employer_id", "name")');
    for (const t of STRUCTURE_TABLES) {
      await q.query(`DROP POLICY ${t}_org ON ${t}`);
      await q.query(`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`ALTER TABLE "membership" DROP CONSTRAINT "FK_6eb11e2ed04b5cbccd739ccf011"`);
    await q.query(`ALTER TABLE "trade_union" DROP CONSTRAINT "FK_51fe18c983fee55facaa64e4f49"`);
    await q.query(`ALTER TABLE "posting" DROP CONSTRAINT "FK_6e8ab718f54535261d3ad80fac6"`);
    await q.query(`ALTER TABLE "ward" DROP CONSTRAINT "FK_775c36b3cf3d7186c68a692af55"`);
    await q.query(`ALTER TABLE "site" DROP CONSTRAINT "FK_439d37c49e4a268bc730d70bcd3"`);
    await q.query(`ALTER TABLE "contact" DROP CONSTRAINT "FK_645e70643d6fc725cb484d6dd25"`);
    await q.query(`ALTER TABLE "employer" DROP CONSTRAINT "FK_9b1abeee11336d302a6d2d1c707"`);
    await q.query(`ALTER TABLE "trade_union" DROP CONSTRAINT "uq_union_org_id"`);
    await q.query(`ALTER TABLE "ward" DROP CONSTRAINT "uq_ward_org_id"`);
    await q.query(`ALTER TABLE "site" DROP CONSTRAINT "uq_site_org_id"`);
    await q.query(`ALTER TABLE "employer" DROP CONSTRAINT "uq_employer_org_id"`);
    await q.query(`DROP INDEX "public"."uq_union_org_name"`);
    await q.query(`DROP INDEX "public"."uq_union_org_short_name"`);
    await q.query(`DROP INDEX "public"."uq_employer_org_name"`);
    await q.query(`DROP INDEX "public"."uq_employer_org_ods_code"`);
    await q.query(`ALTER TABLE "trade_union" DROP COLUMN "organisation_id"`);
    await q.query(`ALTER TABLE "ward" DROP COLUMN "organisation_id"`);
    await q.query(`ALTER TABLE "site" DROP COLUMN "ods_code"`);
    await q.query(`ALTER TABLE "site" DROP COLUMN "organisation_id"`);
    await q.query(`ALTER TABLE "employer" DROP COLUMN "organisation_id"`);
    await q.query(`CREATE UNIQUE INDEX "uq_union_short_name" ON "trade_union" USING btree ("short_name") `);
    await q.query(`CREATE UNIQUE INDEX "uq_union_name" ON "trade_union" USING btree ("name") `);
    await q.query(`CREATE UNIQUE INDEX "uq_employer_ods_code" ON "employer" USING btree ("ods_code") WHERE (ods_code IS NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX "uq_employer_name" ON "employer" USING btree ("name") `);
    await q.query(`ALTER TABLE "membership" ADD CONSTRAINT "FK_6567d58ce591baf8a34527fdc8c" FOREIGN KEY ("union_id") REFERENCES "trade_union"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "posting" ADD CONSTRAINT "FK_16cf9868b6a308cc3f0f0554495" FOREIGN KEY ("ward_id") REFERENCES "ward"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "ward" ADD CONSTRAINT "FK_c903327bf15a5bdf829a4bf6b4b" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "site" ADD CONSTRAINT "FK_c1cd8879ac546cc77be32e0966c" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "contact" ADD CONSTRAINT "FK_f73d941b05bbc6405112ce15a45" FOREIGN KEY ("employer_id") REFERENCES "employer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }
}
