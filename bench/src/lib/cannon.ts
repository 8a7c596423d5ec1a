/**
 * autocannon (programmatic) with exact latency percentiles: every response time is kept (from
 * the instance's `response` event, in fractional ms) instead of autocannon's whole-ms histogram.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  /** Completed requests per second (any status). */
  rps: number;
  total: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  durationS: number;
  /** Response times per tag (requests tagged through `tag`). */
  byTag: Record<string, { count: number; p50: number; p99: number }>;
  /** Every response time, sorted (ms). */
  samples: Float64Array;
}

export const percentile = (sorted: Float64Array | number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
};

/** p50, p90, p99 and max of sorted response times. */
export const distribution = (sorted: Float64Array) => ({
  p50: percentile(sorted, 50),
  p90: percentile(sorted, 90),
  p99: percentile(sorted, 99),
  max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
});

export class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

export interface CannonOptions {
  url: string;
  connections: number;
  durationS: number;
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: autocannon.Request[];
  /** Called synchronously in a request's onResponse: a tag for the response time that follows. */
  tag?: { current: string | null };
  /** Hard cap on requests (the test stops at whichever comes first). */
  maxRequests?: number;
  timeoutS?: number;
}

export async function cannon(opts: CannonOptions): Promise<LoadResult> {
  const all = new Samples();
  const tagged = new Map<string, Samples>();
  let done!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((res, rej) => {
    done = res;
    fail = rej;
  });
  const instance = autocannon(
    {
      url: opts.url + (opts.path ?? ''),
      connections: opts.connections,
      duration: opts.durationS,
      ...(opts.maxRequests !== undefined && { maxOverallRequests: opts.maxRequests }),
      pipelining: 1,
      timeout: opts.timeoutS ?? 10,
      method: opts.method ?? 'GET',
      headers: opts.headers ?? {},
      ...(opts.body !== undefined && { body: opts.body }),
      ...(opts.requests && { requests: opts.requests }),
    },
    (err, result) => (err ? fail(err) : done(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime: number) => {
    all.push(responseTime);
    const tag = opts.tag?.current;
    if (tag) {
      let s = tagged.get(tag);
      if (!s) {
        s = new Samples();
        tagged.set(tag, s);
      }
      s.push(responseTime);
      if (opts.tag) opts.tag.current = null;
    }
  });
  const result = await finished;
  const sorted = all.sorted();
  const byTag: LoadResult['byTag'] = {};
  for (const [tag, s] of tagged) {
    const t = s.sorted();
    byTag[tag] = { count: s.length, p50: percentile(t, 50), p99: percentile(t, 99) };
  }
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = (v as { count: number }).count;
  const durationS = result.duration;
  return {
    rps: all.length / durationS,
    total: all.length,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    ...distribution(sorted),
    durationS,
    byTag,
    samples: sorted,
  };
}

/** Several runs of one scenario as one: counts and durations add up, percentiles over all samples. */
export function mergeResults(runs: LoadResult[]): LoadResult {
  const n = runs.reduce((s, r) => s + r.samples.length, 0);
  const samples = new Float64Array(n);
  let at = 0;
  for (const r of runs) {
    samples.set(r.samples, at);
    at += r.samples.length;
  }
  samples.sort();
  const sum = (f: (r: LoadResult) => number) => runs.reduce((s, r) => s + f(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of runs)
    for (const [k, v] of Object.entries(r.statusCodes)) statusCodes[k] = (statusCodes[k] ?? 0) + v;
  const durationS = sum((r) => r.durationS);
  return {
    rps: n / durationS,
    total: n,
    ok2xx: sum((r) => r.ok2xx),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    ...distribution(samples),
    durationS,
    byTag: runs[0]?.byTag ?? {},
    samples,
  };
}
