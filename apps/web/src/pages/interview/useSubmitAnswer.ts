import { useMutation } from '@tanstack/react-query';
import { getMutationKey } from '@trpc/react-query';
import { useState } from 'react';
import { type SubmitAnswerInput, type SubmitResult, trpc } from '../../trpc.ts';

/**
 * Submits an answer through feedback.submitStream: the feedback text arrives as the grader
 * writes it (`liveText`, the whole text so far), then the stored result. The mutation stays
 * pending until the stream has ended, and an error thrown mid-stream is the mutation's error.
 */
export function useSubmitAnswer({
  onSuccess,
  onError,
}: {
  onSuccess: (result: SubmitResult) => void;
  onError: (error: unknown, input: SubmitAnswerInput) => void;
}) {
  const utils = trpc.useUtils();
  const [liveText, setLiveText] = useState('');
  const mutation = useMutation({
    // the same key tRPC's own hook would use, so the global mutation handlers see it alike
    mutationKey: getMutationKey(trpc.feedback.submitStream),
    mutationFn: async (input: SubmitAnswerInput): Promise<SubmitResult> => {
      setLiveText('');
      const events = await utils.client.feedback.submitStream.mutate(input);
      let result: SubmitResult | null = null;
      for await (const event of events) {
        if (event.type === 'delta') setLiveText(event.text);
        else result = event.result;
      }
      if (!result) throw new Error('Grading stopped before it finished. Please try again.');
      return result;
    },
    onSuccess,
    onError,
  });
  return { ...mutation, liveText };
}
