import { useCallback, useState } from 'react';

export type AnswerMode = 'type' | 'voice';

/** Typing or speaking, remembered per user (in this browser), so a candidate who speaks is not asked again. */
export function useAnswerMode(userId: string): [AnswerMode, (m: AnswerMode) => void] {
  const key = `answer-mode:${userId}`;
  const [mode, setMode] = useState<AnswerMode>(() => read(key));
  const set = useCallback(
    (m: AnswerMode) => {
      setMode(m);
      try {
        localStorage.setItem(key, m);
      } catch {
        // storage disabled: the choice lasts for this page only
      }
    },
    [key],
  );
  return [mode, set];
}

function read(key: string): AnswerMode {
  try {
    return localStorage.getItem(key) === 'voice' ? 'voice' : 'type';
  } catch {
    return 'type';
  }
}
