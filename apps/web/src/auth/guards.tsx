import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { loginEndedKey } from '../app/queryClient.ts';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { NotAllowedPage } from '../pages/errors/NotAllowedPage.tsx';
import { useMe } from './useMe.ts';

/** What the login page is told by the redirect that sent the user there. */
export interface LoginState {
  loginEnded?: boolean;
}

/** Routes below need a logged-in user; a visitor is sent to log in and brought back after. */
export function RequireAuth() {
  const { user, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  if (isLoading) return <LoadingState />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    // the login page says why, when the user was logged in a moment ago
    const state: LoginState = { loginEnded: queryClient.getQueryData(loginEndedKey) === true };
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace state={state} />;
  }
  return <Outlet />;
}

/** Admin pages: a candidate sees "not allowed" (and the server refuses their calls anyway). */
export function RequireAdmin() {
  const { isAdmin } = useMe();
  if (!isAdmin) return <NotAllowedPage />;
  return <Outlet />;
}

/** Where to go after logging in: only a path on this site. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
