/** Phase 1: the bench's PostgreSQL (embedded unless BENCH_DATABASE_URL), migrated and seeded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, hashPassword, migrateToLatest, startEmbeddedPostgres } from '@ai-interviewer/core';
import pg from 'pg';
import { databaseOf, recreateDatabase } from '../lib/databases.ts';
import type { Report } from '../lib/report.ts';
import { makeTokens, seedBase, seedSubmitSessions, USERS } from '../lib/seed.ts';
import { counts } from './checks.ts';
import { cfg, log, PASSWORD, SUBMIT_QUESTIONS, state, submitSessions } from './config.ts';

export interface BenchDatabase {
  /** The bench's own connection (also `state.admin`). */
  c: pg.Client;
  /** An in-process pool on the same database, for counting statements; close it after. */
  handle: Awaited<ReturnType<typeof createDatabase>>;
  tokenOf: (userNo: number) => string;
  /** Stops the embedded PostgreSQL (if the bench started one) after closing the connection. */
  close(): Promise<void>;
}

export async function openDatabase(report: Report): Promise<BenchDatabase> {
  let embedded: { stop(): Promise<void>; dir: string } | null = null;
  if (!cfg.url) {
    const dir = mkdtempSync(join(tmpdir(), 'ai-interviewer-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir: dir,
      database: 'ai_bench',
      settings: { max_connections: '100' },
    });
    embedded = { stop: () => server.stop(), dir };
    cfg.url = server.url;
    log(`embedded PostgreSQL on port ${server.port} in ${dir}`);
  }
  log(`resetting ${databaseOf(cfg.url)}`);
  await recreateDatabase(cfg.url);
  const handle = await createDatabase({ url: cfg.url, poolMax: 4 });
  await migrateToLatest(handle.db);
  const c = new pg.Client({ connectionString: cfg.url });
  await c.connect();
  state.admin = c;
  report.machine.postgres = (
    (await c.query('SHOW server_version')).rows[0] as { server_version: string }
  ).server_version;
  const tokens = makeTokens(USERS);
  const tokenOf = (userNo: number) => tokens[userNo - 1] as string;
  const t = Date.now();
  await seedBase(c, await hashPassword(PASSWORD), tokens);
  // one more than the scenario rotates through: the statement count answers in it
  await seedSubmitSessions(c, submitSessions + 1, SUBMIT_QUESTIONS);
  await c.query('VACUUM ANALYZE');
  report.notes.push(
    `Seeded in ${((Date.now() - t) / 1000).toFixed(1)} s (${submitSessions} extra ongoing sessions of ${SUBMIT_QUESTIONS} questions for the answer scenario).`,
  );
  log('seeded', await counts(c));
  return {
    c,
    handle,
    tokenOf,
    async close() {
      await c.end();
      if (embedded) {
        await embedded.stop();
        rmSync(embedded.dir, { recursive: true, force: true });
      }
    },
  };
}
