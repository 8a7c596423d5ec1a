/** CPU time of a process from /proc/<pid>/stat (utime + stime), in ms. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticks: number | null = null;
const clockTicks = (): number => {
  if (ticks === null) {
    const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticks = Number(r.stdout.trim()) || 100;
  }
  return ticks;
};

export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces: split after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

/** CPU time (ms) of each PostgreSQL backend whose application_name is `app` (local server only). */
export async function backendCpu(
  client: { query: (sql: string, params: unknown[]) => Promise<{ rows: { pid: number }[] }> },
  app: string,
): Promise<Map<number, number>> {
  const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [app]);
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

/** CPU used between two snapshots; a backend born in between counts from zero. */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) {
    if (Number.isNaN(ms)) continue;
    sum += ms - (before.get(pid) ?? 0);
  }
  return sum;
}
