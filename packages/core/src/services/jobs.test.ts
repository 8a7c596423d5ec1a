import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/connect.ts';
import { MAX_PAGE_SIZE, pageInput } from '../schemas/common.ts';
import { createJobInput, listJobsInput } from '../schemas/jobs.ts';
import {
  domainError,
  makeAdmin,
  makeJob,
  makeServiceContext,
  makeSession,
  makeUser,
  STRONG_ANSWER,
  unique,
} from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { ServiceContext } from './context.ts';
import * as feedback from './feedback.ts';
import * as jobs from './jobs.ts';
import * as sessions from './sessions.ts';

let h: DatabaseHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  h = await createTestDatabase();
  ctx = makeServiceContext(h.db);
});
afterAll(async () => {
  await h?.close();
});

async function cast() {
  const owner = (await makeUser(ctx.db)).actor;
  const other = (await makeUser(ctx.db)).actor;
  const admin = (await makeAdmin(ctx.db)).actor;
  return { owner, other, admin };
}

const input = (title: string, extra: Record<string, unknown> = {}) =>
  createJobInput.parse({ title, description: 'Build things.', skills: 'Go, Kafka', ...extra });

describe('creating', () => {
  it('an admin’s job is public by default and may be private', async () => {
    const { admin } = await cast();
    const job = await jobs.createJob(ctx.db, admin, input('Platform Engineer'));
    expect(job).toMatchObject({ visibility: 'public', created_by: admin.id, experience: '' });
    const priv = await jobs.createJob(ctx.db, admin, input('Draft', { visibility: 'private' }));
    expect(priv.visibility).toBe('private');
  });

  it('a candidate’s job is private and theirs; public is FORBIDDEN; anonymous is UNAUTHORIZED', async () => {
    const { owner } = await cast();
    const job = await jobs.createJob(ctx.db, owner, input('My target role'));
    expect(job).toMatchObject({ visibility: 'private', created_by: owner.id });
    const err = await domainError(
      jobs.createJob(ctx.db, owner, input('Sneaky', { visibility: 'public' })),
      'FORBIDDEN',
    );
    expect(err.message).toContain('visibility');
    await domainError(jobs.createJob(ctx.db, null, input('Nobody')), 'UNAUTHORIZED');
  });
});

