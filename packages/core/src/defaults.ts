/**
 * Defaults of settings that core applies when a caller leaves them out, written once: the
 * server's env.ts gives its variables these same values as defaults (DB_POOL_MAX, …), so a
 * deployment, a test and a bench run with nothing set all get the same pool and lifetimes.
 */

/** pg pool size: each connection is a PostgreSQL process (~30 MB); 4 keep 2 cores busy, more only queue. */
export const DEFAULT_POOL_MAX = 4;
/** How long a request may wait for a pooled connection before it fails (→ 503). */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 3000;
/** An unused pooled connection closes after this long: it holds a PostgreSQL process. */
export const DEFAULT_IDLE_TIMEOUT_MS = 10_000;
/** PostgreSQL cancels one statement after this long: a runaway query cannot hold a connection. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
/** A login's idle lifetime (slid forward by use). */
export const DEFAULT_SESSION_TTL_HOURS = 24 * 7;
/** A login's hard cap from when it was issued, however active. */
export const DEFAULT_SESSION_ABSOLUTE_DAYS = 30;
/** Answers (follow-ups included) one session accepts. */
export const DEFAULT_MAX_ANSWERS_PER_SESSION = 40;
/** Model calls (plan, grade, summarise) per user per rolling hour. */
export const DEFAULT_HOURLY_MODEL_CALLS = 120;
/** Login and sign-up attempts per window from one address (and on one account from one address). */
export const DEFAULT_AUTH_RATE_LIMIT = 10;
/** Password attempts per window on one account from all addresses together. */
export const DEFAULT_AUTH_ACCOUNT_RATE_LIMIT = 100;
/** The window of the login throttles. */
export const DEFAULT_AUTH_RATE_WINDOW_SECONDS = 60;
