/**
 * The production build: one ES module, dist/main.js, that Node runs without a TypeScript loader
 * (tsx costs ~30 MB of RSS and a slower start; docs/performance.md).
 *
 * Our workspace packages are TypeScript and are bundled in. Everything from node_modules stays an
 * import, resolved from the file that imports it — pnpm gives each package only its own
 * dependencies, so `kysely` must be found from packages/core, not from here — and written as a
 * path relative to dist/, so the repository (with its node_modules) can move as a whole.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
// `--outdir <dir>`: elsewhere than dist/ (src/bundle.test.ts builds into a temporary folder)
const outdirArg = process.argv.indexOf('--outdir');
const outdir = outdirArg === -1 ? resolve(here, '../dist') : resolve(process.argv[outdirArg + 1] ?? '');

/** @type {import('esbuild').Plugin} */
const dependenciesStayExternal = {
  name: 'dependencies-stay-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@ai-interviewer/')) return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      if (found.external) return { path: args.path, external: true }; // node:* and builtins
      const path = relative(outdir, found.path).split('\\').join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

await build({
  entryPoints: { main: resolve(here, '../src/main.ts') },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [dependenciesStayExternal],
});

/**
 * The offline grader's tables are data files (packages/core/scripts/table-files.ts says why),
 * read with `new URL(name, import.meta.url)`: in the bundle that is dist/, so they go there.
 */
const coreSrc = resolve(here, '../../../packages/core/src');
const copied = new Map();
for (const entry of readdirSync(coreSrc, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.generated\.(bin|txt)$/.test(entry.name)) continue;
  const from = join(entry.parentPath ?? entry.path, entry.name);
  if (copied.has(entry.name))
    throw new Error(`two data files named ${entry.name}: ${copied.get(entry.name)}, ${from}`);
  copied.set(entry.name, from);
  copyFileSync(from, join(outdir, basename(from)));
}
if (copied.size === 0) throw new Error(`no grader data files (*.generated.bin|txt) under ${coreSrc}`);
console.log(`built ${relative(process.cwd(), resolve(outdir, 'main.js'))} and ${copied.size} data files`);
