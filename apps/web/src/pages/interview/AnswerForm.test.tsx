import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AnswerForm, MAX_ANSWER } from './AnswerForm.tsx';

function Harness({
  onSubmit,
  submitting = false,
  error = null,
}: {
  onSubmit: (a: string) => void;
  submitting?: boolean;
  error?: unknown;
}) {
  const [value, setValue] = useState('');
  return (
    <AnswerForm value={value} onChange={setValue} onSubmit={onSubmit} submitting={submitting} error={error} />
  );
}

describe('AnswerForm', () => {
  it('counts characters and submits with Ctrl+Enter', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Your answer');
    fireEvent.change(box, { target: { value: '  I would measure first.  ' } });
    expect(screen.getByText(`26 / ${MAX_ANSWER.toLocaleString()}`)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledWith('I would measure first.');
  });

  it('submits with Cmd+Enter too, but not with a plain Enter', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Your answer');
    fireEvent.change(box, { target: { value: 'Answer' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter', metaKey: true });
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('does not submit an empty or too long answer', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const box = screen.getByLabelText('Your answer');
    const button = screen.getByRole('button', { name: 'Submit answer' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'x'.repeat(MAX_ANSWER + 1) } });
    expect(button.disabled).toBe(true);
    expect(screen.getByText('At most 8,000 characters')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('locks the form and says "Grading…" while submitting', () => {
    const onSubmit = vi.fn();
    render(<AnswerForm value="An answer" onChange={() => {}} onSubmit={onSubmit} submitting error={null} />);
    const button = screen.getByRole('button', { name: /Grading…/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect((screen.getByLabelText('Your answer') as HTMLTextAreaElement).closest('fieldset')?.disabled).toBe(
      true,
    );
    expect(screen.getByRole('status').textContent).toContain('Grading your answer…');
    fireEvent.keyDown(screen.getByLabelText('Your answer'), { key: 'Enter', ctrlKey: true });
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the server field error under the box', () => {
    const error = {
      message: 'answer: is required',
      data: { domainCode: 'VALIDATION', issues: [{ path: ['answer'], message: 'is required' }] },
    };
    render(<AnswerForm value="" onChange={() => {}} onSubmit={() => {}} submitting={false} error={error} />);
    const box = screen.getByLabelText('Your answer');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Is required')).toBeTruthy();
  });

  it('offers the keyboard shortcut only where there is a keyboard (not on a touch screen)', () => {
    const pointer = (coarse: boolean) =>
      vi.stubGlobal('matchMedia', (q: string) => ({
        matches: coarse && q === '(pointer: coarse)',
        media: q,
      }));
    pointer(false);
    const { unmount } = render(<Harness onSubmit={vi.fn()} />);
    expect(
      screen.getByText(/^Answer as you would out loud\. Press (Ctrl|⌘) \+ Enter to submit\.$/),
    ).toBeTruthy();
    unmount();
    pointer(true);
    render(<Harness onSubmit={vi.fn()} />);
    expect(screen.getByText('Answer as you would out loud.')).toBeTruthy();
    expect(screen.queryByText(/Enter/)).toBeNull();
    vi.unstubAllGlobals();
  });
});
