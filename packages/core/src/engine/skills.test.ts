import { describe, expect, it } from 'vitest';
import { MAX_SKILLS, mentionsSkill, parseSkills, skillsMentioned } from './skills.ts';

describe('parseSkills', () => {
  it('splits on commas, semicolons, new lines, bullets and pipes', () => {
    expect(parseSkills('Python, SQL; Tableau\nExcel | Looker')).toEqual([
      'Python',
      'SQL',
      'Tableau',
      'Excel',
      'Looker',
    ]);
    expect(parseSkills('- Roadmapping\n* User research\n• Jira\n1. Figma\n2) Miro')).toEqual([
      'Roadmapping',
      'User research',
      'Jira',
      'Figma',
      'Miro',
    ]);
  });

  it('splits short "X and Y" pairs and the Oxford-comma "and"', () => {
    expect(parseSkills('Python and SQL')).toEqual(['Python', 'SQL']);
    expect(parseSkills('Docker, Kubernetes, and Terraform')).toEqual(['Docker', 'Kubernetes', 'Terraform']);
    expect(parseSkills('Salesforce, negotiation and pipeline management')).toEqual([
      'Salesforce',
      'negotiation',
      'pipeline management',
    ]);
  });

  it('keeps commas inside parentheses and trims lead-ins', () => {
    expect(
      parseSkills('Cloud (AWS, GCP), Strong experience with PostgreSQL, Knowledge of REST APIs'),
    ).toEqual(['Cloud (AWS, GCP)', 'PostgreSQL', 'REST APIs']);
  });

  it('dedupes case-insensitively, drops empties and caps the list', () => {
    expect(parseSkills('SQL, sql,  , ;; SQL\n\n')).toEqual(['SQL']);
    const many = Array.from({ length: 50 }, (_, i) => `skill${i}`).join(', ');
    expect(parseSkills(many)).toHaveLength(MAX_SKILLS);
    expect(parseSkills('')).toEqual([]);
  });
});

describe('skill mentions', () => {
  it('matches names, aliases and stems', () => {
    expect(mentionsSkill('We moved to Postgres last year', 'PostgreSQL')).toBe(true);
    expect(mentionsSkill('I deployed it on k8s', 'Kubernetes')).toBe(true);
    expect(mentionsSkill('I managed stakeholders across teams', 'stakeholder management')).toBe(true);
    expect(mentionsSkill('a tough negotiator', 'negotiation')).toBe(true);
  });

  it('does not match inside other words or common English for short names', () => {
    expect(mentionsSkill('I had to go home', 'Go')).toBe(false);
    expect(mentionsSkill('We wrote it in Go', 'Go')).toBe(true);
    expect(mentionsSkill('I used C++ for it', 'C')).toBe(false);
    expect(mentionsSkill('We sailed to Java island', 'JavaScript')).toBe(false);
  });

  it('returns the mentioned skills in the job order', () => {
    expect(skillsMentioned('Docker images, then Python scripts', ['Python', 'SQL', 'Docker'])).toEqual([
      'Python',
      'Docker',
    ]);
  });
});
