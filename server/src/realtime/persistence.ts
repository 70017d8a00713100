import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/database.js';
import { yjsDocuments, yjsUpdates } from '../db/schema.js';

/**
 * Storage of collaborative documents: an append-only log of updates, compacted now and then into
 * a snapshot. A document is its snapshot plus the log entries after it.
 */

export interface StoredUpdate {
  update: Uint8Array;
  userId: string | null;
}

/** The snapshot and the log after it, oldest first, as stored. */
export async function loadDocument(
  db: Queryable,
  name: string,
): Promise<{ snapshot: Uint8Array | null; log: Uint8Array[] }> {
  const [snapshot] = await db.select().from(yjsDocuments).where(eq(yjsDocuments.name, name));
  const through = snapshot?.compactedThrough ?? 0;
  const log = await db
    .select({ update: yjsUpdates.update })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.name, name), gt(yjsUpdates.id, through)))
    .orderBy(asc(yjsUpdates.id));
  return { snapshot: snapshot?.state ?? null, log: log.map((row) => row.update) };
}

/**
 * Appends updates in the order given and adds each author's edits to the day's count
 * (participation statistics read it). One statement, so one round trip and one commit: every
 * keystroke waits for it before it is relayed.
 */
export async function appendUpdates(
  db: Database,
  name: string,
  updates: StoredUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const rows = sql.join(
    updates.map(({ update, userId }) => sql`(${name}, ${update}, ${userId}::uuid)`),
    sql`, `,
  );
  const editsPerAuthor = new Map<string, number>();
  for (const { userId } of updates) {
    if (userId) editsPerAuthor.set(userId, (editsPerAuthor.get(userId) ?? 0) + 1);
  }
  if (editsPerAuthor.size === 0) {
    await db.execute(sql`INSERT INTO yjs_updates (name, update, user_id) VALUES ${rows}`);
    return;
  }
  // In one order everywhere: two instances upserting the same authors' rows never deadlock.
  const activity = sql.join(
    [...editsPerAuthor]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([userId, edits]) => sql`(${name}, ${userId}::uuid, current_date, ${edits}::integer)`),
    sql`, `,
  );
  await db.execute(sql`
    WITH appended AS (
      INSERT INTO yjs_updates (name, update, user_id) VALUES ${rows} RETURNING id
    )
    INSERT INTO document_activity AS activity (name, user_id, jour, edits) VALUES ${activity}
    ON CONFLICT (name, user_id, jour) DO UPDATE SET edits = activity.edits + excluded.edits
  `);
}

/**
 * Merges the log into the snapshot and returns how many entries it merged. It runs beside the
 * editors: new updates keep being appended with higher ids while it works, and only the entries
 * it merged are deleted. A transaction-level advisory lock keeps two instances from compacting
 * the same document at once.
 *
 * `stateWith` receives the entries to merge and returns the document's state including them.
 * Encoding a `Y.Doc` drops the content of deleted text, where merging the raw updates would keep
 * every deleted character forever (a snapshot three times larger, three to five times slower to
 * load); the server passes its live document, which already holds nearly all of them.
 */
export async function compact(
  db: Database,
  name: string,
  stateWith: (snapshot: Uint8Array | null, log: Uint8Array[]) => Uint8Array = stateOf,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`yjs:${name}`}))`);
    const [snapshot] = await tx.select().from(yjsDocuments).where(eq(yjsDocuments.name, name));
    const through = snapshot?.compactedThrough ?? 0;
    const log = await tx
      .select({ id: yjsUpdates.id, update: yjsUpdates.update })
      .from(yjsUpdates)
      .where(and(eq(yjsUpdates.name, name), gt(yjsUpdates.id, through)))
      .orderBy(asc(yjsUpdates.id));
    if (log.length === 0) return 0;
    const last = log.at(-1)!.id;
    const state = stateWith(
      snapshot?.state ?? null,
      log.map((row) => row.update),
    );
    await tx
      .insert(yjsDocuments)
      .values({ name, state, compactedThrough: last })
      .onConflictDoUpdate({
        target: yjsDocuments.name,
        set: { state, compactedThrough: last, updatedAt: new Date() },
      });
    await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.name, name), lte(yjsUpdates.id, last)));
    return log.length;
  });
}

/** The state of a document rebuilt from its snapshot and log alone. */
function stateOf(snapshot: Uint8Array | null, log: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
