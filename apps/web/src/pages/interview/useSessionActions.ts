import { useNavigate } from 'react-router';
import { trpc } from '../../trpc.ts';

/** Start, end and cancel a session; each updates the cached detail and the history list. */
export function useSessionActions(id: string) {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const refreshLists = () => {
    void utils.users.sessions.invalidate();
    void utils.sessions.list.invalidate();
  };
  const start = trpc.sessions.start.useMutation({
    onSuccess: (detail) => {
      utils.sessions.get.setData({ id }, detail);
      refreshLists();
    },
  });
  const end = trpc.sessions.end.useMutation({
    onSuccess: async (detail) => {
      utils.sessions.get.setData({ id }, detail);
      void utils.sessions.feedbacks.invalidate({ session_id: id });
      refreshLists();
      await navigate(`/sessions/${id}/report`, { replace: true });
    },
    onError: () => void utils.sessions.get.invalidate({ id }),
  });
  const cancel = trpc.sessions.cancel.useMutation({
    onSuccess: (detail) => {
      utils.sessions.get.setData({ id }, detail);
      refreshLists();
    },
    onError: () => void utils.sessions.get.invalidate({ id }),
  });
  return { start, end, cancel };
}
