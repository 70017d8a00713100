import { describe, expect, it } from 'vitest';
import { documentName, parseDocumentName } from './documents.js';

const id = '0b6f3d5e-8c1a-4a7e-9b1f-2d3c4e5f6a7b';

describe('document names', () => {
  it('round-trips every kind of document', () => {
    for (const name of [`contrat:${id}:projet`, `fiche:${id}`, `seance:${id}`]) {
      const ref = parseDocumentName(name);
      expect(ref).toBeDefined();
      expect(documentName(ref!)).toBe(name);
    }
  });

  it('rejects anything else, so no document exists outside the model', () => {
    for (const name of [
      '',
      `contrat:${id}`,
      `contrat:${id}:projet:extra`,
      `fiche:${id.toUpperCase()}`,
      'fiche:not-an-id',
      `../fiche:${id}`,
      `note:${id}`,
    ]) {
      expect(parseDocumentName(name), name).toBeUndefined();
    }
  });
});
