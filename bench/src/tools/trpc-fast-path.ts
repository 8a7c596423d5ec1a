/**
 * Does /trpc's path for plain GETs of queries (apps/server/src/plugins/trpc-http.ts) pay for
 * itself? Node CPU per request for `GET /trpc/jobs.list?input={}` (and the SPA's batch of two),
 * the same server built twice on one seeded database — through callTRPCProcedure, and through
 * tRPC's own Fastify handler — in alternating rounds of in-process requests (inject). CPU time of
 * this process is what it measures, so other load on the machine moves it little.
 *
 *   pnpm --filter @ai-interviewer/bench exec tsx src/tools/trpc-fast-path.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabase,
  createOfflineProvider,
  migrateToLatest,
  startEmbeddedPostgres,
  TokenAuth,
} from '@ai-interviewer/core';
import { buildServer } from '@ai-interviewer/server';
import pg from 'pg';

const ROUNDS = Number(process.env.ROUNDS ?? 6);
const N = Number(process.env.N ?? 400);
const dir = mkdtempSync(join(tmpdir(), 'ai-interviewer-fastpath-pg-'));
const server = await startEmbeddedPostgres({ dataDir: dir, database: 'ai_bench_fastpath' });
const handle = await createDatabase({ url: server.url, poolMax: 8 });
try {
  await migrateToLatest(handle.db);
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  await c.query(
    `INSERT INTO job_descriptions (title, description, skills, experience, visibility)
     SELECT 'Backend Engineer ' || n, repeat('Design, build and run REST APIs on PostgreSQL. ', 20), 'SQL, TypeScript', '3 yrs', 'public'
     FROM generate_series(1, 50) n`,
  );
  await c.end();
  const build = (trpcFastQueries: boolean) =>
    buildServer({
      services: {
        db: handle.db,
        interviewer: {
          provider: createOfflineProvider(),
          fallback: null,
          limits: { maxAnswersPerSession: 200, hourlyModelCalls: 0 },
        },
      },
      auth: new TokenAuth(handle.db),
      trpcFastQueries,
    });
  const apps = { fast: await build(true), handler: await build(false) };
  const urls = {
    single: `/trpc/jobs.list?input=${encodeURIComponent('{}')}`,
    batch: `/trpc/jobs.list,auth.viewer?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { limit: 5 } }))}`,
  };
  for (const [name, url] of Object.entries(urls)) {
    const cpu = { fast: 0, handler: 0 };
    for (let round = 0; round < ROUNDS + 1; round++) {
      const order = round % 2 === 0 ? (['fast', 'handler'] as const) : (['handler', 'fast'] as const);
      for (const side of order) {
        const app = apps[side];
        const t0 = process.cpuUsage();
        // 8 in flight at a time, like a few browsers
        for (let i = 0; i < N; i += 8) {
          const res = await Promise.all(Array.from({ length: 8 }, () => app.inject({ method: 'GET', url })));
          if (res.some((r) => r.statusCode !== 200)) throw new Error(`${side} ${url}: ${res[0]?.statusCode}`);
        }
        const d = process.cpuUsage(t0);
        if (round > 0) cpu[side] += d.user + d.system; // round 0 warms up
      }
    }
    const per = (us: number) => us / (ROUNDS * N);
    console.log(
      `${name} (${url.split('?')[0]}): callTRPCProcedure ${per(cpu.fast).toFixed(0)} µs CPU/request, tRPC's handler ${per(cpu.handler).toFixed(0)} µs → the handler costs ${(cpu.handler / cpu.fast).toFixed(2)}×`,
    );
  }
  await Promise.all(Object.values(apps).map((a) => a.close()));
} finally {
  await handle.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
