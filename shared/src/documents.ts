/**
 * Collaborative documents (Yjs) have stable, typed names: the projet de territoire of a contract,
 * the narrative of a fiche, the minutes of a séance. The name says what the document belongs to,
 * which is what its permissions are decided from.
 */
export type DocumentRef =
  | { kind: 'projet'; contratId: string }
  | { kind: 'fiche'; ficheId: string }
  | { kind: 'seance'; seanceId: string };

/** What a connection may do with a document. */
export type DocumentAccess = 'edit' | 'comment' | 'read';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERNS: [RegExp, (id: string) => DocumentRef][] = [
  [new RegExp(`^contrat:(${UUID}):projet$`), (contratId) => ({ kind: 'projet', contratId })],
  [new RegExp(`^fiche:(${UUID})$`), (ficheId) => ({ kind: 'fiche', ficheId })],
  [new RegExp(`^seance:(${UUID})$`), (seanceId) => ({ kind: 'seance', seanceId })],
];

export function parseDocumentName(name: string): DocumentRef | undefined {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(name);
    if (match) return build(match[1]!);
  }
  return undefined;
}

export function documentName(ref: DocumentRef): string {
  switch (ref.kind) {
    case 'projet':
      return `contrat:${ref.contratId}:projet`;
    case 'fiche':
      return `fiche:${ref.ficheId}`;
    case 'seance':
      return `seance:${ref.seanceId}`;
  }
}
