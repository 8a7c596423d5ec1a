import { DatabaseSetupError, warmMeaning } from '@ai-interviewer/core';
import { buildServer } from './app.ts';
import {
  authFromEnv,
  gradingQueueFromEnv,
  interviewerFromEnv,
  openDatabase,
  prepareDatabase,
  rateLimitStoreFromEnv,
  usesOfflineGrader,
  voiceFromEnv,
  workLeftOverGrades,
} from './bootstrap.ts';
import { commaList, EnvError, loadEnv } from './env.ts';
import { listenRefusal, startupLines, urlToOpen } from './startup.ts';

async function main() {
  const env = loadEnv();
  const handle = await openDatabase(env);
  const prepared = await prepareDatabase(env, handle);
  const auth = authFromEnv(env, handle);
  const interviewer = interviewerFromEnv(env);
  // the offline grader's lexicon and word vectors load now, not on the first candidate's answer
  if (usesOfflineGrader(interviewer)) warmMeaning();
  const grading = await gradingQueueFromEnv(env, handle);
  const rateLimitStore = await rateLimitStoreFromEnv(env, handle);
  const services = { db: handle.db, interviewer, grading, voice: voiceFromEnv(env) };
  const app = await buildServer({
    services,
    auth,
    rateLimitStore,
    secureCookie: env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    trustedOrigins: commaList(env.TRUSTED_ORIGINS),
    authRateLimit: {
      limit: env.AUTH_RATE_LIMIT,
      accountLimit: env.AUTH_ACCOUNT_RATE_LIMIT,
      windowMs: env.AUTH_RATE_WINDOW_SECONDS * 1000,
    },
    webDist: env.WEB_DIST,
    logger: { level: env.LOG_LEVEL },
  });

  // Graceful shutdown: stop accepting, let in-flight requests finish (each grades its answer),
  // stop taking left-over grading jobs and finish the ones in progress, close the pool; a
  // deadline bounds it. Whatever is cut short stays in the queue for another instance.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const deadlineAt = Date.now() + env.SHUTDOWN_TIMEOUT_MS;
    const deadline = setTimeout(() => {
      app.log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await app.close();
      await grading?.stop(deadlineAt - Date.now() - 500);
      await rateLimitStore.close();
      await handle.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Expired logins are refused on sight; this only keeps the table small.
  const sweep = setInterval(() => void auth.lucia.deleteExpiredSessions().catch(() => {}), 3_600_000);
  sweep.unref();

  try {
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (err) {
    throw listenRefusal(err, env.HOST, env.PORT);
  }
  workLeftOverGrades(services);
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : env.PORT;
  // Plain lines for the person who ran `npm start`; requests are logged as JSON after them.
  console.log(startupLines(env, handle, prepared, urlToOpen(env.HOST, port)).join('\n'));
}

main().catch((err) => {
  // a refusal that says what to do is printed alone; anything else is a fault, with its stack
  if (err instanceof EnvError || err instanceof DatabaseSetupError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
