import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/connect.ts';
import { GradingQueue, type GradingQueueOptions } from '../queue/grading-queue.ts';
import { dropTestSchema } from './test-db.ts';

/** Test timings: fast enough that a recovery is seen within a test's few seconds. */
export const testQueueTimings: Omit<GradingQueueOptions, 'schema'> = {
  recoveryDelaySeconds: 1,
  pollingSeconds: 0.5,
  concurrency: 4,
  expireSeconds: 5,
  maintenanceSeconds: 1,
};

/**
 * A started grading queue in a schema of its own (so test files never share jobs), and a
 * close() that stops it and drops the schema. Needs PostgreSQL (pg-boss does not run on PGlite).
 */
export async function createTestGradingQueue(
  handle: DatabaseHandle,
  overrides: Partial<Omit<GradingQueueOptions, 'schema'>> = {},
): Promise<{ queue: GradingQueue; schema: string; close(): Promise<void> }> {
  if (handle.kind !== 'postgres') {
    throw new Error('The grading queue (pg-boss) needs PostgreSQL, not PGlite: set TEST_DATABASE_URL');
  }
  const db = handle.db;
  const schema = `grading_${randomBytes(6).toString('hex')}`;
  const queue = new GradingQueue(db, { schema, ...testQueueTimings, ...overrides });
  await queue.start();
  return {
    queue,
    schema,
    async close() {
      await queue.stop(5000);
      await dropTestSchema(db as Kysely<unknown>, schema);
    },
  };
}
