import { authRouter } from './routers/auth.ts';
import { feedbackRouter } from './routers/feedback.ts';
import { jobsRouter } from './routers/jobs.ts';
import { sessionsRouter } from './routers/sessions.ts';
import { usersRouter } from './routers/users.ts';
import { voiceRouter } from './routers/voice.ts';
import { router } from './trpc.ts';

/** The one API surface: the SPA calls it over /trpc; REST endpoints are declared on its procedures (meta.ts). */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  jobs: jobsRouter,
  sessions: sessionsRouter,
  feedback: feedbackRouter,
  voice: voiceRouter,
});

export type AppRouter = typeof appRouter;
