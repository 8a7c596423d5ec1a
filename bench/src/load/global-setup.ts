import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@ai-interviewer/core';
import { LOAD_DATABASE_URL } from '../lib/databases.ts';

/**
 * The load and fault tests' own PostgreSQL: an embedded one started for this run (a temporary
 * folder, a free port), never the machine's, whatever TEST_DATABASE_URL says. Each file makes
 * its database on it; 99-pg-restart starts (and restarts) a second one of its own.
 */
export async function setup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-interviewer-load-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    fastInit: true,
    // durability as deployed (fsync on); room for several pools at once
    settings: { max_connections: '200' },
  }).catch((e: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`The load tests need an embedded PostgreSQL and it did not start: ${String(e)}`, {
      cause: e,
    });
  });
  process.env[LOAD_DATABASE_URL] = server.url;
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
