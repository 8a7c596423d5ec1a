/** Maps whatever the SDK (or fetch) threw to the engine's one error type. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { EngineError } from '../errors.ts';
import { isBodyTimeout } from './idle-timeout-fetch.ts';

export function toEngineError(err: unknown, signal?: AbortSignal): EngineError {
  if (err instanceof EngineError) return err;
  if (err instanceof APIUserAbortError || signal?.aborted) {
    return new EngineError('aborted', 'the request was aborted by the caller', { cause: err });
  }
  if (isBodyTimeout(err)) {
    return new EngineError('timeout', 'the model server stopped sending data', { cause: err });
  }
  // Order matters: the timeout error is a kind of connection error, which is a kind of APIError.
  if (err instanceof APIConnectionTimeoutError) {
    return new EngineError('timeout', 'the model server did not answer in time', { cause: err });
  }
  if (err instanceof APIConnectionError) {
    return new EngineError('network', `could not reach the model server: ${causeText(err)}`, { cause: err });
  }
  if (err instanceof APIError) {
    const status = typeof err.status === 'number' ? err.status : undefined;
    return new EngineError('http', `the model server answered ${status ?? 'with an error'}: ${err.message}`, {
      cause: err,
      ...(status === undefined ? {} : { status }),
    });
  }
  if (err instanceof SyntaxError) {
    return new EngineError('invalid_reply', `the model server sent a body that is not JSON: ${err.message}`, {
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new EngineError('network', `the request to the model server failed: ${message}`, { cause: err });
}

function causeText(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : err.message;
}
