import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { trpc } from '../trpc.ts';

/** Logs out, forgets every cached query (they were the user's), and goes home. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = trpc.auth.logout.useMutation({
    onSettled: async () => {
      queryClient.clear();
      await navigate('/');
    },
  });
  return mutation;
}
