import { trpc, type VoicePreferences } from '../../../trpc.ts';

export type AnswerMode = VoicePreferences['answer_mode'];

/**
 * The user's voice preferences, stored on the server with the user (the same in every browser):
 * type or speak, read questions aloud, keep recordings. A change shows at once and is sent;
 * if the server refuses it, what the server has is shown again.
 */
export function useVoicePreferences() {
  const utils = trpc.useUtils();
  const query = trpc.voice.preferences.useQuery(undefined, {
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const mutation = trpc.voice.setPreferences.useMutation({
    onMutate: (patch) => {
      const before = utils.voice.preferences.getData();
      if (before) utils.voice.preferences.setData(undefined, { ...before, ...patch });
      return { before };
    },
    onSuccess: (p) => utils.voice.preferences.setData(undefined, p),
    onError: (_e, _patch, context) => {
      if (context?.before) utils.voice.preferences.setData(undefined, context.before);
      void utils.voice.preferences.invalidate();
    },
  });
  return {
    preferences: query.data ?? null,
    update: (patch: Partial<VoicePreferences>) => mutation.mutate(patch),
    error: mutation.error,
  };
}
