import { describe, expect, it } from 'vitest';
import { fieldChanges } from './history.js';

const fiche: {
  titre: string;
  coutCents: number | null;
  communes: string[];
  jalons: { libelle: string; date: string; fait: boolean }[];
} = {
  titre: 'Réseau de chaleur bois',
  coutCents: 120_000_00,
  communes: ['79329', '79062'],
  jalons: [{ libelle: 'Études', date: '2025-03-01', fait: true }],
};
const fields = ['titre', 'coutCents', 'communes', 'jalons'] as const;

describe('fiche history', () => {
  it('records each changed field with its old and new value', () => {
    expect(
      fieldChanges(fiche, { titre: 'Réseau de chaleur', coutCents: 95_000_00 }, fields),
    ).toEqual([
      { champ: 'titre', avant: 'Réseau de chaleur bois', apres: 'Réseau de chaleur' },
      { champ: 'coutCents', avant: 120_000_00, apres: 95_000_00 },
    ]);
  });

  it('ignores fields sent unchanged, and communes sent in another order', () => {
    expect(
      fieldChanges(fiche, { titre: fiche.titre, communes: ['79062', '79329'] }, fields),
    ).toEqual([]);
  });

  it('sees a change inside a list of milestones', () => {
    const jalons = [{ libelle: 'Études', date: '2025-03-01', fait: false }];
    expect(fieldChanges(fiche, { jalons }, fields)).toEqual([
      { champ: 'jalons', avant: fiche.jalons, apres: jalons },
    ]);
  });

  it('records clearing a value as a change to null', () => {
    expect(fieldChanges(fiche, { coutCents: null }, fields)).toEqual([
      { champ: 'coutCents', avant: 120_000_00, apres: null },
    ]);
  });
});
