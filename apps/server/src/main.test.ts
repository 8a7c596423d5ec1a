/**
 * `npm start` as a person sees it: the real entry point in its own process prints what it set up,
 * in plain lines, before any JSON request log, and the URL it prints answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const main = fileURLToPath(new URL('./main.ts', import.meta.url));
let child: ChildProcess | undefined;

afterAll(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

it('prints where the data is, the catalogue, the admin, the interviewer and the URL, then logs requests as JSON', async () => {
  child = spawn(process.execPath, ['--import', tsx, main], {
    // Only what we pass (a developer's .env fills no variable set here, not even an empty one).
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      DATABASE_URL: '',
      ADMIN_EMAIL: 'first.admin@example.com',
      ADMIN_PASSWORD: 'a long enough password',
      AI_PROVIDER: 'offline',
      OPENAI_API_KEY: '',
      SEED_CATALOGUE: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // One reader for the whole run: every line is kept, in order, and waiters look through them.
  const out: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    out.push(...lines);
    for (const w of waiters) w();
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const lineArrives = (match: (line: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
        child?.off('exit', exited);
      };
      const check = () => {
        const hit = out.find(match);
        if (hit === undefined) return;
        done();
        resolve(hit);
      };
      const exited = (code: number | null) => {
        done();
        reject(new Error(`server exited (${code}): ${stderr}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no such line in 120 s; stdout:\n${out.join('\n')}\nstderr:\n${stderr}`));
      }, 120_000);
      waiters.add(check);
      child?.once('exit', exited);
      check();
    });

  const openLine = await lineArrives((l) => l.startsWith('  open:'));
  const url = openLine.replace('  open:', '').trim();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const block = out.slice(out.indexOf('AI Interviewer'), out.indexOf(openLine) + 1);
  expect(block).toEqual([
    'AI Interviewer',
    '  data:        embedded PGlite in memory (gone when the server stops)',
    expect.stringMatching(/^ {2}catalogue: {3}added \d+ sample jobs \(first start\)$/),
    '  admin:       first.admin@example.com created',
    '  interviewer: offline rubric (AI_PROVIDER=offline)',
    `  open:        ${url}`,
  ]);

  const health = await fetch(`${url}/api/health`);
  expect(health.status).toBe(200);
  const requestLog = await lineArrives((l) => l.includes('"url":"/api/health"'));
  expect(out.indexOf(requestLog)).toBeGreaterThan(out.indexOf(openLine));
  expect(JSON.parse(requestLog)).toMatchObject({ req: { url: '/api/health' }, msg: 'incoming request' });
  // nothing before the plain block but the JSON line fastify writes when it starts listening
  for (const l of out.slice(0, out.indexOf('AI Interviewer'))) expect(() => JSON.parse(l)).not.toThrow();
}, 150_000); // a cold start through the TypeScript loader: ~6 s of CPU, far longer on a busy machine
