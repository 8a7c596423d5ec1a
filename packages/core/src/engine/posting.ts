/**
 * Reading a pasted job posting: the skills it asks for, and the facts a question can draw on
 * (figures, named tools, responsibilities). Pure and deterministic; heuristics, not a parser:
 * postings put requirements in bullet lists under a heading ("Requirements", "What you bring"),
 * name tools by their usual spelling, and state scale as numbers next to a unit.
 * Used by `jobs.extractSkills` (the "My own job" form) and by the offline planner.
 */
import { CONCRETE_TERMS } from './offline/lexicon.ts';
import { parseSkills } from './skills.ts';
import { escapeRegExp, normalizeKey } from './text.ts';

export interface PostingFacts {
  /** what to practise: the requirement bullets, shortened, then the tools named elsewhere */
  skills: string[];
  /** named technologies and tools, spelled as in the posting ("EKS", "Salesforce") */
  tools: string[];
  /** scale, targets and peaks, as short phrases ("a 99.99 % SLO", "Black Friday peaks") */
  figures: string[];
  /** what the job does day to day, as the posting's bullets ("Own the checkout platform") */
  responsibilities: string[];
}

/** How many of each a posting yields: enough to practise, few enough to adjust by hand. */
export const MAX_EXTRACTED_SKILLS = 12;
const MAX_FACTS = 6;
const MAX_SKILL_WORDS = 4;

/** Tools the catalogue's lexicon lacks but postings name often (acronyms kept upper-case). */
const EXTRA_TOOLS = [
  'EKS',
  'GKE',
  'AKS',
  'ECS',
  'Fargate',
  'CloudFormation',
  'Pulumi',
  'Argo CD',
  'ArgoCD',
  'Istio',
  'Envoy',
  'Vault',
  'Consul',
  'Splunk',
  'New Relic',
  'Kibana',
  'Spark',
  'Flink',
  'Zendesk',
  'Intercom',
  'Marketo',
  'Excel',
  'SAP',
  'QuickBooks',
  'Xero',
  'Shopify',
  'Notion',
  'Asana',
  'Canva',
  'SQL',
];

/** Lower-case lexicon terms whose usual spelling is not lower-case. */
const SPELLING: Record<string, string> = {
  aws: 'AWS',
  gcp: 'GCP',
  sql: 'SQL',
  crm: 'CRM',
  etl: 'ETL',
  'ci/cd': 'CI/CD',
  jwt: 'JWT',
  tls: 'TLS',
  kpi: 'KPI',
  kpis: 'KPIs',
  okr: 'OKR',
  okrs: 'OKRs',
  arr: 'ARR',
  mrr: 'MRR',
  wcag: 'WCAG',
  grpc: 'gRPC',
  graphql: 'GraphQL',
  postgresql: 'PostgreSQL',
  mongodb: 'MongoDB',
  dynamodb: 'DynamoDB',
  'node.js': 'Node.js',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
};

/**
 * Generic words of the lexicon that are not worth practising as a "tool" on their own
 * ("cache", "pipeline", "roadmap"): a posting naming them says little.
 */
const TOO_GENERIC = new Set([
  'cache',
  'caching',
  'queue',
  'pipeline',
  'migration',
  'rollback',
  'retention',
  'conversion',
  'activation',
  'proposal',
  'forecast',
  'renewal',
  'backlog',
  'roadmap',
  'dashboard',
  'experiment',
  'prototype',
  'prototypes',
  'heuristic',
  'cohort',
  'cohorts',
  'funnel',
  'persona',
  'personas',
  'lambda',
  'replica',
  'quota',
  'accessibility',
  'monolith',
  'git',
  'linux',
]);

const SKILL_HEADING =
  /^(?:#+\s*)?(?:requirements?|qualifications?|(?:required|preferred|key|core|technical)\s+(?:skills|qualifications|experience)|skills(?:\s+(?:and|&)\s+experience)?|what you(?:'|’)?ll? (?:need|bring)|what we(?:'|’)?re looking for|who you are|about you|you have|you bring|you(?:'|’)?ll have|must[- ]haves?|nice[- ]to[- ]haves?|bonus points?|(?:it would be )?great if you have|your profile|experience)\b.*:?\s*$/i;
const DUTY_HEADING =
  /^(?:#+\s*)?(?:responsibilities|(?:key |main )?duties|what you(?:'|’)?ll do|what you will do|the role|your role|in this role|day[- ]to[- ]day|you will|your impact|what the job involves)\b.*:?\s*$/i;
const BULLET = /^\s*(?:[-*•·–—▪◦‣+]|\d+[.)])\s+/;

/** Sentence lead-ins that introduce a skill in running text ("experience with X"). */
const INLINE_SKILL =
  /\b(?:experience (?:with|in|of)|knowledge of|proficiency (?:with|in)|proficient (?:with|in)|familiarity with|familiar with|fluent in|expertise in|skilled in)\s+([^.;:\n]{2,80})/gi;

/** Requirement wording around the skill itself: years, "track record of", "ability to". */
const YEARS =
  /^\s*(?:\d+\s*\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs?)\s*(?:of\s+)?(?:professional\s+|hands[- ]on\s+)?)/i;
