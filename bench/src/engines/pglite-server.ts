/**
 * Our server on PGlite, for `pnpm bench`'s engine comparison only: the app itself no longer runs
 * on PGlite (docs/performance.md, "Engines"); this keeps the measurement that decided it
 * repeatable. The same buildServer, migrations and catalogue as the real entry point, with
 * PGlite tuned as far as its options go (see PGLITE_TUNING).
 *
 * Env: PORT, HOST, DATA_DIR (the PGlite folder).
 */
import { mkdirSync } from 'node:fs';
import { createOfflineProvider, type Database, jobs, migrateToLatest, TokenAuth } from '@ai-interviewer/core';
import { buildServer } from '@ai-interviewer/server';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { catalogue } from '../../../apps/server/src/seed/catalogue.ts';

/**
 * PGlite's own start parameters plus a small buffer cache; `relaxedDurability` stops waiting
 * for the disk after each query. Its WASM memory cannot start below 128 MB (its module asks for
 * 2048 pages; a smaller `initialMemory` fails to link), so there is nothing else to turn down.
 */
export const PGLITE_TUNING = {
  relaxedDurability: true,
  startParams: [
    '--single',
    '-F',
    '-O',
    '-j',
    ...['search_path=public', 'exit_on_error=false', 'log_checkpoints=false', 'max_worker_processes=0']
      .concat(['max_parallel_workers=0', 'max_parallel_workers_per_gather=0', 'io_method=sync'])
      .concat([
        'max_parallel_maintenance_workers=0',
        'shared_buffers=16MB',
        'wal_buffers=1MB',
        'temp_buffers=1MB',
      ])
      .flatMap((s) => ['-c', s]),
  ],
};

const env = process.env;
const dataDir = env.DATA_DIR ?? '';
if (!dataDir) throw new Error('DATA_DIR is required');
mkdirSync(dataDir, { recursive: true });
const pglite = await PGlite.create(dataDir, PGLITE_TUNING);
const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
await migrateToLatest(db);
if ((await jobs.listJobs(db, null, { limit: 1, offset: 0 })).total === 0) {
  await jobs.seedPublicCatalogue(db, catalogue);
}
const app = await buildServer({
  services: {
    db,
    interviewer: {
      provider: createOfflineProvider(),
      fallback: null,
      limits: { maxAnswersPerSession: 200, hourlyModelCalls: 0 },
    },
  },
  auth: new TokenAuth(db),
  authRateLimit: { limit: 100_000, windowMs: 60_000 },
  logger: { level: 'warn' },
});
let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  void app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
await app.listen({ port: Number(env.PORT ?? 3000), host: env.HOST ?? '127.0.0.1' });
