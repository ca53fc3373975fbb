import pg from 'pg';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock named `name`, on a connection of its
 * own to `url`: of several API processes starting at once on one database (replicas behind a load
 * balancer), one does it at a time and the others wait their turn. For start-up steps that are not
 * safe to run side by side: migrations (two would both apply a pending one) and the job queue's
 * queues (pg-boss creating two queues at once deadlocks on its own tables). The lock ends with the
 * connection, so a process that dies holding it frees it.
 */
export async function withStartupLock<T>(url: string, name: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: `rollcall-start:${name}` });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('rollcall_start'), hashtext($1))", [name]);
    return await work();
  } finally {
    await client.end();
  }
}
