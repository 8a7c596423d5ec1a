/**
 * Open-loop load at a constant arrival rate: a request is due every 1000/rate ms whatever the
 * server does. (autocannon's `overallRate` releases each second's requests at once, a burst that
 * queues behind itself.) At most `connections` keep-alive sockets; a request that finds them all
 * busy waits, and its latency counts from when it was due, so a queue is never hidden.
 */
import http from 'node:http';
import { distribution, type LoadResult, Samples } from './cannon.ts';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedOptions {
  url: string;
  ratePerSecond: number;
  durationS: number;
  connections: number;
  /** The i-th request. */
  request: (i: number) => PacedRequest;
  timeoutMs?: number;
}

export async function pacedLoad(opts: PacedOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const base = new URL(opts.url);
  const latencies = new Samples();
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const count = Math.round(opts.ratePerSecond * opts.durationS);
  const interval = 1000 / opts.ratePerSecond;
  const started = performance.now();

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const r = opts.request(i);
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: r.method,
          path: r.path,
          headers:
            r.body === undefined ? r.headers : { ...r.headers, 'content-length': Buffer.byteLength(r.body) },
          timeout: opts.timeoutMs ?? 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            const code = String(res.statusCode);
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('timeout', () => {
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const durationS = (performance.now() - started) / 1000;
  const sorted = latencies.sorted();
  const ok2xx = Object.entries(statusCodes).reduce((n, [c, v]) => (c.startsWith('2') ? n + v : n), 0);
  return {
    rps: latencies.length / durationS,
    total: latencies.length,
    ok2xx,
    non2xx: latencies.length - ok2xx,
    errors,
    timeouts,
    statusCodes,
    ...distribution(sorted),
    durationS,
    byTag: {},
    samples: sorted,
  };
}
