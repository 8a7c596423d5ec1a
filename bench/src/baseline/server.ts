/**
 * The baseline: bare Fastify + `pg`, no tRPC, no zod, no Kysely, no lucia. Each handler sends the
 * same SQL our server sends for the read scenarios (derived from our query functions by
 * bench/src/lib/sql.ts and handed over in BASELINE_SQL, so this process loads no Kysely) and
 * returns byte for byte the same JSON, so the ratio ours/baseline is the price of our layers.
 *
 * Env: DATABASE_URL, PORT, HOST, BASELINE_SQL (required), and the pool settings, which the
 * harnesses set to our server's (lib/server-process.ts, `poolEnv`): DB_POOL_MAX,
 * DB_CONNECTION_TIMEOUT_MS, DB_IDLE_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS.
 * BASELINE_NAMED_STATEMENTS=1: send each statement as a named (server-side prepared) one, as our
 * server does for its hot queries, so the two differ only in their Node layers.
 */
import { createHash } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import type { SQL as SqlTexts } from '../lib/sql.ts';

const env = process.env;
/** A setting the harness must pass: a silent default here is how the two sides' pools drifted apart. */
const required = (name: string): string => {
  const v = env[name];
  if (!v) throw new Error(`baseline: ${name} is not set (lib/server-process.ts sets it)`);
  return v;
};
const SQL = JSON.parse(required('BASELINE_SQL')) as typeof SqlTexts;
const pool = new pg.Pool({
  connectionString: env.DATABASE_URL,
  max: Number(required('DB_POOL_MAX')),
  connectionTimeoutMillis: Number(required('DB_CONNECTION_TIMEOUT_MS')),
  idleTimeoutMillis: Number(required('DB_IDLE_TIMEOUT_MS')),
  options: `-c statement_timeout=${Number(required('DB_STATEMENT_TIMEOUT_MS'))}`,
});
pool.on('error', () => {});

const named = env.BASELINE_NAMED_STATEMENTS === '1';
const names = new Map<string, string>();
/** pool.query, with the statement named (prepared once per connection) when BASELINE_NAMED_STATEMENTS=1. */
function query(text: string, values: unknown[]) {
  if (!named) return pool.query(text, values);
  let name = names.get(text);
  if (!name) {
    name = `baseline_${names.size + 1}`;
    names.set(text, name);
  }
  return pool.query({ name, text, values });
}

type Row = Record<string, unknown>;
const iso = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).toISOString();

const job = (r: Row) => ({
  id: r.id,
  title: r.title,
  description: r.description,
  skills: r.skills,
  experience: r.experience,
  created_by: r.created_by,
  visibility: r.visibility,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

const feedback = (r: Row) => ({
  id: r.id,
  session_id: r.session_id,
  user_id: r.user_id,
  question_id: r.question_id,
  question: r.question,
  answer: r.answer,
  ai_feedback: r.ai_feedback,
  score: r.score,
  rubric: r.rubric,
  category: r.category,
  strengths: r.strengths,
  improvements: r.improvements,
  skills_shown: r.skills_shown,
  follow_up: r.follow_up,
  grading_status: r.grading_status,
  grading_error: r.grading_error,
  evaluator: r.evaluator,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
  delivery: r.delivery ?? null,
});

const error = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.status(status).send({ error: { code, message, issues: [] } });

/** limit/offset from a query object, with the API's defaults and bounds (20, max 100). */
function page(q: Record<string, unknown>): { limit: number; offset: number } | null {
  const limit = q.limit === undefined ? 20 : Number(q.limit);
  const offset = q.offset === undefined ? 0 : Number(q.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0)
    return null;
  return { limit, offset };
}

interface Actor {
  user: {
    id: unknown;
    email: unknown;
    username: unknown;
    active: unknown;
    roles: unknown;
    created_at: string;
  };
}

/** Bearer token → user and roles, in one query (the same one our auth runs). */
async function authenticate(req: FastifyRequest): Promise<Actor | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const token = m?.[1];
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const { rows } = await query(SQL.authSession, [createHash('sha256').update(token).digest('hex')]);
  const r = rows[0] as Row | undefined;
  if (!r) return null;
  const now = Date.now();
  if (
    (r.expires_at as Date).getTime() <= now ||
    (r.absolute_expires_at as Date).getTime() <= now ||
    !r.active
  )
    return null;
  return {
    user: {
      id: r.user_id,
      email: r.email,
      username: r.username,
      active: r.active,
      roles: r.roles,
      created_at: iso(r.created_at),
    },
  };
}

async function jobList(q: Record<string, unknown>) {
  const p = page(q);
  if (!p) return null;
  // one round trip: every row of the page carries the total (count(*) over ())
  const { rows } = await query(SQL.jobsPage, ['public', p.limit, p.offset]);
  const first = rows[0] as Row | undefined;
  const total = first
    ? first.total
    : p.offset > 0
      ? ((await query(SQL.jobsCount, ['public'])).rows[0] as Row).n
      : 0;
  return { items: rows.map(job), total, limit: p.limit, offset: p.offset };
}

const app = Fastify({ logger: false });

app.get('/api/health', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok', database: 'ok' };
});

app.get('/api/jobs', async (req, reply) => {
  const body = await jobList(req.query as Record<string, unknown>);
  return body ?? error(reply, 400, 'VALIDATION', 'bad page');
});

app.get('/trpc/jobs.list', async (req, reply) => {
  let input: Record<string, unknown> = {};
  const raw = (req.query as Record<string, string | undefined>).input;
  try {
    input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return error(reply, 400, 'VALIDATION', 'bad input');
  }
  const data = await jobList(input);
  return data ? { result: { data } } : error(reply, 400, 'VALIDATION', 'bad page');
});

app.get('/api/auth/me', async (req, reply) => {
  const actor = await authenticate(req);
  return actor ? actor.user : error(reply, 401, 'UNAUTHORIZED', 'Authentication required');
});

app.get<{ Params: { session_id: string } }>('/api/sessions/:session_id/feedbacks', async (req, reply) => {
  const actor = await authenticate(req);
  if (!actor) return error(reply, 401, 'UNAUTHORIZED', 'Authentication required');
  const p = page(req.query as Record<string, unknown>);
  const id = req.params.session_id;
  if (!p || !/^[0-9a-f-]{36}$/i.test(id)) return error(reply, 400, 'VALIDATION', 'bad input');
  const { rows } = await query(SQL.sessionById, [id]);
  const session = rows[0] as Row | undefined;
  const admin = (actor.user.roles as string[]).includes('admin');
  if (!session || (!admin && session.user_id !== actor.user.id))
    return error(reply, 404, 'NOT_FOUND', 'Session not found');
  const [items, count] = await Promise.all([
    query(SQL.feedbackPage, [id, p.limit, p.offset]),
    query(SQL.feedbackCount, [id]),
  ]);
  return {
    items: items.rows.map(feedback),
    total: (count.rows[0] as Row).n,
    limit: p.limit,
    offset: p.offset,
  };
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await app.listen({ port: Number(env.PORT ?? 3001), host: env.HOST ?? '127.0.0.1' });
