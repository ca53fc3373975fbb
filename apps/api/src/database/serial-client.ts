import { createHash } from 'node:crypto';
import pg from 'pg';

/** How often a statement's text must have run (in this process) before connections prepare it: once is not a habit. */
const PREPARE_AFTER = 3;
/** How many statements one connection prepares at most (each holds its parsed query and plan in its backend). */
const PREPARED_PER_CONNECTION = 200;
/** How many texts the process counts runs of; past this it starts counting afresh (statements already named stay named). */
const COUNTED_TEXTS = 2000;

/** Texts seen with parameters: how often, and the name they are prepared under once they run often (never, once `stale`). */
const seen = new Map<string, { runs: number; name?: string; stale?: true }>();

/**
 * PostgreSQL's answer when a prepared statement's result columns changed under it (a migration added
 * a column to a table it reads with `*`, say, while this process ran): the statement fails on every
 * connection that prepared it, and would fail again each time it ran.
 */
function isStalePlan(e: unknown): boolean {
  return (e as { code?: unknown })?.code === '0A000' && /cached plan must not change result type/.test(String((e as Error).message));
}

/**
 * The name a parameterised statement's text is prepared under, once it runs often (PREPARE_AFTER): a
 * digest of the text, so one name is one text on every connection. Undefined until then.
 */
function preparedName(text: string): string | undefined {
  let entry = seen.get(text);
  if (!entry) {
    if (seen.size >= COUNTED_TEXTS) for (const [t, e] of seen) if (!e.name) seen.delete(t);
    if (seen.size >= COUNTED_TEXTS) return undefined;
    seen.set(text, (entry = { runs: 0 }));
  }
  if (entry.stale) return undefined;
  if (entry.name) return entry.name;
  if (++entry.runs < PREPARE_AFTER) return undefined;
  return (entry.name = `rollcall_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`);
}

/** The statements that end a transaction (as TypeORM sends them). */
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

/** The statement that begins one (as TypeORM sends it). */
const BEGINS_TRANSACTION = /^\s*START TRANSACTION\s*;?\s*$/i;

/** What pg answers for START TRANSACTION, handed to TypeORM when the statement is held (see SerialClient). */
const BEGUN = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };

function hasValues(args: unknown[]): boolean {
  const [config, values] = args as [unknown, unknown];
  return (Array.isArray(values) && values.length > 0) || typeof config !== 'string';
}

function textOf(config: unknown): string {
  if (typeof config === 'string') return config;
  return typeof (config as { text?: unknown })?.text === 'string' ? (config as { text: string }).text : '';
}

/**
 * The pool's connections (pg-pool's `Client` option, set in dataSourceOptions). A request's
 * statements share one connection; resolvers run side by side, so they may ask at the same time.
 * Each connection sends one statement at a time, the next when the last has answered (pg warns of,
 * and will remove, sending a query while another is running). Two more rules, for the request
 * transaction's sake:
 * - `refuse(error, cancelled)`: from now on every statement fails with `error`, unsent, except the
 *   ROLLBACK that ends the transaction, which waits for `cancelled` (the running statement's cancel
 *   has been delivered, so it cannot hit the ROLLBACK instead). After that ROLLBACK, it serves again.
 * - A connection still inside a transaction after its COMMIT or ROLLBACK (one that failed) is closed,
 *   never handed to another request with a transaction, and someone else's identity, still open.
 * - START TRANSACTION is held and travels with the statement after it, when that one has no
 *   parameters, as one message (PostgreSQL's simple query protocol runs both in order, and the
 *   explicit transaction goes on after them): a request's transaction and its identity
 *   (request-transaction.ts) cost one round trip, not two. Before a statement with parameters it goes
 *   on its own first, as before. TypeORM is told at once that it began; if it did not, the statement
 *   it travelled with fails with the reason.
 */
