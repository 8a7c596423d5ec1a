import { buildServer } from './app.ts';
import { authFromEnv, interviewerFromEnv, openDatabase, prepareDatabase } from './bootstrap.ts';
import { EnvError, loadEnv } from './env.ts';

async function main() {
  const env = loadEnv();
  const handle = await openDatabase(env);
  await prepareDatabase(env, handle);
  const auth = authFromEnv(env, handle);
  const interviewer = interviewerFromEnv(env);
  const app = await buildServer({
    services: { db: handle.db, interviewer },
    auth,
    secureCookie: env.NODE_ENV === 'production',
    trustedOrigins: env.TRUSTED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    authRateLimit: {
      limit: env.AUTH_RATE_LIMIT,
      accountLimit: env.AUTH_ACCOUNT_RATE_LIMIT,
      windowMs: env.AUTH_RATE_WINDOW_SECONDS * 1000,
    },
    webDist: env.WEB_DIST,
    logger: { level: env.LOG_LEVEL },
  });

  // Graceful shutdown: stop accepting, let in-flight requests finish, close the pool; a deadline bounds it.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    try {
      await app.close();
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

  await app.listen({ port: env.PORT, host: env.HOST });
  app.log.info(
    { db: handle.kind, provider: interviewer.provider.evaluator },
    `AI Interviewer on http://${env.HOST}:${env.PORT}`,
  );
}

main().catch((err) => {
  if (err instanceof EnvError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
