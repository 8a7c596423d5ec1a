export * from './factories.ts';
export { createTestDatabase } from './test-db.ts';
