import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, Validate, validateSync } from 'class-validator';
import { CaseEncryptionKeysRule, newCaseKeyEntry, parseCaseKeys } from '../casework/crypto/case-keys.js';

/** The whole configuration, from the environment, validated at boot (fails fast with every problem). */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /**
   * Requests per minute one client address may make to the routes outside GraphQL that take a
   * credential in the link or a file (the calendar feed, case documents); more get 429.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100_000)
  RATE_LIMIT_PER_MINUTE = 60;

  /** Interface to listen on: 127.0.0.1 for a laptop, 0.0.0.0 in a container. */
  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * The connection the API serves requests with: a role that owns no table, so row-level security
   * binds it. Unset: the API gives the role `rollcall_app` a login (DATABASE_APP_PASSWORD, or a
   * random one kept in DATA_DIR) and connects as it to DATABASE_URL's server and database.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'DATABASE_APP_PASSWORD must be at least 16 characters' })
  DATABASE_APP_PASSWORD?: string;

  /**
   * Connections in the pool. Signed-in requests hold at most two fewer, so token checks, logins,
   * durable audit entries and cancels always find one (read by database/data-source.ts).
   */
  @IsOptional()
  @Matches(/^(?:[3-9]|[1-9]\d{1,2})$/, { message: 'DATABASE_POOL_SIZE must be a whole number from 3 to 999' })
  DATABASE_POOL_SIZE?: string;

  /** How long a request waits for a connection before it is answered 503 (read by database/data-source.ts). */
  @IsOptional()
  @Matches(/^[1-9]\d{2,6}$/, { message: 'DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 100 to 9999999' })
  DATABASE_CONNECT_TIMEOUT_MS?: string;

  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is not set. */
  @IsString()
  DATA_DIR = '.data';

  /** Signs access tokens. Required in production; in development a random one is kept in DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /**
   * Encrypt case notes and documents at rest: comma-separated `id:base64key` pairs of 32-byte keys.
   * The first encrypts; the others only decrypt, until `keys:rotate` has moved what they sealed onto
   * the first. Required in production; in development a random one is kept in DATA_DIR.
   */
  @IsOptional()
  @Validate(CaseEncryptionKeysRule)
  CASE_ENCRYPTION_KEYS?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 15m, 8h or 1d' })
  JWT_EXPIRES_IN = '8h';

  /** Load demo data into an empty database on start (never on in production unless asked). */
  @IsIn(['true', 'false'])
  SEED_DEMO: 'true' | 'false' = 'true';

  /**
   * Run the job queue (pg-boss, in its own schema `pgboss` of the same database) inside the API:
   * the daily density snapshot. Default on, off when NODE_ENV is test (a test turns it on).
   */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'JOBS_ENABLED must be true or false' })
  JOBS_ENABLED?: 'true' | 'false';

  /** When the daily density snapshot runs: a cron expression in DENSITY_SNAPSHOT_TZ (default 02:00). */
  @Matches(/^\S+( \S+){4}$/, { message: 'DENSITY_SNAPSHOT_CRON must be a five-field cron expression, e.g. 0 2 * * *' })
  DENSITY_SNAPSHOT_CRON = '0 2 * * *';

  /** When the density rollup behind densitySlice is refreshed (every organisation): a cron expression in DENSITY_SNAPSHOT_TZ (default every 10 minutes). */
  @Matches(/^\S+( \S+){4}$/, { message: 'DENSITY_ROLLUP_CRON must be a five-field cron expression, e.g. */10 * * * *' })
  DENSITY_ROLLUP_CRON = '*/10 * * * *';

  /** The time zone of DENSITY_SNAPSHOT_CRON and of a snapshot's day. */
  @IsString()
  DENSITY_SNAPSHOT_TZ = 'Europe/London';

  get jobsEnabled(): boolean {
    return (this.JOBS_ENABLED ?? (this.NODE_ENV === 'test' ? 'false' : 'true')) === 'true';
  }

  /** The built web app served at /. */
  @IsString()
  WEB_DIST = 'apps/web/dist';

  /**
   * Behind a reverse proxy: how many proxy hops to trust for the client address (login throttling
   * and the audit log use it). Unset: the direct peer's address.
   */
  @IsOptional()
  @Matches(/^\d{1,2}$/, { message: 'TRUST_PROXY must be the number of proxy hops, e.g. 1' })
  TRUST_PROXY?: string;

  /** Comma-separated browser origins allowed to call the API cross-origin (default: none, same origin only). */
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, { message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins' })
  CORS_ORIGINS?: string;

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS ? this.CORS_ORIGINS.split(',') : [];
  }

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(new AppConfig())) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  if (env.NODE_ENV === 'production' && env.SEED_DEMO === undefined) raw.SEED_DEMO = 'false';
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  if (config.production && !config.JWT_SECRET) problems.push('JWT_SECRET must be set in production');
  if (config.production && !config.CASE_ENCRYPTION_KEYS) {
    problems.push('CASE_ENCRYPTION_KEYS must be set in production: comma-separated id:base64key pairs of 32-byte keys (see the README)');
  }
  if (config.production && !config.DATABASE_URL) problems.push('DATABASE_URL must be set in production');
  if (config.production && !config.DATABASE_APP_URL && !config.DATABASE_APP_PASSWORD) {
    problems.push('DATABASE_APP_URL or DATABASE_APP_PASSWORD must be set in production');
  }
  if (!isTimeZone(config.DENSITY_SNAPSHOT_TZ)) problems.push('DENSITY_SNAPSHOT_TZ must be a time zone name, e.g. Europe/London');
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  if (!config.JWT_SECRET) config.JWT_SECRET = devSecret(config.DATA_DIR, 'jwt-secret');
  if (!config.CASE_ENCRYPTION_KEYS) {
    const file = path.join(config.DATA_DIR, 'case-encryption-keys');
    config.CASE_ENCRYPTION_KEYS = devSecret(config.DATA_DIR, 'case-encryption-keys', () => newCaseKeyEntry());
    const kept = parseCaseKeys(config.CASE_ENCRYPTION_KEYS, file).problems;
    if (kept.length) throw new Error(`Invalid configuration:\n  - ${kept.join('\n  - ')}`);
  }
  return config;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A secret kept in DATA_DIR (beside the embedded database), so it survives a restart. */
export function devSecret(dataDir: string, name: string, make = () => randomBytes(48).toString('base64url')): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = make();
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
