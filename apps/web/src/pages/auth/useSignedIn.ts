import { useQueryClient } from '@tanstack/react-query';
import { trpc, type User } from '../../trpc.ts';

/** After a successful login: the cache learns who is logged in; everything else is refetched as them. */
export function useSignedIn() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey[0]) !== '["auth","viewer"]' });
    utils.auth.viewer.setData(undefined, user);
  };
}
