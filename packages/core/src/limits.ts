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

/** The largest JSON request body the server reads (Fastify's bodyLimit; over it: 413). */
export const MAX_BODY_BYTES = 1024 * 1024;
