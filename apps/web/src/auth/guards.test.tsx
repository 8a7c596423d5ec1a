import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../pages/auth/LoginPage.tsx';
import { renderRoutes, trpcErrorShape, trpcFetch } from '../test/render.tsx';
import { trpc } from '../trpc.ts';
import { RequireAuth } from './guards.tsx';

afterEach(() => vi.unstubAllGlobals());

const USER = { id: 'u1', email: 'ada@example.com', username: 'ada', roles: ['candidate'] };

/** A page behind the login whose button makes a call the server may refuse with a 401. */
function Profile() {
  const save = trpc.users.update.useMutation();
  return (
    <>
      <h1>Profile</h1>
      <button type="button" onClick={() => save.mutate({ id: USER.id, username: 'ada2' })}>
        Save
      </button>
    </>
  );
}

const routes = [
  { path: 'login', element: <LoginPage /> },
  { element: <RequireAuth />, children: [{ path: 'profile', element: <Profile /> }] },
];

function stub() {
  let loggedIn = true;
  const api = trpcFetch({
    'auth.viewer': () => ({ data: loggedIn ? USER : null }),
    'users.update': () => {
      // the login expired (or was ended on another device) since the page loaded
      loggedIn = false;
      return { error: trpcErrorShape('UNAUTHORIZED', 'Not logged in') };
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  return { logOut: () => (loggedIn = false) };
}

describe('RequireAuth when the login ends', () => {
  it('sends the user to log in again, saying their login ended and bringing them back after', async () => {
    stub();
    const { router } = renderRoutes(routes, { url: '/profile' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Welcome back' });
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/profile')}`);
    expect(screen.getByText('Your login has ended. Log in again to carry on where you were.')).toBeTruthy();
  });

  it('says nothing of the kind to a visitor who was never logged in', async () => {
    stub().logOut();
    renderRoutes(routes, { url: '/profile' });
    await screen.findByRole('heading', { level: 1, name: 'Welcome back' });
    expect(screen.queryByText(/Your login has ended/)).toBeNull();
  });
});
