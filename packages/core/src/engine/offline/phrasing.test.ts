// The planner's questions read as written by a person: every template, every kind of skill name,
// titles with parentheses and qualifiers; articles, agreement and no word said twice.
import { describe, expect, it } from 'vitest';
import type { JobContext } from '../types.ts';
import type { Level } from './level.ts';
import { contentWords, indefiniteArticle, isPluralSkill, isToolSkill, titleInSentence } from './phrasing.ts';
import { renderTemplate, suits, talkingPointsFor } from './plan.ts';
import { createOfflineProvider } from './provider.ts';
import { QUESTION_BANK } from './question-bank.ts';

/** One of each kind of skill name a job author writes. */
const SKILLS = {
  'noun phrase': ['REST API design', 'user research', 'A/B testing'],
  acronym: ['SQL', 'AWS', 'HTML', 'UX'],
  tool: ['Figma', 'Kubernetes', 'Node.js', 'PostgreSQL'],
  'soft skill': ['stakeholder communication', 'negotiation'],
  plural: ['design systems', 'REST APIs', 'discovery calls', 'regular 1:1s'],
  'with examples in parentheses': ['CI/CD (GitHub Actions, Argo CD)', 'Python (pandas)'],
  'long phrase': [
    'Discharge planning with the MDT',
    'Recognising and escalating the deteriorating patient (NEWS2)',
  ],
} as const;
const ALL_SKILLS = Object.values(SKILLS).flat();
const TITLES = [
  'Senior Backend Engineer (Node.js)',
  'Account Executive (EMEA)',
  'Engineering Manager – Payments',
  'UX Designer',
  'SRE',
  'HR Business Partner',
  'SQL Developer',
  '',
];
const LEVELS: Level[] = ['junior', 'mid', 'senior'];
const OTHERS = ['Docker', 'Tableau', 'API design'];

interface Rendered {
  id: string;
  skill: string;
  title: string;
  text: string;
  points: string[];
}
const rendered: Rendered[] = [];
for (const t of QUESTION_BANK) {
  // The title only reaches templates with a [ … {title} …] aside.
  const titles = [t.text, t.junior, t.senior].some((v) => v?.includes('{title}')) ? TITLES : [''];
  for (const level of LEVELS) {
    for (const skill of ALL_SKILLS) {
      for (const rawTitle of titles) {
        const r = renderTemplate(t, { level, skill, title: titleInSentence(rawTitle), others: OTHERS });
        if (r)
          rendered.push({
            id: `${t.id}/${level}`,
            skill,
            title: rawTitle,
            text: r.text,
            points: r.talkingPoints,
          });
      }
    }
  }
}

/**
 * Wrong articles, written out independently of phrasing.ts: "a" before a vowel sound, "an" before
 * a consonant sound, for the words these fixtures can produce.
 */
const WRONG_ARTICLE = [
  /\ba (API|SQL|AWS|HTML|SRE|HR|FAQ|[AEIO][a-z]\w*|[aeio]\w*)\b/,
  /\ban (UX|user|(?!hour|honest)[B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z][a-z]\w*)\b/,
  /\bA (API|SQL|AWS|[aeioAEIO][a-z]\w*)\b/,
];

