export * from './factories.ts';
export { createTestGradingQueue, testQueueTimings } from './grading-queue.ts';
export { createTestDatabase } from './test-db.ts';
