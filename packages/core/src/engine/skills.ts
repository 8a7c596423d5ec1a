/**
 * Turning the job author's free-text skills into a list, and finding those skills in an answer.
 * Used by both providers (the OpenAI one filters `skills_shown` to the job's skills with it).
 */
import {
  contentStems,
  escapeRegExp,
  normalizeKey,
  stem,
  tokenize,
  trimEnd,
  withoutBracketed,
} from './text.ts';

export const MAX_SKILLS = 30;
const MAX_SKILL_LENGTH = 60;

/** Lead-ins that describe the level of a skill rather than the skill itself. */
const LEAD_IN =
  /^(?:(?:strong|solid|good|great|excellent|proven|deep|hands[- ]on|working|basic|advanced|expert|demonstrated|practical|some|prior)\s+)*(?:(?:experience|expertise|knowledge|understanding|familiarity|proficiency|fluency|skills?|background|ability)\s+(?:with|in|of|using|to)\s+)?(?:(?:strong|solid|good|excellent|advanced|modern)\s+)?/i;
const TRAIL =
  /\s+(?:skills?|experience|knowledge|proficiency|is a plus|a plus|preferred|required|nice to have)\.?$/i;
const BULLET = /^\s*(?:[-*•·–—▪◦‣+]|\d+[.)]|[a-z][.)])\s+/i;

/**
 * Splits the raw skills text into distinct skills: on commas, semicolons, new lines, bullets,
 * pipes, and " and "/" & " when both sides are short (so "Python and SQL" → two skills, but
 * "Research and Development" style phrases of one idea survive only if longer than 3 words a side).
 * Commas inside parentheses do not split ("Cloud (AWS, GCP)" stays one skill).
 * Trims lead-ins such as "Strong experience with", dedupes case-insensitively, caps at 30.
 */
export function parseSkills(raw: string): string[] {
  const pieces: string[] = [];
  for (const line of raw.split(/\r?\n|\u2022|\u00b7|\s\|\s|\|/)) {
    for (const piece of splitOutsideParens(line.replace(BULLET, ''))) {
      pieces.push(...splitAnd(piece));
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of pieces) {
    const cleaned = cleanSkill(p);
    if (!cleaned) continue;
    const key = normalizeKey(cleaned);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cleaned);
    if (out.length >= MAX_SKILLS) break;
  }
  return out;
}

function splitOutsideParens(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function splitAnd(piece: string): string[] {
  // Oxford comma: "Python, SQL, and Docker" leaves "and Docker".
  // Whitespace collapsed first: on a long run of it, the split below backtracked in O(n²).
  const p = piece
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:and|&|or)\s+/i, '');
  const parts = p.split(/\s+(?:and|&)\s+/i);
  if (parts.length > 1 && parts.every((x) => x.trim().split(/\s+/).length <= 3)) return parts;
  return [p];
}

