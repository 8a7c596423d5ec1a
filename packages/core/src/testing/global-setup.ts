import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * vitest globalSetup: migrate one PGlite database and save its data folder, so each test file
 * loads a ready database (~1-2 s) instead of starting and migrating its own (~3-5 s).
 * Only for PGlite runs; with TEST_DATABASE_URL each file gets a fresh schema instead.
 */
export async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => {};
  const pglite = await PGlite.create('memory://');
  const db = new Kysely({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('gzip');
  await db.destroy();
  const file = join(tmpdir(), `ai-interviewer-pglite-${process.pid}-${Date.now()}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.AI_TEST_PGLITE_SNAPSHOT = file;
  return () => rmSync(file, { force: true });
}
