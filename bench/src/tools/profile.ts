/**
 * Where does a request's CPU go? Starts our server (child process, --cpu-prof) on the bench
 * database — a PostgreSQL that keeps it: run `BENCH_DATABASE_URL=… pnpm bench` once first (without
 * it the bench seeds an embedded PostgreSQL it removes afterwards) — loads one scenario with
 * autocannon, stops the server and prints the self time by package and by function.
 *
 *   tsx src/tools/profile.ts jobs-trpc|jobs-rest|me|feedbacks|submit [seconds] [--baseline]
 *
 * --baseline profiles the bare baseline server instead (read scenarios), to compare function by function.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cannon } from '../lib/cannon.ts';
import { answerRequests, nextAnswers } from '../lib/requests.ts';
import { sessionId } from '../lib/seed.ts';
import {
  baselineEntry,
  baselineEnv,
  serverEnv,
  serverStartFlags,
  startServerProcess,
} from '../lib/server-process.ts';

const url = process.env.BENCH_DATABASE_URL ?? '';
if (!url) {
  console.error(
    'BENCH_DATABASE_URL is required: the database a `BENCH_DATABASE_URL=… pnpm bench` run seeded',
  );
  process.exit(2);
}
const args = process.argv.slice(2).filter((a) => a !== '--baseline');
const baseline = process.argv.includes('--baseline');
const scenario = args[0] ?? 'jobs-trpc';
const seconds = Number(args[1] ?? 8);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Tokens are stored hashed, so profile runs mint their own for users 1-1000. */
let prepared = 1;
async function tokens(): Promise<string[]> {
  const { createHash, randomBytes } = await import('node:crypto');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const list = Array.from({ length: 1000 }, () => randomBytes(32).toString('base64url'));
  await c.query(
    `INSERT INTO auth_sessions (id, user_id, expires_at, absolute_expires_at)
     SELECT t.hash, format('00000000-0000-4000-8000-%s', lpad(t.n::text, 12, '0'))::uuid, now() + interval '7 days', now() + interval '30 days'
     FROM unnest($1::text[]) WITH ORDINALITY AS t(hash, n)`,
    [list.map((t) => createHash('sha256').update(t).digest('hex'))],
  );
  const r = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM interview_sessions WHERE id::text LIKE '21000000-%' AND status = 'ongoing'`,
  );
  prepared = Math.max(1, (r.rows[0]?.n ?? 2) - 1);
  await c.end();
  return list;
}

async function main() {
  const toks = await tokens();
  const tokenOf = (n: number) => toks[n - 1] as string;
  const dir = mkdtempSync(join(tmpdir(), 'ai-prof-'));
  const server = await startServerProcess({
    ...(baseline && { entry: baselineEntry }),
    env: baseline ? baselineEnv(url) : serverEnv(url),
    nodeArgs: [...serverStartFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  const targets: Record<string, Parameters<typeof cannon>[0]> = {
    'jobs-trpc': {
      url: server.url,
      path: `/trpc/jobs.list?input=${encodeURIComponent('{}')}`,
      connections: 50,
      durationS: seconds,
    },
    'jobs-rest': { url: server.url, path: '/api/jobs', connections: 50, durationS: seconds },
    me: {
      url: server.url,
      path: '/api/auth/me',
      headers: { authorization: `Bearer ${tokenOf(1)}` },
      connections: 50,
      durationS: seconds,
    },
    feedbacks: {
      url: server.url,
      path: `/api/sessions/${sessionId(1)}/feedbacks`,
      headers: { authorization: `Bearer ${tokenOf(1)}` },
      connections: 50,
      durationS: seconds,
    },
    submit: {
      url: server.url,
      connections: 50,
      durationS: seconds,
      requests: answerRequests(nextAnswers(tokenOf, prepared)),
    },
  };
  const target = targets[scenario];
  if (!target) throw new Error(`unknown scenario ${scenario}`);
  const t0 = Date.now();
  await cannon({ ...target, durationS: 2 }); // warm-up, not counted
  const loadFromMs = Date.now() - t0 + (server.readyAfterMs ?? 0);
  const r = await cannon(target);
  const loadToMs = Date.now() - t0 + (server.readyAfterMs ?? 0);
  console.log(
    `${scenario}: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} statuses ${JSON.stringify(r.statusCodes)}`,
  );
  await server.stop();
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written:\n${server.output()}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  // only the samples taken while the measured load ran (the profile starts with the process)
  const hits = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, k) => {
    at += (profile.timeDeltas[k] ?? 0) / 1000;
    if (at >= loadFromMs && at <= loadToMs) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  const counted = [...hits.values()].reduce((a, b) => a + b, 0);
  const interval = (loadToMs - loadFromMs) / Math.max(1, counted); // ms per sample
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const ms = (hits.get(n.id) ?? 0) * interval;
    if (!ms) continue;
    total += ms;
    const u = n.callFrame.url;
    const pkg =
      /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ??
      (u.includes('/work/main/')
        ? u
            .replace(/.*\/work\/main\//, '')
            .split('/')
            .slice(0, 2)
            .join('/')
        : u.startsWith('node:')
          ? 'node:internal'
          : n.callFrame.functionName.startsWith('(')
            ? n.callFrame.functionName
            : u || '(native)');
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + ms);
    const key = `${n.callFrame.functionName || '(anonymous)'} ${u.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => `${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  console.log(
    `\nself time by package (${(total / 1000).toFixed(1)} s sampled over ${r.total} requests: ${(total / r.total).toFixed(2)} ms/request)`,
  );
  console.log(top(byPkg, 20).join('\n'));
  console.log('\nself time by function');
  console.log(top(byFn, 30).join('\n'));

  // inclusive time of our own functions (and a few library entry points): each sample counts
  // once for every distinct function on its stack
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  const interesting =
    /packages\/core\/src|apps\/server\/src|kysely\/dist\/esm\/(query-executor|query-compiler|dialect\/postgres)|@trpc\/server|zod\/v4\/core\/(parse|schemas)|lucia\/dist|fastify\/lib\/(reply|route)|pg\/lib\/(client|result)|argon2/;
  for (const [id, count] of hits) {
    const seen = new Set<string>();
    for (
      let cur: number | undefined = id, depth = 0;
      cur !== undefined && depth < 500;
      cur = parent.get(cur), depth++
    ) {
      const n = nodeById.get(cur);
      if (!n || !interesting.test(n.callFrame.url)) continue;
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/.*\/work\/main\//, '')}:${n.callFrame.lineNumber + 1}`;
      seen.add(key);
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + count * interval);
  }
  console.log('\ninclusive time (ours and library entry points), ms per request');
  console.log(
    [...inclusive.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 45)
      .map(
        ([name, ms]) =>
          `${(ms / r.total).toFixed(3).padStart(7)}  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`,
      )
      .join('\n'),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
