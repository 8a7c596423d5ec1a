/**
 * Measures an answer: the raw observations the rubric scores and the feedback quotes.
 * Nothing here decides a grade; it only finds evidence (and keeps it, so feedback can cite it).
 */
import { parseSkills, skillsMentioned, skillVocabulary } from '../skills.ts';
import { contentStems, countWords, escapeRegExp, STOPWORDS, stem, tokenize } from '../text.ts';
import type { JobContext, QuestionContext } from '../types.ts';
import { relatedStems } from './concepts.ts';
import { ACTION_STEMS, CONCRETE_TERMS } from './lexicon.ts';

export interface RelevanceSignals {
  /** question words the answer also uses (as written in the question) */
  sharedQuestionTerms: string[];
  /** question words the answer addresses with a related word ("rank" for "prioritise") */
  relatedQuestionTerms: string[];
  /** how many content terms the question has */
  questionTermCount: number;
  targetSkillMentioned: boolean;
  /** the answer talks about the question's skill in related words, without naming it */
  targetSkillRelated: boolean;
  /** the job's skills that the answer mentions, as the job author wrote them */
  skillsShown: string[];
  /** how many of the job title/description's content terms the answer uses */
  sharedJobTerms: number;
  /**
   * Share of the answer's content words that belong to the topic (the question's terms and
   * related words, the job's skills and related words, named tools). A story about a marathon may
   * share a word or two with a question about slow queries, but most of it is about something else.
   */
  topicShare: number;
}

export interface StructureSignals {
  situation: string | null;
  task: string | null;
  result: string | null;
  reasoning: string | null;
  clarify: string | null;
  verification: string | null;
  /** distinct sequencing words ("first", "then", "finally") */
  sequence: string[];
  exampleMarker: string | null;
}

export interface SpecificitySignals {
  numbers: string[];
  /** tools, technologies and methods named (job skills + the concrete-terms lexicon) */
  concrete: string[];
  /** "I built", "I'd measure": first-person actions */
  ownActions: string[];
  /** "we shipped": team actions */
  teamActions: string[];
}

export interface HedgeSignals {
  /** weighted count of hedges and filler */
  weight: number;
  /** the phrases found, with counts, for the feedback */
  found: { phrase: string; count: number }[];
}

export interface AnswerSignals {
  words: number;
  relevance: RelevanceSignals;
  structure: StructureSignals;
  specificity: SpecificitySignals;
  hedges: HedgeSignals;
  /** distinct tokens / tokens: low means the same words over and over */
  uniqueRatio: number;
  /** share of tokens that are function words: near zero means a keyword list, not sentences */
  functionWordRatio: number;
  /** "I don't know", "pass", "no idea" as the whole answer */
  declined: boolean;
}

/** Question words that say how to answer, not what about; they do not show relevance. */
const QUESTION_FRAME = new Set(
  [
    'approach',
    'happen',
    'handle',
    'proceed',
    'respond',
    'change',
    'decide',
    'choose',
    'step',
    'first',
    'outcome',
    'learn',
    'new',
    'teammate',
    'colleague',
    'someone',
    'person',
    'project',
    'piece',
    'part',
    'main',
    'usual',
    'important',
    'hard',
    'most',
    'recent',
  ].map(stem),
);

