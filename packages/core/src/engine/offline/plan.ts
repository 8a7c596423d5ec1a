/**
 * Offline question planning: picks templates from the bank, fills them with the job's skills and
 * title, and adapts difficulty to the experience text. Deterministic for a given job + seed.
 */
import { MAX_QUESTIONS, MIN_QUESTIONS } from '../../enums.ts';
import { extractPosting, type PostingFacts } from '../posting.ts';
import { parseSkills } from '../skills.ts';
import { escapeRegExp, joinList, normalizeKey } from '../text.ts';
import type { Focus, JobContext, PlannedQuestion, QuestionCategory } from '../types.ts';
import { type Level, parseLevel } from './level.ts';
import { CONCRETE_TERMS, detectDomain, isSoftSkill } from './lexicon.ts';
import {
  contentWords,
  fixArticles,
  isPluralSkill,
  isToolSkill,
  skillInSentence,
  skillWork,
  titleInSentence,
  titleNamesSkill,
} from './phrasing.ts';
import { createRng, shuffle } from './prng.ts';
import {
  type Domain,
  POSTING_TEMPLATES,
  type PostingTemplate,
  QUESTION_BANK,
  type QuestionTemplate,
} from './question-bank.ts';

/**
 * The categories of a plan, in order. "mixed" interleaves: technical on every other slot, and the
 * slots between alternate behavioural and situational (T, B, T, S, T, B, …), so half (rounded up)
 * is technical.
 */
export function categorySequence(count: number, focus: Focus): QuestionCategory[] {
  const out: QuestionCategory[] = [];
  for (let i = 0; i < count; i++) {
    if (focus !== 'mixed') out.push(focus);
    else if (i % 2 === 0) out.push('technical');
    else out.push(i % 4 === 1 ? 'behavioural' : 'situational');
  }
  return out;
}

/** Count clamped to the allowed range (a bad count is the caller's bug, but never a crash here). */
export function clampCount(count: number): number {
  if (!Number.isFinite(count)) return MIN_QUESTIONS;
  return Math.min(MAX_QUESTIONS, Math.max(MIN_QUESTIONS, Math.round(count)));
}

/**
 * The skills to ask about: the job's own list; if the author left it empty, the skills its
 * posting asks for, or the tools named in it; failing that, the job title itself.
 */
export function planSkills(job: JobContext): string[] {
  const listed = parseSkills(job.skills);
  if (listed.length > 0) return listed;
  const extracted = extractPosting(job.description).skills;
  if (extracted.length > 0) return extracted.slice(0, 8);
  const desc = job.description.toLowerCase();
  const found = CONCRETE_TERMS.filter((t) =>
    new RegExp(`(^|[^a-z0-9])${escapeRegExp(t)}([^a-z0-9+#]|$)`).test(desc),
  );
  if (found.length > 0) return found.slice(0, 8);
  return [job.title.trim() || 'this role'];
}

export function planOffline(input: {
  job: JobContext;
  count: number;
  focus: Focus;
  seed: string;
}): PlannedQuestion[] {
  const { job, focus } = input;
  const count = clampCount(input.count);
  const level = parseLevel(job.experience, job.title);
  const domain = detectDomain(job.title, job.description);
  const skills = planSkills(job);
  const title = titleInSentence(job.title);
  // The job's content is part of the seed, so two jobs never walk the bank in the same order.
  const rng = createRng(
    [input.seed, job.title, job.skills, job.experience, job.description].map((s) => s.trim()).join('\u241f'),
  );

  const hard = skills.filter((s) => !isSoftSkill(s));
  const soft = skills.filter((s) => isSoftSkill(s));
  // Technical questions go through the hard skills; behavioural ones start with the soft skills
  // (they are about how you work), then the rest; situational ones take any skill.
  const cycles: Record<QuestionCategory, string[]> = {
    technical: shuffle(hard.length > 0 ? hard : skills, rng),
    behavioural: [...shuffle(soft, rng), ...shuffle(hard, rng)],
    situational: shuffle(skills, rng),
  };
  const cursor: Record<QuestionCategory, number> = { technical: 0, behavioural: 0, situational: 0 };
  const orders: Record<QuestionCategory, QuestionTemplate[]> = {
    technical: orderTemplates('technical', level, domain, rng),
    behavioural: orderTemplates('behavioural', level, domain, rng),
    situational: orderTemplates('situational', level, domain, rng),
  };

  const usedTemplates = new Set<string>();
  const usedTexts = new Set<string>();
  const plan: PlannedQuestion[] = [];

  for (const category of categorySequence(count, focus)) {
    const cycle = cycles[category];
    const start = cursor[category]++;
    // Try the next skill in this category's rotation first, then the others.
    const skillOrder = cycle.map((_, k) => cycle[(start + k) % cycle.length]!);
    const pick =
      choose(orders[category], skillOrder, (t) => !usedTemplates.has(t.id)) ??
      // Every template already used (only with tiny banks): reuse one with a different skill.
      choose(orders[category], skillOrder, () => true);
    if (!pick) break; // the bank cannot produce another distinct question; a shorter plan beats a repeat
    usedTemplates.add(pick.template.id);
    usedTexts.add(normalizeKey(pick.text));
    plan.push({ text: pick.text, category, skill: pick.skill, talking_points: pick.talkingPoints });
  }
  return withPostingQuestions(plan, extractPosting(job.description), skills);

  function choose(
    templates: QuestionTemplate[],
    skillOrder: string[],
    allowed: (t: QuestionTemplate) => boolean,
  ): { template: QuestionTemplate; skill: string; text: string; talkingPoints: string[] } | null {
    // A skill the template reads naturally with first; any skill only when none fits.
    for (const strict of [true, false]) {
      for (const template of templates) {
        if (!allowed(template)) continue;
        for (const skill of skillOrder) {
          if (strict && !suits(template, skill)) continue;
          const rendered = renderTemplate(template, {
            level,
            skill,
            title,
            others: hard.length > 0 ? hard : skills,
          });
          if (rendered && !usedTexts.has(normalizeKey(rendered.text)))
            return { template, skill, ...rendered };
        }
      }
    }
    return null;
  }
}

