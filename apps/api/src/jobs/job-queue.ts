import { type DynamicModule, Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { withStartupLock } from '../database/startup-lock.js';

/** The owner connection the migrations use: pg-boss keeps its tables in its own schema (JOBS_SCHEMA) and needs to create them. */
export const JOBS_DATABASE_URL = Symbol('rollcall.jobsDatabaseUrl');
export const JOBS_SCHEMA = 'pgboss';

export interface JobDefinition {
  name: string;
  /** Runs the job; it must be safe to run again (every job here is idempotent). */
  run(data: Record<string, unknown>): Promise<void>;
  /** A cron expression and its time zone: pg-boss's scheduler sends the job once per tick, whatever the number of API processes. */
  cron?: { expression: string; tz: string };
  /**
   * Runs once the queue has started in this process (never while it is off): to queue work due now.
   * Runs under the start-up lock, one process at a time, so it can check what another one queued
   * (`queued`). A failure is logged.
   */
  atStart?(): Promise<void>;
}

/**
 * The job queue, pg-boss, run inside the API process on the same PostgreSQL database (schema
 * `pgboss`). Several API processes may share the database: a queue of policy `singleton` runs one
 * job at a time, and pg-boss's cron scheduling sends a scheduled job once per tick across all of
 * them (it takes turns through a row of its own). Off unless JOBS_ENABLED (off in tests), or when
 * the app was given no owner connection; stopped before the app's database pool on shutdown.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly jobs: JobDefinition[] = [];
  private boss: PgBoss | null = null;

  constructor(private readonly config: AppConfig, @Inject(JOBS_DATABASE_URL) private readonly url: string | null) {}

  get enabled(): boolean {
    return this.config.jobsEnabled && !!this.url;
  }

  /** Jobs register in their module's onModuleInit, before the queue starts. */
  define(job: JobDefinition): void {
    this.jobs.push(job);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    // One process at a time (replicas start together): pg-boss creating two queues at once deadlocks
    // on its own tables, and a start-up job checks what another process queued before queueing it.
    await withStartupLock(this.url!, 'jobs', async () => {
      const boss = new PgBoss({ connectionString: this.url!, schema: JOBS_SCHEMA, application_name: 'rollcall-jobs', max: 3 });
      boss.on('error', (e) => this.log.error(`job queue: ${e.message}`));
      await boss.start();
      this.boss = boss;
      try {
        for (const job of this.jobs) {
          await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 3, retryDelay: 60, expireInSeconds: 3600 });
          await boss.work<Record<string, unknown>>(job.name, async ([one]) => {
            if (one) await job.run(one.data ?? {});
          });
          if (job.cron) await boss.schedule(job.name, job.cron.expression, {}, { tz: job.cron.tz });
          else await boss.unschedule(job.name);
        }
      } catch (e) {
        await this.stop();
        throw e;
      }
      for (const job of this.jobs) {
        if (job.atStart) await job.atStart().catch((e: Error) => this.log.error(`${job.name} at start-up: ${e.message}`));
      }
    });
  }

  /** Stops taking jobs, waits for the one running (up to 5 s, inside main.ts's 10 s), and closes pg-boss's connections. */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (!boss) return;
    // wait: resolves once the running job has ended (or the timeout failed it) and the pool is closed.
    await boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 });
  }

  /**
   * Whether a job of this name whose data holds `data` is waiting or running (queued by any process).
   * With the start-up lock held (atStart), nothing else queues one at the same moment.
   */
  async queued(name: string, data: Record<string, unknown>): Promise<boolean> {
    if (!this.boss) return false;
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT 1 FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state IN ('created', 'retry', 'active') AND data @> $2::jsonb LIMIT 1`,
      [name, JSON.stringify(data)],
    );
    return rows.length > 0;
  }

  /** Queues a job now (for callers that want it done in the background), or null when the queue is off. */
  async send(name: string, data: Record<string, unknown> = {}): Promise<string | null> {
    return this.boss ? this.boss.send(name, data) : null;
  }
}

@Global()
@Module({})
export class JobsModule {
  static forRoot(ownerUrl: string | null | undefined): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_DATABASE_URL, useValue: ownerUrl ?? null }, JobQueue],
      exports: [JobQueue],
    };
  }
}
