/** The request streams the bench's scenarios send, one home each (run-bench, run/writes, tools). */
import type autocannon from 'autocannon';
import { ANSWER, ownerOf, READ_SESSIONS, sessionId, submitSessionId } from './seed.ts';

type TokenOf = (n: number) => string;

/** The read sessions rotate (each with its owner's token), like users reading their own history. */
export function feedbackPageRequests(tokenOf: TokenOf): autocannon.Request[] {
  let i = 0;
  return [
    {
      method: 'GET',
      setupRequest: (req) => {
        const k = (i++ % READ_SESSIONS) + 1;
        return {
          ...req,
          path: `/api/sessions/${sessionId(k)}/feedbacks`,
          headers: { authorization: `Bearer ${tokenOf(ownerOf(k))}` },
        };
      },
    },
  ];
}

/** Each call: the answer to the current question of the next of `sessions` prepared sessions, as its owner. */
export function nextAnswers(tokenOf: TokenOf, sessions: number) {
  let i = 0;
  return () => {
    const k = (i++ % sessions) + 1;
    return {
      method: 'POST' as const,
      path: '/api/feedbacks',
      headers: { authorization: `Bearer ${tokenOf(ownerOf(k))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ session_id: submitSessionId(k), answer: ANSWER }),
    };
  };
}

/** Those answers as autocannon requests (a paced load may draw on the same `next` afterwards). */
export function answerRequests(next: ReturnType<typeof nextAnswers>): autocannon.Request[] {
  return [{ method: 'POST', setupRequest: (req) => ({ ...req, ...next() }) }];
}
