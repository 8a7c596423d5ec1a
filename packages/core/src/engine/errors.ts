/**
 * The one error type a provider throws. A provider never invents a score to hide a failure:
 * it throws an EngineError, and the caller (the feedback service) keeps the stored answer and
 * shows a "grading failed / retry" state.
 */

export type EngineErrorKind =
  | 'timeout' // the model did not answer (or stalled) within the configured time
  | 'refusal' // the model refused (message.refusal or a content filter)
  | 'truncated' // the reply hit the token limit (finish_reason "length"), so it is incomplete
  | 'invalid_reply' // not JSON, or JSON that does not match the schema
  | 'http' // the server answered with an error status (after the SDK's retries)
  | 'network' // no connection / connection dropped
  | 'aborted'; // the caller aborted (AbortSignal)

export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly kind: EngineErrorKind;
  /** HTTP status for kind "http", when known. */
  readonly status: number | undefined;

  constructor(kind: EngineErrorKind, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options?.status;
  }

  /**
   * Whether trying the same request later may succeed. The engine itself does not retry beyond
   * the SDK's own retries; no caller branches on this today (a failed grade stays "failed" until
   * a regrade), it is here for one that would.
   */
  get retryable(): boolean {
    if (this.kind === 'refusal' || this.kind === 'aborted') return false;
    if (this.kind === 'http') {
      const s = this.status;
      return s === undefined || s === 408 || s === 429 || s >= 500;
    }
    // timeout, network, truncated, invalid_reply: a later attempt may well succeed
    return true;
  }
}

/** What each kind of failure is called where the candidate reads it. */
const PUBLIC_REASONS: Record<EngineErrorKind, string> = {
  timeout: 'the model did not answer in time',
  refusal: 'the model declined to answer',
  truncated: 'the model’s reply was cut off',
  invalid_reply: 'the model’s reply was not in the expected form',
  http: 'the model server answered with an error',
  network: 'could not reach the model server',
  aborted: 'the request was cancelled',
};

/**
 * What failed, in words a candidate may read (a 503's message, a feedback's `grading_error`):
 * the kind of failure and the HTTP status, never the model server's own text nor the reply.
 * An error body can carry a masked API key ("Incorrect API key provided: sk-…"), internal hosts
 * and ports, or a proxy's configuration; a malformed reply can echo the prompt.
 */
export function publicReason(error: unknown): string {
  if (!(error instanceof EngineError)) return 'an unexpected error';
  if (error.kind === 'http' && error.status !== undefined) return `the model server answered ${error.status}`;
  return PUBLIC_REASONS[error.kind];
}