describe('reading', () => {
  it('a public job: everyone, including anonymous', async () => {
    const { owner, admin } = await cast();
    const job = await makeJob(ctx.db, admin);
    for (const a of [owner, admin, null]) expect((await jobs.getJob(ctx.db, a, job.id)).id).toBe(job.id);
  });

  it('a private job: owner and admin; another candidate and anonymous get NOT_FOUND', async () => {
    const { owner, other, admin } = await cast();
    const job = await makeJob(ctx.db, owner);
    expect((await jobs.getJob(ctx.db, owner, job.id)).id).toBe(job.id);
    expect((await jobs.getJob(ctx.db, admin, job.id)).id).toBe(job.id);
    const hidden = await domainError(jobs.getJob(ctx.db, other, job.id), 'NOT_FOUND');
    const missing = await domainError(jobs.getJob(ctx.db, other, crypto.randomUUID()), 'NOT_FOUND');
    expect(hidden.message).toBe(missing.message);
    await domainError(jobs.getJob(ctx.db, null, job.id), 'NOT_FOUND');
  });

  it('the catalogue: anonymous sees public only; a candidate adds their own private ones; an admin sees all', async () => {
    const tag = `tag${unique()}`;
    const { owner, other, admin } = await cast();
    const pub = await makeJob(ctx.db, admin, { title: `Public ${tag}` });
    const seeded = await makeJob(ctx.db, null, { title: `Seeded ${tag}` });
    const mine = await makeJob(ctx.db, owner, { title: `Mine ${tag}` });
    const theirs = await makeJob(ctx.db, other, { title: `Theirs ${tag}` });
    const q = listJobsInput.parse({ q: tag });
    const ids = async (a: Parameters<typeof jobs.listJobs>[1]) =>
      new Set((await jobs.listJobs(ctx.db, a, q)).items.map((j) => j.id));
    expect(await ids(null)).toEqual(new Set([pub.id, seeded.id]));
    expect(await ids(owner)).toEqual(new Set([pub.id, seeded.id, mine.id]));
    expect(await ids(other)).toEqual(new Set([pub.id, seeded.id, theirs.id]));
    expect(await ids(admin)).toEqual(new Set([pub.id, seeded.id, mine.id, theirs.id]));
    // a visibility filter never widens what one may see
    const privOnly = await jobs.listJobs(
      ctx.db,
      owner,
      listJobsInput.parse({ q: tag, visibility: 'private' }),
    );
    expect(privOnly.items.map((j) => j.id)).toEqual([mine.id]);
    const anonPriv = await jobs.listJobs(
      ctx.db,
      null,
      listJobsInput.parse({ q: tag, visibility: 'private' }),
    );
    expect(anonPriv.total).toBe(0);
  });

  it('search by text and by skill; LIKE wildcards are literal', async () => {
    const tag = `tag${unique()}`;
    const a = await makeJob(ctx.db, null, { title: `Rustacean ${tag}`, skills: 'Rust, WebAssembly' });
    const b = await makeJob(ctx.db, null, {
      title: `Gopher ${tag}`,
      skills: 'Go, gRPC',
      description: '100% remote',
    });
    const skill = await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: tag, skill: 'webassembly' }));
    expect(skill.items.map((j) => j.id)).toEqual([a.id]);
    const pct = await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: '100%', skill: 'grpc' }));
    expect(pct.items.map((j) => j.id)).toEqual([b.id]);
    const wildcard = await jobs.listJobs(
      ctx.db,
      null,
      listJobsInput.parse({ q: `${tag.slice(0, 3)}_${tag.slice(4)}` }),
    );
    expect(wildcard.total).toBe(0);
  });

  it('pagination: limit / offset / total, newest first, stable; the page size is bounded', async () => {
    const tag = `tag${unique()}`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await makeJob(ctx.db, null, { title: `Job ${i} ${tag}` })).id);
    const got: string[] = [];
    for (const offset of [0, 2, 4]) {
      const p = await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: tag, limit: 2, offset }));
      expect(p).toMatchObject({ total: 5, limit: 2, offset });
      expect(p.items.length).toBe(offset === 4 ? 1 : 2);
      got.push(...p.items.map((j) => j.id));
    }
    expect(got).toEqual([...made].reverse());
    // the total rides on the page's rows; a page past the end still reports it
    const past = await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: tag, limit: 2, offset: 10 }));
    expect(past).toMatchObject({ items: [], total: 5 });
    // and the items carry only the documented fields
    expect(
      Object.keys(
        got.length ? (await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: tag }))).items[0]! : {},
      ),
    ).not.toContain('total');
    const all = await jobs.listJobs(ctx.db, null, listJobsInput.parse({ q: tag }));
    expect(all.items.map((j) => j.id)).toEqual(got);
    expect(pageInput.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(pageInput.parse({ limit: '100', offset: '7' })).toEqual({ limit: 100, offset: 7 });
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(() => pageInput.parse({ limit: 101 })).toThrow();
    expect(() => pageInput.parse({ limit: 0 })).toThrow();
    expect(() => pageInput.parse({ limit: 2.5 })).toThrow();
    expect(listJobsInput.parse({}).limit).toBe(20);
    expect(() => listJobsInput.parse({ limit: 101 })).toThrow();
    expect(() => listJobsInput.parse({ offset: -1 })).toThrow();
  });
});

