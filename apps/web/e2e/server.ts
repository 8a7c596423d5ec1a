import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Actor,
  createOfflineProvider,
  type DatabaseHandle,
  jobs,
  TokenAuth,
  users,
  type Voice,
} from '@ai-interviewer/core';
import { createTestDatabase, TEST_LIMITS } from '@ai-interviewer/core/testing';
import { buildServer } from '@ai-interviewer/server';
import { ADMIN, CATALOGUE } from './fixtures.ts';

export const webDist = fileURLToPath(new URL('../dist', import.meta.url));

export interface App {
  baseUrl: string;
  adminActor: Actor;
  /** the server's database, for tests that check what the browser got against it */
  db: DatabaseHandle['db'];
  close(): Promise<void>;
}

/** The real server, in-process, on a fresh schema of the run's embedded PostgreSQL, serving the built SPA. */
export async function startApp(opts: { voice?: Voice } = {}): Promise<App> {
  if (!existsSync(resolve(webDist, 'index.html'))) {
    throw new Error(`No built SPA at ${webDist}: run "pnpm --filter @ai-interviewer/web build" first`);
  }
  const handle = await createTestDatabase(); // migrated
  const { user: admin } = await users.ensureAdmin(handle.db, ADMIN);
  const adminActor: Actor = { id: admin.id, roles: admin.roles };
  // oldest first: the catalogue lists newest first
  for (const job of [...CATALOGUE].reverse())
    await jobs.createJob(handle.db, adminActor, { ...job, visibility: 'public' });

  const app = await buildServer({
    services: {
      db: handle.db,
      interviewer: { provider: createOfflineProvider(), fallback: null, limits: TEST_LIMITS },
      ...(opts.voice && { voice: opts.voice }),
    },
    auth: new TokenAuth(handle.db),
    webDist,
    authRateLimit: { limit: 1000, windowMs: 60_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminActor,
    db: handle.db,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}
