import { and, asc, count, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database, Queryable } from '../db/database.js';
import { documentActivity, yjsDocuments, yjsUpdates } from '../db/schema.js';

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
 * Appends updates in the order given, in one statement, and counts each author's edits for the
 * day (participation statistics read them).
 */
export async function appendUpdates(
  db: Database,
  name: string,
  updates: StoredUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.insert(yjsUpdates).values(updates.map((u) => ({ name, ...u })));
    const perAuthor = new Map<string, number>();
    for (const u of updates)
      if (u.userId) perAuthor.set(u.userId, (perAuthor.get(u.userId) ?? 0) + 1);
    for (const [userId, edits] of perAuthor) {
      await tx
        .insert(documentActivity)
        .values({ name, userId, jour: sql`current_date`, edits })
        .onConflictDoUpdate({
          target: [documentActivity.name, documentActivity.userId, documentActivity.jour],
          set: { edits: sql`${documentActivity.edits} + ${edits}` },
        });
    }
  });
}

export async function logLength(db: Queryable, name: string): Promise<number> {
  const [snapshot] = await db
    .select({ through: yjsDocuments.compactedThrough })
    .from(yjsDocuments)
    .where(eq(yjsDocuments.name, name));
  const [row] = await db
    .select({ n: count() })
    .from(yjsUpdates)
    .where(and(eq(yjsUpdates.name, name), gt(yjsUpdates.id, snapshot?.through ?? 0)));
  return row?.n ?? 0;
}

/**
 * Merges the log into the snapshot. It runs beside the editors: new updates keep being appended
 * with higher ids while it works, and only the entries it merged are deleted. A transaction-level
 * advisory lock keeps two instances from compacting the same document at once.
 */
export async function compact(db: Database, name: string): Promise<number> {
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
    const state = Y.mergeUpdates([
      ...(snapshot ? [snapshot.state] : []),
      ...log.map((row) => row.update),
    ]);
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
