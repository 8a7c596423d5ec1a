/**
 * The statements our server sends for the read scenarios, verbatim (Kysely's output, captured
 * with query-log.ts and re-checked by every bench run: a drift fails the run). The baseline
 * sends exactly these, and the query plans in docs/performance.md are of these.
 */
export const SQL = {
  authSession:
    'select "s"."id" as "session_id", "s"."expires_at", "s"."absolute_expires_at", "u"."id" as "user_id", "u"."email", "u"."username", "u"."active", "u"."created_at", array(SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.name) as "roles" from "auth_sessions" as "s" inner join "users" as "u" on "u"."id" = "s"."user_id" where "s"."id" = $1',
  /** a page and the total in one round trip (the count only for a page past the end) */
  jobsPage:
    'select *, count(*) over ()::int as "total" from "job_descriptions" where "visibility" = $1 order by "created_at" desc, "seq" desc limit $2 offset $3',
  jobsCount: 'select count(*)::int as "n" from "job_descriptions" where "visibility" = $1',
  sessionById: 'select * from "interview_sessions" where "id" = $1',
  feedbackPage:
    'select * from "feedback" where "session_id" = $1 order by "created_at", "seq" limit $2 offset $3',
  feedbackCount: 'select count(*)::int as "n" from "feedback" where "session_id" = $1',
} as const;

/** Whitespace-insensitive comparison (Kysely's multi-line raw SQL vs. the one-line copy above). */
export const sameSql = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
