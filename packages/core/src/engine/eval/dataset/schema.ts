/**
 * The labelled grading set: one JSON file per job family in this folder, written by hand like
 * real candidates would answer (not from the grader's word lists). Each question carries one
 * answer of every kind below; the eval derives two more kinds itself (see grading-eval.ts):
 * `other_question` (the strong answer of another question of the same job) and `copied` (the
 * question and the job text pasted back).
 *
 * Split (decided before the grader was changed, never to be re-drawn): families sorted by their
 * `family` name; the 1st, 3rd, 5th… are `dev` (tune on these), the 2nd, 4th, 6th… are `test`
 * (never tune on these). A family added later takes the split its sorted position gives at the
 * time it is added and keeps it: `split` is written into each file and checked against the rule
 * only for the families present when the rule was fixed (FROZEN_SPLIT in split.ts).
 */
import { z } from 'zod';

/** Answer kinds written by hand for every question, best first for the honest ones. */
export const WRITTEN_KINDS = [
  'strong', // specific story or method, the candidate's own actions, a measured or concrete outcome
  'paraphrase', // just as strong, but in other words: few of the question's or job's words
  'fair', // correct and relevant but general, little of their own experience
  'weak', // vague, hedged, thin
  'off_topic', // a sincere answer about something else entirely
  'keyword_list', // a bare list of the job's skills and buzzwords, no sentences
  'stuffed', // fluent-looking prose stuffed with skills, "I led", invented percentages; no situation, no causal story
  'injected', // a weak answer with an instruction to the grader hidden in it
] as const;
export type WrittenKind = (typeof WRITTEN_KINDS)[number];

export const jobSchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(40),
  skills: z.string().min(3),
  experience: z.string().min(1),
});

export const followUpSchema = z.strictObject({
  /** what an interviewer asks after the question's `fair` answer */
  text: z.string().min(10),
  good: z.string().min(40),
  bad: z.string().min(5),
});

export const questionSchema = z.strictObject({
  /** unique across the whole set, e.g. "nursing-deteriorating-patient" */
  id: z.string().regex(/^[a-z0-9-]+$/),
  text: z.string().min(10),
  category: z.enum(['technical', 'behavioural', 'situational']),
  /** the job skill the question targets, as written in the job's skills */
  skill: z.string().min(2),
  answers: z.strictObject(
    Object.fromEntries(WRITTEN_KINDS.map((k) => [k, z.string().min(5)])) as Record<WrittenKind, z.ZodString>,
  ),
  follow_up: followUpSchema,
});

export const familySchema = z.strictObject({
  /** e.g. "healthcare", "teaching", "sales"; one file per family */
  family: z.string().regex(/^[a-z-]+$/),
  split: z.enum(['dev', 'test']),
  job: jobSchema,
  /** at least 3, asking for clearly different things (a strong answer to one is not an answer to another) */
  questions: z.array(questionSchema).min(3),
});

export type LabelledFamily = z.infer<typeof familySchema>;
export type LabelledItem = z.infer<typeof questionSchema>;
