/**
 * The bench data set, written with SQL `generate_series` (seconds, not minutes): deterministic
 * ids so the bench can address rows without reading them back.
 *
 *   50 public job descriptions · 1,000 candidates (one shared argon2id hash) with a login token each ·
 *   10,000 interview sessions (9,000 completed, 500 ongoing, 300 pending, 200 cancelled) with
 *   12 planned questions each once started · feedback: 10,000 rows, then grown to 100,000.
 *
 * Sessions 1-50 are the "read" sessions: 12 answered questions each from the start, so a
 * session's feedback page is the same 12 rows whether the table holds 10,000 or 100,000 rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export const USERS = 1000;
export const JOBS = 50;
export const SESSIONS = 10_000;
export const QUESTIONS_PER_SESSION = 12;
export const READ_SESSIONS = 50;
const COMPLETED = 9000;
const ONGOING_END = 9500;
const PENDING_END = 9800;

const pad = (n: number) => String(n).padStart(12, '0');
export const userId = (n: number) => `00000000-0000-4000-8000-${pad(n)}`;
export const jobId = (n: number) => `10000000-0000-4000-8000-${pad(n)}`;
export const sessionId = (n: number) => `20000000-0000-4000-8000-${pad(n)}`;
export const submitSessionId = (n: number) => `21000000-0000-4000-8000-${pad(n)}`;
export const hotSessionId = (n: number) => `22000000-0000-4000-8000-${pad(n)}`;
/** The owner of session k (1-based): users take turns. */
export const ownerOf = (k: number) => ((k - 1) % USERS) + 1;

const SKILLS = 'TypeScript, PostgreSQL, REST API design, automated testing, observability, Kubernetes';
export const ANSWER =
  'In my last role our REST API on PostgreSQL had p95 latency of 900 ms during peak traffic. ' +
  'I was responsible for fixing it before a launch two weeks later. I profiled the slowest endpoints, ' +
  'found two missing indexes and an N+1 query in our TypeScript service, added the indexes, rewrote the ' +
  'query as a join, and wrote automated integration tests so it could not regress. I also set up a ' +
  'dashboard and alert. As a result p95 latency dropped from 900 ms to 120 ms, error rate fell by 40%, ' +
  'and the launch went ahead on schedule. I learned to measure before optimising.';
const FEEDBACK_TEXT =
  'A well-structured answer: you set the situation, named your own actions and gave numbers for the result. ' +
  'You showed PostgreSQL and automated testing in practice. To make it stronger, say what you would do ' +
  'differently and how you shared what you learned with the team.';

