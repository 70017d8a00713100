/**
 * Colours of the people editing a document: their caret, selection and presence dot. Each one
 * carries white text (the caret's name label) at 5.7:1 or more, and stands out on the white page
 * at more than 3:1. The CSS has one class per colour (`collab-color--<n>`): a colour is applied by
 * class, never by an inline style, which the CSP refuses.
 */
export const COLLAB_COLORS = [
  '#0063cb',
  '#18753c',
  '#b34000',
  '#ce0500',
  '#6e445a',
  '#8d3f9e',
  '#00726b',
  '#a1005a',
  '#3a55a5',
  '#5e6b00',
  '#7d4e00',
  '#4527a0',
] as const;

/** A stable colour for a person: the same on every device and in every document. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return COLLAB_COLORS[Math.abs(hash) % COLLAB_COLORS.length]!;
}

/** The class that paints an element in a person's colour (`--collab-color`). */
export function colorClass(color: unknown): string {
  const index = COLLAB_COLORS.indexOf(
    String(color).toLowerCase() as (typeof COLLAB_COLORS)[number],
  );
  return index === -1 ? 'collab-color--unknown' : `collab-color--${index}`;
}

/**
 * The colour a person shows with, among the others present: their own (`colorFor`), unless
 * someone whose id sorts first already has it; then the next free one. Everyone applies the same
 * rule to what they see, so two people on the same document end up with different colours
 * (while there are colours left), and a person alone always has their own.
 */
export function distinctColor(userId: string, others: { id: string; color: string }[]): string {
  const start = COLLAB_COLORS.indexOf(colorFor(userId) as (typeof COLLAB_COLORS)[number]);
  const taken = new Set(others.filter((other) => other.id < userId).map((other) => other.color));
  for (let step = 0; step < COLLAB_COLORS.length; step += 1) {
    const color = COLLAB_COLORS[(start + step) % COLLAB_COLORS.length]!;
    if (!taken.has(color)) return color;
  }
  return COLLAB_COLORS[start]!;
}
