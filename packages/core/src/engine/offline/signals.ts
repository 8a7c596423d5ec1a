/**
 * Measures an answer: the raw observations the rubric scores and the feedback quotes.
 * Nothing here decides a grade; it only finds evidence (and keeps it, so feedback can cite it).
 */
// fillers and hedges alike: the grader's clarity weighs both (the delivery figures count them apart)
import { TENTATIVE_PHRASES as HEDGES } from '../../language/fillers-and-hedges.ts';
import { skillsMentioned } from '../skills.ts';
import {
  countWords,
  escapeRegExp,
  normalizeKey,
  STOPWORDS,
  splitSentences,
  stem,
  tokenize,
} from '../text.ts';
import type { JobContext, QuestionContext } from '../types.ts';
import { CONCRETE_TERMS } from './lexicon.ts';
import {
  type AnswerTerms,
  answerTerms,
  jobProfile,
  measureRelevance,
  type RelevanceSignals,
  termsOf,
} from './relevance.ts';

export type { RelevanceSignals } from './relevance.ts';

export interface StorySignals {
  /** a real situation: when/where it happened ("At my last site", "Last spring") */
  situation: string | null;
  /** what the candidate did, in the first person: distinct verbs, quoted ("I set up") */
  ownActions: string[];
  /** what the team did ("we paused") */
  teamActions: string[];
  /** distinct words that tie events together by cause or time ("because", "which meant", "but") */
  links: string[];
  /** an outcome stated ("the p95 dropped to 120 ms", "since then") */
  result: string | null;
  /** reasons and trade-offs ("rather than", "the risk") */
  reasoning: string | null;
  /** clarifying or gathering facts first */
  clarify: string | null;
  /** how it was (or would be) checked */
  verification: string | null;
  /** distinct sequencing words ("first", "then") */
  sequence: string[];
}

export interface NumberSignals {
  /** numbers that measure something: a unit, a count of things, money, a before/after */
  measured: string[];
  /** percentages or multiples with nothing to compare them to ("by 38%", "3x") */
  unmeasured: string[];
  /**
   * other numbers that count or place something without a unit the grader knows ("14 C2
   * observations", "lost 22 marks"): not scored, but the feedback does not ask for a number
   * an answer already gives
   */
  counts: string[];
}

export interface HedgeSignals {
  /** weighted count of hedges and filler */
  weight: number;
  /** the phrases found, with counts, for the feedback */
  found: { phrase: string; count: number }[];
}

export interface AnswerSignals {
  words: number;
  sentences: number;
  relevance: RelevanceSignals;
  /** matches of the question's terms per √(answer's content words): how much the answer keeps to the question */
  focus: number;
  /** question terms addressed: as written 1, in related words 0.6 */
  matched: number;
  story: StorySignals;
  numbers: NumberSignals;
  /** the job's skills the answer mentions, as the job author wrote them */
  skillsShown: string[];
  /** tools, methods and named things (job skills, the tools lexicon) as written in the answer */
  named: string[];
  /** content words that are in neither the question nor the job text: what the answer adds */
  newContent: number;
  /** share of the answer's words inside 4-word runs copied from the question or the job text */
  copiedShare: number;
  hedges: HedgeSignals;
  /** distinct tokens / tokens: low means the same words over and over */
  uniqueRatio: number;
  /** share of tokens that are function words: near zero means a keyword list, not sentences */
  functionWordRatio: number;
  /** "I don't know", "pass", "no idea" as the whole answer */
  declined: boolean;
}

