import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { ProfilePage } from './ProfilePage.tsx';

afterEach(() => vi.unstubAllGlobals());

const USER = {
  id: '00000000-0000-4000-8000-0000000000aa',
  email: 'ada@example.com',
  username: 'ada',
  roles: ['candidate'],
  created_at: '2025-03-01T10:00:00.000Z',
};

describe('ProfilePage: changing the password', () => {
  it('shows only what is wrong with the last try, not a server error about the one before', async () => {
    vi.stubGlobal(
      'fetch',
      trpcFetch({
        'auth.viewer': () => ({ data: USER }),
        'users.update': () => ({
          error: trpcErrorShape('VALIDATION', 'current_password: is not your current password', [
            { path: ['current_password'], message: 'is not your current password' },
          ]),
        }),
      }).fetch,
    );
    renderPage(<ProfilePage />);
    const current = await screen.findByLabelText('Current password');
    const change = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    change('Current password', 'wrong-password');
    change('New password', 'new-password-123');
    change('Repeat new password', 'new-password-123');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Is not your current password');

    // the current password corrected, the new one mistyped: refused here, before the server
    fireEvent.change(current, { target: { value: 'the-right-one' } });
    change('Repeat new password', 'new-password-124');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('The two passwords differ');
    expect(screen.queryByText('Is not your current password')).toBeNull();
  });
});
