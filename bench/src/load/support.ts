/**
 * Shared pieces of the load and fault tests: an HTTP client that never hangs (every call has a
 * deadline), in-process servers on a dedicated database, and virtual candidates.
 */
import {
  createDatabase,
  createOfflineProvider,
  type DatabaseHandle,
  type Interviewer,
  type InterviewerProvider,
  migrateToLatest,
  TokenAuth,
} from '@ai-interviewer/core';
import { buildServer } from '@ai-interviewer/server';
import type { FastifyInstance } from 'fastify';

export interface Reply {
  /** HTTP status; 0 = no response (connection refused/reset), -1 = our deadline passed. */
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies are read field by field in the tests
  body: any;
  ms: number;
  error?: string;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  timeoutMs?: number;
}

/** One request with a hard deadline; network failures come back as status 0, not as throws. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<Reply> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(base + path, {
      method,
      headers,
      ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, ms: performance.now() - started };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    return {
      status: timedOut ? -1 : 0,
      body: null,
      ms: performance.now() - started,
      error: err.cause?.code ?? err.name,
    };
  }
}

/** Everything the virtual users saw. */
export class Tally {
  readonly statuses = new Map<number, number>();
  readonly latencies: number[] = [];
  /** Feedback ids the server acknowledged with a 2xx. */
  readonly acked = new Set<string>();
  readonly completed = new Set<string>();
  readonly samples: { status: number; path: string; message?: string }[] = [];
  /** Sees every reply as it is recorded (e.g. to keep a timeline). */
  onRecord: ((r: Reply, path: string) => void) | null = null;

  record(r: Reply, path: string): Reply {
    this.onRecord?.(r, path);
    this.statuses.set(r.status, (this.statuses.get(r.status) ?? 0) + 1);
    this.latencies.push(r.ms);
    if ((r.status >= 500 || r.status <= 0) && this.samples.length < 20) {
      this.samples.push({
        status: r.status,
        path,
        message: r.error ?? JSON.stringify(r.body)?.slice(0, 300),
      });
    }
    return r;
  }

  count(pred: (status: number) => boolean): number {
    let n = 0;
    for (const [s, c] of this.statuses) if (pred(s)) n += c;
    return n;
  }

  percentile(p: number): number {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  }

  summary(): string {
    const codes = [...this.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}×${c}`);
    return `${this.latencies.length} requests [${codes.join(' ')}], p50 ${this.percentile(50).toFixed(0)} ms, p99 ${this.percentile(99).toFixed(0)} ms, max ${Math.max(0, ...this.latencies).toFixed(0)} ms`;
  }
}

export const offlineInterviewer = (provider: InterviewerProvider = createOfflineProvider()): Interviewer => ({
  provider,
  fallback: null,
  limits: { maxAnswersPerSession: 200, hourlyModelCalls: 0 },
});

export interface InProcessServer {
  url: string;
  app: FastifyInstance;
  handle: DatabaseHandle;
  auth: TokenAuth;
  close(): Promise<void>;
}

/** Our app, built with buildServer and listening on 127.0.0.1 (a port the OS picks), on `url`'s database. */
export async function startInProcessServer(opts: {
  url: string;
  poolMax?: number;
  connectionTimeoutMs?: number;
  interviewer?: Interviewer;
}): Promise<InProcessServer> {
  const handle = await createDatabase({
    url: opts.url,
    poolMax: opts.poolMax ?? 20,
    connectionTimeoutMs: opts.connectionTimeoutMs ?? 3000,
    statementTimeoutMs: 15_000,
  });
  await migrateToLatest(handle.db);
  const auth = new TokenAuth(handle.db);
  const app = await buildServer({
    services: { db: handle.db, interviewer: opts.interviewer ?? offlineInterviewer() },
    auth,
    authRateLimit: { limit: 100_000, windowMs: 60_000 },
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    handle,
    auth,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it is true or `timeoutMs` passes; returns whether it became true. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}

export interface InterviewOptions {
  base: string;
  token: string;
  jobId: string;
  questionCount: number;
  tally: Tally;
  /** Stop starting new steps after this (ms since epoch). */
  deadline: number;
  timeoutMs?: number;
}

/**
 * One interview: create, start, answer every question (follow-ups included), end. Returns
 * false when a step failed (the caller decides whether that is allowed). Bounded: at most 60 answers.
 */
export async function interview(o: InterviewOptions): Promise<boolean> {
  const t = { token: o.token, timeoutMs: o.timeoutMs ?? 15_000 };
  const created = o.tally.record(
    await call(o.base, 'POST', '/api/sessions', {
      ...t,
      body: { job_description_id: o.jobId, question_count: o.questionCount },
    }),
    'POST /api/sessions',
  );
  if (created.status !== 201) return false;
  const id = created.body.id as string;
  const started = o.tally.record(
    await call(o.base, 'POST', `/api/sessions/${id}/start`, t),
    'POST /api/sessions/:id/start',
  );
  if (started.status !== 200) return false;
  let current = started.body.current_question;
  for (let i = 0; i < 60 && current && Date.now() < o.deadline; i++) {
    const answered = o.tally.record(
      await call(o.base, 'POST', '/api/feedbacks', { ...t, body: { session_id: id, answer: ANSWER_FOR(i) } }),
      'POST /api/feedbacks',
    );
    if (answered.status !== 201) return false;
    o.tally.acked.add(answered.body.feedback.id as string);
    current = answered.body.next_question;
  }
  const ended = o.tally.record(
    await call(o.base, 'POST', `/api/sessions/${id}/end`, t),
    'POST /api/sessions/:id/end',
  );
  if (ended.status !== 200) return false;
  o.tally.completed.add(id);
  return true;
}

/** Strong and thin answers in turn, so the grader sometimes asks a follow-up. */
const ANSWER_FOR = (i: number) =>
  i % 3 === 2
    ? 'I have used TypeScript a lot and I think I am quite good at it.'
    : 'In my last role our REST API on PostgreSQL was slow at peak. I profiled it, added two indexes, rewrote an N+1 ' +
      'query in TypeScript and added integration tests; p95 latency fell from 900 ms to 120 ms and the launch shipped on time.';
