import { describe, expect, it } from 'vitest';
import { extractPosting, figuresIn, skillOfRequirement, toolsIn } from './posting.ts';

const SRE = `Senior Site Reliability Engineer — Checkout Platform

We run the checkout for 300 stores in 12 countries, with Black Friday peaks of 40k requests per second.

What you'll do:
- Own the reliability of the checkout platform against a 99.99 % SLO
- Run our Kubernetes clusters on EKS and keep deploys boring
- Lead incident reviews and make on-call humane

Requirements:
- 5+ years of experience with Kubernetes
- Terraform
- Strong experience with observability (Prometheus, Grafana)
- Excellent communication skills
- A track record of running large-scale distributed systems in production for global retailers

Nice to have:
- Go or Python
`;

const SALES = `Account Executive, Mid-Market

You will own a $1.2M annual quota and a book of 40 accounts across the Nordics.

Responsibilities
• Run discovery calls and product demos with finance leaders
• Build and forecast your pipeline in Salesforce
• Negotiate multi-year contracts with procurement

What we're looking for
• 3+ years of B2B SaaS sales
• Proven track record of closing new business
• Stakeholder management
• Excellent written and verbal communication
`;

const NURSE = `Registered Nurse — Emergency Department

Our 40 beds see about 150 patients a day. You will triage, stabilise and hand over safely.

About you:
1. Current nursing registration
2. Triage
3. Experience in emergency care
4. Calm under pressure and clear communication with families
`;

const PROSE = `We are a small analytics team. You should have experience with SQL and dbt, and knowledge of
Tableau. You will build dashboards for 2 million monthly active users and present results to leadership.`;

describe('extractPosting', () => {
  it('reads a reliability posting: skills from the requirements, tools, the SLO and the Black Friday peaks', () => {
    const facts = extractPosting(SRE);
    expect(facts.skills).toEqual(
      expect.arrayContaining([
        'Kubernetes',
        'Terraform',
        'Observability (Prometheus, Grafana)',
        'Communication',
      ]),
    );
    expect(facts.skills).toContain('EKS');
    expect(facts.tools).toEqual(
      expect.arrayContaining(['Kubernetes', 'EKS', 'Terraform', 'Prometheus', 'Grafana']),
    );
    expect(facts.figures).toEqual(
      expect.arrayContaining([
        'a 99.99 % SLO',
        'Black Friday peaks',
        '40k requests per second',
        '300 stores',
      ]),
    );
    expect(facts.responsibilities[0]).toBe(
      'Own the reliability of the checkout platform against a 99.99 % SLO',
    );
    // A long requirement line that names no tool is not turned into a skill.
    expect(facts.skills.join(' ')).not.toMatch(/track record|global retailers/i);
  });

  it('reads a sales posting: quota and accounts as figures, Salesforce as a tool, soft skills kept', () => {
    const facts = extractPosting(SALES);
    expect(facts.skills).toEqual(
      expect.arrayContaining([
        'B2B SaaS sales',
        'Closing new business',
        'Stakeholder management',
        'Salesforce',
      ]),
    );
    expect(facts.figures).toEqual(expect.arrayContaining(['a $1.2M annual quota', '40 accounts']));
    expect(facts.responsibilities).toContain('Negotiate multi-year contracts with procurement');
  });

  it('reads a numbered list under "About you" in a non-tech posting', () => {
    const facts = extractPosting(NURSE);
    expect(facts.skills).toEqual(
      expect.arrayContaining(['Current nursing registration', 'Triage', 'Emergency care']),
    );
    expect(facts.tools).toEqual([]);
    expect(facts.figures).toEqual(expect.arrayContaining(['40 beds', '150 patients a day']));
  });

  it('finds skills in running text when the posting has no lists', () => {
    const facts = extractPosting(PROSE);
    expect(facts.skills).toEqual(expect.arrayContaining(['SQL', 'dbt', 'Tableau']));
    expect(facts.figures).toContain('2 million monthly active users');
  });

  it('is deterministic, and empty for an empty posting', () => {
    expect(extractPosting(SRE)).toEqual(extractPosting(SRE));
    expect(extractPosting('')).toEqual({ skills: [], tools: [], figures: [], responsibilities: [] });
  });

  it('stays fast and bounded on a huge, repetitive posting', () => {
    const huge = `Requirements:\n${'- Kubernetes and 99.9% uptime '.repeat(5000)}\n${'a'.repeat(50_000)}`;
    const t0 = performance.now();
    const facts = extractPosting(huge);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(facts.skills.length).toBeLessThanOrEqual(12);
    expect(facts.figures.length).toBeLessThanOrEqual(6);
  });
});

describe('the pieces', () => {
  it('shortens a requirement line to its skill', () => {
    expect(skillOfRequirement('5+ years of experience with Kubernetes')).toBe('Kubernetes');
    expect(skillOfRequirement('Ability to prioritise under pressure')).toBe('Prioritise under pressure');
    expect(skillOfRequirement('Excellent')).toBeNull();
  });

  it('counts an everyday word as a tool only when written as a name', () => {
    expect(toolsIn('We react fast to incidents')).toEqual([]);
    expect(toolsIn('We build in React and TypeScript')).toEqual(['React', 'TypeScript']);
    expect(toolsIn('we use postgresql')).toEqual(['PostgreSQL']);
  });

  it('keeps a percentage only with what it measures', () => {
    expect(figuresIn('grew 20% last year; 99.9% uptime')).toEqual(['a 99.9% uptime']);
  });
});
