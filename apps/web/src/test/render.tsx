import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { createQueryClient } from '../app/queryClient.ts';
import { createClient, trpc } from '../trpc.ts';

/**
 * Renders a page with the real tRPC client (fetch is stubbed by the test), or the client given,
 * and a memory router.
 */
export function renderPage(
  element: ReactElement,
  {
    path = '/',
    url = path,
    client,
  }: { path?: string; url?: string; client?: ReturnType<typeof createClient> } = {},
) {
  return renderRoutes(
    [
      { path, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { url, client },
  );
}

/** Like renderPage, for a route tree of its own (a layout with pages under it). */
export function renderRoutes(
  routes: RouteObject[],
  { url = '/', client = createClient() }: { url?: string; client?: ReturnType<typeof createClient> } = {},
) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const utils = render(
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>,
  );
  return { ...utils, router, queryClient };
}

type Reply = { status?: number; body: unknown };

/**
 * A fetch stub that answers tRPC batch requests per procedure: each procedure name maps to a
 * result (data) or an error shape, as the server's error formatter produces it.
 */
export function trpcFetch(
  handlers: Record<string, (input: unknown) => { data: unknown } | { error: unknown }>,
) {
  const calls: { path: string; input: unknown }[] = [];
  const fetchStub = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const u = new URL(String(url), 'http://localhost');
    const paths = u.pathname.replace(/^\/trpc\//, '').split(',');
    const rawInput =
      init?.method === 'POST'
        ? JSON.parse(String(init.body ?? '{}'))
        : JSON.parse(u.searchParams.get('input') ?? '{}');
    const replies: Reply[] = paths.map((path, i) => {
      const input = (rawInput as Record<string, unknown>)[String(i)];
      calls.push({ path, input });
      const handler = handlers[path];
      if (!handler)
        return { status: 404, body: { error: trpcErrorShape('NOT_FOUND', `No handler for ${path}`) } };
      const out = handler(input);
      return 'data' in out
        ? { body: { result: { data: out.data } } }
        : { status: 400, body: { error: out.error } };
    });
    const status = replies.every((r) => !r.status) ? 200 : (replies.find((r) => r.status)?.status ?? 200);
    return new Response(JSON.stringify(replies.map((r) => r.body)), {
      status: replies.length > 1 && status !== 200 ? 207 : status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetchStub, calls };
}

const httpOf: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};
const trpcCodeOf: Record<string, string> = {
  VALIDATION: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
};

export function trpcErrorShape(
  domainCode: string,
  message: string,
  issues: { path: string[]; message: string }[] = [],
  details?: { retry_after?: number; state?: string },
) {
  return {
    message,
    code: -32600,
    data: {
      code: trpcCodeOf[domainCode] ?? 'BAD_REQUEST',
      httpStatus: httpOf[domainCode] ?? 400,
      domainCode,
      issues,
      ...(details && { details }),
      path: '',
    },
  };
}
