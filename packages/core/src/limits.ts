/**
 * Bounds on what one HTTP request may ask of the server, shared by the server and the SPA
 * (which imports this file alone: it has no dependencies).
 */

/**
 * Calls in one tRPC batch. Each call may grade an answer (a few ms of CPU each, and one
 * database transaction): a batch of 100 `feedback.submit` held the event loop for seconds
 * and other users got 503s (issue #12). The SPA sends at most a handful at once.
 */
export const MAX_BATCH_CALLS = 10;

/**
 * A session's optional time limit per answer, in seconds (issue #14): shown as a countdown in
 * the room. Advisory: when it runs out the candidate is told, and the answer is still accepted
 * (a hard cut would lose a half-typed answer and punish slow typists, not slow thinkers).
 */
export const ANSWER_TIME_LIMIT_SECONDS = { min: 30, max: 1800 } as const;

/** How many times one answer may be redone while its session is ongoing (each is graded again). */
export const MAX_ANSWER_ATTEMPTS = 5;
/** How long a report's share link may live, in days: the choices the owner picks from (issue #14). */
export const SHARE_EXPIRY_DAYS = [1, 7, 30] as const;
export const DEFAULT_SHARE_EXPIRY_DAYS = 7;
/** The largest JSON request body the server reads (Fastify's bodyLimit; over it: 413). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The most bad fields one 400 lists (a client sends a handful; a flood of unknown keys gets these). */
export const MAX_ERROR_ISSUES = 20;
