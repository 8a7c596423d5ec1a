/**
 * Is the answer about what the question asks? Measured by meaning, not shared words: a term of
 * the question counts as addressed when the answer uses it or a word WordNet relates to it
 * (meaning.ts), and the answer is also ranked against the job's other skills (the "other prompts"
 * of ETS's off-topic detection): a good story about another of the job's skills is an answer to a
 * different question, however well told.
 */
import { parseSkills } from '../skills.ts';
import { STOPWORDS, stem, tokenize } from '../text.ts';
import type { JobContext, QuestionContext } from '../types.ts';
import { conceptIndex, conceptsOf } from './meaning.ts';

/** Question words that say how to answer, not what about; they do not show relevance. */
const QUESTION_FRAME = new Set(
  (
    'approach happen handle proceed respond change decide choose step first outcome learn new teammate colleague ' +
    'someone person project piece part main usual important hard most recent walk tell describe give example ' +
    'time times situation would could did do what how why when where which afterwards after before went ' +
    'deal dealt make sure find right really actually start end keep going happened take took taken'
  )
    .split(/\s+/)
    .map(stem),
);

/** Content stems of a text (no stop or frame words, no bare numbers), in first-seen order, with the word as written. */
export function termsOf(text: string, frame = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t) || t.length < 3 || /^\d/.test(t)) continue;
    const s = stem(t);
    if (frame && QUESTION_FRAME.has(s)) continue;
    if (!out.has(s)) out.set(s, t);
  }
  return out;
}

interface Prompt {
  /** stem → word as written */
  terms: Map<string, string>;
}

/** What the job brings: its terms and its skills' terms. The same for a whole session, so cached. */
interface JobProfile {
  skills: string[];
  terms: Set<string>;
  skillTerms: Map<string, Map<string, string>>;
}
const jobCache = new Map<string, JobProfile>();

export function jobProfile(job: JobContext): JobProfile {
  const key = `${job.title}\u0000${job.description}\u0000${job.skills}`;
  const known = jobCache.get(key);
  if (known) return known;
  const skills = parseSkills(job.skills);
  const profile: JobProfile = {
    skills,
    terms: new Set(termsOf(`${job.title} ${job.description} ${job.skills}`).keys()),
    skillTerms: new Map(skills.map((s) => [s, termsOf(s)])),
  };
  if (jobCache.size >= 500) jobCache.clear();
  jobCache.set(key, profile);
  return profile;
}

export interface Coverage {
  /** share of the prompt's weight the answer addresses (0–1) */
  share: number;
  /** prompt words used as written */
  exact: string[];
  /** prompt words addressed in other words: [prompt word, answer word] */
  related: [string, string][];
  /** prompt words not addressed (for the feedback: what the measure looked for) */
  missing: string[];
}

/** The answer as the matcher sees it: its content stems and an index of their concepts. */
export interface AnswerTerms {
  stems: Map<string, string>;
  concepts: Map<number, string>;
}

export function answerTerms(answer: string): AnswerTerms {
  const stems = termsOf(answer);
  return { stems, concepts: conceptIndex(stems.keys()) };
}

/** How much of a prompt the answer covers: a word used as written counts 1, a related word 0.6. */
export function cover(prompt: Prompt, a: AnswerTerms, relatedWeight = 0.6): Coverage {
  const exact: string[] = [];
  const related: [string, string][] = [];
  const missing: string[] = [];
  let got = 0;
  for (const [s, word] of prompt.terms) {
    if (a.stems.has(s) || sameFamily(s, a)) {
      exact.push(word);
      got += 1;
      continue;
    }
    let found = false;
    for (const c of conceptsOf(s)) {
      const hit = a.concepts.get(c);
      if (hit !== undefined) {
        related.push([word, a.stems.get(hit)!]);
        got += relatedWeight;
        found = true;
        break;
      }
    }
    if (!found) missing.push(word);
  }
  return { share: prompt.terms.size === 0 ? 0 : got / prompt.terms.size, exact, related, missing };
}

/**
 * "prioritis" and "priority", "negotiat" and "negotiator": the stemmer does not always bring a
 * word family to one stem, but a shared start of 5+ letters that is the whole of one of them does.
 */
function sameFamily(s: string, a: AnswerTerms): boolean {
  if (s.length < 5) return false;
  for (const t of a.stems.keys()) {
    if (t.length >= 5 && t !== s && (t.startsWith(s) || s.startsWith(t))) return true;
  }
  return false;
}

export interface RelevanceSignals {
  /** the question's own terms (not the job's general vocabulary) and the question's skill */
  question: Coverage;
  /** how many of the question's own terms there are */
  questionTermCount: number;
  /** the job's vocabulary (title, description, skills) */
  job: Coverage;
  /** the question's skill */
  skill: Coverage;
  /** the job skill this answer is most about, when it is not the question's, with its coverage */
  otherSkill: { skill: string; share: number } | null;
  /** share of the answer's content words that belong to the question, its skill or the job */
  topicShare: number;
  /** how many distinct content words the answer has */
  contentWords: number;
}

export function measureRelevance(
  job: JobContext,
  question: QuestionContext,
  a: AnswerTerms,
): RelevanceSignals {
  const profile = jobProfile(job);
  const skillTerms = termsOf(question.skill);
  // The question's own terms: what it asks beyond the job's general vocabulary, plus its skill.
  const own = new Map<string, string>();
  const shared = new Map<string, string>();
  for (const [s, w] of termsOf(question.text, true)) (profile.terms.has(s) ? shared : own).set(s, w);
  for (const [s, w] of skillTerms) own.set(s, w);
  // A question in the job's own words ("how do you prioritise?" for a job that says "prioritise")
  // has few terms of its own: then the job words it uses are what it asks about.
  if (own.size < 3) for (const [s, w] of shared) own.set(s, w);
  const q = cover({ terms: own }, a);
  const skill = cover({ terms: skillTerms }, a);
  const jobCover = cover({ terms: new Map([...profile.terms].map((s) => [s, s])) }, a);

  let otherSkill: RelevanceSignals['otherSkill'] = null;
  for (const [name, terms] of profile.skillTerms) {
    if (name.toLowerCase() === question.skill.toLowerCase()) continue;
    const share = cover({ terms }, a).share;
    if (share > skill.share && (otherSkill === null || share > otherSkill.share))
      otherSkill = { skill: name, share };
  }

  // Which answer words are on topic: those related to the question's, the skill's or the job's terms.
  const topic = conceptIndex([...own.keys(), ...profile.terms]);
  let onTopic = 0;
  for (const s of a.stems.keys()) {
    if (own.has(s) || profile.terms.has(s) || conceptsOf(s).some((c) => topic.has(c))) onTopic++;
  }
  return {
    question: q,
    questionTermCount: own.size,
    job: jobCover,
    skill,
    otherSkill,
    topicShare: a.stems.size === 0 ? 0 : onTopic / a.stems.size,
    contentWords: a.stems.size,
  };
}
