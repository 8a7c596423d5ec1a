import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import { nameStatement } from '../db/prepared.ts';
import type { Database } from '../db/types.ts';

/**
 * The durable half of grading: pg-boss (a PostgreSQL-backed job queue, v10 — the last major
 * that runs on Node 20; v11+ need Node 22) keeps one job per stored answer, inserted in the
 * answer's own transaction. The instance that stored the answer grades it at once and deletes
 * the job; a job still there `recoveryDelaySeconds` later belongs to an answer whose instance
 * died (or whose grade could not be recorded), and any live instance's worker grades it.
 *
 * pg-boss runs on the app's own pool through an executor (no second pool per instance), and
 * in its own schema. Its SQL is the library's; ours stays in queries/.
 */
export const GRADING_QUEUE = 'grade-answer';

export interface GradingQueueOptions {
  /** pg-boss's schema (its tables, created by pg-boss on start). */
  schema: string;
  /** How long the storing instance has to grade before the job is anyone's. */
  recoveryDelaySeconds: number;
  /** How often an idle worker looks for jobs. */
  pollingSeconds: number;
  /** Left-over answers one instance grades at once. */
  concurrency: number;
  /** A worker that took a job and went silent this long (killed mid-grading) loses it to a retry. */
  expireSeconds: number;
  /** How often pg-boss's maintenance (which expires such jobs) runs, on one instance at a time. */
  maintenanceSeconds: number;
}

export interface GradingJob {
  feedbackId: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * pg-boss's database interface on top of a Kysely (the pool, or an open transaction).
 * `statement`: its parameterised statements go out named so (see db/prepared.ts), for the job
 * insert on the answer's path.
 */
const executorOf = (db: Executor, statement?: string): PgBoss.Db => ({
  async executeSql(text: string, values?: unknown[]) {
    if (statement && values?.length) nameStatement(statement, text);
    const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: result.rows as unknown[] };
  },
});

export class GradingQueue {
  private readonly boss: PgBoss;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: () => void = () => {};
  private readonly inProgress = new Set<string>();

  constructor(
    db: Kysely<Database>,
    private readonly opts: GradingQueueOptions,
  ) {
    this.boss = new PgBoss({
      db: executorOf(db),
      schema: opts.schema,
      maintenanceIntervalSeconds: opts.maintenanceSeconds,
      // the cron clock and state counts serve features we do not use
      schedule: false,
      monitorStateIntervalSeconds: 3600,
    });
  }

  /** Creates pg-boss's schema and our queue if missing (idempotent; safe on several instances at once). */
  async start(): Promise<void> {
    await this.boss.start();
    // pg-boss reports errors of its background loops as events; the next loop retries them
    this.boss.on('error', () => {});
    await this.boss.createQueue(GRADING_QUEUE, {
      name: GRADING_QUEUE,
      expireInSeconds: this.opts.expireSeconds,
      // a grade that keeps failing on the database is left "pending" for the regrade button
      retryLimit: 5,
      retryDelay: 1,
      retryBackoff: true,
    });
  }

  /** Schedules the grading of a stored answer, inside the transaction that stored it. */
  async enqueue(trx: Executor, feedbackId: string): Promise<string> {
    const data: GradingJob = { feedbackId };
    const id = await this.boss.send(GRADING_QUEUE, data, {
      db: executorOf(trx, 'grading_enqueue'),
      startAfter: this.opts.recoveryDelaySeconds,
    });
    if (!id) throw new Error('pg-boss did not create the grading job');
    return id;
  }

  /** The answer is graded (or failed for the user to regrade): nobody needs to grade it again. */
  async settle(jobId: string): Promise<void> {
    await this.boss.deleteJob(GRADING_QUEUE, jobId);
  }

  /**
   * Grades left-over answers on this instance until stop(): fetches up to `concurrency` jobs at
   * a time and grades them together; `grade` throws to have a job retried.
   *
   * pg-boss's own work() would do the polling, but it completes jobs without awaiting (a
   * database error there is an unhandled rejection, which ends the process); here every
   * queue call is awaited and its failure only delays the job.
   */
  work(grade: (job: GradingJob) => Promise<void>): void {
    if (this.loop) return;
    this.loop = (async () => {
      while (!this.stopping) {
        const jobs = await this.boss
          .fetch<GradingJob>(GRADING_QUEUE, { batchSize: this.opts.concurrency })
          .catch(() => []);
        if (jobs.length === 0) {
          await this.idle(this.opts.pollingSeconds * 1000);
          continue;
        }
        await Promise.all(
          jobs.map(async (job) => {
            this.inProgress.add(job.id);
            try {
              await grade(job.data);
              await this.boss.complete(GRADING_QUEUE, job.id);
            } catch (e) {
              const message = e instanceof Error ? e.message : String(e);
              // not failed on record: the job stays active and expires into a retry
              await this.boss.fail(GRADING_QUEUE, job.id, { message }).catch(() => {});
            } finally {
              this.inProgress.delete(job.id);
            }
          }),
        );
      }
    })();
  }

  /** Waits `ms`, or less if stop() is called meanwhile. */
  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * Stops taking jobs and waits (up to `timeoutMs`) for the ones in progress to finish; those
   * still running then are handed back (failed into a retry) for another instance.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.wake();
    if (this.loop) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, timeoutMs));
      });
      await Promise.race([this.loop, timedOut]);
      clearTimeout(timer);
      const unfinished = [...this.inProgress];
      if (unfinished.length) {
        await Promise.all(
          unfinished.map((id) =>
            this.boss.fail(GRADING_QUEUE, id, { message: 'instance shut down' }).catch(() => {}),
          ),
        );
      }
    }
    await this.boss.stop({ graceful: false, close: false });
  }

  /** A job's state (null: no such job), for tests and diagnostics. */
  async jobState(jobId: string): Promise<string | null> {
    return (await this.boss.getJobById(GRADING_QUEUE, jobId))?.state ?? null;
  }

  /** Jobs not finished yet (waiting, retrying or in progress). */
  waiting(): Promise<number> {
    return this.boss.getQueueSize(GRADING_QUEUE, { before: 'completed' });
  }
}