const CUES = {
  situation:
    /\b(when i was|at my (?:last|previous|current|first) (?:job|role|company|team|position|employer)|in my (?:last|previous|current|first) (?:job|role|team|company|position)|at (?:a|my|our) (?:startup|company|agency|bank|client|retailer|scale-?up|saas)|last (?:year|quarter|month|summer|spring|autumn|winter)|(?:a|one|two|three) (?:few )?(?:years?|months?|weeks?) ago|(?:our|the) (?:team|company|product|client|customer|app|service|site|system)s? (?:was|were|had)|we had (?:a|an)|the (?:situation|context|background|problem|issue|challenge) was|i was working (?:on|at|as)|in (?:19|20)\d\d\b|during (?:a|my|our|the) (?:project|migration|launch|sprint|quarter))/i,
  task: /\b(my (?:task|job|goal|role|responsibility|brief) was|i was (?:responsible|asked|tasked|in charge|hired)|i needed to|i had to|we needed to|we had to|the (?:goal|aim|objective|target|brief|ask) was|needed to be|had to be)\b/i,
  result:
    /\b(as a result|result(?:ed)? in|the result|in the end|the outcome|outcome was|which (?:meant|led)|that (?:meant|led)|led to|(?:we|i|it|they) (?:shipped|launched|hit|reached|closed|won|saved|signed|renewed|exceeded|beat)|went (?:down|up) (?:from|to|by)|from \S+ to \S+|since then|(?:was|were|got) (?:adopted|approved|accepted|promoted|renewed|signed)|(?:closed|signed|won) the (?:deal|account|contract)|on time|ahead of schedule|the (?:team|client|customer|manager|stakeholders?) (?:agreed|adopted|thanked|kept|renewed|signed))\b/i,
  changeWithNumber:
    /\b(reduc|increas|improv|cut|grew|grow|drop|rose|fell|saved|save|doubl|halv|boost|lower|rais|shrank|sped|speed|decreas|lift)\w*\b[^.!?]{0,60}?(\d[\d,.]*\d(?:\s?(?:%|ms|x\b|[a-z]+))?|\d(?:\s?(?:%|ms|x\b|[a-z]+))?|percent|half|double|twice)/i,
  reasoning:
    /\b(because|so that|in order to|the reason|trade-?offs?|instead of|rather than|the downside|the upside|the risk|compared (?:to|with)|which means|that way|otherwise|pros and cons|depends on|weigh(?:ed|ing)?|the cost of|at the expense of)\b/i,
  clarify:
    /\b(clarif\w*|understand (?:the|what|why|their)|ask(?:ed)? (?:questions|them|why|what|for)|find out|gather\w*|dig into|listen\w*|align\w*|talk(?:ed)? to|speak (?:with|to)|spoke (?:with|to)|meet with|met with|check(?:ed)? with|get context|root cause)\b/i,
  verification:
    /\b(measur\w*|monitor\w*|benchmark\w*|metrics?|test(?:ed|s|ing)?|verif\w*|validat\w*|check(?:ed)? (?:that|whether|if)|track(?:ed|ing)?|dashboards?|follow(?:ed)? up|success (?:looks|would look|means)|kpis?|review(?:ed)? (?:the|it)|retro\w*|post-?mortem)\b/i,
  example:
    /\b(for example|for instance|e\.g\.|in my (?:last|previous|current) (?:role|job|team|project)|at my (?:last|previous|current) (?:role|job|company)|on a recent project|recently (?:i|we)|once,? (?:i|we)|one time)\b/i,
} as const;

const SEQUENCE_WORDS =
  /\b(first(?:ly)?|second(?:ly)?|then|next|after that|afterwards|finally|lastly|before|once that)\b/gi;

const HEDGES: { re: RegExp; weight: number; phrase: string }[] = [
  { re: /\bu+m+\b/gi, weight: 1, phrase: 'um' },
  { re: /\bu+h+\b/gi, weight: 1, phrase: 'uh' },
  { re: /\ber+m+\b/gi, weight: 1, phrase: 'erm' },
  { re: /\bhm+\b/gi, weight: 1, phrase: 'hmm' },
  { re: /\blike,/gi, weight: 1, phrase: 'like,' },
  { re: /\byou know\b/gi, weight: 1, phrase: 'you know' },
  { re: /\bi guess\b/gi, weight: 1, phrase: 'I guess' },
  { re: /\bmaybe\b/gi, weight: 1, phrase: 'maybe' },
  { re: /\bkind of\b/gi, weight: 1, phrase: 'kind of' },
  { re: /\bsort of\b/gi, weight: 1, phrase: 'sort of' },
  { re: /\bi suppose\b/gi, weight: 1, phrase: 'I suppose' },
  {
    re: /\bi'?m not (?:really |totally |entirely )?sure\b|\bnot (?:really )?sure\b/gi,
    weight: 1,
    phrase: 'not sure',
  },
  { re: /\bor something\b/gi, weight: 1, phrase: 'or something' },
  { re: /\bwhatever\b/gi, weight: 1, phrase: 'whatever' },
  { re: /\b(?:and|or) stuff\b|\bstuff like that\b/gi, weight: 1, phrase: 'and stuff' },
  { re: /\bprobably\b/gi, weight: 0.75, phrase: 'probably' },
  { re: /\bi think\b/gi, weight: 0.5, phrase: 'I think' },
  { re: /\bperhaps\b/gi, weight: 0.5, phrase: 'perhaps' },
  { re: /\bbasically\b/gi, weight: 0.5, phrase: 'basically' },
  { re: /\bpretty much\b/gi, weight: 0.5, phrase: 'pretty much' },
  { re: /\bhopefully\b/gi, weight: 0.5, phrase: 'hopefully' },
  { re: /\bi mean\b/gi, weight: 0.5, phrase: 'I mean' },
];

