import { describe, expect, it } from 'vitest';
import { liveSubjectName, parseLiveSubject } from './live.js';

const id = '0b6f3d5e-8c1a-4a7e-9b1f-2d3c4e5f6a7b';

describe('live subjects', () => {
  it('reads and writes the subjects a client may follow', () => {
    expect(parseLiveSubject(`contrat:${id}`)).toEqual({ kind: 'contrat', contratId: id });
    expect(parseLiveSubject(`fiche:${id}`)).toEqual({ kind: 'fiche', ficheId: id });
    expect(parseLiveSubject(`moderation:${id}`)).toEqual({ kind: 'moderation', contratId: id });
    for (const name of [`contrat:${id}`, `fiche:${id}`, `moderation:${id}`]) {
      expect(liveSubjectName(parseLiveSubject(name)!)).toBe(name);
    }
  });

  it('refuses anything else, including the rooms the server keeps for itself', () => {
    for (const name of [
      `user:${id}`,
      `personne:${id}`,
      `moderation:${id}:extra`,
      `fiche:${id}:extra`,
      'fiche:pas-un-uuid',
      `FICHE:${id}`,
      `contrat:${id.toUpperCase()}`,
      '',
      'fiche:',
    ]) {
      expect(parseLiveSubject(name)).toBeUndefined();
    }
  });
});