/** Cues of a story's parts; the feedback reads them again to quote the best-placed one. */
export const CUES = {
  situation:
    /\b(when i was|at my (?:last|previous|current|first|old) (?:job|role|company|team|position|employer|site|store|school|hospital|restaurant|agency|firm)|in my (?:last|previous|current|first|old) (?:job|role|team|company|position)|at (?:a|my|our|one) (?:startup|company|agency|bank|client|retailer|scale-?up|saas|site|hotel|restaurant|store|warehouse|hospital|school|practice|firm)|(?:last|this|that) (?:year|quarter|month|summer|spring|autumn|fall|winter|week|christmas)|(?:a|one|two|three|four|five|a few|a couple of) (?:years?|months?|weeks?) ago|(?:our|the) (?:team|company|product|client|customer|app|service|site|system|store|ward|kitchen)s? (?:was|were|had)|we had (?:a|an)|the (?:situation|context|background|problem|issue|challenge) was|i was (?:working|leading|running|managing) |in (?:19|20)\d\d\b|during (?:a|my|our|the) (?:project|migration|launch|sprint|quarter|shift|peak|rollout)|on (?:a|one|my) (?:previous |last )?(?:project|shift|night|site|team|account))/i,
  result:
    /\b(as a result|result(?:ed)? in|the result|in the end(?![-\w])|the outcome|outcome was|which (?:meant|led)|that (?:meant|led)|led to|(?:went|dropped|fell|rose|grew|came|climbed) (?:down |up |back )?(?:from|to|by)|from \S+ to \S+|adopted|since then|by the (?:end|next)|within (?:a|two|three|four|six|\d+) (?:days?|weeks?|months?)|(?:was|were|got) (?:adopted|approved|accepted|promoted|renewed|signed)|(?:closed|signed|won) the (?:deal|account|contract)|on time|ahead of schedule|afterwards|(?:stopped|disappeared|recovered|dropped|fell|rose|improved)\b)/i,
  reasoning:
    /\b(because|so that|in order to|the reason|trade-?offs?|instead of|rather than|the downside|the upside|the risk|compared (?:to|with)|which means|that way|otherwise|pros and cons|depends on|weigh(?:ed|ing)?|the cost of|at the expense of|unless)\b/i,
  clarify:
    /\b(clarif\w*|understand (?:the|what|why|their)|ask(?:ed)? (?:questions|them|why|what|for|whether)|find out|gather\w*|dig into|listen\w*|talk(?:ed)? to|speak (?:with|to)|spoke (?:with|to)|meet with|met with|check(?:ed)? (?:with|whether|if|first)|get context|root cause|confirm\w*)\b/i,
  verification:
    /\b(measur\w*|monitor\w*|benchmark\w*|metrics?|test(?:ed|s|ing)?|verif\w*|validat\w*|check(?:ed)? (?:that|whether|if)|track(?:ed|ing)?|dashboards?|follow(?:ed)? up|success (?:looks|would look|means)|kpis?|review(?:ed)? (?:the|it)|retro\w*|post-?mortem|audit\w*)\b/i,
} as const;

/** "I stopped", "so I dropped the dashboard": a verb of the candidate's is an action, not an outcome. */
export const isOutcome = (match: string, before: string) =>
  !(/^[a-z]+$/i.test(match) && /\b(?:I|we)\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$/i.test(before));
/** "compared with 9%" compares; "weighing waste" weighs food; "weighed the options" is a reason. */
export const isReason = (match: string, _before: string, after: string) =>
  !/^compared/i.test(match) &&
  (!/^weigh/i.test(match) ||
    /^\s+(?:up|the (?:options|pros|risks?|costs?)|options|pros|both|it|them|whether)\b/i.test(after));

/** The first match of a cue that `accept` agrees is one (the cue's words alone can be something else). */
function findCue(
  answer: string,
  cue: RegExp,
  accept: (match: string, before: string, after: string) => boolean,
): string | null {
  for (const m of answer.matchAll(new RegExp(cue.source, 'gi')))
    if (accept(m[0], answer.slice(0, m.index), answer.slice(m.index + m[0].length))) return m[0];
  return null;
}

/** Words that tie a story together by cause, contrast or time; counted once each. */
const LINKS =
  /\b(because|so that|which meant|that meant|which led|turned out|it turned out|found that|realis\w+|realiz\w+|noticed|instead|rather than|otherwise|until|once|although|however|but|so (?=i\b|we\b|the\b|it\b|they\b|he\b|she\b|that\b|our\b|my\b)|when (?=i\b|we\b|the\b|it\b|they\b|he\b|she\b|our\b|a\b)|after (?=that|a|the|we|i)|since|unless|if (?=the|it|a|we|they|i|you|there))/gi;

const SEQUENCE_WORDS =
  /\b(first(?:ly)?|second(?:ly)?|then|next|after that|afterwards|finally|lastly|before|once that)\b/gi;

/** A number and the word after it. Linear: each alternative consumes distinct characters. */
const NUMBER_RE =
  /(?:[$€£]\s?)?\b\d+(?:[.,]\d+)*(?:\s?(?:%|percent\b|x\b|k\b|m\b|bn\b))?(?:[ \t]+([A-Za-z][A-Za-z-]*))?/g;
