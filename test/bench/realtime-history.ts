/**
 * The edit history of the cold-load measurement (`realtime.ts`): a document written by four people
 * taking turns, one Yjs update per keystroke, from a seeded PRNG so that every run and every server
 * gets the same bytes. Mostly typing runs at a cursor, with backspaces, deleted words and cursor
 * jumps, as a text is drafted and reworked.
 */
import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';

export interface History {
  updates: Uint8Array[];
  /** The document's text once every update is applied. */
  text: string;
}

export const HISTORY_AUTHORS = [910_001, 910_002, 910_003, 910_004];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'eeeeeeaaaiiinnnssstttrrruuloodcmpévgfbhqàxèjyz,.  ';

export function generateHistory(edits: number, seed = 4): History {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const updates: Uint8Array[] = [];
  const authors = HISTORY_AUTHORS.map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return { doc, applied: 0 };
  });
  let current = authors[0]!;
  for (const author of authors) {
    author.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'catch-up' && author === current) updates.push(update);
    });
  }
  while (updates.length < edits) {
    current = authors[pick(authors.length)]!;
    for (; current.applied < updates.length; current.applied++) {
      Y.applyUpdate(current.doc, updates[current.applied]!, 'catch-up');
    }
    const text = current.doc.getText('texte');
    let cursor = pick(text.length + 1);
    const session = 100 + pick(500);
    for (let i = 0; i < session && updates.length < edits; i++) {
      const r = random();
      if (r < 0.78 || text.length === 0) {
        const char = random() < 0.01 ? '\n' : LETTERS[pick(LETTERS.length)]!;
        text.insert(cursor, char);
        cursor += 1;
      } else if (r < 0.93) {
        if (cursor === 0) continue;
        text.delete(cursor - 1, 1);
        cursor -= 1;
      } else if (r < 0.97) {
        const n = Math.min(text.length - cursor, 1 + pick(12));
        if (n === 0) continue;
        text.delete(cursor, n);
      } else {
        cursor = pick(text.length + 1);
      }
    }
    current.applied = updates.length;
  }
  const final = new Y.Doc();
  for (const update of updates) Y.applyUpdate(final, update);
  return { updates, text: final.getText('texte').toString() };
}

/** Length-prefixed (u32 little-endian) updates, as `realtime-server.ts` reads them. */
export function writeUpdates(file: string, updates: Uint8Array[]): void {
  const total = updates.reduce((n, u) => n + 4 + u.byteLength, 0);
  const bytes = Buffer.alloc(total);
  let offset = 0;
  for (const update of updates) {
    bytes.writeUInt32LE(update.byteLength, offset);
    bytes.set(update, offset + 4);
    offset += 4 + update.byteLength;
  }
  writeFileSync(file, bytes);
}
