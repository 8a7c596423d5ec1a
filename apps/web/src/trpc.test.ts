import { initTRPC } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './trpc.ts';

afterEach(() => vi.unstubAllGlobals());

// A stand-in server with the same procedure paths: the client only knows them over HTTP.
const t = initTRPC.create();
const router = t.router({
  auth: t.router({ login: t.procedure.mutation(() => ({ ok: true })) }),
  feedback: t.router({
    submitStream: t.procedure.mutation(async function* () {
      yield { type: 'delta' as const, text: 'A' };
      yield { type: 'delta' as const, text: 'A b' };
      yield { type: 'result' as const, result: { done: true } };
    }),
  }),
});

function stubServer() {
  const requests: { path: string; streamed: boolean }[] = [];
  vi.stubGlobal('fetch', async (url: string | URL | Request, init?: RequestInit) => {
    const req = new Request(new URL(String(url), 'http://localhost'), init);
    requests.push({
      path: new URL(req.url).pathname,
      streamed: req.headers.get('trpc-accept') === 'application/jsonl',
    });
    return fetchRequestHandler({ endpoint: '/trpc', req, router, createContext: () => ({}) });
  });
  return requests;
}

describe('createClient', () => {
  it('streams feedback.submitStream and keeps every other call (login included) on the batch link', async () => {
    const requests = stubServer();
    const client = createClient();

    await client.auth.login.mutate({ email: 'a@example.com', password: 'long enough pass' });
    const events = [];
    for await (const event of await client.feedback.submitStream.mutate({
      session_id: '00000000-0000-4000-8000-000000000001',
      answer: 'An answer',
    }))
      events.push(event);

    expect(requests).toEqual([
      { path: '/trpc/auth.login', streamed: false },
      { path: '/trpc/feedback.submitStream', streamed: true },
    ]);
    expect(events).toEqual([
      { type: 'delta', text: 'A' },
      { type: 'delta', text: 'A b' },
      { type: 'result', result: { done: true } },
    ]);
  });
});
