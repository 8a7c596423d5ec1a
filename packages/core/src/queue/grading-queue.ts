import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
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
  /** A worker that took a job and went silent this long (killed mid-grading) loses it to a retry. */
  expireSeconds: number;
  /** How often pg-boss's maintenance (which expires such jobs) runs, on one instance at a time. */
  maintenanceSeconds: number;
}

export interface GradingJob {
  feedbackId: string;
}

type Executor = Kysely<Database> | Transaction<Database>;

/** pg-boss's database interface on top of a Kysely (the pool, or an open transaction). */
const executorOf = (db: Executor): PgBoss.Db => ({
  async executeSql(text: string, values?: unknown[]) {
    const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: result.rows as unknown[] };
  },
});

export class GradingQueue {
  private readonly boss: PgBoss;
  private working = false;

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
      db: executorOf(trx),
      startAfter: this.opts.recoveryDelaySeconds,
    });
    if (!id) throw new Error('pg-boss did not create the grading job');
    return id;
  }

  /** The answer is graded (or failed for the user to regrade): nobody needs to grade it again. */
  async settle(jobId: string): Promise<void> {
    await this.boss.deleteJob(GRADING_QUEUE, jobId);
  }

  /** Grades left-over answers on this instance until stop(); `grade` throws to have a job retried. */
  async work(grade: (job: GradingJob) => Promise<void>): Promise<void> {
    this.working = true;
    await this.boss.work<GradingJob>(
      GRADING_QUEUE,
      { pollingIntervalSeconds: this.opts.pollingSeconds, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) await grade(job.data);
      },
    );
  }

  /** Stops taking jobs and waits (up to `timeoutMs`) for the ones in progress to finish. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.working) {
      await this.boss.stop({ graceful: false, close: false });
      return;
    }
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
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
