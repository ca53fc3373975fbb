/**
 * Times the demo-data seed at several scales on a throw-away embedded PostgreSQL and prints a table.
 *
 *   npx tsc -p bench && node bench/dist/bench/seed.bench.js [scales, default 1,10,40]
 *
 * Each scale gets a fresh database copied from a migrated template, so only the seed is timed.
 * (@rollcall/domain must be built: npm run build -w @rollcall/domain.)
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source.js';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded.js';
import { demoPasswordHash, seedDemo, type SeedSummary } from '../apps/api/src/database/seed/index.js';

const scales = (process.argv[2] ?? '1,10,40').split(',').map((s) => Number.parseInt(s, 10));
if (scales.some((s) => !Number.isInteger(s) || s < 1)) {
  console.error('usage: seed.bench.js [comma-separated scales ≥ 1, e.g. 1,10,40]');
  process.exit(2);
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'rollcall-bench-'));
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres(dir, { persistent: false });
const results: { scale: number; summary: SeedSummary }[] = [];
try {
  await server.createDatabase('bench_template');
  const ds = new DataSource(dataSourceOptions(server.url('bench_template')));
  await ds.initialize();
  await ds.runMigrations();
  await ds.destroy();
  await demoPasswordHash(); // hashed once per process: keep it out of the first measurement

  for (const scale of scales) {
    const name = `bench_scale_${scale}`;
    await server.createDatabase(name, 'bench_template');
    const client = new pg.Client({ connectionString: server.url(name) });
    await client.connect();
    try {
      const started = performance.now();
      const summary = await seedDemo(client, { scale });
      summary.elapsedMs = Math.round(performance.now() - started);
      results.push({ scale, summary });
      console.error(`scale ${scale}: ${summary.counts.contact.toLocaleString('en-GB')} contacts in ${(summary.elapsedMs / 1000).toFixed(2)} s`);
    } finally {
      await client.end();
    }
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

const rows = results.map(({ scale, summary }) => {
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const s = summary.elapsedMs / 1000;
  return [
    String(scale),
    summary.counts.contact.toLocaleString('en-GB'),
    total.toLocaleString('en-GB'),
    s.toFixed(2),
    Math.round(total / s).toLocaleString('en-GB'),
    Math.round(summary.counts.contact / s).toLocaleString('en-GB'),
  ];
});
const head = ['scale', 'contacts', 'rows', 'seconds', 'rows/s', 'contacts/s'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(`(${os.cpus().length} CPUs, PostgreSQL embedded, fsync off; rows = all tables)`);
