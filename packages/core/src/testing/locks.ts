import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

/**
 * Resolves once `count` other backends wait, directly or down a chain, for the locks that the
 * open transaction `trx` holds (pg_blocking_pids): a test holds a write open with it, starts the
 * calls that must queue behind it, and finishes it only once they do. Deterministic, unlike a
 * race: it fails the same way every time a lock order is missing.
 */
export async function untilBlockedBy(
  db: Kysely<Database>,
  trx: Transaction<Database>,
  count = 1,
): Promise<void> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const pid = rows[0]?.pid;
  for (let i = 0; i < 1000; i++) {
    const { rows: blocked } = await sql<{ n: number }>`
      with recursive chain(pid) as (
        select ${pid}::int
        union
        select a.pid from pg_stat_activity a join chain c on c.pid = any(pg_blocking_pids(a.pid))
      )
      select count(*)::int - 1 as n from chain`.execute(db);
    if ((blocked[0]?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`fewer than ${count} calls ever waited for the open transaction`);
}
