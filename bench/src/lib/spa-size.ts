/**
 * The SPA's initial JavaScript, gzipped: the entry `<script type="module" src>` of index.html, the
 * chunks it `modulepreload`s, and (to be sure) every chunk those import statically. Lazy chunks
 * (`import("./x.js")`) are not initial and are listed apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SpaSize {
  dist: string;
  /** How the dist folder came to be. */
  source: 'apps/web/dist' | 'temporary build';
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
  lazyGzip: number;
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];

/** Static imports of a built ES module: `import"./a.js"`, `from"./b.js"`, `export*from"./c.js"` (not `import(`). */
const staticImports = (code: string): string[] =>
  [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g)].map((m) => m[1] as string);

export function measureSpa(dist: string, source: SpaSize['source']): SpaSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const roots: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const tag = m[0];
    const src = attr(tag, 'src');
    if (src && /type\s*=\s*["']module["']/i.test(tag)) roots.push(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = attr(tag, 'href');
    if (href && /rel\s*=\s*["']modulepreload["']/i.test(tag)) roots.push(href);
  }
  const toPath = (url: string, from = dist) =>
    url.startsWith('/') ? join(dist, url.replace(/^\/+/, '')) : resolve(from, url);
  const seen = new Set<string>();
  const queue = roots.map((u) => toPath(u));
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const file = queue[i] as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const imp of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), imp));
  }
  const files = [...seen].map((file) => {
    const buf = readFileSync(file);
    return { file: relative(dist, file), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  const allJs = listJs(dist);
  const lazyGzip = allJs
    .filter((f) => !seen.has(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  return {
    dist,
    source,
    files,
    totalBytes: files.reduce((s, f) => s + f.bytes, 0),
    totalGzip: files.reduce((s, f) => s + f.gzip, 0),
    lazyGzip,
  };
}

function listJs(dir: string, depth = 0): string[] {
  if (depth > 5) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listJs(p, depth + 1));
    else if (/\.m?js$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * apps/web/dist if it is there; otherwise a build of the working tree into a temporary folder
 * (apps/web is not touched). Returns the failure text if neither works.
 */
export function spaSize(webDir: string): SpaSize | { error: string } {
  const dist = join(webDir, 'dist');
  if (existsSync(join(dist, 'index.html'))) return measureSpa(dist, 'apps/web/dist');
  const vite = join(webDir, 'node_modules', '.bin', 'vite');
  if (!existsSync(vite)) return { error: 'apps/web/dist is missing and vite is not installed' };
  const out = mkdtempSync(join(tmpdir(), 'ai-bench-web-'));
  try {
    const r = spawnSync(vite, ['build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: webDir,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0 || !existsSync(join(out, 'index.html'))) {
      const why = `${r.stderr ?? ''}${r.stdout ?? ''}`
        .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
        .trim()
        .split('\n')
        .slice(0, 6)
        .join(' ');
      return {
        error: `apps/web/dist is missing, and building the working tree failed: ${why.slice(0, 400)}`,
      };
    }
    return measureSpa(out, 'temporary build');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
