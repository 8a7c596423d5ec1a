import { useCallback, useState } from 'react';
import { trpc, type VoicePreferences } from '../../../trpc.ts';

export type AnswerMode = VoicePreferences['answer_mode'];

/**
 * The user's voice preferences, stored on the server with the user (the same in every browser):
 * type or speak, read questions aloud, keep recordings. A change shows at once (in this render:
 * a controlled radio or box must not snap back until the server answers) and is sent; if the
 * server refuses it, what the server has is shown again.
 */
export function useVoicePreferences() {
  const utils = trpc.useUtils();
  const query = trpc.voice.preferences.useQuery(undefined, {
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // changes sent and not yet answered, shown over what the server last said
  const [pending, setPending] = useState<Partial<VoicePreferences>>({});
  const mutation = trpc.voice.setPreferences.useMutation({
    onSuccess: (p) => utils.voice.preferences.setData(undefined, p),
    onError: () => void utils.voice.preferences.invalidate(),
    onSettled: (_data, _error, patch) =>
      setPending((current) => {
        const next = { ...current };
        for (const key of Object.keys(patch) as (keyof VoicePreferences)[]) {
          // a later change of the same preference is still on its way: keep showing it
          if (next[key] === patch[key]) delete next[key];
        }
        return next;
      }),
  });
  const { mutate } = mutation;
  const update = useCallback(
    (patch: Partial<VoicePreferences>) => {
      setPending((current) => ({ ...current, ...patch }));
      mutate(patch);
    },
    [mutate],
  );
  return {
    preferences: query.data ? { ...query.data, ...pending } : null,
    update,
    error: mutation.error,
  };
}
