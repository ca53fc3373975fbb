import 'reflect-metadata';
import pg from 'pg';
import { loadConfig } from '../../config/app-config.js';
import { openDatabase } from '../../database/bootstrap.js';
import { CaseCipher } from './case-cipher.js';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';
import { rotateAll } from './rotate.js';

const USAGE = `Usage (from the repository root, after npm run build):
  npm run keys:rotate -w @rollcall/api                re-encrypt all case content under the first key of CASE_ENCRYPTION_KEYS
  npm run keys:rotate -w @rollcall/api -- --check     only count ciphertexts per key id; change nothing
  npm run keys:rotate -w @rollcall/api -- --batch N   rows per batch (default 500)`;

/**
 * Key rotation: moves every ciphertext in ENCRYPTED_COLUMNS onto the current key (the first of
 * CASE_ENCRYPTION_KEYS), then says which old keys nothing uses any more. Connects like db:migrate
 * (DATABASE_URL, as the owner; or the embedded database in DATA_DIR).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let check = false;
  let batch = 500;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') check = true;
    else if (args[i] === '--batch') {
      batch = Number(args[++i]);
      if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) return fail('--batch must be a whole number from 1 to 100000');
    } else return fail(`unexpected argument ${args[i]}`);
  }
  const config = loadConfig();
  const cipher = new CaseCipher(config.CASE_ENCRYPTION_KEYS!);
  console.log(`Current key: ${cipher.currentKeyId}; older keys held: ${cipher.keyIds.slice(1).join(', ') || 'none'}.`);
  if (!ENCRYPTED_COLUMNS.length) {
    console.log('No encrypted columns are listed (casework/crypto/encrypted-columns.ts): nothing to do.');
    return 0;
  }
  const db = await openDatabase(config);
  const client = new pg.Client({ connectionString: db.url });
  try {
    await client.connect();
  } catch (e) {
    await db.stop();
    throw e;
  }
  try {
    const report = await rotateAll(async (sql, params) => (await client.query(sql, params)).rows, cipher, ENCRYPTED_COLUMNS, { check, batch });
    for (const [column, byKey] of Object.entries(report.byKey)) {
      const now = Object.entries(byKey).map(([k, n]) => `${n} under ${k}`).join(', ') || 'empty';
      console.log(`  ${column.padEnd(32)} ${check ? '' : `${report.rewritten[column]} rewritten; `}${now}`);
    }
    if (report.removable.length) console.log(`Nothing uses ${report.removable.join(', ')} any more: remove it from CASE_ENCRYPTION_KEYS.`);
    if (report.stillUsed.length) console.log(`Still in use: ${report.stillUsed.join(', ')}${check ? ' (run without --check to rewrite)' : ''}.`);
    if (report.unknown.length) {
      console.error(`Found ciphertexts under keys CASE_ENCRYPTION_KEYS does not hold: ${report.unknown.join(', ')}.`);
      return 1;
    }
    return 0;
  } finally {
    await client.end();
    await db.stop();
  }
}

function fail(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

main().then((code) => process.exit(code), (e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
