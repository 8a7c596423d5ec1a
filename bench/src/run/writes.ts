/** The write scenarios: answers (saturated, single, paced) and whole interviews. */
import { loadavg } from 'node:os';
import type autocannon from 'autocannon';
import { cannon } from '../lib/cannon.ts';
import { pacedLoad } from '../lib/paced.ts';
import { answerRequests, nextAnswers } from '../lib/requests.ts';
import { ANSWER, JOBS, jobId } from '../lib/seed.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import { cfg, log, submitSessions } from './config.ts';
import { measure, rowOf, run } from './load.ts';

/** POST /api/feedbacks, each request answering the current question of the next prepared session. */
export async function measureSubmit(ours: ServerProcess, tokenOf: (n: number) => string) {
  const nextAnswer = nextAnswers(tokenOf, submitSessions);
  const requests = answerRequests(nextAnswer);
  const r = await run(ours, { requests }, cfg.seconds);
  log(
    `POST /api/feedbacks: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} non-2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)}`,
  );
  const row = rowOf(
    `POST /api/feedbacks (offline grader), ${cfg.connections} connections`,
    r,
    null,
    ours.pid,
  );
  row.load1 = loadavg()[0];
  // the same with one connection: the service time, without queueing
  const one = await run(ours, { requests }, Math.max(2, cfg.seconds / 2), false, 1);
  log(
    `POST /api/feedbacks, 1 connection: ${one.rps.toFixed(0)} req/s p50 ${one.p50.toFixed(1)} p99 ${one.p99.toFixed(1)}`,
  );
  const single = rowOf('POST /api/feedbacks (offline grader), 1 connection', one, null, ours.pid);
  single.load1 = loadavg()[0];
  // the same 50 connections, paced: an answer due every 1/submitRate s, below saturation
  const p = await measure(ours, () =>
    pacedLoad({
      url: ours.url,
      ratePerSecond: cfg.submitRate,
      durationS: cfg.seconds,
      connections: cfg.connections,
      request: nextAnswer,
    }),
  );
  log(
    `POST /api/feedbacks, ${cfg.connections} connections paced to ${cfg.submitRate}/s: ${p.rps.toFixed(0)} req/s p50 ${p.p50.toFixed(1)} p99 ${p.p99.toFixed(1)} non-2xx ${p.non2xx}`,
  );
  const paced = rowOf(
    `POST /api/feedbacks (offline grader), ${cfg.connections} connections paced to ${cfg.submitRate} answers/s in all`,
    p,
    null,
    ours.pid,
  );
  paced.load1 = loadavg()[0];
  return { row, single, paced };
}

/** A whole interview per virtual candidate: create, start, five answers, end; loops until time is up. */
export async function measureInterview(ours: ServerProcess, tokenOf: (n: number) => string) {
  let next = 0;
  let interviews = 0;
  let failedSteps = 0;
  const tag = { current: null as string | null };
  type Ctx = { token?: string; sessionId?: string; failed?: boolean };
  const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const onResponse =
    (step: string, after?: (body: string, ctx: Ctx) => void) =>
    (status: number, body: string, context: object) => {
      tag.current = step;
      const ctx = context as Ctx;
      if (status < 200 || status >= 300) {
        ctx.failed = true;
        failedSteps++;
        return;
      }
      after?.(body, ctx);
    };
  const step = (
    name: string,
    build: (ctx: Ctx) => { path: string; body?: string },
    after?: (body: string, ctx: Ctx) => void,
  ): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      if (!ctx.token || !ctx.sessionId || ctx.failed) return null as unknown as autocannon.Request; // start over
      const b = build(ctx);
      return {
        ...req,
        path: b.path,
        headers: json(ctx.token),
        ...(b.body !== undefined ? { body: b.body } : { body: '{}' }),
      };
    },
    onResponse: onResponse(name, after),
  });
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const ctx = context as Ctx;
        const n = next++;
        ctx.token = tokenOf(501 + (n % 500));
        return {
          ...req,
          path: '/api/sessions',
          headers: json(ctx.token),
          body: JSON.stringify({
            job_description_id: jobId((n % JOBS) + 1),
            question_count: 5,
            focus: 'mixed',
          }),
        };
      },
      onResponse: onResponse('create', (body, ctx) => {
        ctx.sessionId = (JSON.parse(body) as { id: string }).id;
      }),
    },
    step('start', (ctx) => ({ path: `/api/sessions/${ctx.sessionId}/start` })),
    ...[1, 2, 3, 4, 5].map((n) =>
      step(`answer ${n}`, (ctx) => ({
        path: '/api/feedbacks',
        body: JSON.stringify({ session_id: ctx.sessionId, answer: ANSWER }),
      })),
    ),
    step(
      'end',
      (ctx) => ({ path: `/api/sessions/${ctx.sessionId}/end` }),
      () => {
        interviews++;
      },
    ),
  ];
  // warm up on its own, then count from zero
  await cannon({ url: ours.url, connections: cfg.connections, durationS: cfg.warmupS, requests, tag });
  interviews = 0;
  failedSteps = 0;
  const res = await measure(ours, () =>
    cannon({ url: ours.url, connections: cfg.connections, durationS: cfg.seconds, requests, tag }),
  );
  const r = res;
  const detail = {
    interviewsPerS: interviews / r.durationS,
    interviews,
    failedSteps,
    steps: r.byTag,
  };
  log(
    `interviews: ${detail.interviewsPerS.toFixed(1)}/s, ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)}, failed steps ${failedSteps}`,
  );
  return {
    row: rowOf(
      `whole interview (create, start, 5 answers, end): ${detail.interviewsPerS.toFixed(1)} interviews/s`,
      res,
      null,
      ours.pid,
    ),
    detail,
  };
}
