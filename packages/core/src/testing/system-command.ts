/**
 * Programs from the machine that some tests drive (redis-server for the shared rate limits,
 * Debian's chromium for the browser tests): found on PATH, or installed once from Debian's
 * packages when we are root with apt-get — so `npm test` runs on a machine that has only Node and
 * npm — else the test fails saying what to install. Never silently skipped.
 */
import { spawnSync } from 'node:child_process';

/** Why apt-get cannot install here, or null when it can. */
export function whyNoApt(): string | null {
  if (process.platform !== 'linux') return `apt-get is Linux only (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'not root, so apt-get cannot install';
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error) return 'no apt-get on PATH';
  return null;
}

/**
 * apt-get update + install, non-interactive; the output is shown only when it fails. Waits for
 * dpkg's lock (another install may be running) rather than failing at once. Returns the failure, or null.
 */
export function aptInstall(pkg: string): string | null {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [
    [...lock, 'update', '-qq'],
    [...lock, 'install', '-y', '-qq', pkg],
  ]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0)
      return `apt-get ${args.join(' ')}: ${(r.stderr || r.stdout || String(r.error)).trim().slice(-2000)}`;
  }
  return null;
}

const runs = (command: string) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;

/**
 * Makes sure `command` runs here: on PATH already, or Debian's `debianPackage` installed now.
 * Throws naming the command, the package and why it could not be installed.
 */
export function provideCommand(
  command: string,
  debianPackage: string,
  say: (line: string) => void = (line) => console.log(line),
): void {
  if (runs(command)) return;
  const cannot = whyNoApt();
  if (!cannot) {
    say(`${command} is missing; installing Debian's ${debianPackage} package with apt-get…`);
    const failed = aptInstall(debianPackage);
    if (!failed && runs(command)) return;
    throw new Error(
      `${command} is needed by this test; apt-get install ${debianPackage} failed: ${failed ?? `no ${command} after it`}`,
    );
  }
  throw new Error(
    `${command} is needed by this test and is not on PATH (${cannot}): install ${debianPackage}`,
  );
}