const NUMBER =
  /(?:[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|million|billion)?|\b\d[\d,.]*\s?(?:%|percent\b|x\b|ms\b|k\b|m\b|bn\b|million\b|billion\b|(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|years?|users?|customers?|clients?|people|engineers|accounts|deals|requests|queries|tickets|interviews|participants|points|pts)\b)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand)\s+(?:weeks?|days?|months?|hours?|people|engineers|customers|clients|users|accounts|interviews|participants|times|percent|teams|deals)\b|\b(?:doubled|tripled|halved)\b)/gi;

const DECLINE =
  /^(?:i\s+(?:do\s*n[o']?t|dont|don’t)\s+know|no idea|pass|skip|next(?: question)?|n\/?a|nothing|not sure|idk|i have no idea|no comment)[\s.!?]*$/i;

const CONCRETE_RES = CONCRETE_TERMS.map((t) => ({
  term: t,
  re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}+#])`, 'iu'),
}));

/** What the job brings to every measurement: the same for a whole session, so computed once per job. */
interface JobTerms {
  skills: string[];
  /** content stems of the title and description */
  terms: Set<string>;
  /** stems of the skills' words and aliases */
  skillStems: string[];
}
const jobTermsCache = new Map<string, JobTerms>();

function jobTermsOf(job: JobContext): JobTerms {
  const key = `${job.title}\u0000${job.description}\u0000${job.skills}`;
  const known = jobTermsCache.get(key);
  if (known) return known;
  const skills = parseSkills(job.skills);
  const terms: JobTerms = {
    skills,
    terms: contentStems(`${job.title} ${job.description}`),
    skillStems: skills.flatMap((sk) => skillVocabulary(sk).map(stem)),
  };
  if (jobTermsCache.size >= 500) jobTermsCache.clear();
  jobTermsCache.set(key, terms);
  return terms;
}

export function measureAnswer(job: JobContext, question: QuestionContext, answer: string): AnswerSignals {
  const words = countWords(answer);
  const tokens = tokenize(answer);
  const answerStems = new Set(tokens.map(stem));
  const { skills: jobSkills, terms: jobTerms, skillStems: jobSkillStems } = jobTermsOf(job);

  // Relevance: does the answer talk about what was asked, in the job's terms?
  const questionTerms = new Map<string, string>(); // stem → word as written in the question
  for (const t of tokenize(question.text)) {
    const s = stem(t);
    if (STOPWORDS.has(t) || t.length < 3 || QUESTION_FRAME.has(s) || /^\d+$/.test(t)) continue;
    if (!questionTerms.has(s)) questionTerms.set(s, t);
  }
  const sharedQuestionTerms = [...questionTerms].filter(([s]) => answerStems.has(s)).map(([, w]) => w);
  const relatedQuestionTerms = [...questionTerms]
    .filter(([s]) => !answerStems.has(s) && [...relatedStems(s)].some((r) => answerStems.has(r)))
    .map(([, w]) => w);
  const skillsShown = skillsMentioned(answer, jobSkills);
  const targetSkillMentioned =
    skillsMentioned(answer, [question.skill]).length > 0 ||
    skillsShown.some((s) => s.toLowerCase() === question.skill.toLowerCase());
  const targetSkillRelated =
    !targetSkillMentioned &&
    [...contentStems(question.skill)].some((k) => [...relatedStems(k)].some((r) => answerStems.has(r)));
  let sharedJobTerms = 0;
  for (const s of jobTerms) if (answerStems.has(s)) sharedJobTerms++;
  // The job description's own words are left out here: they are too general ("product", "read",
  // "build") to tell a story about work from a story about a weekend.
  const topic = new Set<string>();
  const skillWords = [...jobSkillStems, ...skillVocabulary(question.skill).map(stem)];
  for (const k of [...questionTerms.keys(), ...skillWords]) {
    topic.add(k);
    for (const r of relatedStems(k)) topic.add(r);
  }
  // named tools and methods, as written in the answer (each lexicon term once)
  const concreteHits: { term: string; text: string }[] = [];
  for (const { term, re } of CONCRETE_RES) {
    const m = answer.match(re);
    if (m) concreteHits.push({ term, text: m[0] });
  }
  for (const { term } of concreteHits) for (const t of tokenize(term)) topic.add(stem(t));
  const answerContent = contentStems(tokens);
  let onTopic = 0;
  for (const s of answerContent) if (topic.has(s)) onTopic++;
  const topicShare = answerContent.size === 0 ? 0 : onTopic / answerContent.size;

  // Structure: cues of situation–task–action–result, reasoning, and a plan's steps.
  const find = (re: RegExp) => answer.match(re)?.[0] ?? null;
  const sequence = [...new Set((answer.match(SEQUENCE_WORDS) ?? []).map((w) => w.toLowerCase()))];
  const result = find(CUES.result) ?? find(CUES.changeWithNumber);

  // Specificity: numbers, named tools/methods, and the candidate's own actions.
  const numbers = [...new Set((answer.match(NUMBER) ?? []).map((n) => n.trim().replace(/[.,]$/, '')))].filter(
    (n) => n.length > 0,
  );
  const concrete: string[] = [...skillsShown];
  const seenConcrete = new Set(concrete.map((c) => c.toLowerCase()));
  for (const { term, text } of concreteHits) {
    if (seenConcrete.has(term)) continue;
    // Skip a lexicon term already covered by a job skill ("postgres" when "PostgreSQL" is shown).
    if (skillsShown.some((s) => skillsMentioned(text, [s]).length > 0)) continue;
    seenConcrete.add(term);
    concrete.push(text);
  }
  const { own, team } = actions(answer);

  const functionWords = tokens.filter((t) => STOPWORDS.has(t)).length;
  return {
    words,
    relevance: {
      sharedQuestionTerms,
      relatedQuestionTerms,
      questionTermCount: questionTerms.size,
      targetSkillMentioned,
      targetSkillRelated,
      skillsShown,
      sharedJobTerms,
      topicShare,
    },
    structure: {
      situation: find(CUES.situation),
      task: find(CUES.task),
      result,
      reasoning: find(CUES.reasoning),
      clarify: find(CUES.clarify),
      verification: find(CUES.verification),
      sequence,
      exampleMarker: find(CUES.example),
    },
    specificity: { numbers, concrete, ownActions: own, teamActions: team },
    hedges: hedges(answer),
    uniqueRatio: tokens.length === 0 ? 1 : new Set(tokens).size / tokens.length,
    functionWordRatio: tokens.length === 0 ? 0 : functionWords / tokens.length,
    declined: DECLINE.test(answer.trim()),
  };
}

/** "I built", "I'd first measure", "we shipped": distinct actions by the candidate and by the team. */
function actions(answer: string): { own: string[]; team: string[] } {
  const own = new Map<string, string>();
  const team = new Map<string, string>();
  const re =
    /\b(I|we)(?:['’]d|['’]ll|['’]ve)?\s+(?:(?:then|also|first|quickly|personally|eventually|finally|immediately|would|will|had|have|just|actually|carefully|usually|always|started|start|began|decided|wanted|to|then|myself)\s+){0,3}([A-Za-z]+)/gi;
  for (const m of answer.matchAll(re)) {
    const who = m[1]!;
    const verb = m[2]!.toLowerCase();
    const s = stem(verb);
    if (!ACTION_STEMS.has(s)) continue;
    const target = who.toLowerCase() === 'i' ? own : team;
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
