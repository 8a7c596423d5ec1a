import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * Why test files must not drop a schema while another file migrates: Kysely's migrator looks for
 * its bookkeeping tables by scanning the catalog of EVERY schema, calling
 * `has_schema_privilege(name, …)` on each; a schema dropped between the scan's snapshot and that
 * call fails the other file's migration with "schema … does not exist" (seen in CI). So every
 * migration here holds this advisory lock shared, and every drop of a test schema takes it
 * exclusively (`dropTestSchema`). The lock is database-wide, so it also orders core's and the
 * server's test processes when they share one server (CI's PostgreSQL 15 stage).
 */
const SCHEMA_DDL_LOCK = 4_210_772_001;

/** Drops a schema a test made, once no migration of another test file is scanning the catalog. */
export async function dropTestSchema(db: Kysely<unknown>, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SCHEMA_DDL_LOCK})`.execute(trx);
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(trx);
  });
}

/**
 * A fresh, migrated database for one test file: a new schema (dropped on close) on the server
 * TEST_DATABASE_URL names — the embedded PostgreSQL global-setup.ts started for this run, or
 * the one CI's second stage sets. Runs the real migrations.
 */
export async function createTestDatabase(
  opts: { poolMax?: number; connectionTimeoutMs?: number } = {},
): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'No test database: TEST_DATABASE_URL is unset. Run the tests through vitest with the globalSetup ' +
        'packages/core/src/testing/global-setup.ts (it starts an embedded PostgreSQL), or set TEST_DATABASE_URL.',
    );
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  // one connection: the session-level lock below is taken and released on it
  const admin = await createDatabase({ url, poolMax: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  const handle = await createDatabase({ url, searchPath: schema, ...opts });
  await sql`SELECT pg_advisory_lock_shared(${SCHEMA_DDL_LOCK})`.execute(admin.db);
  try {
    await migrateToLatest(handle.db, { schema });
  } finally {
    await sql`SELECT pg_advisory_unlock_shared(${SCHEMA_DDL_LOCK})`.execute(admin.db);
  }
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropTestSchema(admin.db as Kysely<unknown>, schema);
      await admin.close();
    },
  };
}
