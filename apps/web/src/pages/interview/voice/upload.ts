import type { Transcription } from '../../../trpc.ts';

/**
 * Sends one recording to the server as itself (no base64), through the REST route the tRPC
 * procedure also serves: the same checks, limits and quota. The session cookie rides along.
 */
export async function uploadRecording(
  sessionId: string,
  blob: Blob,
  seconds: number,
): Promise<Transcription> {
  const res = await fetch(
    `/api/sessions/${encodeURIComponent(sessionId)}/recordings?duration_seconds=${seconds.toFixed(1)}`,
    {
      method: 'POST',
      headers: { 'content-type': blob.type || 'application/octet-stream' },
      body: blob,
      credentials: 'same-origin',
    },
  );
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `Transcription failed (HTTP ${res.status}).`);
  return body as Transcription;
}
