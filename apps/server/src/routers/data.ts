import { userData, userExportSchema } from '@ai-interviewer/core';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';

/** "All my data" (issue #14): everything held about the caller, as one JSON document. */
export const dataRouter = router({
  export: authedProcedure
    .input(z.void())
    .output(userExportSchema)
    .query(({ ctx }) => userData.exportMyData(ctx.services.db, ctx.actor)),
});
