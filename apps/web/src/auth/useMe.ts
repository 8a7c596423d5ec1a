import { trpc } from '../trpc.ts';

/** The logged-in user, or null for a visitor (auth.viewer answers null rather than a 401). */
export function useMe() {
  const query = trpc.auth.viewer.useQuery(undefined, { retry: false, staleTime: 5 * 60_000 });
  const user = query.data ?? null;
  return {
    user,
    isAdmin: user?.roles.includes('admin') ?? false,
    isLoading: query.isLoading,
    /** a real failure (network, server): being logged out is not one */
    error: query.error,
    refetch: query.refetch,
  };
}
