/**
 * The SDK's `timeout` covers a request only until the response headers arrive. A server that
 * sends headers and then stalls (mid-body, or mid-stream) would hang forever. This fetch wrapper
 * adds an idle timeout to the body: if no bytes arrive for `idleMs`, the body fails with
 * BodyTimeoutError, which the provider reports as EngineError "timeout". It adds no retries.
 */

export class BodyTimeoutError extends Error {
  override readonly name = 'BodyTimeoutError';
}

/** Statuses whose Response must not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function withBodyIdleTimeout(baseFetch: typeof fetch, idleMs: number): typeof fetch {
  return async (input, init) => {
    const res = await baseFetch(input, init);
    if (!res.body || NULL_BODY.has(res.status)) return res;
    const reader = res.body.getReader();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const chunk = await new Promise<Awaited<ReturnType<typeof reader.read>>>((resolve, reject) => {
            timer = setTimeout(
              () => reject(new BodyTimeoutError(`no data from the model server for ${idleMs} ms`)),
              idleMs,
            );
            reader.read().then(resolve, reject);
          }).finally(() => clearTimeout(timer));
          if (chunk.done) controller.close();
          else controller.enqueue(chunk.value);
        } catch (err) {
          reader.cancel(err).catch(() => {});
          controller.error(err);
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

/** Whether `err` (or something in its cause chain) is a body idle timeout. */
export function isBodyTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e; depth++) {
    if (e instanceof BodyTimeoutError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
