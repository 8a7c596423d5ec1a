/**
 * What durable grading adds to the answer path: the same server twice on one throwaway
 * database (on TEST_DATABASE_URL's PostgreSQL, dropped after), one with the grading queue (the
 * job sent in the answer's transaction, deleted once graded) and one without, answers sent one
 * at a time to each in turn (so drift hits both alike), offline grading. Prints p50/p90 of
 * `POST /api/feedbacks` for each, and the difference.
 *
 *   tsx src/tools/grading-queue-cost.ts [answers per side, default 300]
 */
import { createDatabase, GradingQueue, migrateToLatest, TokenAuth } from '@ai-interviewer/core';
import { makeJob, makeUser } from '@ai-interviewer/core/testing';
import { buildServer } from '@ai-interviewer/server';
import { createLoadDatabase } from '../lib/databases.ts';
import { call, offlineInterviewer } from '../load/support.ts';

const perSide = Number(process.argv[2] ?? 300);
const QUESTIONS = 20;

const db = await createLoadDatabase();
const handle = await createDatabase({ url: db.url, poolMax: 10 });
try {
  await migrateToLatest(handle.db);
  const queue = new GradingQueue(handle.db, {
    schema: 'pgboss',
    recoveryDelaySeconds: 10,
    pollingSeconds: 1,
    concurrency: 20,
    expireSeconds: 120,
    maintenanceSeconds: 10,
  });
  await queue.start();
  const interviewer = offlineInterviewer();
  const auth = new TokenAuth(handle.db);
  const apps = {
    queued: await buildServer({ services: { db: handle.db, interviewer, grading: queue }, auth }),
    inline: await buildServer({ services: { db: handle.db, interviewer }, auth }),
  };
  const urls: Record<string, string> = {};
  for (const [name, app] of Object.entries(apps)) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    urls[name] = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  const job = await makeJob(handle.db, null);
  const { user } = await makeUser(handle.db);
  const { token } = await auth.issue(user.id);
  const sessions: Record<string, { id: string; left: number }> = {};
  const newSession = async (base: string) => {
    const created = await call(base, 'POST', '/api/sessions', {
      token,
      body: { job_description_id: job.id, question_count: QUESTIONS },
    });
    await call(base, 'POST', `/api/sessions/${created.body.id}/start`, { token });
    return { id: created.body.id as string, left: QUESTIONS };
  };
  const times: Record<string, number[]> = { queued: [], inline: [] };
  const answer =
    'In my last role our REST API on PostgreSQL was slow at peak. I profiled it, added two indexes and ' +
    'rewrote an N+1 query; p95 fell from 900 ms to 120 ms.';
  // a warm-up of 30 answers per side, then the measured ones
  for (let i = 0; i < perSide + 30; i++) {
    for (const name of ['queued', 'inline']) {
      const base = urls[name]!;
      let s = sessions[name];
      if (!s || s.left === 0) {
        s = await newSession(base);
        sessions[name] = s;
      }
      const r = await call(base, 'POST', '/api/feedbacks', { token, body: { session_id: s.id, answer } });
      if (r.status !== 201) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`);
      // follow-ups add questions: go by what the server says is left
      s.left = r.body.done ? 0 : s.left - 1 || 1;
      if (i >= 30) times[name]!.push(r.ms);
    }
  }
  const pct = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  };
  const row = (name: string) =>
    `${name.padEnd(7)} p50 ${pct(times[name]!, 50).toFixed(2)} ms, p90 ${pct(times[name]!, 90).toFixed(2)} ms`;
  console.log(`POST /api/feedbacks, ${perSide} answers each, one at a time, offline grading`);
  console.log(row('inline'));
  console.log(row('queued'));
  console.log(
    `added by the queue: p50 ${(pct(times.queued!, 50) - pct(times.inline!, 50)).toFixed(2)} ms, ` +
      `p90 ${(pct(times.queued!, 90) - pct(times.inline!, 90)).toFixed(2)} ms; jobs left waiting: ${await queue.waiting()}`,
  );
  for (const app of Object.values(apps)) await app.close();
  await queue.stop(1000);
} finally {
  await handle.close();
  await db.drop();
}