describe('every template, with every kind of skill name and job title', () => {
  it('renders: each template reads with several kinds of skill (not skipped wholesale)', () => {
    for (const t of QUESTION_BANK) {
      const kinds = Object.entries(SKILLS).filter(([, names]) =>
        names.some((skill) => rendered.some((r) => r.id.startsWith(`${t.id}/`) && r.skill === skill)),
      );
      expect(kinds.length, t.id).toBeGreaterThanOrEqual(t.wants === 'tool' ? 2 : 3);
    }
    expect(rendered.length).toBeGreaterThan(QUESTION_BANK.length * ALL_SKILLS.length);
  });

  it('uses "a" and "an" by sound, acronyms included ("an API", "an SQL", "a UX", "an HR")', () => {
    for (const r of rendered) for (const bad of WRONG_ARTICLE) expect(r.text, r.id).not.toMatch(bad);
    const asTitle = rendered.filter((r) => r.title !== '' && r.text.includes(titleInSentence(r.title)));
    expect(asTitle.some((r) => r.text.includes('as an Account Executive'))).toBe(true);
    expect(asTitle.some((r) => r.text.includes('as an HR Business Partner'))).toBe(true);
    expect(asTitle.some((r) => r.text.includes('as an SRE'))).toBe(true);
    expect(asTitle.some((r) => r.text.includes('as a UX Designer'))).toBe(true);
  });

  it('puts a long or plural skill after "work on", not before "work"', () => {
    const review = rendered.filter((r) => r.id === 't-review/mid');
    const of = (skill: string) => review.find((r) => r.skill === skill)?.text;
    expect(of('Discharge planning with the MDT')).toContain(
      'someone else’s work on discharge planning with the MDT,',
    );
    expect(of('regular 1:1s')).toContain('work on regular 1:1s');
    expect(of('Figma')).toContain('someone else’s Figma work');
    expect(of('Python (pandas)')).toContain('someone else’s Python work');
  });

  it('agrees with a plural skill: "design systems are … them", never "design systems is" or "REST APIs work"', () => {
    for (const r of rendered.filter((x) => isPluralSkill(x.skill))) {
      const s = r.skill.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // "your work on design systems is …": there the subject is "work", not the skill
      const asSubject = r.text.replaceAll(`work on ${r.skill}`, '');
      expect(asSubject, r.id).not.toMatch(new RegExp(`\\b(is|was) ${s}\\b|\\b${s} (is|was|work)\\b`));
    }
    const senior = rendered.find((r) => r.id === 't-core-concepts/senior' && r.skill === 'design systems');
    expect(senior?.text).toBe(
      'When are design systems the wrong choice? Describe the trade-offs you weigh before using them on a new project.',
    );
  });

  it('says no word twice: the skill once, none of its words elsewhere, no title that repeats it', () => {
    for (const r of rendered) {
      const words = contentWords(r.text);
      // the examples in parentheses are left out of the sentence
      const shown = contentWords(r.skill.replace(/\s*\([^)]*\)/g, ''));
      for (const w of new Set(shown)) {
        const expected = shown.filter((x) => x === w).length;
        expect(words.filter((x) => x === w).length, `${r.id} ${r.skill} “${r.text}”`).toBe(expected);
      }
      expect(r.text, r.id).not.toMatch(/\b(\w+) \1\b/i);
      expect(r.text, r.id).not.toMatch(/\bon work on\b|\(GitHub|\(pandas|\(NEWS2/);
    }
  });

  it('writes the title without its parentheses or qualifier, and never pluralises or stacks it', () => {
    for (const r of rendered) {
      expect(r.text, r.id).not.toMatch(/\(Node\.js\)|\(EMEA\)|Payments|Engineers?\)?s\b/);
      // the title already names SQL: asking about SQL "as an SQL Developer" says it twice
      if (r.skill === 'SQL') expect(r.text, r.id).not.toContain('SQL Developer');
    }
    expect(rendered.some((r) => r.skill !== 'SQL' && r.text.includes('as an SQL Developer'))).toBe(true);
  });

  it('leaves no placeholder, bracket or stray space, and reads as one sentence or two', () => {
    for (const r of [...rendered.map((x) => x.text), ...rendered.flatMap((x) => x.points)]) {
      expect(r).not.toMatch(/[{}[\]]|\s{2}|\s[,.?]/);
    }
    for (const r of rendered) expect(r.text, r.id).toMatch(/^[A-Z].*[?.]$/);
  });

  it('gives every template 2–4 talking points of what a strong answer covers', () => {
    for (const t of QUESTION_BANK) {
      expect(t.covers.length, t.id).toBeGreaterThanOrEqual(2);
      expect(t.covers.length, t.id).toBeLessThanOrEqual(4);
    }
  });
});

describe('the kind of a skill name', () => {
  it.each([
    ['API', 'an'],
    ['SQL', 'an'],
    ['AWS', 'an'],
    ['HTML', 'an'],
    ['MLOps', 'an'],
    ['UX', 'a'],
    ['user', 'a'],
    ['European', 'a'],
    ['one-off', 'a'],
    ['hour', 'an'],
    ['Figma', 'a'],
    ['Account', 'an'],
    ['SaaS', 'a'],
    ['interface', 'an'],
  ] as const)('“%s” takes “%s”', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });

  it.each([
    ['design systems', true],
    ['REST APIs', true],
    ['discovery calls', true],
    ['Kubernetes', false],
    ['AWS', false],
    ['analytics', false],
    ['Node.js', false],
    ['business', false],
    ['A/B testing', false],
  ] as const)('“%s” is plural: %s', (skill, plural) => {
    expect(isPluralSkill(skill)).toBe(plural);
  });

  it('tells tools from practices and soft skills', () => {
    for (const tool of ['PostgreSQL', 'Figma', 'AWS', 'Kubernetes', 'REST APIs', 'Node.js'])
      expect(isToolSkill(tool), tool).toBe(true);
    for (const other of [
      'REST API design',
      'user research',
      'A/B testing',
      'stakeholder communication',
      'design systems',
    ])
      expect(isToolSkill(other), other).toBe(false);
    const debug = QUESTION_BANK.find((t) => t.id === 't-debug-production')!;
    expect(suits(debug, 'PostgreSQL')).toBe(true);
    expect(suits(debug, 'user research')).toBe(false);
  });
});

describe('the planner, end to end', () => {
  const job: JobContext = {
    title: 'Senior Backend Engineer (Node.js)',
    description: 'Build and run our APIs.',
    skills: 'Node.js, API design, PostgreSQL, AWS, stakeholder communication, design systems',
    experience: '5+ years',
  };

  it('no longer writes "a API design task" or "PostgreSQL work as a Senior Backend Engineer (Node.js)"', async () => {
    const provider = createOfflineProvider();
    for (const seed of ['a', 'b', 'c', 'd']) {
      for (const focus of ['technical', 'behavioural', 'situational', 'mixed'] as const) {
        const plan = await provider.planQuestions({ job, count: 20, focus, seed });
        for (const q of plan) {
          for (const bad of WRONG_ARTICLE) expect(q.text).not.toMatch(bad);
          expect(q.text).not.toContain('(Node.js)');
          expect(q.text).not.toMatch(/\b(\w+) \1\b/i);
          // soft skills only where they read naturally
          if (q.skill === 'stakeholder communication') expect(q.category).not.toBe('technical');
          expect(q.talking_points?.length ?? 0).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it("recovers a stored question's talking points from its text and skill", async () => {
    const provider = createOfflineProvider();
    for (const experience of ['0-1 years', '3 years', '10 years']) {
      const plan = await provider.planQuestions({
        job: { ...job, experience },
        count: 20,
        focus: 'mixed',
        seed: 's',
      });
      for (const q of plan) expect(talkingPointsFor(q), q.text).toEqual(q.talking_points);
    }
    expect(talkingPointsFor({ text: 'Why did you pick that approach?', skill: 'AWS' })).toBeNull();
  });
});
