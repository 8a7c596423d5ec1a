import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { domainCodeOf, httpStatusOf } from '../lib/errors.ts';

const isViewerQuery = (key: readonly unknown[]) =>
  JSON.stringify(key[0]) === JSON.stringify(['auth', 'viewer']);

/**
 * Client errors (4xx) are answers, not glitches: never retried. When any call says the login
 * has ended, auth.viewer is refetched so the guards send the user to the login page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (domainCodeOf(error) === 'UNAUTHORIZED' && !isViewerQuery(query.queryKey)) {
          void client.invalidateQueries({ queryKey: [['auth', 'viewer']] });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        const key = mutation.options.mutationKey ?? [];
        const isLogin = JSON.stringify(key[0]) === JSON.stringify(['auth', 'login']);
        if (domainCodeOf(error) === 'UNAUTHORIZED' && !isLogin) {
          void client.invalidateQueries({ queryKey: [['auth', 'viewer']] });
        }
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
