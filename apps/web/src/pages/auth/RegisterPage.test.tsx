import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, trpcErrorShape, trpcFetch } from '../../test/render.tsx';
import { LoginPage } from './LoginPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';

const loggedOut = () => ({ data: null });

afterEach(() => vi.unstubAllGlobals());

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('RegisterPage', () => {
  it('shows the server field errors next to their fields', async () => {
    const stub = trpcFetch({
      'auth.viewer': loggedOut,
      'auth.register': () => ({
        error: trpcErrorShape('VALIDATION', 'email: must be a valid email address', [
          { path: ['email'], message: 'must be a valid email address' },
          { path: ['password'], message: 'must be at least 8 characters' },
        ]),
      }),
    });
    vi.stubGlobal('fetch', stub.fetch);
    renderPage(<RegisterPage />, { path: '/register' });
    fill('Email', 'nope');
    fill('Username', 'ann');
    fill('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(await screen.findByText('Must be a valid email address')).toBeTruthy();
    expect(screen.getByText('Must be at least 8 characters')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('false');
    // focus is taken to the first field to fix
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
    // every issue is inline: no banner repeating them
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stub.calls.find((c) => c.path === 'auth.register')?.input).toEqual({
      email: 'nope',
      username: 'ann',
      password: 'short',
    });
  });

  it('puts "username taken" under the username field', async () => {
    vi.stubGlobal(
      'fetch',
      trpcFetch({
        'auth.viewer': loggedOut,
        // as the server sends it: the unique constraint's field as an issue
        'auth.register': () => ({
          error: trpcErrorShape('CONFLICT', 'This username is taken', [
            { path: ['username'], message: 'This username is taken' },
          ]),
        }),
      }).fetch,
    );
    renderPage(<RegisterPage />, { path: '/register' });
    fill('Email', 'ann@example.com');
    fill('Username', 'ann');
    fill('Password', 'long enough pass');
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText('This username is taken')).toBeTruthy();
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Username')));
  });
});

describe('LoginPage', () => {
  it('explains a wrong password and a rate limit', async () => {
    let attempts = 0;
    vi.stubGlobal(
      'fetch',
      trpcFetch({
        'auth.viewer': loggedOut,
        'auth.login': () =>
          ++attempts === 1
            ? { error: trpcErrorShape('UNAUTHORIZED', 'Invalid email/username or password') }
            : {
                error: trpcErrorShape('RATE_LIMITED', 'Too many attempts; try again in 30 s', [], {
                  retry_after: 30,
                }),
              },
      }).fetch,
    );
    renderPage(<LoginPage />, { path: '/login' });
    fill('Email or username', 'ann');
    fill('Password', 'wrong-password');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('That email/username and password do not match an account.');
    // no field is to blame: focus goes to the message, the form is the next Tab away
    await waitFor(() => expect(document.activeElement).toBe(alert));
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Too many attempts. Try again in 30 s.'),
    );
  });

  it('goes to the page it was sent from after logging in', async () => {
    const user = {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'a@b.co',
      username: 'ann',
      active: true,
      roles: ['candidate'],
      created_at: '2025-01-01T00:00:00.000Z',
    };
    vi.stubGlobal(
      'fetch',
      trpcFetch({
        'auth.viewer': loggedOut,
        'auth.login': () => ({ data: { token: 't', expires_at: '2030-01-01T00:00:00.000Z', user } }),
      }).fetch,
    );
    const { router } = renderPage(<LoginPage />, { path: '/login', url: '/login?next=%2Fhistory' });
    fill('Email or username', 'ann');
    fill('Password', 'right-password');
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/history'));
  });

  it('never redirects off-site', async () => {
    const { safeNext } = await import('../../auth/guards.tsx');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/sessions/1')).toBe('/sessions/1');
  });
});