export class SerialClient extends pg.Client {
  private tail: Promise<unknown> = Promise.resolve();
  private running = 0;
  private refusal?: { error: Error; cancelled: Promise<unknown> };
  /** A START TRANSACTION not yet sent. */
  private heldBegin = false;
  /** A statement this connection prepared went stale (see isStalePlan): closed when its transaction ends. */
  private stale = false;

  /** Whether a statement is running (sent and not yet answered). */
  get busy(): boolean {
    return this.running > 0;
  }

  refuse(error: Error, cancelled: Promise<unknown>): void {
    this.refusal = { error, cancelled };
  }

  override query(...args: any[]): any {
    const [config, values, callback] = args as [unknown, unknown, unknown];
    // Callback and stream forms are left as pg handles them (TypeORM uses the promise form).
    if (typeof callback === 'function' || typeof values === 'function' || typeof (config as { submit?: unknown })?.submit === 'function') {
      return pg.Client.prototype.query.apply(this, args as never);
    }
    const text = textOf(config);
    if (BEGINS_TRANSACTION.test(text) && !this.heldBegin && !hasValues(args)) {
      this.heldBegin = true;
      return Promise.resolve(BEGUN);
    }
    const begin = this.heldBegin;
    this.heldBegin = false;
    const ends = ENDS_TRANSACTION.test(text);
    const run = this.tail.then(async () => {
      const refusal = this.refusal;
      if (refusal) {
        if (!/^\s*ROLLBACK\b/i.test(text)) throw refusal.error;
        await refusal.cancelled.catch(() => undefined);
      }
      this.running++;
      try {
        if (!begin) return await this.send(args);
        if (hasValues(args)) {
          await this.send(['START TRANSACTION']);
          return await this.send(args);
        }
        const results = (await this.send([`START TRANSACTION; ${text}`])) as unknown[];
        return results.length === 2 ? results[1] : results.slice(1); // what the statement alone would have answered
      } finally {
        this.running--;
        if (ends && refusal) this.refusal = undefined;
        // Closed: still inside a transaction after its end, or holding a stale statement once outside one.
        const idle = this.getTransactionStatus() === 'I';
        if ((ends && !idle) || (this.stale && idle)) void this.end().catch(() => undefined);
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The named statements this connection has prepared (see `prepare`). */
  private readonly preparedNames = new Set<string>();

  /**
   * A statement with parameters whose text runs often goes as a named statement: PostgreSQL parses and
   * rewrites it (row-level security's policies included) once per connection, and may keep one plan for
   * it (a generic plan, when it costs no more than planning each time; the policies' settings are read
   * when it runs, not when it is planned). A list page's statement spent 1.5 ms of its 7 in planning.
   * pg sends the text once per connection and then only the name. A connection prepares at most
   * PREPARED_PER_CONNECTION statements; after that, new texts go unnamed, as every statement did before.
   */
  private prepare(args: unknown[]): unknown[] {
    const [config, values, ...rest] = args;
    if (typeof config !== 'string' || !Array.isArray(values) || !values.length) return args;
    const name = preparedName(config);
    if (!name) return args;
    if (!this.preparedNames.has(name)) {
      if (this.preparedNames.size >= PREPARED_PER_CONNECTION) return args;
      this.preparedNames.add(name);
    }
    return [{ name, text: config, values }, ...rest];
  }

  /**
   * Sends a statement (named, if `prepare` says so). A named statement gone stale fails this once: its
   * text is never named again in this process, and this connection, which holds the stale statement,
   * is closed when its transaction ends (the pool opens a fresh one); until then the transaction has
   * failed anyway. Each connection that prepared it fails at most one statement so.
   */
  private async send(args: unknown[]): Promise<unknown> {
    const sent = this.prepare(args);
    try {
      return await (pg.Client.prototype.query.apply(this, sent as never) as unknown as Promise<unknown>);
    } catch (e) {
      if (sent !== args && isStalePlan(e)) {
        const entry = seen.get(args[0] as string);
        if (entry) entry.stale = true;
        this.stale = true;
      }
      throw e;
    }
  }
}
