/**
 * Test factories: rows with unique defaults that a test overrides only where it matters.
 * Used by core's tests and by the server's. Users are inserted through the queries (not the
 * users service) so a test suite pays for one argon2id hash per process, not one per user.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/types.ts';
import { DEFAULT_HOURLY_MODEL_CALLS, DEFAULT_MAX_ANSWERS_PER_SESSION } from '../defaults.ts';
import { createOfflineProvider, type InterviewerProvider } from '../engine/index.ts';
import type { Focus } from '../engine/types.ts';
import type { RoleName } from '../enums.ts';
import { DomainError, type ErrorCode } from '../errors.ts';
import * as jq from '../queries/jobs.ts';
import * as uq from '../queries/users.ts';
import type { Job } from '../schemas/jobs.ts';
import type { SessionDetail } from '../schemas/sessions.ts';
import type { User } from '../schemas/users.ts';
import type { Actor, MaybeActor } from '../services/actor.ts';
import type { Interviewer, InterviewLimits, ServiceContext } from '../services/context.ts';
import * as jobsService from '../services/jobs.ts';
import { toJob, toUser } from '../services/mappers.ts';
import * as sessionsService from '../services/sessions.ts';
import { toDomainError } from '../to-domain-error.ts';

type Db = Kysely<Database>;

/** The password every factory user has unless a test gives another. */
export const DEFAULT_PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A value no other call in this process (or, thanks to the random part, any other process) returns. */
export const unique = (): string => `${++counter}${randomBytes(3).toString('hex')}`;

let defaultHash: Promise<string> | null = null;
/** One argon2id hash of DEFAULT_PASSWORD per process. */
const defaultPasswordHash = (): Promise<string> => {
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
};

export interface UserOverrides {
  email?: string;
  username?: string;
  password?: string;
  roles?: RoleName[];
  active?: boolean;
}

export interface MadeUser {
  user: User;
  /** The plain password, for login tests. */
  password: string;
  /** The actor to call services as. */
  actor: Actor;
}

export async function makeUser(db: Db, overrides: UserOverrides = {}): Promise<MadeUser> {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const passwordHash =
    overrides.password === undefined || overrides.password === DEFAULT_PASSWORD
      ? await defaultPasswordHash()
      : await hashPassword(overrides.password);
  const u = unique();
  const roles = overrides.roles ?? ['candidate'];
  const row = await db.transaction().execute(async (trx) => {
    const { id } = await uq.insertUser(trx, {
      email: overrides.email ?? `user${u}@example.test`,
      username: overrides.username ?? `user_${u}`,
      password_hash: passwordHash,
      active: overrides.active ?? true,
    });
    await uq.setUserRoles(trx, id, roles);
    return (await uq.findUserById(trx, id))!;
  });
  const user = toUser(row);
  return { user, password, actor: { id: user.id, roles: user.roles } };
}

/** An admin (roles admin + candidate, like the bootstrap admin). */
export const makeAdmin = (db: Db, overrides: UserOverrides = {}): Promise<MadeUser> =>
  makeUser(db, { roles: ['admin', 'candidate'], ...overrides });

export interface JobOverrides {
  title?: string;
  description?: string;
  skills?: string;
  experience?: string;
  visibility?: 'public' | 'private';
}

export const DEFAULT_JOB_SKILLS = 'TypeScript, PostgreSQL, REST API design, automated testing';

/**
 * A job description. With an actor it goes through the jobs service (so an admin's is public and
 * a candidate's private by default, and the service's rules apply); with null it is inserted
 * directly as a public job without a creator (a seeded catalogue entry).
 */
export async function makeJob(db: Db, actor: MaybeActor, overrides: JobOverrides = {}): Promise<Job> {
  const u = unique();
  const fields = {
    title: overrides.title ?? `Backend Engineer ${u}`,
    description:
      overrides.description ??
      `We are hiring a backend engineer (${u}) to build and run our REST APIs on PostgreSQL, ` +
        'write automated tests, review code and mentor colleagues.',
    skills: overrides.skills ?? DEFAULT_JOB_SKILLS,
    experience: overrides.experience ?? '2-4 yrs',
  };
  if (actor === null) {
    return toJob(
      await jq.insertJob(db, { ...fields, visibility: overrides.visibility ?? 'public', created_by: null }),
    );
  }
  return jobsService.createJob(db, actor, {
    ...fields,
    ...(overrides.visibility !== undefined && { visibility: overrides.visibility }),
  });
}

/** The limits tests run with unless they override them: a deployment's defaults, no creation quotas. */
export const TEST_LIMITS: InterviewLimits = {
  maxAnswersPerSession: DEFAULT_MAX_ANSWERS_PER_SESSION,
  hourlyModelCalls: DEFAULT_HOURLY_MODEL_CALLS,
};

