import { matchQuery, useQueryClient } from '@tanstack/react-query';
import { viewerKey } from '../../app/queryClient.ts';
import { trpc, type User } from '../../trpc.ts';

/** After a successful login: the cache learns who is logged in; everything else is refetched as them. */
export function useSignedIn() {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  return (user: User) => {
    queryClient.removeQueries({ predicate: (q) => !matchQuery({ queryKey: viewerKey }, q) });
    utils.auth.viewer.setData(undefined, user);
  };
}
