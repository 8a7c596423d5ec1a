import { describe, expect, it } from 'vitest';
import { splitSkills } from './skills.ts';

describe('splitSkills', () => {
  it('splits on commas, semicolons, new lines and bullets; trims and dedupes', () => {
    expect(splitSkills('React, TypeScript;CSS\n- testing\n• react\n\n')).toEqual([
      'React',
      'TypeScript',
      'CSS',
      'testing',
    ]);
  });
  it('keeps hyphens inside a skill', () => {
    expect(splitSkills('end-to-end testing, CI/CD')).toEqual(['end-to-end testing', 'CI/CD']);
  });
  it('is empty for nothing', () => {
    expect(splitSkills('')).toEqual([]);
    expect(splitSkills(null)).toEqual([]);
  });
});
