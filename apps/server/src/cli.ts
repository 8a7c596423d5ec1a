import { jobs, migrateToLatest, toDomainError, users } from '@ai-interviewer/core';
import { openDatabase } from './bootstrap.ts';
import { EnvError, loadEnv } from './env.ts';
import { catalogue } from './seed/catalogue.ts';

const usage = `Usage:
  pnpm db:migrate                          apply the migrations
  pnpm db:seed                             add the public catalogue (skips titles that exist)
  pnpm create-admin <email> <password>     create or promote an admin`;

async function main(argv: string[]) {
  const [command, ...args] = argv;
  const env = loadEnv();
  const handle = await openDatabase(env);
  try {
    if (command === 'migrate') {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date');
    } else if (command === 'seed') {
      await migrateToLatest(handle.db);
      const added = await jobs.seedPublicCatalogue(handle.db, catalogue);
      console.log(`Catalogue: ${added} added, ${catalogue.length - added} already there`);
    } else if (command === 'create-admin') {
      const [email, password] = args;
      if (!email || !password) throw new EnvError(usage);
      const { user, outcome } = await users.ensureAdmin(handle.db, { email, password });
      console.log(`Admin ready (${outcome}): ${user.email} (${user.roles.join(', ')})`);
    } else {
      throw new EnvError(usage);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  // an edge like the API: a refusal the user can act on (an email already taken…) as its message
  const domain = toDomainError(err);
  console.error(err instanceof EnvError ? err.message : domain.code === 'INTERNAL' ? err : domain.message);
  process.exit(1);
});
