import { domainCodeOf } from '../lib/errors.ts';
import { trpc } from '../trpc.ts';

/** The logged-in user, or null when logged out (auth.me answers UNAUTHORIZED). */
export function useMe() {
  const query = trpc.auth.me.useQuery(undefined, { retry: false, staleTime: 5 * 60_000 });
  const loggedOut = query.isError && domainCodeOf(query.error) === 'UNAUTHORIZED';
  return {
    user: loggedOut ? null : (query.data ?? null),
    isAdmin: !loggedOut && (query.data?.roles.includes('admin') ?? false),
    isLoading: query.isLoading,
    /** a real failure (network, server), not "logged out" */
    error: query.isError && !loggedOut ? query.error : null,
    refetch: query.refetch,
  };
}