/** Figures that say most about the job first: targets and peaks, then plain counts. */
function rankedFigures(figures: readonly string[]): string[] {
  // a target first, then a peak, then a rate: the two named are the most telling and different
  const weight = (f: string) =>
    /%/.test(f)
      ? 0
      : /peak|black friday|cyber monday|season|rush/i.test(f)
        ? 1
        : /per second|\bms\b/i.test(f)
          ? 2
          : 3;
  return [...figures].sort((a, b) => weight(a) - weight(b));
}

/**
 * The plan with questions built on the posting (POSTING_TEMPLATES) in place of bank questions
 * of the same category: one on its figures, one on a responsibility, one on a tool it names,
 * each only when the posting states it (a tool only when the job's skill list leaves it out). The first question stays a bank question (a warm-up),
 * and at most half the plan is replaced, so the job's skills are still covered.
 */
export function withPostingQuestions(
  plan: PlannedQuestion[],
  facts: PostingFacts,
  jobSkills: readonly string[],
): PlannedQuestion[] {
  const out = [...plan];
  const budget = Math.floor(out.length / 2);
  const replaced = new Set<number>();
  const figures = rankedFigures(facts.figures).slice(0, 2);
  const duty = facts.responsibilities[0];
  // A tool the skill list already names is asked about anyway; one it leaves out is news.
  const known = new Set(jobSkills.map(normalizeKey));
  const tool = facts.tools.find((t) => !known.has(normalizeKey(t)));

  const use = (t: PostingTemplate): boolean => {
    if (replaced.size >= budget) return false;
    if (t.needs === 'facts' && figures.length === 0) return false;
    if (t.needs === 'duty' && !duty) return false;
    if (t.needs === 'tool' && !tool) return false;
    const slot = out.findIndex((q, i) => i > 0 && !replaced.has(i) && q.category === t.category);
    if (slot < 0) return false;
    const skill = t.needs === 'tool' ? tool! : out[slot]!.skill;
    const fill = (template: string) =>
      fixArticles(
        template
          .replaceAll('{facts}', joinList(figures))
          .replaceAll('{duty}', (duty ?? '').replace(/[.!]+$/, ''))
          .replaceAll('{tool}', tool ?? '')
          .replaceAll('{skill work}', skillWork(skill))
          .replaceAll('{skill}', skillInSentence(skill)),
      );
    out[slot] = { text: fill(t.text), category: t.category, skill, talking_points: t.covers.map(fill) };
    replaced.add(slot);
    return true;
  };
  // The figures go in a situational slot when there is one, else a technical one.
  const byId = (id: string) => POSTING_TEMPLATES.find((t) => t.id === id)!;
  if (!use(byId('p-facts-situational'))) use(byId('p-facts-technical'));
  use(byId('p-duty-behavioural'));
  use(byId('p-tool-technical'));
  return out;
}

/** Whether a skill reads naturally in a template (see `QuestionTemplate.wants`). */
export function suits(t: QuestionTemplate, skill: string): boolean {
  if (t.wants === 'tool') return isToolSkill(skill);
  if (t.wants === 'hard') return !isSoftSkill(skill);
  return true;
}

