// The database refuses what the schema refuses, even when the services are bypassed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { makeJob, makeUser, unique } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { toDomainError } from '../to-domain-error.ts';
import { createDatabase, type DatabaseHandle } from './connect.ts';
import { translateDbError } from './errors.ts';
import type { NewSessionRow } from './types.ts';

let h: DatabaseHandle;

beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

/** The PostgreSQL error a statement fails with. */
async function pgError(p: Promise<unknown>): Promise<{ code: string; constraint?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: unknown; constraint?: string; message?: string };
    if (typeof err.code !== 'string') throw new Error(`not a PostgreSQL error: ${String(e)}`, { cause: e });
    return { code: err.code, constraint: err.constraint, message: err.message ?? '' };
  }
  throw new Error('the statement succeeded');
}

const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

async function sessionRow(extra: Partial<NewSessionRow> = {}): Promise<NewSessionRow> {
  const { user } = await makeUser(h.db);
  return {
    user_id: user.id,
    job_description_id: null,
    job_title: 'T',
    job_description: 'D',
    job_skills: 'S',
    job_experience: '',
    question_count: 3,
    focus: 'mixed',
    ...extra,
  };
}
const insertSession = (row: NewSessionRow) =>
  h.db.insertInto('interview_sessions').values(row).returning('id').executeTakeFirstOrThrow();

async function feedbackBase() {
  const row = await sessionRow();
  const { id } = await insertSession(row);
  return {
    session_id: id,
    user_id: row.user_id,
    question: 'Q?',
    answer: 'A.',
    category: 'technical' as const,
  };
}

describe('check constraints (23514)', () => {
  it('session status outside the lifecycle', async () => {
    const e = await pgError(insertSession(await sessionRow({ status: 'paused' as never })));
    expect(e.code).toBe('23514');
  });

  it('job visibility other than public/private', async () => {
    const { user } = await makeUser(h.db);
    const e = await pgError(
      h.db
        .insertInto('job_descriptions')
        .values({
          title: 't',
          description: 'd',
          skills: 's',
          experience: '',
          created_by: user.id,
          visibility: 'secret' as never,
        })
        .execute(),
    );
    expect(e.code).toBe('23514');
  });

  it('feedback score 11 and -1', async () => {
    for (const score of [11, -1]) {
      const base = await feedbackBase();
      const e = await pgError(
        h.db
          .insertInto('feedback')
          .values({ ...base, score })
          .execute(),
      );
      expect(e.code).toBe('23514');
    }
    const ok = await feedbackBase();
    await h.db
      .insertInto('feedback')
      .values({ ...ok, score: 10 })
      .execute();
  });

  it('a feedback rubric that is not an array', async () => {
    const e = await pgError(
      h.db
        .insertInto('feedback')
        .values({ ...(await feedbackBase()), rubric: '{"key":"relevance"}' })
        .execute(),
    );
    expect(e.constraint).toBe('feedback_rubric_is_array');
    await h.db
      .insertInto('feedback')
      .values({ ...(await feedbackBase()), rubric: '[]' })
      .execute();
  });

  it('session score 101, and a score on a session that is not completed', async () => {
    const started = new Date(Date.now() - 60_000);
    const e = await pgError(
      insertSession(
        await sessionRow({ status: 'completed', started_at: started, ended_at: new Date(), score: 101 }),
      ),
    );
    expect(e.code).toBe('23514');
    const e2 = await pgError(
      insertSession(await sessionRow({ status: 'ongoing', started_at: started, score: 50 })),
    );
    expect(e2.code).toBe('23514');
    await insertSession(
      await sessionRow({ status: 'completed', started_at: started, ended_at: new Date(), score: 100 }),
    );
  });

  it('a completed session without a score (or without times)', async () => {
    const e = await pgError(
      insertSession(await sessionRow({ status: 'completed', started_at: new Date(), ended_at: new Date() })),
    );
    expect(e.code).toBe('23514');
    const e2 = await pgError(insertSession(await sessionRow({ status: 'completed', score: 50 })));
    expect(e2.code).toBe('23514');
    const e3 = await pgError(insertSession(await sessionRow({ status: 'ongoing' })));
    expect(e3.code).toBe('23514');
    const e4 = await pgError(insertSession(await sessionRow({ status: 'pending', started_at: new Date() })));
    expect(e4.code).toBe('23514');
  });

  it('question_count 0 and 21', async () => {
    for (const question_count of [0, 21]) {
      const e = await pgError(insertSession(await sessionRow({ question_count })));
      expect(e.code).toBe('23514');
    }
    await insertSession(await sessionRow({ question_count: 20 }));
  });

  it('a password hash that is not argon2id', async () => {
    const u = unique();
    for (const password_hash of ['plaintext', '$argon2i$v=19$m=4096,t=3,p=1$abc$def', '$2b$10$bcrypt']) {
      const e = await pgError(
        h.db
          .insertInto('users')
          .values({ email: `h${u}@x.io`, username: `h_${u}`, password_hash })
          .execute(),
      );
      expect(e.code).toBe('23514');
    }
  });

  it('a private job without an owner', async () => {
    const e = await pgError(
      h.db
        .insertInto('job_descriptions')
        .values({
          title: 't',
          description: 'd',
          skills: 's',
          experience: '',
          created_by: null,
          visibility: 'private',
        })
        .execute(),
    );
    expect(e.code).toBe('23514');
    // and an owner's deletion cannot leave one behind
    const { user } = await makeUser(h.db);
    const job = await makeJob(h.db, { id: user.id, roles: ['candidate'] });
    const e2 = await pgError(h.db.deleteFrom('users').where('id', '=', user.id).execute());
    expect(e2.code).toBe('23514');
    expect(job.visibility).toBe('private');
  });

  it('a graded feedback needs a score and an evaluator', async () => {
    const base = await feedbackBase();
    const e = await pgError(
      h.db
        .insertInto('feedback')
        .values({ ...base, grading_status: 'graded' })
        .execute(),
    );
    expect(e.code).toBe('23514');
  });
});

