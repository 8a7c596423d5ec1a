import {
  type Compilable,
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { Database } from './types.ts';

/** A Kysely that only compiles, never connects (Kysely's documented "cold" setup). */
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Anything that runs a compiled query: the app's Kysely or a transaction. */
type Executor = Pick<Kysely<Database>, 'executeQuery'>;

type Slot = { param: string } | { value: unknown };

/**
 * The SQL of every prepared query, with a statement name: on PostgreSQL the pool's clients send
 * these as named statements, so each connection parses and plans them once (see connect.ts).
 */
const statementNames = new Map<string, string>();
export const statementNameOf = (sql: string): string | undefined => statementNames.get(sql);

/**
 * Gives `sql` a statement name, so PostgreSQL plans it once per connection: for SQL compiled
 * here, and for SQL another library sends on the hot path with new parameters each time.
 */
export function nameStatement(sql: string): void {
  if (!statementNames.has(sql)) statementNames.set(sql, `ai_prepared_${statementNames.size + 1}`);
}

/** NUL never reaches a query (inputs refuse it), so a marker cannot be mistaken for a value. */
const marker = (name: string) => `\u0000${name}\u0000`;

/**
 * A query whose SQL is built and compiled once (per shape) and then run with new parameters.
 * Kysely otherwise rebuilds its frozen operation tree and recompiles the same SQL on every call:
 * about a tenth of a hot read's CPU (docs/performance.md, "Reads").
 *
 * `build` gets markers in place of the parameters' values, so it must only pass them to Kysely,
 * never branch on them; whatever it branches on goes in `shape` (JSON), one compiled query each.
 */
export function prepare<P extends object, R, S = null>(
  build: (db: Kysely<Database>, params: P, shape: S) => Compilable<R>,
): (db: Executor, params: P, shape?: S) => Promise<R[]> {
  const compiled = new Map<string, { query: CompiledQuery<R>; slots: Slot[] }>();

  function compile(shape: S) {
    const used = new Set<string>();
    const markers = new Proxy({} as P, {
      get: (_, name) => {
        used.add(String(name));
        return marker(String(name));
      },
    });
    const query = build(compiler, markers, shape).compile();
    const slots: Slot[] = query.parameters.map((value) => {
      const name = [...used].find((n) => value === marker(n));
      return name === undefined ? { value } : { param: name };
    });
    for (const name of used) {
      if (!slots.some((s) => 'param' in s && s.param === name)) {
        throw new Error(`prepare: "${name}" is read by the builder but is not a parameter of the query`);
      }
    }
    nameStatement(query.sql);
    return { query, slots };
  }

  return async (db, params, shape = null as S) => {
    const key = JSON.stringify(shape);
    let entry = compiled.get(key);
    if (!entry) {
      entry = compile(shape);
      compiled.set(key, entry);
    }
    const values = params as Record<string, unknown>;
    const parameters = entry.slots.map((s) => ('param' in s ? values[s.param] : s.value));
    const result = await db.executeQuery<R>({ ...entry.query, parameters });
    return result.rows;
  };
}
