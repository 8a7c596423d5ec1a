import { authRouter } from './routers/auth.ts';
import { dataRouter } from './routers/data.ts';
import { feedbackRouter } from './routers/feedback.ts';
import { jobsRouter } from './routers/jobs.ts';
import { practiceRouter } from './routers/practice.ts';
import { sessionsRouter } from './routers/sessions.ts';
import { sharesRouter } from './routers/shares.ts';
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
  practice: practiceRouter,
  shares: sharesRouter,
  data: dataRouter,
});

export type AppRouter = typeof appRouter;
