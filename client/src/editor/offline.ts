/**
 * Offline copies of the collaborative documents: IndexedDB databases named
 * `trame:<person>:<document>`, written by y-indexeddb. Kept apart from the editor (no Yjs here) so
 * that signing out can clear them without loading the editor.
 */
export const OFFLINE_PREFIX = 'trame:';

export function offlineName(userId: string, documentName: string): string {
  return `${OFFLINE_PREFIX}${userId}:${documentName}`;
}

/**
 * Deletes the offline copies kept in this browser, on sign-out: the next person on a shared
 * computer must not find the documents there. A copy still open by an editor is deleted as soon
 * as the editor lets it go.
 */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => !!name?.startsWith(OFFLINE_PREFIX))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            request.onblocked = () => resolve();
          }),
      ),
  );
}
