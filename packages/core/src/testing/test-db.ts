import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * A fresh, migrated database for one test file.
 * TEST_DATABASE_URL set → a new schema on that server (dropped on close);
 * unset → an in-memory PGlite. Both run the real migrations.
 */
export async function createTestDatabase(
  opts: { poolMax?: number; connectionTimeoutMs?: number } = {},
): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = await createDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = await createDatabase({ url, poolMax: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  const handle = await createDatabase({ url, searchPath: schema, ...opts });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin.db);
      await admin.close();
    },
  };
}
