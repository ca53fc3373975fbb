import type { Logger, QueryRunner } from 'typeorm';

/**
 * TypeORM logger that counts SQL statements (for the no-N+1 tests and benchmarks) and reports
 * only errors and slow queries. It never logs parameters: they hold personal data.
 */
export class QueryCounter implements Logger {
  private count = 0;
  private readonly listeners = new Set<(sql: string) => void>();

  get statements(): number {
    return this.count;
  }

  /** Calls fn with every statement run until the returned function is called. */
  record(fn: (sql: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  logQuery(query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count++;
    for (const l of this.listeners) l(query);
  }
  logQueryError(error: string | Error, query: string): void {
    if (process.env.ROLLCALL_LOG_SQL_ERRORS) console.error('SQL error:', error instanceof Error ? error.message : error, query);
  }
  logQuerySlow(time: number, query: string): void {
    console.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (process.env.NODE_ENV !== 'test') console.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(message);
  }
}
