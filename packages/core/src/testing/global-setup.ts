import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded.ts';

/**
 * vitest globalSetup: ONE embedded PostgreSQL for the whole test run (a fresh cluster in a
 * temporary folder, on a free port, removed afterwards); each test file then gets its own schema
 * on it (test-db.ts). TEST_DATABASE_URL set: that server instead (CI's second stage), nothing started.
 * Several runs at once (other checkouts, other packages) each get their own folder and port.
 */
export async function setup(): Promise<() => Promise<void>> {
  if (process.env.TEST_DATABASE_URL) return async () => {};
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-interviewer-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    fastInit: true,
    settings: {
      // throwaway data: no waiting for the disk; room for every file's pool at once
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
    },
  }).catch((e: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`The tests need an embedded PostgreSQL and it did not start: ${String(e)}`, { cause: e });
  });
  // the workers inherit it; test-db.ts reads it like any other TEST_DATABASE_URL
  process.env.TEST_DATABASE_URL = server.url;
  return async () => {
    delete process.env.TEST_DATABASE_URL;
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