function cleanSkill(piece: string): string {
  let s = piece.replace(/\s+/g, ' ').trim();
  // trimEnd, not /[.:;"'“”]+$/: that regex is O(n²) on a long run of those characters.
  s = trimEnd(s.replace(/^[-*•·–—:"'“”]+\s*/, ''), '.:;"\'“”').trim();
  const withoutLead = s.replace(LEAD_IN, '').replace(TRAIL, '').trim();
  if (withoutLead) s = withoutLead;
  if (!/[\p{L}\p{N}]/u.test(s)) return '';
  if (s.length > MAX_SKILL_LENGTH) {
    const cut = s.slice(0, MAX_SKILL_LENGTH);
    s = cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).trim();
  }
  // Kept as the author wrote it ("iOS", "gRPC", "communication"); display is the UI's business.
  return s;
}

/**
 * Common alternative spellings. Matching a skill also accepts its aliases, so an answer that
 * says "Postgres" shows "PostgreSQL" and "k8s" shows "Kubernetes".
 */
const ALIASES: Record<string, string[]> = {
  postgresql: ['postgres', 'psql'],
  postgres: ['postgresql'],
  kubernetes: ['k8s'],
  javascript: ['JS', 'ecmascript'],
  typescript: ['TS'],
  'node.js': ['node', 'nodejs'],
  nodejs: ['node.js', 'node'],
  react: ['react.js', 'reactjs'],
  'machine learning': ['ML'],
  'artificial intelligence': ['AI'],
  'amazon web services': ['aws'],
  aws: ['amazon web services'],
  'google cloud': ['gcp'],
  gcp: ['google cloud'],
  'ci/cd': [
    'continuous integration',
    'continuous delivery',
    'continuous deployment',
    'pipeline',
    'pipelines',
  ],
  'a/b testing': ['a/b test', 'ab test', 'experiment', 'experiments', 'experimentation'],
  'user research': ['user interviews', 'usability testing', 'usability test'],
  crm: ['salesforce', 'hubspot'],
  golang: ['Go'],
  go: ['golang'],
  'rest apis': ['rest', 'restful', 'api', 'apis'],
  'rest api': ['rest', 'restful', 'api', 'apis'],
  sql: ['postgres', 'postgresql', 'mysql'],
  'data visualization': ['dashboard', 'dashboards', 'chart', 'charts', 'tableau', 'looker'],
  'data visualisation': ['dashboard', 'dashboards', 'chart', 'charts', 'tableau', 'looker'],
  'stakeholder management': ['stakeholder', 'stakeholders'],
  communication: ['communicated', 'communicate', 'explained', 'presented'],
};

/** The matchers for one skill: whole phrases (with aliases) and, for multi-word skills, stems. */
interface SkillMatcher {
  skill: string;
  phrases: RegExp[];
  /** every one of these stems present → match ("stakeholder management" ↔ "managed stakeholders") */
  stems: string[];
}

const matcherCache = new Map<string, SkillMatcher>();

function matcherFor(skill: string): SkillMatcher {
  const cached = matcherCache.get(skill);
  if (cached) return cached;
  const original = skill.trim().replace(/\s+/g, ' ');
  // "JavaScript (ES2020+)" → also match plain "JavaScript".
  const originalBase = withoutBracketed(original).trim();
  const key = normalizeKey(original);
  const base = normalizeKey(originalBase);
  // One- and two-letter names ("Go", "R", "ML") keep their case and are matched case-sensitively,
  // otherwise every "go" and "r" in plain English would count as the skill.
  const variants = new Set<string>(
    [original, originalBase, ...(ALIASES[key] ?? []), ...(ALIASES[base] ?? [])].map((v) =>
      v.length <= 2 ? v : v.toLowerCase(),
    ),
  );
  const phrases = [...variants]
    .filter((v) => v.length > 0)
    .map(
      (v) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}+#])`, v.length <= 2 ? 'u' : 'iu'),
    );
  const stems = [...contentStems(base)];
  // Multi-word skills match when all their stems appear; a single long word matches its stem too
  // ("negotiator" shows "negotiation"). Short names ("SQL", "Go") only match as written.
  const words = tokenize(base);
  const useStems = words.length > 1 || (words.length === 1 && /^[a-z]{6,}$/.test(words[0]!));
  const m: SkillMatcher = { skill, phrases, stems: useStems ? stems : [] };
  if (matcherCache.size > 2000) matcherCache.clear();
  matcherCache.set(skill, m);
  return m;
}

/** The words that name a skill: its own and its aliases' (lower-case), e.g. PostgreSQL → postgresql, postgres, psql. */
export function skillVocabulary(skill: string): string[] {
  const key = normalizeKey(skill);
  const base = normalizeKey(withoutBracketed(key));
  return [
    ...new Set([key, base, ...(ALIASES[key] ?? []), ...(ALIASES[base] ?? [])].flatMap((v) => tokenize(v))),
  ];
}

/** Whether `text` mentions `skill` (phrase, alias, or the stems of the skill's words). */
export function mentionsSkill(text: string, skill: string, textStems?: ReadonlySet<string>): boolean {
  const m = matcherFor(skill);
  if (m.phrases.some((re) => re.test(text))) return true;
  if (m.stems.length === 0) return false;
  const stems = textStems ?? new Set(tokenize(text).map(stem));
  return m.stems.every((s) => stems.has(s));
}

/** The skills (in the order given) that `text` mentions. */
export function skillsMentioned(text: string, skills: readonly string[]): string[] {
  const stems = new Set(tokenize(text).map(stem));
  return skills.filter((s) => mentionsSkill(text, s, stems));
}
