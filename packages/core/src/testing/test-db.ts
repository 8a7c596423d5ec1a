import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

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
  const admin = await createDatabase({ url, poolMax: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  const handle = await createDatabase({ url, searchPath: schema, ...opts });
  await migrateToLatest(handle.db, { schema });
  return {
    ...handle,
    async close() {
      await handle.close();
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin.db);
      await admin.close();
    },
  };
}