/** `n` login tokens, one per user: what the client holds, and the SHA-256 the database stores. */
export function makeTokens(n: number): string[] {
  return Array.from({ length: n }, () => randomBytes(32).toString('base64url'));
}
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export async function seedBase(c: pg.Client, passwordHash: string, tokens: string[]): Promise<void> {
  await c.query('BEGIN');
  await c.query(
    `INSERT INTO users (id, email, username, password_hash, created_at, updated_at)
     SELECT format('00000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
            'candidate' || n || '@bench.example', 'candidate_' || n, $1,
            now() - (n || ' hours')::interval, now() - (n || ' hours')::interval
     FROM generate_series(1, $2::int) n`,
    [passwordHash, USERS],
  );
  await c.query(
    `INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE r.name = 'candidate'`,
  );
  await c.query(
    `INSERT INTO auth_sessions (id, user_id, expires_at, absolute_expires_at)
     SELECT t.hash, format('00000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid,
            now() + interval '7 days', now() + interval '30 days'
     FROM unnest($1::text[]) WITH ORDINALITY AS t(hash, n)`,
    [tokens.map(sha256)],
  );
  await c.query(
    `INSERT INTO job_descriptions (id, title, description, skills, experience, created_by, visibility, created_at, updated_at)
     SELECT format('10000000-0000-4000-8000-%s', lpad(n::text, 12, '0'))::uuid,
            'Backend Engineer ' || n,
            repeat('We are hiring a backend engineer to design, build and run our REST APIs on PostgreSQL, '
                   'write automated tests, review code and mentor colleagues. ', 7) || 'Role ' || n || '.',
            $1, (1 + n % 5) || '-' || (3 + n % 5) || ' yrs', NULL, 'public',
            now() - (n || ' days')::interval, now() - (n || ' days')::interval
     FROM generate_series(1, $2::int) n`,
    [SKILLS, JOBS],
  );
  await c.query(
    `INSERT INTO interview_sessions (id, user_id, job_description_id, job_title, job_description, job_skills,
       job_experience, status, question_count, focus, started_at, ended_at, transcript, score, summary,
       created_at, updated_at)
     SELECT format('20000000-0000-4000-8000-%s', lpad(k::text, 12, '0'))::uuid,
            format('00000000-0000-4000-8000-%s', lpad((((k - 1) % $1::int) + 1)::text, 12, '0'))::uuid,
            j.id, j.title, j.description, j.skills, j.experience,
            s.status, CASE WHEN s.status = 'pending' THEN 5 ELSE $2::int END, 'mixed',
            CASE WHEN s.status IN ('completed', 'ongoing') THEN t.created + interval '1 minute' END,
            CASE WHEN s.status = 'completed' THEN t.created + interval '40 minutes' END,
            CASE WHEN s.status = 'completed' THEN 'Interview for ' || j.title || E'\n\n(transcript)' END,
            CASE WHEN s.status = 'completed' THEN 40 + k % 60 END,
            CASE WHEN s.status = 'completed' THEN 'Overall score ' || (40 + k % 60) || '/100.' END,
            t.created, t.created
     FROM generate_series(1, $3::int) k
     CROSS JOIN LATERAL (SELECT CASE WHEN k <= $4 THEN 'completed' WHEN k <= $5 THEN 'ongoing'
                                     WHEN k <= $6 THEN 'pending' ELSE 'cancelled' END AS status) s
     CROSS JOIN LATERAL (SELECT now() - ((${SESSIONS} - k) * 50 || ' minutes')::interval - interval '1 hour' AS created) t
     JOIN job_descriptions j ON j.id = format('10000000-0000-4000-8000-%s', lpad((((k - 1) % $7::int) + 1)::text, 12, '0'))::uuid`,
    [USERS, QUESTIONS_PER_SESSION, SESSIONS, COMPLETED, ONGOING_END, PENDING_END, JOBS],
  );
  await c.query(
    `INSERT INTO session_questions (session_id, plan_index, is_follow_up, category, skill, text, created_at)
     SELECT s.id, p, false, (ARRAY['technical', 'behavioural', 'situational'])[1 + p % 3],
            (ARRAY['TypeScript', 'PostgreSQL', 'REST API design', 'automated testing'])[1 + p % 4],
            'Question ' || p || ': tell me about a time you used ' ||
              (ARRAY['TypeScript', 'PostgreSQL', 'REST API design', 'automated testing'])[1 + p % 4] ||
              ' to solve a hard problem. What did you do, and what was the result?',
            s.started_at
     FROM interview_sessions s CROSS JOIN generate_series(1, $1::int) p
     WHERE s.started_at IS NOT NULL`,
    [QUESTIONS_PER_SESSION],
  );
  // the read sessions' 12 answers each
  await insertFeedback(
    c,
    `SELECT k AS session_no, p FROM generate_series(1, ${READ_SESSIONS}) k CROSS JOIN generate_series(1, ${QUESTIONS_PER_SESSION}) p`,
  );
  await c.query('COMMIT');
  await growFeedback(c, 10_000);
}

/** Bulk feedback spread over the completed sessions after the read ones (51…9000), up to `total` rows. */
export async function growFeedback(c: pg.Client, total: number): Promise<void> {
  const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback');
  const have = rows[0]?.n ?? 0;
  const spread = COMPLETED - READ_SESSIONS;
  const fromN = have - READ_SESSIONS * QUESTIONS_PER_SESSION + 1;
  const toN = total - READ_SESSIONS * QUESTIONS_PER_SESSION;
  if (toN < fromN) return;
  if (Math.ceil(toN / spread) > QUESTIONS_PER_SESSION) throw new Error(`cannot hold ${total} feedback rows`);
  await insertFeedback(
    c,
    `SELECT ${READ_SESSIONS} + 1 + (n - 1) % ${spread} AS session_no, 1 + (n - 1) / ${spread} AS p
     FROM generate_series(${fromN}, ${toN}) n`,
  );
}

