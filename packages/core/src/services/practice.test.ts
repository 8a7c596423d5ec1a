import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../db/types.ts';
import { parseLevel } from '../engine/offline/level.ts';
import { DomainError } from '../errors.ts';
import { jobContextOf } from './model-calls.ts';
import { chosenSkills } from './sessions.ts';

describe('a session on chosen skills', () => {
  it('takes the chosen skills spelled as the job lists them, once each, in the order chosen', () => {
    expect(
      chosenSkills('Node.js, PostgreSQL and Docker, communication', ['docker', 'Node.JS', 'Docker']),
    ).toEqual(['Docker', 'Node.js']);
  });

  it('refuses a skill the job does not list, naming the field and the skill', () => {
    let error: unknown;
    try {
      chosenSkills('Node.js, Docker', ['Docker', 'Cobol']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).issues).toEqual([
      { path: ['skills', 1], message: '"Cobol" is not one of this job\'s skills' },
    ]);
  });
});

describe('a chosen difficulty', () => {
  const row = {
    job_title: 'Senior Engineer',
    job_description: 'd',
    job_skills: 's',
    job_experience: '10 yrs',
  } as SessionRow;
  it.each([
    ['junior', 'junior'],
    ['mid', 'mid'],
    ['senior', 'senior'],
  ] as const)('%s wins over the job’s experience and title', (difficulty, level) => {
    const job = jobContextOf({ ...row, difficulty });
    expect(parseLevel(job.experience, job.title)).toBe(level);
  });

  it('without one, the job’s experience text decides', () => {
    expect(jobContextOf({ ...row, difficulty: null }).experience).toBe('10 yrs');
  });
});
