/**
 * The statements our server sends for the read scenarios, derived from the query functions it
 * runs (core's queries/), so a change to a query changes what the baseline sends with it and
 * nothing here can fall behind. The baseline gets these texts (through BASELINE_SQL, see
 * `baselineSqlEnv`) and sends them verbatim; the query plans in docs/performance.md are of these;
 * every bench run checks that our server still sends exactly these per request (run/checks.ts).
 *
 * How: each query function is called with a Kysely that compiles and never connects (Kysely's
 * DummyDriver, which answers every query with no rows); its `log` hook records the compiled SQL.
 */
import type { Database } from '@ai-interviewer/core';
import { findSessionAndUser } from '@ai-interviewer/core/queries/auth-sessions';
import { listFeedback } from '@ai-interviewer/core/queries/feedback';
import { listJobs } from '@ai-interviewer/core/queries/jobs';
import { findSession } from '@ai-interviewer/core/queries/sessions';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';

/** The SQL a call sends, in the order sent (parameters are placeholders, so any values do). */
async function sqlOf(call: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') sent.push(event.query.sql);
    },
  });
  await call(db);
  await db.destroy();
  return sent;
}

/** The one statement a call sends (more or fewer means the derivation no longer fits the query). */
async function one(label: string, call: (db: Kysely<Database>) => Promise<unknown>): Promise<string> {
  const sent = await sqlOf(call);
  if (sent.length !== 1 || sent[0] === undefined)
    throw new Error(`bench/src/lib/sql.ts: ${label} sent ${sent.length} statements, expected 1`);
  return sent[0];
}

const anId = '00000000-0000-4000-8000-000000000000';
const page = { limit: 20, offset: 0 };
/** The page and the count of a session's feedback, sent together. */
const [feedbackPage, feedbackCount, ...more] = await sqlOf((db) =>
  listFeedback(db, { ...page, sessionId: anId }),
);
/** A page past the end: no row carries the total, so the count follows the (empty) page. */
const [, jobsCount] = await sqlOf((db) => listJobs(db, { limit: 20, offset: 20, viewer: null }));
if (!feedbackPage || !feedbackCount || more.length > 0 || !jobsCount)
  throw new Error(
    'bench/src/lib/sql.ts: listFeedback or listJobs no longer sends the statements derived here',
  );

export const SQL = {
  /** session, user and roles in one join: every authenticated request */
  authSession: await one('findSessionAndUser', (db) => findSessionAndUser(db, { sessionId: 'x' })),
  /** the public catalogue: a page and the total in one round trip (`count(*) over ()`) */
  jobsPage: await one('listJobs', (db) => listJobs(db, { ...page, viewer: null })),
  jobsCount,
  sessionById: await one('findSession', (db) => findSession(db, anId)),
  feedbackPage,
  feedbackCount,
};
export type SqlName = keyof typeof SQL;

/** The baseline's environment variable that carries these texts (it imports no Kysely itself). */
export const baselineSqlEnv = (): Record<string, string> => ({ BASELINE_SQL: JSON.stringify(SQL) });
