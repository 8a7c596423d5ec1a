/**
 * Who is reading a report: the candidate themself, an admin looking at a candidate's
 * interview, or a mentor holding a share link. Texts stored for the candidate ("You answered 2 of 5 questions") are retold about
 * the candidate for an admin, so the admin's view never speaks to them as if they had answered.
 */
export type Audience = 'candidate' | 'admin' | 'mentor';

const RETOLD: [RegExp, string][] = [
  [/\bYou answered\b/g, 'The candidate answered'],
  [/\bYour answers averaged\b/g, "The candidate's answers averaged"],
  [/\bYour answer\b/g, "The candidate's answer"],
  [/\byour answer\b/g, "the candidate's answer"],
  [/\bYou have answered\b/g, 'The candidate has answered'],
];

/** The stored text as the given reader should read it (unchanged for the candidate, retold for anyone else). */
export function retell(text: string, audience: Audience): string {
  if (audience === 'candidate') return text;
  return RETOLD.reduce((t, [re, by]) => t.replace(re, by), text);
}

/** The heading over an answer. */
export const answerHeading = (audience: Audience) =>
  audience === 'candidate' ? 'Answer' : "The candidate's answer";
