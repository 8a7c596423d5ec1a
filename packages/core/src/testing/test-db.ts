import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { createDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Database } from '../db/types.ts';

/**
 * A fresh, migrated database for one test file.
 * TEST_DATABASE_URL set → a new schema on that server (dropped on close);
 * unset → an in-memory PGlite, loaded from the snapshot global-setup.ts made when there is one.
 * Both run the real migrations.
 */
export async function createTestDatabase(
  opts: { poolMax?: number; connectionTimeoutMs?: number } = {},
): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return createPgliteTestDatabase();
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

async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  const snapshot = process.env.AI_TEST_PGLITE_SNAPSHOT;
  if (!snapshot) {
    const handle = await createDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(snapshot)]) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db); // a no-op unless a migration was added since the snapshot
  return { db, kind: 'pglite', close: () => db.destroy() };
}