const PREAMBLE =
  /^(?:(?:a|an)\s+)?(?:(?:proven|strong|solid|demonstrated)\s+)?(?:track record|history|record)\s+(?:of|in)\s+|^(?:the\s+)?ability\s+to\s+|^(?:you\s+)?(?:have|can|are)\s+/i;
const CUT_AT =
  /\s+(?:for|to|across|at|that|which|who|where|while|so|in order|on|within|from|including|such as|e\.g\.?|like)\s+.*$/i;

interface Line {
  text: string;
  bullet: boolean;
  section: 'skills' | 'duties' | 'other';
}

function linesOf(description: string): Line[] {
  const out: Line[] = [];
  let section: Line['section'] = 'other';
  for (const raw of description.split(/\r?\n|(?<=\S)\s+•\s+/)) {
    const text = raw.trim();
    if (!text) continue;
    const bullet = BULLET.test(text);
    const body = text.replace(BULLET, '').trim();
    // A heading is a short, unbulleted line (often ending with ":") that names its section.
    if (!bullet && body.split(/\s+/).length <= 8) {
      if (SKILL_HEADING.test(body)) {
        section = 'skills';
        continue;
      }
      if (DUTY_HEADING.test(body)) {
        section = 'duties';
        continue;
      }
      if (/:\s*$/.test(body)) {
        section = 'other';
        continue;
      }
    }
    out.push({ text: body, bullet, section });
  }
  return out;
}

/** Tools that are also everyday English words. */
const AMBIGUOUS = new Set([
  'react',
  'rust',
  'spark',
  'vault',
  'envoy',
  'notion',
  'excel',
  'helm',
  'sentry',
  'gong',
  'outreach',
  'consul',
  'flask',
  'jest',
  'vite',
  'poc',
  'arr',
]);

