/**
 * Migration 0002 on a database that already has rows: they are numbered in their old list
 * order (created_at, then id), and rows inserted afterwards number after them.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dropTestSchema } from '../../testing/test-db.ts';
import { createDatabase, type DatabaseHandle } from '../connect.ts';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_creation_order.ts';

const schema = `test_${randomBytes(6).toString('hex')}`;
let admin: DatabaseHandle;
let handle: DatabaseHandle;
let db: Kysely<unknown>;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is unset: run through vitest (global-setup.ts starts PostgreSQL)');
  admin = await createDatabase({ url, poolMax: 1 });
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);
  handle = await createDatabase({ url, searchPath: schema, poolMax: 1 });
  db = handle.db as unknown as Kysely<unknown>;
});
afterAll(async () => {
  await handle?.close();
  if (admin) await dropTestSchema(admin.db as Kysely<unknown>, schema);
  await admin?.close();
});

it('numbers existing rows by (created_at, id) and new rows after them', async () => {
  await m0001.up(db);
  // inserted out of time order; two share a timestamp
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const rows = [
    { title: 'third', created_at: at(3) },
    { title: 'first', created_at: at(1) },
    { title: 'tie a', created_at: at(2) },
    { title: 'tie b', created_at: at(2) },
  ];
  for (const r of rows) {
    await sql`INSERT INTO job_descriptions (title, description, skills, visibility, created_at)
              VALUES (${r.title}, 'd', 's', 'public', ${r.created_at})`.execute(db);
  }
  await m0002.up(db);

  const { rows: numbered } = await sql<{ title: string; seq: string; id: string }>`
    SELECT title, seq, id FROM job_descriptions ORDER BY seq`.execute(db);
  const ties = numbered.filter((r) => r.title.startsWith('tie')).map((r) => r.id);
  expect(numbered.map((r) => r.title)).toEqual([
    'first',
    ...[...ties].sort().map((id) => numbered.find((r) => r.id === id)?.title),
    'third',
  ]);
  expect(numbered.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);

  await sql`INSERT INTO job_descriptions (title, description, skills, visibility, created_at)
            VALUES ('new', 'd', 's', 'public', ${at(0)})`.execute(db);
  const { rows: added } = await sql<{ seq: string }>`
    SELECT seq FROM job_descriptions WHERE title = 'new'`.execute(db);
  expect(Number(added[0]?.seq)).toBe(5);
  // the column is the database's to fill
  await expect(
    sql`INSERT INTO job_descriptions (title, description, skills, visibility, seq)
        VALUES ('forced', 'd', 's', 'public', 1)`.execute(db),
  ).rejects.toThrow(/cannot insert a non-DEFAULT value into column "seq"/);
});