/** The offline interviewer, no fallback, TEST_LIMITS (limits may be overridden). */
export const offlineInterviewer = (limits: Partial<InterviewLimits> = {}): Interviewer => ({
  provider: createOfflineProvider(),
  fallback: null,
  limits: { ...TEST_LIMITS, ...limits },
});

export const makeServiceContext = (
  db: Db,
  interviewer: Interviewer = offlineInterviewer(),
): ServiceContext => ({
  db,
  interviewer,
});

export interface SessionOverrides {
  /** Defaults to a new job made by the same actor (private for a candidate, public for an admin). */
  job_description_id?: string;
  question_count?: number;
  focus?: Focus;
  /** Start it too (pending → ongoing, questions planned). */
  start?: boolean;
}

/** A pending session for `actor` (3 questions, mixed focus), or an ongoing one with `start: true`. */
export async function makeSession(
  ctx: ServiceContext,
  actor: Actor,
  overrides: SessionOverrides = {},
): Promise<SessionDetail> {
  const jobId = overrides.job_description_id ?? (await makeJob(ctx.db, actor)).id;
  const created = await sessionsService.createSession(ctx.db, actor, {
    job_description_id: jobId,
    question_count: overrides.question_count ?? 3,
    focus: overrides.focus ?? 'mixed',
  });
  return overrides.start ? sessionsService.startSession(ctx, actor, created.id) : created;
}

/** A detailed, structured answer (situation, own actions, numbers, result) that the offline rubric grades well. */
export const STRONG_ANSWER =
  'In my last role our REST API on PostgreSQL had p95 latency of 900 ms during peak traffic. ' +
  'I was responsible for fixing it before a launch two weeks later. I profiled the slowest endpoints, ' +
  'found two missing indexes and an N+1 query in our TypeScript service, added the indexes, rewrote the ' +
  'query as a join, and wrote automated integration tests so it could not regress. I also set up a ' +
  'dashboard and alert. As a result p95 latency dropped from 900 ms to 120 ms, error rate fell by 40%, ' +
  'and the launch went ahead on schedule. I learned to measure before optimising, because the trade-off ' +
  'between caching and fixing queries only became clear from the data.';

/** On topic but vague (no example, no result, no numbers): the offline evaluator asks a follow-up. */
export const thinAnswer = (skill: string): string =>
  `I have worked with ${skill} a lot and I think I am quite good at ${skill}.`;

/** A provider for tests: evaluator "openai:test" (metered like a real model), overridable per method. */
export function fakeProvider(
  overrides: Partial<
    Pick<InterviewerProvider, 'planQuestions' | 'evaluateAnswer' | 'summarise' | 'modelAnswer'>
  > & {
    evaluator?: string;
  } = {},
): InterviewerProvider & { calls: { plan: number; evaluate: number; summarise: number } } {
  const calls = { plan: 0, evaluate: 0, summarise: 0 };
  const offline = createOfflineProvider();
  return {
    evaluator: overrides.evaluator ?? 'openai:test',
    calls,
    planQuestions(input) {
      calls.plan++;
      return (overrides.planQuestions ?? offline.planQuestions)(input);
    },
    evaluateAnswer(input) {
      calls.evaluate++;
      return (overrides.evaluateAnswer ?? offline.evaluateAnswer)(input);
    },
    summarise(input) {
      calls.summarise++;
      return (overrides.summarise ?? offline.summarise)(input);
    },
    modelAnswer(input) {
      return (overrides.modelAnswer ?? offline.modelAnswer!)(input);
    },
  };
}

/**
 * The DomainError a client gets when a promise rejects: what it threw, translated the way the
 * edge translates it (`toDomainError`: database errors included). Throws if the call succeeds or
 * fails with a fault of ours (INTERNAL, unless asked for), and checks the code when one is given.
 */
export async function domainError(promise: Promise<unknown>, code?: ErrorCode): Promise<DomainError> {
  let thrown: unknown;
  let failed = false;
  try {
    await promise;
  } catch (e) {
    thrown = e;
    failed = true;
  }
  const error = failed ? toDomainError(thrown) : undefined;
  if (!error || (error.code === 'INTERNAL' && code !== 'INTERNAL' && !(thrown instanceof DomainError))) {
    throw new Error(
      error === undefined
        ? `expected a DomainError${code ? ` ${code}` : ''}, but the call succeeded`
        : `expected a DomainError${code ? ` ${code}` : ''}, got ${String(thrown)}`,
      { cause: thrown },
    );
  }
  if (code && error.code !== code) {
    throw new Error(`expected DomainError ${code}, got ${error.code}: ${error.message}`, { cause: error });
  }
  return error;
}
