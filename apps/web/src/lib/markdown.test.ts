import { describe, expect, it } from 'vitest';
import { feedback, question, sessionDetail } from '../test/fixtures.ts';
import { buildSessionMarkdown, escapeInline, markdownFileName, reportItems } from './markdown.ts';

describe('buildSessionMarkdown', () => {
  const q1 = question({ plan_index: 1, text: 'Explain React reconciliation.', answered: true });
  const f1q = question({
    plan_index: 1,
    is_follow_up: true,
    category: 'technical',
    text: 'And keys?',
    answered: true,
  });
  const q2 = question({
    plan_index: 2,
    category: 'behavioural',
    skill: 'communication',
    text: 'A conflict you solved?',
  });
  const s = sessionDetail({ questions: [q1, f1q, q2] });
  const fb1 = feedback({
    question_id: q1.id,
    answer: 'Line one\n# not a heading\n<img src=x onerror=alert(1)>',
    score: 8,
  });
  const fb2 = feedback({
    question_id: f1q.id,
    grading_status: 'failed',
    score: null,
    ai_feedback: null,
    evaluator: null,
    answer: 'Keys identify items.',
  });
  const md = buildSessionMarkdown(s, [fb2, fb1]);

  it('starts with the job and the overall score', () => {
    expect(md.startsWith('# Interview report: Frontend Engineer (React)\n')).toBe(true);
    expect(md).toContain('- **Overall score:** 64/100');
    expect(md).toContain('- **Status:** Completed');
  });

  it('has the summary and skill notes', () => {
    expect(md).toContain('## Summary\n\nA solid interview.');
    expect(md).toContain('- **React:** Good grasp of rendering.');
  });

  it('lists questions in the order asked, follow-ups labelled, unanswered ones marked', () => {
    const iQ1 = md.indexOf('### Q1 · Technical · React');
    const iFollow = md.indexOf('### Follow-up to Q1');
    const iQ2 = md.indexOf('### Q2 · Behavioural · communication');
    expect(iQ1).toBeGreaterThan(0);
    expect(iFollow).toBeGreaterThan(iQ1);
    expect(iQ2).toBeGreaterThan(iFollow);
    expect(md.slice(iQ2)).toContain('_Not answered._');
  });

  it('quotes answers so their text cannot restructure the document or inject HTML', () => {
    expect(md).toContain('> Line one\n> \\# not a heading\n> \\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/^# not a heading/m);
    expect(md).not.toMatch(/(^|[^\\])<img/m);
  });

  it('shows score, evaluator, strengths and improvements of a graded answer', () => {
    expect(md).toContain('**Score:** 8/10 (Scored by a built-in checklist, not an AI model)');
    expect(md).toContain('**Strengths**\n\n- Measures before optimising');
    expect(md).toContain('**To improve**\n\n- Give a concrete example');
    expect(md).toContain('**Skills shown:** React, performance');
  });

  it('says when an answer was not graded', () => {
    expect(md).toContain('**Score:** not graded (failed)');
  });

  it('ends with exactly one newline', () => {
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });
});

describe('reportItems', () => {
  it('appends answers whose question is gone', () => {
    const q = question();
    const orphan = feedback({ question_id: null, question: 'Old question' });
    const items = reportItems({ questions: [q] }, [orphan]);
    expect(items).toHaveLength(2);
    expect(items[0]?.feedback).toBeNull();
    expect(items[1]?.feedback?.question).toBe('Old question');
  });
});

describe('markdownFileName', () => {
  it('slugs the job title and dates the file', () => {
    expect(
      markdownFileName({
        job_title: 'Senior Backend Engineer (Node.js)',
        ended_at: '2025-03-01T10:20:00Z',
        created_at: 'x',
      }),
    ).toBe('interview-senior-backend-engineer-node-js-2025-03-01.md');
  });
  it('falls back to the creation date and a generic slug', () => {
    expect(markdownFileName({ job_title: '***', ended_at: null, created_at: '2024-12-31T00:00:00Z' })).toBe(
      'interview-session-2024-12-31.md',
    );
  });
});

describe('escapeInline', () => {
  it('escapes markdown and html starters', () => {
    expect(escapeInline('*a* _b_ `c` [d](e) <f> #g |h')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\#g \\|h',
    );
  });
});
