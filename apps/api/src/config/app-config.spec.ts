import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseCipher } from '../casework/crypto/case-cipher.js';
import { loadConfig } from './app-config.js';

const JWT_SECRET = 'test-secret-test-secret-test-secret-0123';

/** loadConfig's refusal message for an environment that must be refused. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig({ JWT_SECRET, ...env } as NodeJS.ProcessEnv);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('CASE_ENCRYPTION_KEYS', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-config-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const key = (bytes = 32) => randomBytes(bytes).toString('base64');

  it('takes comma-separated id:base64key pairs, standard or URL-safe base64, padded or not', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const value = `2026-11:${a.toString('base64')}, 2025_old : ${b.toString('base64url')}`;
    const config = loadConfig({ JWT_SECRET, DATA_DIR: dataDir, CASE_ENCRYPTION_KEYS: value } as NodeJS.ProcessEnv);
    const cipher = new CaseCipher(config.CASE_ENCRYPTION_KEYS!);
    expect(cipher.keyIds).toEqual(['2026-11', '2025_old']);
    // Both decode to the very bytes given: each opens what its key sealed.
    expect(cipher.decryptText(new CaseCipher([{ id: '2025_old', key: b }]).encrypt('old'))).toBe('old');
    expect(new CaseCipher([{ id: '2026-11', key: a }]).decryptText(cipher.encrypt('new'))).toBe('new');
  });

  it.each([
    ['a key that is not base64', (k: string) => `k1:${k.slice(0, 30)}*${k.slice(31)}`, 'CASE_ENCRYPTION_KEYS entry 1: the key is not valid base64'],
    ['a key of the wrong length', () => `k1:${randomBytes(16).toString('base64')}`, 'CASE_ENCRYPTION_KEYS entry 1: the key must be 32 bytes (256 bits) in base64, as `openssl rand -base64 32` prints; it is 16 bytes'],
    ['a 32-character text instead of 32 bytes', () => `k1:${'p'.repeat(32)}`, 'CASE_ENCRYPTION_KEYS entry 1: the key must be 32 bytes'],
    ['the same id twice', (k: string) => `k1:${k},k2:${key()},k1:${key()}`, 'CASE_ENCRYPTION_KEYS entries 1 and 3 have the same key id'],
    ['a key without an id', (k: string) => k, 'CASE_ENCRYPTION_KEYS entry 1 must look like id:base64key'],
    ['a pair written key first', (k: string) => `${k}:k1`, 'CASE_ENCRYPTION_KEYS entry 1: the key id must be 1 to 64 letters'],
    ['an id with a space', (k: string) => `key one:${k}`, 'CASE_ENCRYPTION_KEYS entry 1: the key id must be 1 to 64 letters'],
    ['a trailing comma', (k: string) => `k1:${k},`, 'CASE_ENCRYPTION_KEYS entry 2 is empty'],
  ])('refuses %s, naming the variable and the entry and never printing a key', (_what, make, message) => {
    const k = key();
    const value = make(k);
    const text = refusal({ DATA_DIR: dataDir, CASE_ENCRYPTION_KEYS: value });
    expect(text).toContain(message);
    for (const part of value.split(/[,:]/).filter((p) => p.length >= 16)) expect(text).not.toContain(part.trim());
    expect(text).not.toContain(k.slice(0, 12));
  });

  it('is required in production', () => {
    const text = refusal({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/x', DATABASE_APP_PASSWORD: 'p'.repeat(16) });
    expect(text).toContain('CASE_ENCRYPTION_KEYS must be set in production');
    expect(() => loadConfig({
      NODE_ENV: 'production', JWT_SECRET, DATABASE_URL: 'postgres://x@localhost/x', DATABASE_APP_PASSWORD: 'p'.repeat(16), CASE_ENCRYPTION_KEYS: `k1:${key()}`,
    } as NodeJS.ProcessEnv)).not.toThrow();
  });

  it('in development, generates one key once and keeps it in DATA_DIR (mode 0600)', () => {
    const first = loadConfig({ JWT_SECRET, DATA_DIR: dataDir } as NodeJS.ProcessEnv);
    const file = path.join(dataDir, 'case-encryption-keys');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.CASE_ENCRYPTION_KEYS);
    const cipher = new CaseCipher(first.CASE_ENCRYPTION_KEYS!);
    expect(cipher.keyIds).toEqual([expect.stringMatching(/^dev-[0-9a-f]{8}$/)]);
    const sealed = cipher.encrypt('kept across restarts');
    // A restart reads the same key back, so what was sealed before still opens.
    const second = loadConfig({ JWT_SECRET, DATA_DIR: dataDir } as NodeJS.ProcessEnv);
    expect(second.CASE_ENCRYPTION_KEYS).toBe(first.CASE_ENCRYPTION_KEYS);
    expect(new CaseCipher(second.CASE_ENCRYPTION_KEYS!).decryptText(sealed)).toBe('kept across restarts');
    // Another DATA_DIR: another key.
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'rollcall-config-'));
    try {
      expect(loadConfig({ JWT_SECRET, DATA_DIR: elsewhere } as NodeJS.ProcessEnv).CASE_ENCRYPTION_KEYS).not.toBe(first.CASE_ENCRYPTION_KEYS);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('in development, a set CASE_ENCRYPTION_KEYS wins and no key file is written', () => {
    const value = `k1:${key()}`;
    expect(loadConfig({ JWT_SECRET, DATA_DIR: dataDir, CASE_ENCRYPTION_KEYS: value } as NodeJS.ProcessEnv).CASE_ENCRYPTION_KEYS).toBe(value);
    expect(() => statSync(path.join(dataDir, 'case-encryption-keys'))).toThrow();
  });

  it('refuses a damaged key file in DATA_DIR, naming the file and not its content', () => {
    const damaged = `dev-1:${randomBytes(20).toString('base64')}`;
    writeFileSync(path.join(dataDir, 'case-encryption-keys'), damaged + '\n', { mode: 0o600 });
    const text = refusal({ DATA_DIR: dataDir });
    expect(text).toContain(`${path.join(dataDir, 'case-encryption-keys')} entry 1: the key must be 32 bytes`);
    expect(text).not.toContain(damaged.slice(6));
  });
});

describe('the job queue settings', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = mkdtempSync(path.join(os.tmpdir(), 'rollcall-config-')); });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ JWT_SECRET, DATA_DIR: dataDir, ...env } as NodeJS.ProcessEnv);

  it('runs jobs by default, but not in tests unless JOBS_ENABLED says so', () => {
    expect(load({}).jobsEnabled).toBe(true);
    expect(load({ NODE_ENV: 'test' }).jobsEnabled).toBe(false);
    expect(load({ NODE_ENV: 'test', JOBS_ENABLED: 'true' }).jobsEnabled).toBe(true);
    expect(load({ JOBS_ENABLED: 'false' }).jobsEnabled).toBe(false);
    expect(load({})).toMatchObject({ DENSITY_SNAPSHOT_CRON: '0 2 * * *', DENSITY_SNAPSHOT_TZ: 'Europe/London', DENSITY_ROLLUP_CRON: '*/10 * * * *' });
  });

  it('refuses what is not a switch, a cron expression or a time zone', () => {
    expect(refusal({ DATA_DIR: dataDir, JOBS_ENABLED: 'yes' })).toContain('JOBS_ENABLED must be true or false');
    expect(refusal({ DATA_DIR: dataDir, DENSITY_SNAPSHOT_CRON: 'at two' })).toContain('DENSITY_SNAPSHOT_CRON must be a five-field cron expression');
    expect(refusal({ DATA_DIR: dataDir, DENSITY_SNAPSHOT_TZ: 'Mars/Olympus' })).toContain('DENSITY_SNAPSHOT_TZ must be a time zone name');
    expect(refusal({ DATA_DIR: dataDir, DENSITY_ROLLUP_CRON: 'often' })).toContain('DENSITY_ROLLUP_CRON must be a five-field cron expression');
  });
});
