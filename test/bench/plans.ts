import type { DatabaseHandle } from '../../server/src/db/database.js';

/**
 * Records the SQL the server really sends (text and parameters) while one request runs, so its
 * plans can be asked for with the same values: no copy of the repositories' queries to drift.
 * Works on both drivers: Drizzle calls `query(text | { text }, params, …)` on the pg Pool and on
 * the PGlite instance alike.
 */

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

type QueryFn = (query: string | { text: string }, params?: unknown[], ...rest: unknown[]) => any;

interface RawClient {
  query: QueryFn;
}

function rawClient(handle: DatabaseHandle): RawClient {
  return (handle.db as unknown as { $client: RawClient }).$client;
}

export async function captureQueries(
  handle: DatabaseHandle,
  run: () => Promise<void>,
): Promise<CapturedQuery[]> {
  const client = rawClient(handle);
  const original = client.query;
  const captured: CapturedQuery[] = [];
  client.query = function (this: unknown, query, params, ...rest) {
    captured.push({ text: typeof query === 'string' ? query : query.text, params: params ?? [] });
    return original.call(client, query, params, ...rest);
  };
  try {
    await run();
  } finally {
    client.query = original;
  }
  return captured;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a captured query, run with its own parameters. */
export async function explain(handle: DatabaseHandle, query: CapturedQuery): Promise<string> {
  const result = await rawClient(handle).query(
    `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`,
    query.params,
  );
  return (result.rows as Record<string, string>[]).map((row) => row['QUERY PLAN']).join('\n');
}

/** The queries of a request that touch the fiche tables, once each. */
export function ficheQueries(captured: readonly CapturedQuery[]): CapturedQuery[] {
  const seen = new Set<string>();
  return captured.filter((q) => {
    if (!/"(fiches|financements)"/.test(q.text) || seen.has(q.text)) return false;
    seen.add(q.text);
    return true;
  });
}

/** Index names a plan uses, e.g. `fiches_contrat_maturite_idx`. */
export function indexesIn(plan: string): string[] {
  return [
    ...new Set([...plan.matchAll(/(?:using|on) (\w+_(?:idx|key|pkey))/gi)].map((m) => m[1]!)),
  ];
}
