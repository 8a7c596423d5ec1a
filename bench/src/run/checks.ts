/** What the bench checks besides speed: equal answers, statements per request, query plans, row counts. */
import { type createDatabase, createOfflineProvider, TokenAuth } from '@ai-interviewer/core';
import { buildServer } from '@ai-interviewer/server';
import type { InjectOptions } from 'fastify';
import type pg from 'pg';
import { installQueryLog } from '../lib/query-log.ts';
import type { Report } from '../lib/report.ts';
import { fetchRaw, rawDifference } from '../lib/same-response.ts';
import { ANSWER, ownerOf, sessionId, submitSessionId } from '../lib/seed.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import { SQL } from '../lib/sql.ts';
import { log, submitSessions } from './config.ts';

/** The same statements, each as many times, in any order. */
const sameList = (a: string[], b: string[]) => [...a].sort().join('\0') === [...b].sort().join('\0');

export async function counts(c: pg.Client) {
  const { rows } = await c.query(
    `SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM job_descriptions)::int AS jobs,
            (SELECT count(*) FROM interview_sessions)::int AS sessions, (SELECT count(*) FROM session_questions)::int AS questions,
            (SELECT count(*) FROM feedback)::int AS feedback`,
  );
  return rows[0] as Record<string, number>;
}

/**
 * Our responses and the baseline's must be the same bytes (status, content type, body), or the
 * comparison means nothing: a run whose answers differ stops here.
 */
export async function compareResponses(
  ours: ServerProcess,
  base: ServerProcess,
  reads: Record<string, { path: string; headers: Record<string, string> }>,
) {
  const out: Report['equality'] = [];
  for (const [name, r] of Object.entries(reads)) {
    const [a, b] = [await fetchRaw(ours, r), await fetchRaw(base, r)];
    const diff = rawDifference(a, b);
    out.push({
      scenario: name,
      path: r.path,
      same: diff === null,
      detail: diff ?? `${a.status}`,
      bytes: a.body.length,
    });
    if (diff !== null) throw new Error(`${name} (${r.path}) differs between ours and the baseline: ${diff}`);
  }
  return out;
}

/** Statements per request for each scenario, from an in-process server on the same database. */
export async function countStatements(
  handle: Awaited<ReturnType<typeof createDatabase>>,
  tokenOf: (n: number) => string,
): Promise<Report['queries']> {
  const token = tokenOf(1);
  const spare = submitSessions + 1;
  const ql = installQueryLog();
  const app = await buildServer({
    services: {
      db: handle.db,
      interviewer: {
        provider: createOfflineProvider(),
        fallback: null,
        limits: { maxAnswersPerSession: 200, hourlyModelCalls: 0 },
      },
    },
    auth: new TokenAuth(handle.db),
    authRateLimit: { limit: 100_000, windowMs: 60_000 },
  });
  await app.ready();
  const auth = { authorization: `Bearer ${token}` };
  const N = 100;
  const cases: { scenario: string; n: number; expect?: string[]; inject: (i: number) => InjectOptions }[] = [
    {
      scenario: 'GET /api/auth/me',
      n: N,
      expect: [SQL.authSession],
      inject: () => ({ method: 'GET', url: '/api/auth/me', headers: auth }),
    },
    {
      scenario: 'GET /api/jobs',
      n: N,
      expect: [SQL.jobsPage],
      inject: () => ({ method: 'GET', url: '/api/jobs' }),
    },
    {
      scenario: 'GET /trpc/jobs.list',
      n: N,
      expect: [SQL.jobsPage],
      inject: () => ({ method: 'GET', url: `/trpc/jobs.list?input=${encodeURIComponent('{}')}` }),
    },
    {
      scenario: 'GET /api/sessions/{id}/feedbacks',
      n: N,
      expect: [SQL.authSession, SQL.sessionById, SQL.feedbackPage, SQL.feedbackCount],
      inject: () => ({ method: 'GET', url: `/api/sessions/${sessionId(1)}/feedbacks`, headers: auth }),
    },
    {
      // the spare prepared session, outside the scenario's rotation: ten answers in order
      scenario: 'POST /api/feedbacks',
      n: 10,
      inject: () => ({
        method: 'POST',
        url: '/api/feedbacks',
        headers: { authorization: `Bearer ${tokenOf(ownerOf(spare))}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ session_id: submitSessionId(spare), answer: ANSWER }),
      }),
    },
  ];
  const out: Report['queries'] = [];
  const drift: string[] = [];
  try {
    for (const k of cases) {
      ql.reset();
      const statuses = new Set<number>();
      for (let i = 0; i < k.n; i++) statuses.add((await app.inject(k.inject(i))).statusCode);
      const perRequest = ql.statements.length / k.n;
      // exactly the expected statements, each once per request (the feedback list sends its page
      // and count together, so their order varies: compared as sorted lists)
      const sqlMatches = k.expect
        ? sameList(ql.statements, Array.from({ length: k.n }, () => k.expect ?? []).flat())
        : true;
      if (!sqlMatches)
        drift.push(
          `${k.scenario}: expected per request\n  ${(k.expect ?? []).join('\n  ')}\nsent (first request)\n  ${ql.statements.slice(0, Math.max(1, Math.round(perRequest))).join('\n  ')}`,
        );
      if ([...statuses].some((st) => st >= 300))
        drift.push(`${k.scenario}: answered ${[...statuses].join(', ')}`);
      out.push({
        scenario: k.scenario,
        requests: k.n,
        statuses: [...statuses],
        perRequest,
        statements: ql.statements.slice(0, Math.round(perRequest)).map((s) => s.replace(/\s+/g, ' ').trim()),
        sqlMatches,
      });
      log(
        `${k.scenario}: ${perRequest.toFixed(2)} statements/request, statuses ${[...statuses].join(',')}${sqlMatches ? '' : ' — SQL DRIFT'}`,
      );
    }
  } finally {
    await app.close();
    ql.uninstall();
  }
  // the baseline sends bench/src/lib/sql.ts's statements: if ours sends others, the comparison
  // measures different work, so the run stops here instead of reporting it
  if (drift.length > 0)
    throw new Error(
      `SQL drift: our server no longer sends what bench/src/lib/sql.ts derives (update its query list):\n${drift.join('\n')}`,
    );
  return out;
}

async function explain(c: pg.Client, label: string, sql: string, params: unknown[]) {
  await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params); // warm the cache first
  const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return { label, sql, params, plan: rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') };
}

/** The read scenario's statements for read session 1. */
export async function explainRead(c: pg.Client, when: string): Promise<Report['plans']> {
  return explainSession(c, sessionId(1), when);
}

export async function explainSession(c: pg.Client, id: string, when: string): Promise<Report['plans']> {
  return [
    await explain(c, `feedback page, ${when}`, SQL.feedbackPage, [id, 20, 0]),
    await explain(c, `feedback count, ${when}`, SQL.feedbackCount, [id]),
  ];
}