const TOOL_TERMS: readonly string[] = [
  ...new Set([
    ...CONCRETE_TERMS.filter((t) => !TOO_GENERIC.has(t)),
    ...EXTRA_TOOLS.map((t) => t.toLowerCase()),
  ]),
];
const TOOL_PATTERNS = TOOL_TERMS.map((t) => ({
  term: t,
  // ASCII boundaries, not \p{L}: 300 Unicode-property patterns took seconds to compile on first use.
  re: new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(t)}(?![A-Za-z0-9+#])`, 'i'),
}));

/** The tools a text names, in order of first appearance, spelled as written there. */
export function toolsIn(text: string): string[] {
  const found: { at: number; name: string }[] = [];
  for (const { term, re } of TOOL_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const written = m[0];
    // An everyday word that is also a tool counts only when written as a name ("React", not "react").
    if (AMBIGUOUS.has(term) && written === written.toLowerCase()) continue;
    const extra = EXTRA_TOOLS.find((e) => e.toLowerCase() === term);
    // Written all lower-case in the posting: use the usual spelling instead.
    const name = written === written.toLowerCase() ? (SPELLING[term] ?? extra ?? written) : written;
    found.push({ at: m.index, name });
  }
  found.sort((a, b) => a.at - b.at);
  return dedupe(
    found.map((f) => f.name),
    // "Postgres" inside "PostgreSQL" is found by two terms: keep the longer one only.
  ).filter((name, _, all) => !all.some((o) => o !== name && o.toLowerCase().startsWith(name.toLowerCase())));
}

/** One requirement line shortened to the skill it names, or null when it names none briefly. */
export function skillOfRequirement(line: string): string | null {
  let s = line.replace(YEARS, '').replace(PREAMBLE, '').trim();
  const parsed = parseSkills(s);
  // parseSkills splits "Python and SQL" and strips "Experience with"; one skill per line here.
  s = parsed.length === 1 ? parsed[0]! : s;
  s = s
    .replace(YEARS, '')
    .replace(PREAMBLE, '')
    .replace(CUT_AT, '')
    .replace(/[.,;:!]+$/, '')
    .trim();
  s = s.replace(/^(?:experience|knowledge|understanding)\s+(?:with|in|of)\s+/i, '').trim();
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_SKILL_WORDS) return null;
  if (!/[\p{L}]/u.test(s)) return null;
  // A lone adjective or filler is not a skill ("Excellent", "Bachelor's degree" is kept: it is asked for).
  if (words.length === 1 && /^(?:excellent|strong|good|great|other|relevant|related|similar)$/i.test(s))
    return null;
  // A tool keeps its own spelling ("dbt", "iOS"); other skills read as list items ("Triage").
  const tool = toolsIn(s);
  if (tool.length === 1 && normalizeKey(tool[0]!) === normalizeKey(s)) return tool[0]!;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Figures: percentages with what they measure, amounts with a unit, and named peak events. */
const FIGURE_PATTERNS: RegExp[] = [
  // 99.99 % SLO / 99.9% uptime / 20% growth
  /\b\d{1,3}(?:[.,]\d+)?\s?%\s*(?:(?:availability|uptime|SLO|SLA|SLI|growth|year[- ]over[- ]year|YoY|conversion|retention|churn|reduction|increase|of (?:revenue|traffic|users))\b)?/gi,
  // 10M requests per day / 50k RPS / 2 million users / 300 stores / $2M quota / 40 accounts
  /(?:[$€£]\s?)?\b\d+(?:[.,]\d+)?\s?(?:k|m|bn|b|million|billion|thousand)?\+?\s+(?:(?:daily|monthly|weekly|active|concurrent|peak|enterprise|new|key)\s+){0,2}(?:requests?|RPS|QPS|TPS|transactions?|orders?|users?|customers?|clients?|accounts?|stores?|countries|markets|engineers?|people|reports|events?|messages?|deploys?|deployments?|services?|microservices|nodes?|clusters?|patients|beds|students|SKUs?|ARR|quota)(?:\s+(?:per|a|an|each)\s+(?:second|minute|hour|day|week|month|quarter|year))?/gi,
  /(?:[$€£]\s?)\d+(?:[.,]\d+)?\s?(?:k|m|bn|b|million|billion)?\+?(?:\s+(?:annual|yearly|quarterly)?\s*(?:quota|ARR|revenue|budget|pipeline|book of business))?/gi,
  // peak events
  /\b(?:Black Friday|Cyber Monday|Singles'? Day|Prime Day|holiday season|peak season|Christmas peak|tax season|end of quarter)(?:\s+(?:peaks?|traffic|sales|spikes?|rush))?/gi,
  // latency targets: p99 under 200 ms
  /\bp(?:50|90|95|99|999)\s+(?:latency\s+)?(?:of\s+|under\s+|below\s+|<\s*)?\d+\s?ms\b/gi,
  /\b(?:sub|under|below)[- ]\d+\s?ms\b(?:\s+latency)?/gi,
];

export function figuresIn(text: string): string[] {
  const found: { at: number; text: string }[] = [];
  for (const re of FIGURE_PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const t = m[0].replace(/\s+/g, ' ').trim();
      // A bare percentage says nothing ("20%"): it needs what it measures.
      if (/^\d[\d.,]*\s?%$/.test(t)) continue;
      found.push({ at: m.index ?? 0, text: t });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out = dedupe(found.map((f) => f.text)).map(figurePhrase);
  // A figure inside a longer one ("$2M" in "$2M annual quota") is dropped.
  return out.filter((f, _, all) => !all.some((o) => o !== f && o.includes(f))).slice(0, MAX_FACTS);
}

/** "99.99 % SLO" → "a 99.99 % SLO"; plural or event phrases stay as they are. */
function figurePhrase(figure: string): string {
  if (/^\d[\d.,]*\s?%\s+\S/.test(figure)) return `a ${figure}`;
  // "$1.2M annual quota" is one amount: "a $1.2M annual quota"
  if (/^[$€£]/.test(figure) && /\s\S*[^s\d\s]$/.test(figure)) return `a ${figure}`;
  return figure;
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = normalizeKey(i);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Everything a posting says that a practice interview can use. Deterministic: the same text
 * always gives the same facts, in the order the posting states them.
 */
export function extractPosting(description: string): PostingFacts {
  // Bounded: a 20 000-character posting is the most the API accepts; nothing here is quadratic.
  const text = description.slice(0, 20_000);
  const lines = linesOf(text);
  const tools = toolsIn(text).slice(0, MAX_EXTRACTED_SKILLS);

  const fromRequirements: string[] = [];
  for (const line of lines) {
    if (line.section !== 'skills') continue;
    // "Go or Python": either is asked for, so both are skills.
    const alternatives = line.text.split(/\s+or\s+/i);
    const pieces = alternatives.every((a) => a.trim().split(/\s+/).length <= 3) ? alternatives : [line.text];
    const skills = pieces.map(skillOfRequirement).filter((x): x is string => x !== null);
    if (skills.length > 0) {
      fromRequirements.push(...skills);
      continue;
    }
    // A long requirement line: the tools it names are the skills it asks for.
    fromRequirements.push(...toolsIn(line.text));
  }
  // Running text: "experience with Kafka and Redis" names skills too.
  const inline: string[] = [];
  for (const m of text.matchAll(INLINE_SKILL)) {
    for (const piece of parseSkills(m[1]!)) {
      const skill = skillOfRequirement(piece);
      if (skill) inline.push(skill);
    }
  }

  // A skill that merely repeats a tool already listed ("Kubernetes (EKS)" and "EKS") stays once.
  const skills = dedupe([...fromRequirements, ...inline, ...tools]).slice(0, MAX_EXTRACTED_SKILLS);

  const responsibilities = lines
    .filter((l) => l.section === 'duties' && l.text.split(/\s+/).length >= 3)
    .map((l) => l.text.replace(/[.;]+$/, ''))
    .filter((l) => l.length <= 160)
    .slice(0, MAX_FACTS);

  return { skills, tools, figures: figuresIn(text), responsibilities };
}
