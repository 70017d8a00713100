import { diffWords } from 'diff';
import * as Y from 'yjs';

/** The rich text the editor keeps in a document (Tiptap's default field). */
export const CONTENT_FIELD = 'default';

function textOf(node: Y.XmlText): string {
  return (node.toDelta() as { insert: unknown }[])
    .map((part) => (typeof part.insert === 'string' ? part.insert : ''))
    .join('');
}

/**
 * The plain text of a document, one line per block (paragraph, heading, list item, table
 * cell…): what a comparison between two versions is computed on.
 */
export function documentText(doc: Y.Doc): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    const children = node.toArray();
    if (children.some((child) => child instanceof Y.XmlText)) {
      lines.push(
        children.map((child) => (child instanceof Y.XmlText ? textOf(child) : '')).join(''),
      );
      return;
    }
    for (const child of children) {
      if (child instanceof Y.XmlElement) walk(child);
      else if (child instanceof Y.XmlText) lines.push(textOf(child));
    }
  };
  walk(doc.getXmlFragment(CONTENT_FIELD));
  return lines.join('\n');
}

export interface DiffSegment {
  type: 'egal' | 'ajout' | 'suppression';
  texte: string;
}

/** Word by word, what was removed from `avant` and added in `apres`. */
export function compareTexts(avant: string, apres: string): DiffSegment[] {
  return diffWords(avant, apres).map((part) => ({
    type: part.added ? 'ajout' : part.removed ? 'suppression' : 'egal',
    texte: part.value,
  }));
}

/**
 * The update that makes `current` show the content of `version`, as a new edit on top of the
 * current history (nothing is rewritten): the current blocks are deleted and copies of the
 * version's blocks inserted.
 */
export function restoreUpdate(current: Y.Doc, version: Y.Doc): Uint8Array {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
  const before = Y.encodeStateVector(scratch);
  scratch.transact(() => {
    const target = scratch.getXmlFragment(CONTENT_FIELD);
    target.delete(0, target.length);
    const blocks = version
      .getXmlFragment(CONTENT_FIELD)
      .toArray()
      .map((block) => block.clone());
    target.insert(0, blocks as (Y.XmlElement | Y.XmlText)[]);
  });
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  return update;
}