/**
 * Templates in the order they will be tried: those that suit the level and the kind of role first
 * (shuffled by the seed), then the rest (also shuffled) so a long plan never runs dry.
 */
function orderTemplates(category: QuestionCategory, level: Level, domain: Domain, rng: () => number) {
  const all = QUESTION_BANK.filter((t) => t.category === category);
  const fits = (t: QuestionTemplate) =>
    (t.level === undefined || t.level === level) && (t.domains === undefined || t.domains.includes(domain));
  return [
    ...shuffle(all.filter(fits), rng),
    ...shuffle(
      all.filter((t) => !fits(t)),
      rng,
    ),
  ];
}

/**
 * A template written out for one skill (and the job's title), with its talking points; null when
 * it would not read as a person wrote it: it needs a second skill ({other}) the job lacks, or its
 * own words repeat a word of the skill ("How would you design … API design?").
 */
export function renderTemplate(
  t: QuestionTemplate,
  input: { level: Level; skill: string; title: string; others: string[] },
): { text: string; talkingPoints: string[] } | null {
  const { level, skill, title } = input;
  const raw = (level === 'senior' ? t.senior : level === 'junior' ? t.junior : undefined) ?? t.text;
  const skillWords = new Set(contentWords(skill));
  const overlaps = (words: string[], against: Set<string>) => words.some((w) => against.has(w));

  // The title aside stays only when it adds something: a title that does not name the skill.
  const keepTitle =
    title !== '' && !titleNamesSkill(title, skill) && !overlaps(contentWords(title), skillWords);
  const text = raw.replace(/\[([^\]]*)\]/g, (_, aside: string) => (keepTitle ? aside : ''));
  const ownWords = contentWords(text.replace(/\{[^}]*\}/g, ' ').replace(/\b(?:is|it)\b/g, ' '));
  if (overlaps(ownWords, skillWords)) return null;

  let other: string | undefined;
  if (text.includes('{other}')) {
    const own = new Set(ownWords);
    other = input.others.find((o) => {
      const words = contentWords(o);
      return normalizeKey(o) !== normalizeKey(skill) && !overlaps(words, skillWords) && !overlaps(words, own);
    });
    if (!other) return null;
  }
  const fill = (template: string) => phrase(template, skill, other ?? '', title);
  return { text: fill(text), talkingPoints: t.covers.map(fill) };
}

/** Placeholders filled in, agreeing with the skill, and the articles put right. */
function phrase(template: string, skill: string, other: string, title: string): string {
  const s = skillInSentence(skill);
  const plural = isPluralSkill(skill);
  return fixArticles(
    template
      .replaceAll('{skill work}', skillWork(skill))
      .replaceAll('{skill}', s)
      .replaceAll('{other}', skillInSentence(other))
      .replaceAll('{title}', title)
      .replaceAll('{is}', plural ? 'are' : 'is')
      .replaceAll('{it}', plural ? 'them' : 'it'),
  );
}

/** Each template variant as a pattern that matches its written-out questions (any skill, any title). */
const TEMPLATE_PATTERNS: { template: { covers: readonly string[] }; pattern: RegExp }[] = [
  ...QUESTION_BANK,
  ...POSTING_TEMPLATES,
].flatMap((template: { text: string; junior?: string; senior?: string; covers: readonly string[] }) =>
  [template.text, template.junior, template.senior]
    .filter((v): v is string => v !== undefined)
    .map((variant) => {
      const source = variant
        .split(/(\{[^}]*\}|\[|\])/)
        .map((part) => {
          if (part === '[') return '(?:';
          if (part === ']') return ')?';
          if (part.startsWith('{')) return '.+?';
          // The article before a placeholder may have changed ("a" ↔ "an").
          return escapeRegExp(part).replace(/\b(?:a|an)(?= )/gi, (m) => (m[0] === 'A' ? 'An?' : 'an?'));
        })
        .join('');
      return { template, pattern: new RegExp(`^${source}$`) };
    }),
);

/**
 * What a strong answer to a stored question covers, recovered from the question's own text and
 * skill (the bank's questions are not stored with their template): null for a question the bank
 * did not write (a model's, a follow-up).
 */
export function talkingPointsFor(question: { text: string; skill: string }): string[] | null {
  const text = question.text.trim();
  const found = TEMPLATE_PATTERNS.find((p) => p.pattern.test(text));
  if (!found) return null;
  return found.template.covers.map((c) => phrase(c, question.skill, '', ''));
}
