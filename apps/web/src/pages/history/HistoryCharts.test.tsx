import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import HistoryCharts from './HistoryCharts.tsx';

const points = [
  { id: 'a', at: Date.UTC(2026, 10, 28, 9, 5), label: 'Nov 28', score: 64, title: 'Data Analyst', job: 'j1' },
  {
    id: 'b',
    at: Date.UTC(2026, 10, 28, 15, 40),
    label: 'Nov 28',
    score: 81,
    title: 'Product Designer',
    job: 'j2',
  },
];
const skills = [
  { skill: 'SQL', average: 7.5, answers: 2 },
  { skill: 'API design', average: 0, answers: 1 },
];

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

describe('HistoryCharts', () => {
  it('gives each chart its numbers as a table', () => {
    render(<HistoryCharts points={points} skills={skills} />);
    const scores = screen.getByRole('table', { name: 'Overall score of each completed interview' });
    expect(rowsOf(scores).map((r) => r.slice(1))).toEqual([
      ['Data Analyst', '64 / 100'],
      ['Product Designer', '81 / 100'],
    ]);
    const bySkill = screen.getByRole('table', { name: 'Average answer score by skill' });
    expect(rowsOf(bySkill)).toEqual([
      ['SQL', '7.5 / 10', '2'],
      ['API design', '0 / 10', '1'],
    ]);
    // folded away behind a control that says what it holds
    expect(screen.getAllByText('Show the numbers')).toHaveLength(2);
  });

  it('has no table when there is nothing to show', () => {
    render(<HistoryCharts points={[]} skills={[]} />);
    expect(screen.queryByRole('table')).toBeNull();
  });
});
