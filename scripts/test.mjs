// npm test: every test — unit, API end-to-end on a real PostgreSQL, browser end-to-end in Chromium.
// Extra arguments go to jest (e.g. `npm test -- --selectProjects api`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Rollcall needs Node.js 20.19 or newer (this is ${process.version}).`);
  process.exit(1);
}

const started = Date.now();
const args = process.argv.slice(2);
const wantsBrowser = !args.includes('--selectProjects') || args.some((a) => a === 'browser');
if (wantsBrowser) process.env.CHROMIUM_PATH = ensureChromium();

const run = (cmd, argv, opts = {}) => spawnSync(cmd, argv, { stdio: 'inherit', ...opts }).status ?? 1;

console.log('Building (type-checks the domain library, API and web app)…');
if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('Build failed: fix the errors above.');
  process.exit(1);
}

mkdirSync('test/.results', { recursive: true });
const results = 'test/.results/jest.json';
const code = run(process.execPath, [
  '--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js',
  '--maxWorkers=2', '--json', `--outputFile=${results}`, ...args,
], { env: { ...process.env, NODE_ENV: 'test' } });

let summary = '';
// The failures, a line each, where a log that keeps only its end (CI's, a fresh-clone check's) still shows them.
const failures = [];
try {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : '');
  if (r.numTotalTests === 0) summary = '0 passed, 0 failed';
  for (const file of r.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (!failed.length && file.status === 'failed') failures.push(`${where}: ${firstLine(file.message)}`);
    for (const a of failed) failures.push(`${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
} catch {
  summary = '0 passed, 1 failed';
}
console.log(`\nRollcall tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const f of failures.slice(0, 5)) console.log(`failed: ${f}`);
if (failures.length > 5) console.log(`failed: … and ${failures.length - 5} more (test/.results/jest.json)`);
console.log(summary);
process.exit(code);

/** A failure message's first lines that say something (not its stack), without colour codes, cut to a readable length. */
function firstLine(message) {
  // eslint-disable-next-line no-control-regex
  const lines = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim())
    .filter((l) => l && l !== '●' && !l.startsWith('at '));
  const line = lines.slice(0, 3).join(' | ') || '(no message)';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
