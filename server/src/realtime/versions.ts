import { and, desc, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Queryable } from '../db/database.js';
import { documentVersions, users } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { compareTexts, type DiffSegment, documentText, restoreUpdate } from './document-text.js';
import type { SyncServer } from './sync-server.js';

/**
 * Named versions of a collaborative document ("version signée", "avenant n°1"): the whole state at
 * that moment, kept as it was. Restoring one is a new edit, never a rewrite of the history.
 */
export interface VersionSummary {
  id: string;
  nom: string;
  auteur: { id: string; nom: string } | null;
  createdAt: string;
}

type Row = { version: typeof documentVersions.$inferSelect; auteurNom: string | null };

function toSummary({ version, auteurNom }: Row): VersionSummary {
  return {
    id: version.id,
    nom: version.nom,
    auteur: version.authorId && auteurNom ? { id: version.authorId, nom: auteurNom } : null,
    createdAt: version.createdAt.toISOString(),
  };
}

const selectVersion = (db: Queryable) =>
  db
    .select({ version: documentVersions, auteurNom: users.nom })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.authorId));

export async function listVersions(db: Queryable, name: string): Promise<VersionSummary[]> {
  const rows = await selectVersion(db)
    .where(eq(documentVersions.name, name))
    .orderBy(desc(documentVersions.createdAt));
  return rows.map(toSummary);
}

async function versionOrFail(db: Queryable, name: string, id: string): Promise<Row> {
  const [row] = await selectVersion(db).where(
    and(eq(documentVersions.name, name), eq(documentVersions.id, id)),
  );
  if (!row) throw new HttpError('not_found');
  return row;
}

export async function saveVersion(
  db: Queryable,
  sync: SyncServer,
  name: string,
  nom: string,
  authorId: string,
): Promise<VersionSummary> {
  const state = await sync.withDocument(name, (doc) => Y.encodeStateAsUpdate(doc.doc));
  const [saved] = await db
    .insert(documentVersions)
    .values({ name, nom, state, authorId })
    .returning({ id: documentVersions.id });
  return toSummary(await versionOrFail(db, name, saved!.id));
}

export async function getVersion(db: Queryable, name: string, id: string) {
  const row = await versionOrFail(db, name, id);
  return { ...toSummary(row), state: Buffer.from(row.version.state).toString('base64') };
}

function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** The version (before) against the current text (after), word by word. */
export async function compareWithCurrent(
  db: Queryable,
  sync: SyncServer,
  name: string,
  id: string,
): Promise<{ segments: DiffSegment[] }> {
  const row = await versionOrFail(db, name, id);
  const avant = documentText(docOf(row.version.state));
  const apres = await sync.withDocument(name, (doc) => documentText(doc.doc));
  return { segments: compareTexts(avant, apres) };
}

export async function restoreVersion(
  db: Queryable,
  sync: SyncServer,
  name: string,
  id: string,
  userId: string,
): Promise<void> {
  const row = await versionOrFail(db, name, id);
  await sync.withDocument(name, async (doc) => {
    const update = restoreUpdate(doc.doc, docOf(row.version.state));
    doc.submit({ update, userId, origin: null });
    await doc.settled();
  });
}
