import { DatabaseSetupError, jobs, migrateToLatest, toDomainError, users } from '@ai-interviewer/core';
import { openDatabase } from './bootstrap.ts';
import { EnvError, loadEnv } from './env.ts';
import { catalogue } from './seed/catalogue.ts';

const usage = `Usage:
  pnpm db:migrate                          apply the migrations
  pnpm db:seed                             add the public catalogue (skips titles that exist)
  pnpm create-admin <email> <password>     create or promote an admin`;

async function main(argv: string[]) {
  const [command, ...args] = argv;
  // a wrong command line is answered before the database is started for nothing
  if (
    !['migrate', 'seed', 'create-admin'].includes(command ?? '') ||
    (command === 'create-admin' && args.length !== 2)
  )
    throw new EnvError(usage);
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
      // also before the first `npm start`: the users table comes from the migrations
      await migrateToLatest(handle.db);
      const [email = '', password = ''] = args;
      const { user, outcome, passwordReset } = await users.ensureAdmin(handle.db, { email, password });
      const reset = passwordReset ? '; password set to the one given, other logins ended' : '';
      console.log(`Admin ready (${outcome}${reset}): ${user.email} (${user.roles.join(', ')})`);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err) => {
  // an edge like the API: a refusal the user can act on (an email already taken…) as its message
  const domain = toDomainError(err);
  const fields = domain.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  if (err instanceof EnvError || err instanceof DatabaseSetupError) console.error(err.message);
  else if (domain.code === 'INTERNAL') console.error(err);
  else console.error(fields.length > 1 ? ['Refused:', ...fields].join('\n') : domain.message);
  process.exit(1);
});