/** Units and things a number can count: a number followed by one of these measures something. */
const UNIT =
  /^(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|nights?|shifts?|people|persons?|staff|users?|customers?|clients?|guests?|patients?|students?|pupils?|engineers|agents|associates|pickers|drivers|accounts|deals|requests|queries|tickets|orders|units|cases|pallets|lines|items|rows|calls|emails|interviews|participants|points|pts|covers|tables|beds|hires|candidates|leads|sites|stores|teams|services|pages|steps|times|errors|incidents|alerts|releases|deploys|per|out|gb|mb|tb|kb|km|miles|kg|lbs?|px|pixels?)$/i;
/** Words that give a percentage or a multiple its referent: a level ("at 99%"), a share ("40% of"), a before/after. */
const LEVEL_BEFORE =
  /\b(?:at|to|from|of|was|were|is|reached|hit)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|under\s+)?$/i;
const COMPARISON = /\b(?:from|instead of|than|versus|vs\.?|compared (?:to|with)|down from|up from)\b/i;
/** "Node 18", "HTTP 502", "acks=1", "v2": names and settings, not measurements. */
const NAME_BEFORE =
  /(?:[A-Z][\w.+-]*|v|version|http|status|error|code|acks|port|level|tier|step|phase|option|grade|room|table|floor|ward)[\s=:]*$/;

export function measureNumbers(answer: string): NumberSignals {
  const measured: string[] = [];
  const unmeasured: string[] = [];
  const counts: string[] = [];
  for (const sentence of splitSentences(answer)) {
    for (const m of sentence.matchAll(NUMBER_RE)) {
      const raw = m[0].trim();
      const before = sentence.slice(Math.max(0, m.index - 12), m.index);
      const next = m[1];
      const isYear = /^(?:19|20)\d\d$/.test(raw);
      const numberText = (next ? raw.slice(0, raw.length - next.length) : raw).replace(/[\s,.]+$/, '');
      // read from the number itself: the word after it ("44 px", "3 inbox rules") is no multiple
      const relative = /(?:%|percent|x)$/i.test(numberText) || /^(?:x|percent)$/i.test(next ?? '');
      const money = /^[$€£]/.test(raw) || /\d\s?(?:k|m|bn)$/i.test(numberText);
      const shown = next && UNIT.test(next) && !relative ? `${numberText} ${next}` : numberText;
      if (isYear || (!money && NAME_BEFORE.test(before) && !relative)) continue;
      if (money || (next && UNIT.test(next) && !relative)) measured.push(shown);
      else if (relative) {
        // "by 38%" or "3x" alone has nothing to compare with; "at 99.2%", "40% of tickets", "from 4% to 2%" do.
        const other = (sentence.match(/\d+/g)?.length ?? 0) > (raw.match(/\d+/g)?.length ?? 0);
        const ok =
          LEVEL_BEFORE.test(sentence.slice(0, m.index)) ||
          /^of$/i.test(next ?? '') ||
          (other && COMPARISON.test(sentence));
        (ok ? measured : unmeasured).push(shown);
      } else counts.push(numberText);
    }
  }
  return {
    measured: [...new Set(measured)],
    unmeasured: [...new Set(unmeasured)],
    counts: [...new Set(counts)],
  };
}

