/** Byte-for-byte comparison of two servers' answers to one request (ours and the baseline). */
import type { ServerProcess } from './server-process.ts';

export interface RawResponse {
  status: number;
  type: string | null;
  body: Buffer;
}

export async function fetchRaw(
  s: ServerProcess,
  r: { path: string; headers?: Record<string, string> },
): Promise<RawResponse> {
  const res = await fetch(s.url + r.path, { headers: r.headers ?? {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

/** null when the two are byte for byte the same; else where they first differ. */
export function rawDifference(a: RawResponse, b: RawResponse): string | null {
  if (a.status !== b.status) return `status ${a.status} vs ${b.status}`;
  if (a.type !== b.type) return `content-type ${a.type} vs ${b.type}`;
  if (a.body.equals(b.body)) return null;
  let i = 0;
  while (i < a.body.length && a.body[i] === b.body[i]) i++;
  const at = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
  return `bodies (${a.body.length} vs ${b.body.length} B) first differ at byte ${i}: ours …${at(a.body)}… baseline …${at(b.body)}…`;
}
