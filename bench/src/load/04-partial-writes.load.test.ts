/**
 * A failure in the middle of a multi-row write leaves no partial rows. Three real multi-statement
 * writes, each made to fail after its first statement succeeded:
 *  - starting a session (pending → ongoing, then the planned questions): a trigger that fails
 *    the third question's insert;
 *  - registering (the user row, then its role): a trigger that fails the role insert;
 *  - deleting a user (their private jobs, then the user row and its cascades): a trigger that
 *    fails on the cascade into their feedback.
 * Triggers live only in this file's throwaway database.
 */
import { makeJob, makeUser, STRONG_ANSWER } from '@ai-interviewer/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoadDatabase } from '../lib/databases.ts';
import { call, type InProcessServer, offlineInterviewer, startInProcessServer } from './support.ts';

let db: Awaited<ReturnType<typeof createLoadDatabase>>;
let server: InProcessServer;
let sql: pg.Client;

beforeAll(async () => {
  db = await createLoadDatabase();
  server = await startInProcessServer({ url: db.url, interviewer: offlineInterviewer() });
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query(`
    CREATE TABLE load_faults (kind text NOT NULL, value text NOT NULL);
    CREATE FUNCTION load_fault_questions() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.plan_index = 3 AND EXISTS (SELECT 1 FROM load_faults f WHERE f.kind = 'start' AND f.value = NEW.session_id::text) THEN
        RAISE EXCEPTION 'injected failure: question insert';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER load_fault_questions BEFORE INSERT ON session_questions FOR EACH ROW EXECUTE FUNCTION load_fault_questions();
    CREATE FUNCTION load_fault_roles() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM users u JOIN load_faults f ON f.kind = 'register' AND f.value = u.email WHERE u.id = NEW.user_id) THEN
        RAISE EXCEPTION 'injected failure: role insert';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER load_fault_roles BEFORE INSERT ON user_roles FOR EACH ROW EXECUTE FUNCTION load_fault_roles();
    CREATE FUNCTION load_fault_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM load_faults f WHERE f.kind = 'delete' AND f.value = OLD.user_id::text) THEN
        RAISE EXCEPTION 'injected failure: feedback delete';
      END IF;
      RETURN OLD;
    END $$;
    CREATE TRIGGER load_fault_feedback BEFORE DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION load_fault_feedback();
  `);
});

afterAll(async () => {
  await sql?.end();
  await server?.close();
  await db?.drop();
});

const one = async (text: string, params: unknown[] = []) =>
  (await sql.query(text, params)).rows[0] as Record<string, unknown>;

test('a session start whose question insert fails leaves the session pending with no questions', async () => {
  const { user } = await makeUser(server.handle.db);
  const { token } = await server.auth.issue(user.id);
  const job = await makeJob(server.handle.db, null);
  const created = await call(server.url, 'POST', '/api/sessions', {
    token,
    body: { job_description_id: job.id, question_count: 5 },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;

  await sql.query(`INSERT INTO load_faults VALUES ('start', $1)`, [id]);
  const failed = await call(server.url, 'POST', `/api/sessions/${id}/start`, { token });
  // an injected server-side fault, not a client mistake: a 500 with no details
  expect(failed.status, JSON.stringify(failed.body)).toBe(500);
  console.log(
    `[partial] start whose third question insert fails: ${failed.status} ${JSON.stringify(failed.body)}`,
  );
  expect(await one('SELECT status, started_at FROM interview_sessions WHERE id = $1', [id])).toEqual({
    status: 'pending',
    started_at: null,
  });
  expect(await one('SELECT count(*)::int AS n FROM session_questions WHERE session_id = $1', [id])).toEqual({
    n: 0,
  });

  // nothing left behind blocks a good start
  await sql.query(`DELETE FROM load_faults WHERE kind = 'start'`);
  const started = await call(server.url, 'POST', `/api/sessions/${id}/start`, { token });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  expect(await one('SELECT count(*)::int AS n FROM session_questions WHERE session_id = $1', [id])).toEqual({
    n: 5,
  });
});

test('a registration whose role insert fails leaves no user behind', async () => {
  const email = `half-${Date.now()}@example.test`;
  await sql.query(`INSERT INTO load_faults VALUES ('register', $1)`, [email]);
  const r = await call(server.url, 'POST', '/api/auth/register', {
    body: { email, username: `half_${Date.now()}`, password: 'long enough password' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(500);
  expect(r.body.error.code).toBe('INTERNAL');
  expect(JSON.stringify(r.body)).not.toContain('injected'); // no internals leak
  expect(await one('SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)', [email])).toEqual({
    n: 0,
  });

  await sql.query(`DELETE FROM load_faults WHERE kind = 'register'`);
  const again = await call(server.url, 'POST', '/api/auth/register', {
    body: { email, username: `whole_${Date.now()}`, password: 'long enough password' },
  });
  expect(again.status, JSON.stringify(again.body)).toBe(201);
});

test('a user deletion that fails midway deletes nothing', async () => {
  const { user } = await makeUser(server.handle.db);
  const { token } = await server.auth.issue(user.id);
  const publicJob = await makeJob(server.handle.db, null);
  await makeJob(server.handle.db, { id: user.id, roles: ['candidate'] }); // a private job of theirs
  const created = await call(server.url, 'POST', '/api/sessions', {
    token,
    body: { job_description_id: publicJob.id, question_count: 3 },
  });
  const id = created.body.id as string;
  expect((await call(server.url, 'POST', `/api/sessions/${id}/start`, { token })).status).toBe(200);
  for (let i = 0; i < 2; i++) {
    expect(
      (
        await call(server.url, 'POST', '/api/feedbacks', {
          token,
          body: { session_id: id, answer: STRONG_ANSWER },
        })
      ).status,
    ).toBe(201);
  }
  const snapshot = () =>
    one(
      `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users,
              (SELECT count(*) FROM user_roles WHERE user_id = $1)::int AS roles,
              (SELECT count(*) FROM auth_sessions WHERE user_id = $1)::int AS logins,
              (SELECT count(*) FROM job_descriptions WHERE created_by = $1)::int AS jobs,
              (SELECT count(*) FROM interview_sessions WHERE user_id = $1)::int AS sessions,
              (SELECT count(*) FROM session_questions q JOIN interview_sessions s ON s.id = q.session_id WHERE s.user_id = $1)::int AS questions,
              (SELECT count(*) FROM feedback WHERE user_id = $1)::int AS feedback`,
      [user.id],
    );
  const before = await snapshot();
  expect(before).toEqual({
    users: 1,
    roles: 1,
    logins: 1,
    jobs: 1,
    sessions: 1,
    questions: before.questions,
    feedback: 2,
  });

  await sql.query(`INSERT INTO load_faults VALUES ('delete', $1)`, [user.id]);
  const failed = await call(server.url, 'DELETE', `/api/users/${user.id}`, { token });
  expect(failed.status, JSON.stringify(failed.body)).toBe(500);
  expect(await snapshot()).toEqual(before);
  expect((await call(server.url, 'GET', '/api/auth/me', { token })).status).toBe(200);

  await sql.query(`DELETE FROM load_faults WHERE kind = 'delete'`);
  expect((await call(server.url, 'DELETE', `/api/users/${user.id}`, { token })).status).toBe(204);
  expect(await snapshot()).toEqual({
    users: 0,
    roles: 0,
    logins: 0,
    jobs: 0,
    sessions: 0,
    questions: 0,
    feedback: 0,
  });
});
