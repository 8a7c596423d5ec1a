/** ADMIN_EMAIL / ADMIN_PASSWORD at start: create or promote one admin, idempotently. */
import { type DatabaseHandle, users } from '@ai-interviewer/core';
import { createTestDatabase, makeUser, unique } from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from './bootstrap.ts';
import { loadEnv } from './env.ts';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const PASSWORD = 'the bootstrap admin password';
const accountsWith = (email: string) =>
  h.db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .execute();

describe('prepareDatabase', () => {
  it('creates the admin once, however many times it runs', async () => {
    const email = `admin${unique()}@example.test`;
    const env = loadEnv({ ADMIN_EMAIL: email, ADMIN_PASSWORD: PASSWORD });
    expect((await prepareDatabase(env, h)).admin).toEqual({
      email,
      outcome: 'created',
      passwordReset: false,
    });
    expect((await prepareDatabase(env, h)).admin).toEqual({
      email,
      outcome: 'unchanged',
      passwordReset: false,
    });
    expect(await accountsWith(email)).toHaveLength(1);
    const admin = await users.verifyCredentials(h.db, email, PASSWORD);
    expect(admin.roles).toContain('admin');
    expect(admin.active).toBe(true);
  });

  it('promotes an existing candidate with that email (any case), keeping the account', async () => {
    const candidate = await makeUser(h.db);
    expect(candidate.user.roles).toEqual(['candidate']);
    const env = loadEnv({ ADMIN_EMAIL: candidate.user.email.toUpperCase(), ADMIN_PASSWORD: PASSWORD });
    expect((await prepareDatabase(env, h)).admin).toMatchObject({ outcome: 'promoted', passwordReset: true });
    expect((await prepareDatabase(env, h)).admin).toMatchObject({
      outcome: 'unchanged',
      passwordReset: false,
    });
    expect(await accountsWith(candidate.user.email)).toEqual([{ id: candidate.user.id }]);
    const promoted = await users.getUser(h.db, candidate.actor, candidate.user.id);
    expect(promoted.roles).toEqual(expect.arrayContaining(['admin', 'candidate']));
  });

  it('reactivates a deactivated account with that email', async () => {
    const u = await makeUser(h.db, { active: false });
    await prepareDatabase(loadEnv({ ADMIN_EMAIL: u.user.email, ADMIN_PASSWORD: PASSWORD }), h);
    const back = await users.getUser(h.db, u.actor, u.user.id);
    expect(back).toMatchObject({ active: true, roles: expect.arrayContaining(['admin']) });
  });

  it('without ADMIN_EMAIL it only migrates (and migrating twice is harmless)', async () => {
    const before = await h.db
      .selectFrom('users')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await prepareDatabase(loadEnv({}), h)).toMatchObject({ migrationsApplied: [], admin: null });
    expect(await prepareDatabase(loadEnv({ MIGRATE_ON_START: 'false' }), h)).toMatchObject({
      migrationsApplied: null,
    });
    const after = await h.db
      .selectFrom('users')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('the sample catalogue at first start', () => {
  it('is added once when the public catalogue is empty, and never again once admins own it', async () => {
    const own = await createTestDatabase();
    try {
      const publicTitles = async () =>
        (
          await own.db
            .selectFrom('job_descriptions')
            .select('title')
            .where('visibility', '=', 'public')
            .execute()
        ).map((r) => r.title);
      const first = await prepareDatabase(loadEnv({}), own);
      const seeded = await publicTitles();
      expect(first.catalogue).toEqual({ added: seeded.length });
      expect(seeded.length).toBeGreaterThanOrEqual(8);
      expect(new Set(seeded).size).toBe(seeded.length);

      // an admin deletes one: the next start does not bring it back
      await own.db.deleteFrom('job_descriptions').where('title', '=', seeded[0]!).execute();
      expect((await prepareDatabase(loadEnv({}), own)).catalogue).toBe('kept');
      expect(await publicTitles()).toHaveLength(seeded.length - 1);
    } finally {
      await own.close();
    }
  });

  it('can be turned off', async () => {
    const own = await createTestDatabase();
    try {
      expect((await prepareDatabase(loadEnv({ SEED_CATALOGUE: 'false' }), own)).catalogue).toBe('off');
      expect(await own.db.selectFrom('job_descriptions').select('id').execute()).toHaveLength(0);
    } finally {
      await own.close();
    }
  });
});
