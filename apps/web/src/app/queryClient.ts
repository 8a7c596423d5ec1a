import { MutationCache, matchMutation, matchQuery, QueryCache, QueryClient } from '@tanstack/react-query';
import { getMutationKey, getQueryKey } from '@trpc/react-query';
import { domainCodeOf, httpStatusOf } from '../lib/errors.ts';
import { trpc } from '../trpc.ts';

// tRPC's own helpers name the keys, so a change of tRPC's key shape cannot silently break these
export const viewerKey = getQueryKey(trpc.auth.viewer);
const loginKey = getMutationKey(trpc.auth.login);
/** Set when a call says the login of the user on screen has ended (expired, logged out elsewhere):
 * the login page then says why the user is there. Logging in or out clears the cache, and it. */
export const loginEndedKey = ['login-ended'] as const;

/**
 * Client errors (4xx) are answers, not glitches: never retried. When any call says the login
 * has ended, auth.viewer is refetched so the guards send the user to the login page.
 */
export function createQueryClient(): QueryClient {
  const loginEnded = () => {
    const someoneWasIn = client.getQueriesData({ queryKey: viewerKey }).some(([, user]) => Boolean(user));
    if (someoneWasIn) client.setQueryData(loginEndedKey, true);
    void client.invalidateQueries({ queryKey: viewerKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (domainCodeOf(error) === 'UNAUTHORIZED' && !matchQuery({ queryKey: viewerKey }, query)) {
          loginEnded();
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        const isLogin = matchMutation({ mutationKey: loginKey }, mutation);
        if (domainCodeOf(error) === 'UNAUTHORIZED' && !isLogin) loginEnded();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          const status = httpStatusOf(error);
          if (status !== undefined && status < 500) return false;
          return count < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
