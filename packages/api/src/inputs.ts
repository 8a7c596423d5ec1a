import { idSchema } from '@ai-interviewer/core';
import { z } from 'zod';

/** The input of every procedure that names one object by its id (GET/PUT/PATCH/DELETE /x/:id). */
export const idParam = z.strictObject({ id: idSchema });
