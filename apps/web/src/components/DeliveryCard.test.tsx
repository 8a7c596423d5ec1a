import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { delivery } from '../test/fixtures.ts';
import { DeliveryCard } from './DeliveryCard.tsx';

describe('DeliveryCard', () => {
  it('shows a spoken answer’s pace, length, fillers, hedges, pauses and quotes, apart from the score', () => {
    render(<DeliveryCard delivery={delivery()} />);
    const card = screen.getByRole('region', { name: 'Delivery' });
    expect(within(card).getByText(/not part of the score/)).toBeTruthy();
    expect(within(card).getByTestId('delivery-pace').textContent).toContain('150 words a minute');
    expect(within(card).getByTestId('delivery-fillers').textContent).toBe('“um” ×2');
    expect(within(card).getByTestId('delivery-hedges').textContent).toBe('“I think” ×1');
    expect(within(card).getByText('3.2 s after “index”')).toBeTruthy();
    expect(within(card).getByText('…so um we decided…')).toBeTruthy();
  });

  it('a typed answer: no pace or pauses, and it says why', () => {
    render(
      <DeliveryCard
        delivery={delivery({
          source: 'text',
          words_per_minute: null,
          pace: null,
          long_pauses: null,
          talk_seconds: null,
        })}
      />,
    );
    expect(screen.queryByTestId('delivery-pace')).toBeNull();
    expect(screen.queryByText('Long pauses')).toBeNull();
    expect(screen.getByText(/measured only when you speak/)).toBeTruthy();
  });
});
