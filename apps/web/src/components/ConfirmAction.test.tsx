import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from './ConfirmAction.tsx';

describe('ConfirmAction', () => {
  it('asks inline before acting, and Escape backs out', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmAction
        label="End interview"
        question="End now?"
        confirmLabel="Yes, end it"
        onConfirm={onConfirm}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'End interview' }));
    expect(screen.getByText('End now?')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, end it' }));
    fireEvent.keyDown(screen.getByRole('group', { name: 'End now?' }), { key: 'Escape' });
    expect(screen.queryByText('End now?')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'End interview' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
