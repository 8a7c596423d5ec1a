/**
 * Turns a callback-style producer (the grader's onDelta) into an async iterable a tRPC
 * procedure can yield from. Only the newest value matters (each delta is the feedback text so
 * far), so a slow client skips intermediate states instead of buffering them.
 */
export function latestValueStream<T>() {
  let latest: { value: T } | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    push(value: T) {
      latest = { value };
      notify();
    },
    end() {
      finished = true;
      notify();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      while (true) {
        if (latest) {
          const { value } = latest;
          latest = null;
          yield value;
          continue;
        }
        if (finished) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
