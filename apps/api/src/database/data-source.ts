import { UK_TIME_ZONE } from '@rollcall/domain';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './naming.strategy.js';
import { QueryCounter } from './query-counter.js';
import { SerialClient } from './serial-client.js';

// DATE columns stay 'YYYY-MM-DD' strings: a calendar date has no time zone to be shifted by.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// COUNT(*) is int8: small enough to be a number here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** DATABASE_CONNECT_TIMEOUT_MS, milliseconds (10 s unless a positive whole number is given). */
function connectTimeout(value: string | undefined): number {
  const ms = Number(value);
  return Number.isInteger(ms) && ms > 0 ? ms : 10_000;
}

export function dataSourceOptions(url: string, logger = new QueryCounter()): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto', // gen_random_uuid() is built into PostgreSQL 13+
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger,
    maxQueryExecutionTime: Number(process.env.SLOW_QUERY_MS ?? 2000),
    // Waiting for a connection (a new one, or a free one of the pool) ends after this long: a server that
    // does not answer fails the request with 503 instead of holding it, and the app's shutdown, forever.
    connectTimeoutMS: connectTimeout(process.env.DATABASE_CONNECT_TIMEOUT_MS),
    // SerialClient: one statement at a time on each connection (see serial-client.ts). Every session is
    // in the UK's zone, so SQL's current_date is the same "today" as the code's (ukToday), not UTC's.
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), Client: SerialClient, options: `-c TimeZone=${UK_TIME_ZONE}` },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