/** Feedback for (session number, plan index) pairs, answering the matching planned question. */
async function insertFeedback(c: pg.Client, pairs: string): Promise<void> {
  await c.query(
    `INSERT INTO feedback (session_id, user_id, question_id, question, answer, ai_feedback, score, category,
       strengths, improvements, skills_shown, follow_up, grading_status, grading_attempts, evaluator, created_at, updated_at)
     SELECT s.id, s.user_id, q.id, q.text, $1, $2, (x.session_no + x.p) % 11, q.category,
            ARRAY['Clear situation and result', 'Concrete numbers'],
            ARRAY['Say what you would do differently', 'Name the trade-offs'],
            ARRAY['PostgreSQL', 'automated testing', 'TypeScript'],
            NULL, 'graded', 1, 'offline:rubric-v1',
            s.started_at + (x.p || ' minutes')::interval, s.started_at + (x.p || ' minutes')::interval
     FROM (${pairs}) x
     JOIN interview_sessions s ON s.id = format('20000000-0000-4000-8000-%s', lpad(x.session_no::text, 12, '0'))::uuid
     JOIN session_questions q ON q.session_id = s.id AND q.plan_index = x.p AND NOT q.is_follow_up`,
    [ANSWER, FEEDBACK_TEXT],
  );
}

/** `count` ongoing sessions with `questions` planned questions and none answered: for POST /api/feedbacks. */
export async function seedSubmitSessions(c: pg.Client, count: number, questions = 20): Promise<void> {
  await c.query(
    `INSERT INTO interview_sessions (id, user_id, job_description_id, job_title, job_description, job_skills,
       job_experience, status, question_count, focus, started_at)
     SELECT format('21000000-0000-4000-8000-%s', lpad(k::text, 12, '0'))::uuid,
            format('00000000-0000-4000-8000-%s', lpad((((k - 1) % $1::int) + 1)::text, 12, '0'))::uuid,
            j.id, j.title, j.description, j.skills, j.experience, 'ongoing', $2::int, 'mixed', now()
     FROM generate_series(1, $3::int) k
     JOIN job_descriptions j ON j.id = format('10000000-0000-4000-8000-%s', lpad((((k - 1) % $4::int) + 1)::text, 12, '0'))::uuid`,
    [USERS, questions, count, JOBS],
  );
  await c.query(
    `INSERT INTO session_questions (session_id, plan_index, is_follow_up, category, skill, text)
     SELECT s.id, p, false, (ARRAY['technical', 'behavioural', 'situational'])[1 + p % 3],
            (ARRAY['TypeScript', 'PostgreSQL', 'REST API design', 'automated testing'])[1 + p % 4],
            'Question ' || p || ': tell me about a time you used ' ||
              (ARRAY['TypeScript', 'PostgreSQL', 'REST API design', 'automated testing'])[1 + p % 4] ||
              ' to solve a hard problem. What did you do, and what was the result?'
     FROM interview_sessions s CROSS JOIN generate_series(1, $1::int) p
     WHERE s.id::text LIKE '21000000-%'`,
    [questions],
  );
}

/**
 * A "hot" session owned by user 1 holding `rows` feedback rows (answers without a question row,
 * as after a question was deleted): only reachable by writing to the database directly, since
 * the API caps a session at MAX_ANSWERS_PER_SESSION (at most 200).
 */
export async function seedHotSession(c: pg.Client, n: number, rows: number): Promise<string> {
  const id = hotSessionId(n);
  await c.query(
    `INSERT INTO interview_sessions (id, user_id, job_description_id, job_title, job_description, job_skills,
       job_experience, status, question_count, focus, started_at)
     SELECT $1::uuid, $2::uuid, j.id, j.title, j.description, j.skills, j.experience, 'ongoing', 20, 'mixed', now() - interval '1 day'
     FROM job_descriptions j WHERE j.id = $3::uuid`,
    [id, userId(1), jobId(1)],
  );
  await c.query(
    `INSERT INTO feedback (session_id, user_id, question_id, question, answer, ai_feedback, score, category,
       strengths, improvements, skills_shown, grading_status, grading_attempts, evaluator, created_at, updated_at)
     SELECT $1::uuid, $2::uuid, NULL, 'Question ' || i || ': tell me about a hard problem you solved.', $3, $4, i % 11,
            'technical', ARRAY['Clear situation and result'], ARRAY['Name the trade-offs'], ARRAY['PostgreSQL'],
            'graded', 1, 'offline:rubric-v1',
            now() - interval '1 day' + (i || ' milliseconds')::interval, now() - interval '1 day' + (i || ' milliseconds')::interval
     FROM generate_series(1, $5::int) i`,
    [id, userId(1), ANSWER, FEEDBACK_TEXT, rows],
  );
  return id;
}
