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
 * Statement names by SQL text. The name is chosen where the query is written (`prepare(name, …)`,
 * the grading queue's executor); this registry only carries it past Kysely, which hands the pg
 * client SQL text alone, to the client in connect.ts that sends it as a named statement, so that
 * PostgreSQL parses and plans it once per connection.
 */
const statementNames = new Map<string, string>();
const namesTaken = new Set<string>();
export const statementNameOf = (sql: string): string | undefined => statementNames.get(sql);

/**
 * Sends `sql` as the named statement `name` from now on. A name already given to other SQL gets
 * a numbered suffix (`name_2`…): one name per text, as PostgreSQL requires on a connection.
 * Returns the name the SQL goes out under.
 */
export function nameStatement(name: string, sql: string): string {
  const known = statementNames.get(sql);
  if (known) return known;
  let unique = name;
  for (let n = 2; namesTaken.has(unique); n++) unique = `${name}_${n}`;
  namesTaken.add(unique);
  statementNames.set(sql, unique);
  return unique;
}

/** NUL never reaches a query (inputs refuse it), so a marker cannot be mistaken for a value. */
const marker = (name: string) => `\u0000${name}\u0000`;

/** A prepared query: run it; `statements` shows what was compiled (shape → statement name). */
export type PreparedQuery<P, R, S> = ((db: Executor, params: P, shape?: S) => Promise<R[]>) & {
  readonly statements: ReadonlyMap<string, string>;
};

/**
 * A query whose SQL is built and compiled once (per shape) and then run with new parameters,
 * sent to PostgreSQL as the named statement `name` (a second shape: `name_2`, …).
 * Kysely otherwise rebuilds its frozen operation tree and recompiles the same SQL on every call:
 * about a tenth of a hot read's CPU (docs/performance.md, "Reads").
 *
 * `build` gets markers in place of the parameters' values, so it must only pass them to Kysely,
 * never branch on them; whatever it branches on goes in `shape` (JSON), one compiled query each.
 */
export function prepare<P extends object, R, S = null>(
  name: string,
  build: (db: Kysely<Database>, params: P, shape: S) => Compilable<R>,
): PreparedQuery<P, R, S> {
  const compiled = new Map<string, { query: CompiledQuery<R>; slots: Slot[] }>();
  const statements = new Map<string, string>();

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
    return { query, slots };
  }

  const run = async (db: Executor, params: P, shape = null as S) => {
    const key = JSON.stringify(shape);
    let entry = compiled.get(key);
    if (!entry) {
      entry = compile(shape);
      compiled.set(key, entry);
      statements.set(key, nameStatement(name, entry.query.sql));
    }
    const values = params as Record<string, unknown>;
    const parameters = entry.slots.map((s) => ('param' in s ? values[s.param] : s.value));
    const result = await db.executeQuery<R>({ ...entry.query, parameters });
    return result.rows;
  };
  return Object.assign(run, { statements: statements as ReadonlyMap<string, string> });
}
