/**
 * The procedures of the router with their meta, found through the router's public shape: a
 * router is its record of procedures and sub-routers (plus `_def` and `createCaller`, skipped),
 * and each procedure carries its public `meta`. Lazy routers (`lazy()`) are not walked: this
 * router has none, and `procedureList` throws if one appears so it cannot be missed silently.
 */
import { type Access, accessOf, type Meta, type RestMeta } from './meta.ts';
import { appRouter } from './root.ts';

export interface ProcedureInfo {
  /** "jobs.list", the name tRPC calls it by. */
  path: string;
  meta: Meta;
}

/** A REST endpoint, flat as tables and docs list it: `GET /jobs` → `jobs.list`, with its access rule. */
export interface RestRoute extends RestMeta {
  /** The procedure's path ("jobs.list"). */
  procedure: string;
  access: Access;
  meta: Meta;
}

const skipped = new Set(['_def', 'createCaller']);

function walk(record: object, prefix: string, out: ProcedureInfo[]) {
  for (const [key, value] of Object.entries(record)) {
    if (skipped.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'function') {
      const meta = (value as { meta?: Meta }).meta;
      if (!meta?.tier) throw new Error(`${path} was not built from a tier of trpc.ts (it has no meta)`);
      out.push({ path, meta });
    } else if (typeof value === 'object' && value !== null) {
      walk(value, path, out);
    } else {
      throw new Error(`${path}: not a procedure or a router (a lazy router is not supported here)`);
    }
  }
}

/** Every procedure of the app router, sorted by path. */
export const procedureList: readonly ProcedureInfo[] = (() => {
  const out: ProcedureInfo[] = [];
  walk(appRouter, '', out);
  return out.sort((a, b) => a.path.localeCompare(b.path));
})();

/** Every REST endpoint: the procedures whose meta declares one, in router order. */
export const restRoutes: readonly RestRoute[] = procedureList.flatMap((p) =>
  p.meta.rest ? [{ ...p.meta.rest, procedure: p.path, access: accessOf(p.meta), meta: p.meta }] : [],
);
