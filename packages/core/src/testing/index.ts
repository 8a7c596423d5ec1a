export * from '../engine/openai/fake-openai-server.ts';
export * from '../voice/testing.ts';
export * from './factories.ts';
export { createTestGradingQueue, testQueueTimings } from './grading-queue.ts';
export { untilBlockedBy } from './locks.ts';
export { aptInstall, provideCommand, whyNoApt } from './system-command.ts';
export { createTestDatabase } from './test-db.ts';