describe('editing and deleting', () => {
  it('a public job: admin only; a candidate gets FORBIDDEN; anonymous UNAUTHORIZED', async () => {
    const { owner, admin } = await cast();
    const job = await makeJob(ctx.db, admin);
    await domainError(jobs.updateJob(ctx.db, owner, job.id, { title: 'Mine now' }), 'FORBIDDEN');
    await domainError(jobs.deleteJob(ctx.db, owner, job.id), 'FORBIDDEN');
    await domainError(jobs.updateJob(ctx.db, null, job.id, { title: 'Anyone' }), 'UNAUTHORIZED');
    await domainError(jobs.deleteJob(ctx.db, null, job.id), 'UNAUTHORIZED');
    const updated = await jobs.updateJob(ctx.db, admin, job.id, { title: 'Renamed', experience: '5+ yrs' });
    expect(updated).toMatchObject({ title: 'Renamed', experience: '5+ yrs', visibility: 'public' });
    expect(new Date(updated.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(job.updated_at).getTime());
    await jobs.deleteJob(ctx.db, admin, job.id);
    await domainError(jobs.getJob(ctx.db, admin, job.id), 'NOT_FOUND');
  });

  it('a private job: its owner and admins; another candidate gets NOT_FOUND', async () => {
    const { owner, other, admin } = await cast();
    const job = await makeJob(ctx.db, owner);
    await domainError(jobs.updateJob(ctx.db, other, job.id, { title: 'x' }), 'NOT_FOUND');
    await domainError(jobs.deleteJob(ctx.db, other, job.id), 'NOT_FOUND');
    expect((await jobs.updateJob(ctx.db, owner, job.id, { title: 'Mine, renamed' })).title).toBe(
      'Mine, renamed',
    );
    expect((await jobs.updateJob(ctx.db, admin, job.id, { skills: 'Elixir' })).skills).toBe('Elixir');
    await jobs.deleteJob(ctx.db, owner, job.id);
    await domainError(jobs.getJob(ctx.db, owner, job.id), 'NOT_FOUND');
  });

  it('a candidate cannot publish their private job; an admin can', async () => {
    const { owner, admin } = await cast();
    const job = await makeJob(ctx.db, owner);
    await domainError(jobs.updateJob(ctx.db, owner, job.id, { visibility: 'public' }), 'FORBIDDEN');
    expect((await jobs.getJob(ctx.db, owner, job.id)).visibility).toBe('private');
    expect((await jobs.updateJob(ctx.db, admin, job.id, { visibility: 'public' })).visibility).toBe('public');
    // now public: the candidate can no longer edit it
    await domainError(jobs.updateJob(ctx.db, owner, job.id, { title: 'x' }), 'FORBIDDEN');
  });

  it('deleting a job keeps the candidates’ sessions and feedback (job id null, title kept)', async () => {
    const { owner, admin } = await cast();
    const job = await makeJob(ctx.db, admin, { title: `Kept title ${unique()}` });
    const s = await makeSession(ctx, owner, { job_description_id: job.id, question_count: 2, start: true });
    const r = await feedback.submitAnswer(ctx, owner, { session_id: s.id, answer: STRONG_ANSWER });
    await jobs.deleteJob(ctx.db, admin, job.id);

    const after = await sessions.getSessionDetail(ctx.db, owner, s.id);
    expect(after.job_description_id).toBeNull();
    expect(after.job_title).toBe(job.title);
    expect(after.job_skills).toBe(job.skills);
    expect(after.questions).toHaveLength(2);
    expect((await feedback.getFeedback(ctx.db, owner, r.feedback.id)).answer).toBe(STRONG_ANSWER);
    // the interview goes on without the job
    await feedback.submitAnswer(ctx, owner, { session_id: s.id, answer: STRONG_ANSWER });
    const ended = await sessions.endSession(ctx, owner, s.id);
    expect(ended.status).toBe('completed');
    expect(ended.transcript).toContain(job.title);
  });

  it('editing a job does not change the sessions already made from it', async () => {
    const { owner, admin } = await cast();
    const job = await makeJob(ctx.db, admin);
    const s = await makeSession(ctx, owner, { job_description_id: job.id, question_count: 1 });
    await jobs.updateJob(ctx.db, admin, job.id, { title: 'Something else entirely' });
    expect((await sessions.getSessionDetail(ctx.db, owner, s.id)).job_title).toBe(job.title);
  });
});
