/**
 * Throwaway databases on a PostgreSQL server: the bench's `ai_bench` and one `ai_load_<random>`
 * per load-test file, on the embedded PostgreSQL each of them starts. Created through the
 * server's maintenance database, dropped WITH (FORCE) so a leftover connection cannot keep one alive.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the load tests' global setup leaves the URL of their embedded PostgreSQL. */
export const LOAD_DATABASE_URL = 'AI_LOAD_DATABASE_URL';

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const databaseOf = (url: string): string =>
  decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`refusing an unusual database name: ${name}`);
  return `"${name}"`;
};

/** One statement on the server's maintenance database (`postgres`). */
async function onMaintenance(url: string, statement: string): Promise<void> {
  const client = new pg.Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = quoteIdent(databaseOf(url));
  await onMaintenance(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await onMaintenance(url, `CREATE DATABASE ${name}`);
}

export async function dropDatabase(url: string): Promise<void> {
  await onMaintenance(url, `DROP DATABASE IF EXISTS ${quoteIdent(databaseOf(url))} WITH (FORCE)`);
}

/** A fresh, empty database `ai_load_<random>` on the load run's embedded PostgreSQL. */
export async function createLoadDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env[LOAD_DATABASE_URL];
  if (!base) {
    throw new Error(
      `${LOAD_DATABASE_URL} is unset: run the load tests with \`pnpm test:load\` (vitest.load.config.ts starts their PostgreSQL)`,
    );
  }
  const url = withDatabase(base, `ai_load_${randomBytes(5).toString('hex')}`);
  await recreateDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
