/** Memory of a process and every process below it (an embedded PostgreSQL's postmaster and backends), from /proc. */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  processes: number;
  /** Sum of VmRSS: counts shared pages (PostgreSQL's buffer cache) once per process that touched them. */
  rssKb: number;
  /** Sum of Pss: shared pages divided among their users, so the total is what the tree really holds. */
  pssKb: number;
  /** Per process: name and VmRSS. */
  each: { pid: number; name: string; rssKb: number }[];
}

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Every descendant of `root`, root included. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function treeMemory(root: number): TreeMemory {
  const each: TreeMemory['each'] = [];
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of processTree(root)) {
    const status = read(`/proc/${pid}/status`);
    if (!status) continue;
    const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    const pss = Number(/^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0);
    const name = read(`/proc/${pid}/cmdline`).split('\u0000').slice(0, 2).join(' ').slice(0, 80);
    each.push({ pid, name, rssKb: rss });
    rssKb += rss;
    pssKb += pss;
  }
  return { processes: each.length, rssKb, pssKb, each };
}