const DECLINE =
  /^(?:i\s+(?:do\s*n[o']?t|dont|don’t)\s+know|no idea|pass|skip|next(?: question)?|n\/?a|nothing|not sure|idk|i have no idea|no comment)[\s.!?]*$/i;

const CONCRETE_RES = CONCRETE_TERMS.map((t) => ({
  term: t,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}+#])`, 'iu'),
}));

/** Words after "I" that are not actions: states, hedges and modals. */
const NOT_ACTION = new Set(
  (
    'am was were is be been being have has had do did does would will could should can might may must think guess ' +
    'feel felt believe suppose love like liked want wanted wish hope know knew mean really always never also just ' +
    'usually often sometimes probably maybe actually honestly personally definitely still tend try'
  ).split(' '),
);
const ACTION_RE =
  /\b(I|we)(?:['’]d|['’]ll|['’]ve|['’]m)?\s+(?:(?:then|also|first|quickly|personally|eventually|finally|immediately|would|will|had|have|just|actually|carefully|usually|always|myself|probably|still|did|could|can|should)\s+){0,3}([A-Za-z]+)/gi;

/** "I built", "we paused": distinct actions by the candidate and by the team, quoted. */
function actions(answer: string): { own: string[]; team: string[] } {
  const own = new Map<string, string>();
  const team = new Map<string, string>();
  for (const m of answer.matchAll(ACTION_RE)) {
    const verb = m[2]!.toLowerCase();
    if (NOT_ACTION.has(verb) || STOPWORDS.has(verb) || verb.length < 3) continue;
    // "I don't", "I haven't", "I didn't just accept", "I won't": what the candidate did not do
    if (/^['’]t\b/.test(answer.slice(m.index + m[0].length))) continue;
    const target = m[1]!.toLowerCase() === 'i' ? own : team;
    const s = stem(verb);
    if (!target.has(s)) target.set(s, m[0].replace(/\s+/g, ' '));
  }
  return { own: [...own.values()], team: [...team.values()] };
}

function hedges(answer: string): HedgeSignals {
  const found: { phrase: string; count: number }[] = [];
  let weight = 0;
  for (const h of HEDGES) {
    const count = answer.match(h.re)?.length ?? 0;
    if (count > 0) {
      found.push({ phrase: h.phrase, count });
      weight += count * h.weight;
    }
  }
  return { weight, found };
}

/** Share of the answer's words that sit in a run of 4+ words also found in `source`. */
function copiedShare(answerTokens: string[], source: string): number {
  if (answerTokens.length < 4) return 0;
  const src = tokenize(source);
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= src.length; i++) grams.add(src.slice(i, i + 4).join(' '));
  const covered = new Uint8Array(answerTokens.length);
  for (let i = 0; i + 4 <= answerTokens.length; i++) {
    if (grams.has(answerTokens.slice(i, i + 4).join(' '))) covered.fill(1, i, i + 4);
  }
  return covered.reduce((a, b) => a + b, 0) / answerTokens.length;
}

export function measureAnswer(job: JobContext, question: QuestionContext, answer: string): AnswerSignals {
  const words = countWords(answer);
  const tokens = tokenize(answer);
  const terms: AnswerTerms = answerTerms(answer);
  const relevance = measureRelevance(job, question, terms);
  const q = relevance.question;
  const matched = q.exact.length + 0.6 * q.related.length;
  const focus = matched / Math.sqrt(Math.max(1, terms.stems.size));

  const { skills } = jobProfile(job);
  const skillsShown = skillsMentioned(answer, skills);
  const named: string[] = [...skillsShown];
  const seen = new Set(named.map(normalizeKey));
  for (const { term, re } of CONCRETE_RES) {
    const m = answer.match(re);
    if (!m || seen.has(term) || skillsShown.some((s) => skillsMentioned(m[0], [s]).length > 0)) continue;
    seen.add(term);
    named.push(m[0]);
  }

  const known = new Set([
    ...termsOf(`${question.text} ${job.title} ${job.description} ${job.skills}`).keys(),
  ]);
  let newContent = 0;
  for (const s of terms.stems.keys()) if (!known.has(s)) newContent++;

  const find = (re: RegExp) => answer.match(re)?.[0] ?? null;
  const links = [...new Set((answer.match(LINKS) ?? []).map((w) => w.trim().toLowerCase()))];
  const { own, team } = actions(answer);
  const functionWords = tokens.filter((t) => STOPWORDS.has(t)).length;
  return {
    words,
    sentences: splitSentences(answer).length,
    relevance,
    focus,
    matched,
    story: {
      situation: find(CUES.situation),
      ownActions: own,
      teamActions: team,
      links,
      result: findCue(answer, CUES.result, isOutcome),
      reasoning: findCue(answer, CUES.reasoning, isReason),
      clarify: find(CUES.clarify),
      verification: find(CUES.verification),
      sequence: [...new Set((answer.match(SEQUENCE_WORDS) ?? []).map((w) => w.toLowerCase()))],
    },
    numbers: measureNumbers(answer),
    skillsShown,
    named,
    newContent,
    copiedShare: copiedShare(tokens, `${question.text} ${job.title} ${job.description} ${job.skills}`),
    hedges: hedges(answer),
    uniqueRatio: tokens.length === 0 ? 1 : new Set(tokens).size / tokens.length,
    functionWordRatio: tokens.length === 0 ? 0 : functionWords / tokens.length,
    declined: DECLINE.test(answer.trim()),
  };
}
