import { PostgresQueryCompiler, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeJob, makeUser } from '../testing/factories.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import type { DatabaseHandle } from './connect.ts';
import { prepare } from './prepared.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const jobTitleById = prepare('test_job_title_by_id', (db, p: { id: string }) =>
  db.selectFrom('job_descriptions').select('title').where('id', '=', p.id),
);

describe('prepare: a query compiled once, run with new parameters', () => {
  it('returns what the same query built each time returns, for each set of parameters', async () => {
    const { actor } = await makeUser(h.db);
    const a = await makeJob(h.db, actor);
    const b = await makeJob(h.db, actor);
    expect(await jobTitleById(h.db, { id: a.id })).toEqual([{ title: a.title }]);
    expect(await jobTitleById(h.db, { id: b.id })).toEqual([{ title: b.title }]);
    const built = await h.db.selectFrom('job_descriptions').select('title').where('id', '=', b.id).execute();
    expect(await jobTitleById(h.db, { id: b.id })).toEqual(built);
  });

  it('keeps the values written in the builder and fills the named ones in order', async () => {
    const owner = (await makeUser(h.db)).actor;
    const mine = await makeJob(h.db, owner, { visibility: 'private', title: `Mine ${Date.now()}` });
    await makeJob(h.db, null, { visibility: 'public' });
    const privateOf = prepare('test_private_of', (db, p: { owner: string; limit: number }) =>
      db
        .selectFrom('job_descriptions')
        .select('id')
        .where('visibility', '=', 'private')
        .where('created_by', '=', p.owner)
        .limit(p.limit),
    );
    expect(await privateOf(h.db, { owner: owner.id, limit: 10 })).toEqual([{ id: mine.id }]);
    expect(await privateOf(h.db, { limit: 10, owner: (await makeUser(h.db)).actor.id })).toEqual([]);
  });

  it('compiles one query per shape', async () => {
    const { actor } = await makeUser(h.db);
    await makeJob(h.db, actor, { visibility: 'private' });
    const count = prepare('test_count', (db, p: { owner: string }, shape: { onlyPublic: boolean }) => {
      const q = db.selectFrom('job_descriptions').select(sql<number>`count(*)::int`.as('n'));
      return shape.onlyPublic
        ? q.where('created_by', '=', p.owner).where('visibility', '=', 'public')
        : q.where('created_by', '=', p.owner);
    });
    const other = (await makeUser(h.db)).actor.id;
    const compileSpy = vi.spyOn(PostgresQueryCompiler.prototype, 'compileQuery');
    try {
      expect(await count(h.db, { owner: actor.id }, { onlyPublic: false })).toEqual([{ n: 1 }]);
      expect(await count(h.db, { owner: actor.id }, { onlyPublic: true })).toEqual([{ n: 0 }]);
      expect(await count(h.db, { owner: actor.id }, { onlyPublic: false })).toEqual([{ n: 1 }]);
      expect(await count(h.db, { owner: other }, { onlyPublic: true })).toEqual([{ n: 0 }]);
      // four calls, two shapes: two compilations, each its own named statement
      expect(compileSpy).toHaveBeenCalledTimes(2);
    } finally {
      compileSpy.mockRestore();
    }
    expect([...count.statements.entries()]).toEqual([
      ['{"onlyPublic":false}', 'test_count'],
      ['{"onlyPublic":true}', 'test_count_2'],
    ]);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    const { actor } = await makeUser(h.db);
    const job = await makeJob(h.db, actor);
    const title = await h.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('job_descriptions')
        .set({ title: 'Renamed in trx' })
        .where('id', '=', job.id)
        .execute();
      return jobTitleById(trx, { id: job.id });
    });
    expect(title).toEqual([{ title: 'Renamed in trx' }]);
  });

  it('refuses a builder that puts a parameter anywhere but a query parameter', async () => {
    const bad = prepare('test_bad', (db, p: { column: string }) =>
      db.selectFrom('job_descriptions').select(sql.ref<string>(p.column).as('x')),
    );
    await expect(bad(h.db, { column: 'title' })).rejects.toThrow(/"column" is read by the builder/);
  });
});

describe('prepare on PostgreSQL', () => {
  it('sends a prepared query as a named statement, and other queries unnamed', async () => {
    const one = await createTestDatabase({ poolMax: 1 }); // one connection: the one we inspect
    try {
      const { actor } = await makeUser(one.db);
      const job = await makeJob(one.db, actor);
      expect(await jobTitleById(one.db, { id: job.id })).toEqual([{ title: job.title }]);
      expect(await jobTitleById(one.db, { id: job.id })).toEqual([{ title: job.title }]);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(one.db);
      const named = rows.filter((r) => r.statement.includes('select "title" from "job_descriptions"'));
      expect(named).toHaveLength(1);
      // the name given where the query is written
      expect(named[0]?.name).toBe('test_job_title_by_id');
      expect(rows.some((r) => r.statement.includes('insert into "job_descriptions"'))).toBe(false);
    } finally {
      await one.close();
    }
  });
});