describe('unique constraints (23505)', () => {
  it('email, case-insensitively', async () => {
    const u = unique();
    await h.db
      .insertInto('users')
      .values({ email: `A${u}@x.io`, username: `a_${u}`, password_hash: hash })
      .execute();
    const e = await pgError(
      h.db
        .insertInto('users')
        .values({ email: `a${u}@X.IO`, username: `b_${u}`, password_hash: hash })
        .execute(),
    );
    expect(e.code).toBe('23505');
    expect(e.constraint).toBe('users_email_lower_key');
  });

  it('username (case-insensitively too)', async () => {
    const u = unique();
    await h.db
      .insertInto('users')
      .values({ email: `c${u}@x.io`, username: `same_${u}`, password_hash: hash })
      .execute();
    for (const username of [`same_${u}`, `SAME_${u}`]) {
      const e = await pgError(
        h.db
          .insertInto('users')
          .values({ email: `d${unique()}@x.io`, username, password_hash: hash })
          .execute(),
      );
      expect(e.code).toBe('23505');
      expect(e.constraint).toBe('users_username_lower_key');
    }
  });

  it('one answer per question', async () => {
    const base = await feedbackBase();
    const q = await h.db
      .insertInto('session_questions')
      .values({
        session_id: base.session_id,
        plan_index: 1,
        is_follow_up: false,
        category: 'technical',
        skill: 's',
        text: 'Q?',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('feedback')
      .values({ ...base, question_id: q.id })
      .execute();
    const e = await pgError(
      h.db
        .insertInto('feedback')
        .values({ ...base, question_id: q.id })
        .execute(),
    );
    expect(e.code).toBe('23505');
  });
});

describe('data exceptions', () => {
  it('a NUL byte in text is refused with an error', async () => {
    const { user } = await makeUser(h.db);
    const err = await h.db
      .insertInto('job_descriptions')
      .values({
        title: 'nul\u0000byte',
        description: 'd',
        skills: 's',
        experience: '',
        created_by: user.id,
        visibility: 'private',
      })
      .execute()
      .then(
        () => null,
        (e: unknown) => toDomainError(e),
      );
    expect(err?.code).toBe('VALIDATION');
    const stored = await h.db
      .selectFrom('job_descriptions')
      .select('id')
      .where('created_by', '=', user.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('a number out of range (22003)', async () => {
    const e = await pgError(insertSession(await sessionRow({ question_count: 70_000 })));
    expect(e.code).toBe('22003');
  });

  it('an invalid uuid (22P02)', async () => {
    const e = await pgError(sql`SELECT * FROM users WHERE id = ${'not-a-uuid'}::uuid`.execute(h.db));
    expect(e.code).toBe('22P02');
  });
});

describe('translateDbError', () => {
  it('maps real database errors: 23505 → CONFLICT, 23514 and 22xxx → VALIDATION, 23503 → NOT_FOUND', async () => {
    const u = unique();
    await h.db
      .insertInto('users')
      .values({ email: `t${u}@x.io`, username: `t_${u}`, password_hash: hash })
      .execute();
    const dup = await pgError(
      h.db
        .insertInto('users')
        .values({ email: `T${u}@x.io`, username: `t2_${u}`, password_hash: hash })
        .execute(),
    );
    // the constraint's entry in the one table (UNIQUE_VIOLATIONS) names the field
    const mapped = translateDbError(dup);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({
      code: 'CONFLICT',
      message: 'An account with this email already exists',
      issues: [{ path: ['email'], message: 'An account with this email already exists' }],
    });

    const check = await pgError(insertSession(await sessionRow({ question_count: 0 })));
    expect(translateDbError(check)).toMatchObject({ code: 'VALIDATION' });
    const range = await pgError(insertSession(await sessionRow({ question_count: 70_000 })));
    expect(translateDbError(range)).toMatchObject({ code: 'VALIDATION' });
    const fk = await pgError(insertSession(await sessionRow({ user_id: crypto.randomUUID() })));
    expect(fk.code).toBe('23503');
    expect(translateDbError(fk)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('maps codes it is given, and leaves other errors alone', () => {
    expect(translateDbError({ code: '23505', constraint: 'x' })).toMatchObject({ code: 'CONFLICT' });
    expect(translateDbError({ code: '23514' })).toMatchObject({ code: 'VALIDATION' });
    expect(translateDbError({ code: '22021' })).toMatchObject({ code: 'VALIDATION' });
    expect(translateDbError({ code: '22P02' })).toMatchObject({ code: 'VALIDATION' });
    expect(translateDbError({ code: '57P01' })).toMatchObject({ code: 'UNAVAILABLE' });
    expect(translateDbError({ code: '08006' })).toMatchObject({ code: 'UNAVAILABLE' });
    expect(translateDbError({ code: '57014' })).toMatchObject({ code: 'UNAVAILABLE' });
    const econn = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(translateDbError(econn)).toMatchObject({ code: 'UNAVAILABLE' });
    const plain = new Error('boom');
    expect(translateDbError(plain)).toBe(plain);
    const domain = new DomainError('FORBIDDEN', 'no');
    expect(translateDbError(domain)).toBe(domain);
    const other = { code: '42P01' };
    expect(translateDbError(other)).toBe(other);
  });

  it('a server that refuses connections → UNAVAILABLE (503), not a raw socket error', async () => {
    const down = await createDatabase({
      url: 'postgres://postgres@127.0.0.1:1/nothing',
      connectionTimeoutMs: 2000,
    });
    try {
      const err = await sql`SELECT 1`.execute(down.db).then(
        () => null,
        (e: unknown) => toDomainError(e),
      );
      expect(err?.code).toBe('UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
