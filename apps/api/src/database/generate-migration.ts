/**
 * Development aid: prints the SQL that would bring a database migrated to the latest migration in
 * line with the entities (what `typeorm migration:generate` does), as a migration class.
 * Usage: node apps/api/dist/database/generate-migration.js Name
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres } from './embedded.js';

const name = process.argv[2] ?? 'Change';
const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-gen-'));
const pgServer = await startEmbeddedPostgres(dir, { persistent: false });
try {
  await pgServer.createDatabase('gen');
  const ds = new DataSource(dataSourceOptions(pgServer.url('gen')));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  const ts = Date.now();
  const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries.reverse().map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  console.log(`import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}`);
  await ds.destroy();
} finally {
  await pgServer.stop();
}
