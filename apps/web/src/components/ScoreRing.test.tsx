import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ScoreBar } from './ScoreBar.tsx';
import { ScoreRing } from './ScoreRing.tsx';

describe('ScoreRing', () => {
  it('fills in proportion to the score and colours by band', () => {
    const { container } = render(<ScoreRing score={75} max={100} />);
    const ring = screen.getByRole('img', { name: 'Score 75/100' });
    expect(ring.className).toContain('tone--good');
    const value = container.querySelector('.score-ring__value')!;
    const circumference = Number(value.getAttribute('stroke-dasharray'));
    expect(Number(value.getAttribute('stroke-dashoffset'))).toBeCloseTo(circumference * 0.25, 3);
  });
  it('shows a dash without a score', () => {
    render(<ScoreRing score={null} />);
    expect(screen.getByRole('img', { name: 'Score –' }).textContent).toContain('–');
  });
});

describe('ScoreBar', () => {
  it('writes the score and sizes the bar', () => {
    const { container } = render(<ScoreBar score={3} />);
    expect(screen.getByText('3/10')).toBeTruthy();
    expect((container.querySelector('.score-bar__fill') as HTMLElement).style.width).toBe('30%');
    expect(container.firstElementChild?.className).toContain('tone--low');
    expect(screen.queryByText('Thin answer')).toBeNull();
  });
  it('adds the band in words when labelled (the history list)', () => {
    render(<ScoreBar score={64} max={100} labelled />);
    expect(screen.getByText('64/100')).toBeTruthy();
    expect(screen.getByText('Good progress')).toBeTruthy();
  });
});
