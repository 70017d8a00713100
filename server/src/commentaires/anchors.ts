import * as Y from 'yjs';

/**
 * Anchors of comments in collaborative documents: two Yjs relative positions (the start of the
 * passage, associated with its first character, and its end, associated with its last), which
 * follow the text as others edit it. Pure functions over a `Y.Doc`; the caller holds the live
 * document (`SyncServer.withDocument`).
 */

/** Any shared type: Yjs types are invariant in their event type, so `unknown` does not fit. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyType = Y.AbstractType<any>;

/** An object replacement character stands for an embed: it has a position but no text. */
const EMBED = '\uFFFC';

export function decodePosition(base64: string): Y.RelativePosition | undefined {
  try {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0) return undefined;
    return Y.decodeRelativePosition(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Where a relative position points now, or undefined when it cannot be placed: an item the
 * document never held, a root type it does not have (resolving would create it), or a type that
 * was deleted since.
 */
function absolute(doc: Y.Doc, position: Y.RelativePosition): Y.AbsolutePosition | undefined {
  if (position.tname !== null && !doc.share.has(position.tname)) return undefined;
  let absolutePosition: Y.AbsolutePosition | null;
  try {
    absolutePosition = Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return undefined;
  }
  if (!absolutePosition) return undefined;
  for (let item = absolutePosition.type._item; item; item = (item.parent as AnyType)._item) {
    if (item.deleted) return undefined;
  }
  return absolutePosition;
}

function rootOf(type: AnyType): AnyType {
  let current = type;
  while (current._item) current = current._item.parent as AnyType;
  return current;
}

/** A text type's characters, embeds as one placeholder each (indexes count them). */
function textOf(type: Y.Text): string {
  return (type.toDelta() as { insert: unknown }[])
    .map((part) => (typeof part.insert === 'string' ? part.insert : EMBED))
    .join('');
}

interface Flattened {
  text: string;
  /** Offset in `text` of (type, index): a character of a text type, or a child of an element. */
  offsetOf(type: AnyType, index: number): number | undefined;
}

/**
 * A root type read as one string in document order (blocks separated by a line break), with the
 * offset of every position in it, so that two positions in different paragraphs still delimit
 * one passage.
 */
function flatten(root: AnyType): Flattened {
  let text = '';
  const textStarts = new Map<AnyType, number>();
  const childStarts = new Map<AnyType, number[]>();
  const walk = (type: AnyType) => {
    if (type instanceof Y.Text) {
      textStarts.set(type, text.length);
      text += textOf(type);
      return;
    }
    if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement) {
      const starts: number[] = [];
      const children = type.toArray();
      children.forEach((child, i) => {
        if (i > 0 && !(child instanceof Y.XmlText)) text += '\n';
        starts.push(text.length);
        if (child instanceof Y.AbstractType) walk(child as AnyType);
      });
      starts.push(text.length);
      childStarts.set(type, starts);
    }
  };
  walk(root);
  return {
    text,
    offsetOf(type, index) {
      const start = textStarts.get(type);
      if (start !== undefined) return start + index;
      return childStarts.get(type)?.[index];
    },
  };
}

export type Resolution = { passage: string } | { passageSupprime: true };

/**
 * The passage between two positions as the document reads now; `passageSupprime` when either
 * cannot be placed any more or nothing is left between them (the passage was deleted).
 */
export function resolvePassage(
  doc: Y.Doc,
  debut: Y.RelativePosition,
  fin: Y.RelativePosition,
): Resolution {
  const start = absolute(doc, debut);
  const end = absolute(doc, fin);
  if (!start || !end) return { passageSupprime: true };
  const root = rootOf(start.type);
  if (rootOf(end.type) !== root) return { passageSupprime: true };
  const flat = flatten(root);
  const from = flat.offsetOf(start.type, start.index);
  const to = flat.offsetOf(end.type, end.index);
  if (from === undefined || to === undefined || to <= from) return { passageSupprime: true };
  const passage = flat.text.slice(from, to).replaceAll(EMBED, '').trim();
  return passage ? { passage } : { passageSupprime: true };
}

/**
 * Whether two positions delimit a passage of this document now: both decode, point into it, in
 * the same root type, the start before the end. What a new anchored comment must satisfy.
 */
export function validAnchor(doc: Y.Doc, debut: string, fin: string): boolean {
  const start = decodePosition(debut);
  const end = decodePosition(fin);
  if (!start || !end) return false;
  return 'passage' in resolvePassage(doc, start, end);
}
