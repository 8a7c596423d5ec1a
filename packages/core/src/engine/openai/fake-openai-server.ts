/**
 * A tiny OpenAI-compatible HTTP server for tests: the real SDK talks to it over 127.0.0.1, and
 * each test scripts the replies (JSON, SSE streams, errors, hangs) and inspects the requests.
 *
 *   const server = await startFakeOpenAI(() => ({ json: chatCompletion({ ... }) }));
 *   const provider = createOpenAIProvider({ apiKey: 'test', baseURL: server.url, model: 'm' });
 *   …
 *   expect(server.requests[0]!.body.model).toBe('m');
 *   await server.close();
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  /** 0-based arrival order */
  index: number;
  method: string;
  /** path without the /v1 prefix, e.g. "/chat/completions" */
  path: string;
  headers: IncomingHttpHeaders;
  /** the parsed JSON body (undefined if the body was not JSON) */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary request fields
  body: any;
  raw: string;
  /** the body's bytes as received (multipart uploads: audio files) */
  bytes: Buffer;
}

export type FakeReply =
  | { status?: number; headers?: Record<string, string>; json: unknown }
  | { status?: number; headers?: Record<string, string>; text: string }
  /** Raw bytes (audio from /audio/speech), sent as `contentType`. */
  | { status?: number; bytes: Uint8Array; contentType: string }
  /** Server-sent events: objects are sent as JSON `data:` lines; "[DONE]" is added unless `hangAfter`. */
  | { sse: (string | object)[]; intervalMs?: number; hangAfter?: boolean; headers?: Record<string, string> }
  /** Never answer (the client must time out). */
  | { hang: true }
  /** Send the status and headers (and optionally the start of a body), then stall. */
  | { stallAfterHeaders: true; status?: number; partialBody?: string }
  /** Close the connection without answering. */
  | { destroy: true };

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** base URL for the SDK, ending in /v1 */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeOpenAI(handler: FakeHandler): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const request: FakeRequest = {
        index: requests.length,
        method: req.method ?? 'GET',
        path: (req.url ?? '/').replace(/^\/v1/, ''),
        headers: req.headers,
        body,
        raw,
        bytes,
      };
      requests.push(request);
      Promise.resolve()
        .then(() => handler(request))
        .then((reply) => send(res, reply))
        .catch((err: unknown) => {
          if (!res.headersSent) {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: `fake server handler failed: ${String(err)}` } }));
          }
        });
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function send(res: ServerResponse, reply: FakeReply): void {
    if ('hang' in reply) return;
    if ('destroy' in reply) {
      res.socket?.destroy();
      return;
    }
    if ('stallAfterHeaders' in reply) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.flushHeaders();
      if (reply.partialBody) res.write(reply.partialBody);
      return;
    }
    if ('sse' in reply) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        ...reply.headers,
      });
      const events = reply.sse.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
      if (!reply.hangAfter) events.push('[DONE]');
      let i = 0;
      const next = () => {
        if (res.destroyed) return;
        if (i >= events.length) {
          if (!reply.hangAfter) res.end();
          return;
        }
        res.write(`data: ${events[i++]}\n\n`);
        const t = setTimeout(next, reply.intervalMs ?? 0);
        timers.add(t);
      };
      next();
      return;
    }
    const status = reply.status ?? 200;
    if ('bytes' in reply) {
      res.writeHead(status, { 'content-type': reply.contentType, 'content-length': reply.bytes.length });
      res.end(reply.bytes);
    } else if ('json' in reply) {
      res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.json));
    } else {
      res.writeHead(status, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.text);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy(); // hanging requests included
        server.close(() => resolve());
      }),
  };
}

/** Replies in order; the last one repeats. */
export function scripted(...replies: FakeReply[]): FakeHandler {
  return (req) => replies[Math.min(req.index, replies.length - 1)]!;
}

/** A non-streaming chat completion whose message content is `content` (objects are JSON-encoded). */
export function chatCompletion(
  content: string | object | null,
  opts: { finish_reason?: string; refusal?: string | null; model?: string } = {},
): object {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: opts.model ?? 'fake-model',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: content === null ? null : typeof content === 'string' ? content : JSON.stringify(content),
          refusal: opts.refusal ?? null,
        },
        finish_reason: opts.finish_reason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** The SSE chunks of a streamed completion of `content`, split into `pieces` parts. */
export function chatCompletionChunks(
  content: string | object,
  opts: { pieces?: number; finish_reason?: string; refusal?: string } = {},
): object[] {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const pieces = Math.max(1, opts.pieces ?? 8);
  const size = Math.ceil(text.length / pieces);
  const base = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'fake-model',
  };
  const chunks: object[] = [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
  ];
  if (opts.refusal) {
    chunks.push({ ...base, choices: [{ index: 0, delta: { refusal: opts.refusal }, finish_reason: null }] });
  } else {
    for (let i = 0; i < text.length; i += size) {
      chunks.push({
        ...base,
        choices: [{ index: 0, delta: { content: text.slice(i, i + size) }, finish_reason: null }],
      });
    }
  }
  chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: opts.finish_reason ?? 'stop' }] });
  return chunks;
}

/** An OpenAI-style error body. */
export function apiError(message: string, type = 'server_error'): object {
  return { error: { message, type, param: null, code: null } };
}
