import { describe, expect, it } from 'vitest';
import { parseSkills } from '../skills.ts';
import type { Focus, JobContext } from '../types.ts';
import { parseLevel } from './level.ts';
import { categorySequence, talkingPointsFor } from './plan.ts';
import { createOfflineProvider } from './provider.ts';
import { QUESTION_BANK } from './question-bank.ts';

const backend: JobContext = {
  title: 'Backend Engineer',
  description: 'Build REST services in Node.js and PostgreSQL and run them on AWS.',
  skills: 'Node.js, TypeScript, PostgreSQL, REST APIs, Docker, AWS, communication',
  experience: '3-5 years',
};
const designer: JobContext = {
  title: 'Product Designer',
  description: 'Design our finance app: research, prototypes in Figma, a design system, accessibility.',
  skills: 'Figma, user research, prototyping, design systems, accessibility',
  experience: '0-2 yrs',
};

const provider = createOfflineProvider();
const plan = (job: JobContext, count: number, focus: Focus = 'mixed', seed = 'seed-1') =>
  provider.planQuestions({ job, count, focus, seed });

describe('offline question plan', () => {
  it('has a real bank: at least 12 technical, 10 behavioural, 10 situational templates, all naming the skill', () => {
    const count = (c: string) => QUESTION_BANK.filter((t) => t.category === c).length;
    expect(count('technical')).toBeGreaterThanOrEqual(12);
    expect(count('behavioural')).toBeGreaterThanOrEqual(10);
    expect(count('situational')).toBeGreaterThanOrEqual(10);
    for (const t of QUESTION_BANK) {
      for (const text of [t.text, t.junior, t.senior])
        if (text) expect(text, t.id).toMatch(/\{skill( work)?\}/);
    }
    expect(new Set(QUESTION_BANK.map((t) => t.id)).size).toBe(QUESTION_BANK.length);
  });

  it('is deterministic: same job + seed → same plan; another seed → another plan', async () => {
    expect(await plan(backend, 8)).toEqual(await plan(backend, 8));
    expect(await plan(backend, 8, 'mixed', 'seed-2')).not.toEqual(await plan(backend, 8));
  });

  it("fits the job: every question names its target skill, which is one of the job's skills", async () => {
    const skills = parseSkills(backend.skills);
    const questions = await plan(backend, 12);
    for (const q of questions) {
      expect(skills).toContain(q.skill);
      expect(q.text.toLowerCase()).toContain(q.skill.toLowerCase());
    }
    // a broad plan covers many of the job's skills
    expect(new Set(questions.map((q) => q.skill)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives two different jobs different questions', async () => {
    const a = (await plan(backend, 10)).map((q) => q.text);
    const b = (await plan(designer, 10)).map((q) => q.text);
    expect(a.filter((t) => b.includes(t))).toEqual([]);
  });

  it.each([1, 5, 20])('produces exactly %i distinct questions', async (n) => {
    for (const focus of ['mixed', 'technical', 'behavioural', 'situational'] as const) {
      const questions = await plan(backend, n, focus);
      expect(questions).toHaveLength(n);
      expect(new Set(questions.map((q) => q.text.toLowerCase())).size).toBe(n);
    }
  });

  it('still plans 20 distinct questions for a job with a single skill', async () => {
    const single = { ...backend, skills: 'Python' };
    for (const focus of ['technical', 'behavioural', 'situational', 'mixed'] as const) {
      const questions = await plan(single, 20, focus);
      expect(new Set(questions.map((q) => q.text)).size).toBe(20);
    }
  });

  it('clamps an out-of-range count into 1–20', async () => {
    expect(await plan(backend, 0)).toHaveLength(1);
    expect(await plan(backend, 50)).toHaveLength(20);
  });

  it.each(['technical', 'behavioural', 'situational'] as const)('honours focus %s', async (focus) => {
    const questions = await plan(backend, 6, focus);
    expect(questions.every((q) => q.category === focus)).toBe(true);
  });

  it('mixes: half technical (rounded up), the rest behavioural and situational, interleaved', async () => {
    expect(categorySequence(6, 'mixed')).toEqual([
      'technical',
      'behavioural',
      'technical',
      'situational',
      'technical',
      'behavioural',
    ]);
    const questions = await plan(backend, 10);
    const technical = questions.filter((q) => q.category === 'technical').length;
    expect(technical).toBe(5);
    expect(questions.some((q) => q.category === 'behavioural')).toBe(true);
    expect(questions.some((q) => q.category === 'situational')).toBe(true);
  });

  it('falls back to tools named in the description, then the title, when skills are empty', async () => {
    const noSkills = { ...backend, skills: '' };
    const questions = await plan(noSkills, 3, 'technical');
    // the posting's tools, spelled as the posting spells them
    expect(questions.every((q) => ['PostgreSQL', 'AWS', 'Node.js'].includes(q.skill))).toBe(true);
    const nothing = {
      title: 'Office Manager',
      description: 'Keep the office running.',
      skills: '',
      experience: '',
    };
    expect((await plan(nothing, 2))[0]!.skill).toBe('Office Manager');
  });
});

describe('seniority from the experience text', () => {
  it.each([
    ['0-2 yrs', 'junior'],
    ['1 year', 'junior'],
    ['Graduate / entry level', 'junior'],
    ['2-4 yrs', 'mid'],
    ['3+ years', 'mid'],
    ['5+ years', 'senior'],
    ['10 yrs', 'senior'],
    ['Senior', 'senior'],
    ['', 'mid'],
  ] as const)('%s → %s', (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it('uses the title when the experience text says nothing', () => {
    expect(parseLevel('', 'Senior Backend Engineer')).toBe('senior');
  });

  it('phrases questions for the level', async () => {
    const senior = { ...backend, experience: '8+ years' };
    const junior = { ...backend, experience: '0-1 years' };
    const s = (await plan(senior, 20, 'technical')).map((q) => q.text).join(' ');
    const j = (await plan(junior, 20, 'technical')).map((q) => q.text).join(' ');
    expect(s).not.toEqual(j);
    expect(s).toMatch(/trade-offs|ten times|standards/);
  });
});

describe('questions drawn from the posting', () => {
  const sre: JobContext = {
    title: 'Site Reliability Engineer',
    description: `We run the checkout for 300 stores, with Black Friday peaks of 40k requests per second.

What you'll do:
- Own the reliability of the checkout platform against a 99.99 % SLO
- Run our Kubernetes clusters on EKS

Requirements:
- Kubernetes
- Terraform
- Incident response`,
    skills: 'Kubernetes, Terraform, incident response',
    experience: '5+ years',
  };

  it('mentions the SLO, the Black Friday peaks and a responsibility of a posting that states them', async () => {
    const questions = await plan(sre, 5);
    const texts = questions.map((q) => q.text).join('\n');
    // the target and the peak, named together
    expect(texts).toMatch(/The posting mentions a 99\.99 % SLO and Black Friday peaks\./);
    expect(texts).toMatch(/Own the reliability of the checkout platform/);
    expect(questions).toHaveLength(5);
    // the warm-up and at least half the plan stay bank questions on the job's skills
    expect(questions[0]!.text).not.toMatch(/posting/);
    expect(questions.filter((q) => /posting/.test(q.text)).length).toBeLessThanOrEqual(2);
  });

  it('names a tool of the posting in a longer technical plan, and recovers the talking points', async () => {
    const questions = await plan(sre, 8, 'technical');
    const toolQ = questions.find((q) => q.text.startsWith('The posting names'));
    expect(toolQ?.text).toMatch(/EKS/);
    expect(toolQ?.skill).toBe('EKS');
    for (const q of questions.filter((x) => /posting/.test(x.text)))
      expect(talkingPointsFor(q)).toEqual(q.talking_points);
  });

  it('asks a skill-less job about the skills its posting lists', async () => {
    const questions = await plan({ ...sre, skills: '' }, 6, 'technical');
    expect(new Set(questions.map((q) => q.skill))).toEqual(
      expect.objectContaining({ size: expect.any(Number) }),
    );
    expect(questions.map((q) => q.skill)).toEqual(expect.arrayContaining(['Kubernetes', 'Terraform']));
  });

  it('leaves a plan alone when the posting states nothing to draw on', async () => {
    const questions = await plan(backend, 5);
    expect(questions.map((q) => q.text).join(' ')).not.toMatch(/posting/);
  });
});
