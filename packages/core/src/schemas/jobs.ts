import { z } from 'zod';
import { VISIBILITIES } from '../enums.ts';
import { idSchema, pageInput, queryText, text, timestampSchema } from './common.ts';

export const visibilitySchema = z.enum(VISIBILITIES);

export const jobSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  skills: z.string(),
  experience: z.string(),
  created_by: idSchema.nullable(),
  visibility: visibilitySchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Job = z.infer<typeof jobSchema>;

const jobFields = {
  title: text(1, 200),
  description: text(1, 20_000),
  skills: text(1, 2000).describe('the required skills, as the author wrote them (comma or line separated)'),
  experience: text(0, 100).describe('e.g. "2-4 yrs"'),
};

export const createJobInput = z.strictObject({
  ...jobFields,
  experience: jobFields.experience.default(''),
  visibility: visibilitySchema
    .optional()
    .describe('admins create public jobs by default; candidates may only create private ones'),
});
export const updateJobInput = z.strictObject({
  title: jobFields.title.optional(),
  description: jobFields.description.optional(),
  skills: jobFields.skills.optional(),
  experience: jobFields.experience.optional(),
  visibility: visibilitySchema.optional(),
});
export const replaceJobInput = updateJobInput.extend({
  title: jobFields.title,
  description: jobFields.description,
  skills: jobFields.skills,
  experience: jobFields.experience,
});
export type CreateJobInput = z.infer<typeof createJobInput>;
export type UpdateJobInput = z.infer<typeof updateJobInput>;

export const listJobsInput = pageInput.extend({
  q: queryText(100).optional().describe('search in title, description and skills'),
  skill: queryText(100).optional().describe('only jobs whose skills mention this'),
  visibility: visibilitySchema.optional(),
});
export type ListJobsInput = z.infer<typeof listJobsInput>;
