import { userData, userExportSchema } from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';

/** "All my data" (issue #14): everything held about the caller, as one JSON document. */
export const dataRouter = router({
  export: authedProcedure({
    input: z.void(),
    output: userExportSchema,
    rest: {
      method: 'GET',
      path: '/users/me/export',
      status: 200,
      tag: 'Users',
      summary:
        'All my data as one JSON file: profile, job descriptions, sessions, questions, answers with feedback, rubric and delivery figures, recordings (metadata), share links, logins, model calls; never password or token hashes',
      attachment: 'ai-interviewer-my-data.json',
    },
  }).query(({ ctx }) => userData.exportMyData(ctx.services.db, ctx.actor)),
});
