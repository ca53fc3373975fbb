import { jest } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source.js';
import { formatError } from '../../apps/api/src/common/errors.js';
import { startTestApp, type TestApp } from '../fixtures/app.js';

let t: TestApp;
let generated: string;
beforeAll(async () => {
  generated = path.join(await mkdtemp(path.join(os.tmpdir(), 'rollcall-schema-')), 'schema.gql');
  t = await startTestApp({ seed: 'none', schemaFile: generated });
});
afterAll(async () => { await t?.close(); });

describe('schema and migrations', () => {
  it('matches the committed schema.gql (regenerate with npm start and commit it)', async () => {
    const committed = await readFile('apps/api/schema.gql', 'utf8');
    expect(await readFile(generated, 'utf8')).toBe(committed);
  });

  it('has no entity change that a migration does not cover', async () => {
    const ds = new DataSource(dataSourceOptions(t.databaseUrl));
    await ds.initialize();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('masks unexpected errors: no message, stack or SQL reaches the client', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    const leaked = formatError(
      { message: 'relation "contact" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at QueryRunner'] } },
      new Error('relation "contact" does not exist'),
    );
    expect(leaked).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const input = formatError({ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: { a: 'b' }, stacktrace: ['x'] } }, null);
    expect(input.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: { a: 'b' } });
    spy.mockRestore();
  });

  it('answers a malformed request without a stack trace', async () => {
    const token = await t.login('secretary').catch(() => undefined);
    const res = await t.gql('{ allContacts( }', {}, token);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});
