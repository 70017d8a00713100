import {
  buildMaquette,
  diffMaquettes,
  type MaquetteData,
  type MaquetteDiff,
  type MaquetteVersionSummary,
  type MaquetteView,
  type validerMaquetteSchema,
} from '@trame/shared';
import type { z } from 'zod';
import type { ContratRow } from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

export async function computeMaquette(
  db: Queryable,
  contratId: string,
  annee: number,
): Promise<MaquetteData> {
  const inputs = await repository.maquetteInputs(db, contratId, annee);
  return buildMaquette(annee, inputs.fiches, inputs.lines, inputs.orientations);
}

function toSummary(row: { version: repository.VersionRow; auteurNom: string | null }) {
  const { version, auteurNom } = row;
  return {
    id: version.id,
    annee: version.annee,
    libelle: version.libelle,
    valideeLe: version.valideeLe,
    validePar: version.validePar && auteurNom ? { id: version.validePar, nom: auteurNom } : null,
    totalCents: version.totalCents,
    createdAt: version.createdAt.toISOString(),
  } satisfies MaquetteVersionSummary;
}

export async function liveMaquette(
  db: Queryable,
  contrat: ContratRow,
  annee: number,
): Promise<MaquetteView> {
  return {
    ...(await computeMaquette(db, contrat.id, annee)),
    contratId: contrat.id,
    version: null,
  };
}

/** The years a maquette can be shown for: the contract's period and any year with financing. */
export async function overview(db: Queryable, contrat: ContratRow) {
  const years = new Set(await repository.yearsWithFinancing(db, contrat.id));
  if (contrat.dateDebut && contrat.dateFin) {
    const first = Number(contrat.dateDebut.slice(0, 4));
    const last = Number(contrat.dateFin.slice(0, 4));
    for (let year = first; year <= last && year - first < 30; year++) years.add(year);
  }
  const versions = await repository.versionsOf(db, contrat.id);
  return { annees: [...years].sort((a, b) => a - b), versions: versions.map(toSummary) };
}

/**
 * The steering committee validates the maquette as it is now: the computed table is stored
 * whole, so what was decided stays what it was whatever happens to the fiches afterwards.
 */
export async function validate(
  db: Queryable,
  contrat: ContratRow,
  annee: number,
  userId: string,
  input: z.output<typeof validerMaquetteSchema>,
): Promise<MaquetteVersionSummary> {
  const donnees = await computeMaquette(db, contrat.id, annee);
  const row = await repository.insertVersion(db, {
    contratId: contrat.id,
    annee,
    libelle: input.libelle,
    valideeLe: input.valideeLe,
    validePar: userId,
    totalCents: donnees.totalCents,
    donnees,
  });
  const [saved] = (await repository.versionsOf(db, contrat.id, annee)).filter(
    (r) => r.version.id === row.id,
  );
  return toSummary(saved!);
}

export async function listVersions(db: Queryable, contrat: ContratRow, annee: number) {
  return (await repository.versionsOf(db, contrat.id, annee)).map(toSummary);
}

export async function frozenMaquette(
  db: Queryable,
  contrat: ContratRow,
  annee: number,
  versionId: string,
): Promise<MaquetteView> {
  const row = await repository.findVersion(db, contrat.id, annee, versionId);
  if (!row) throw new HttpError('not_found');
  return {
    ...(row.version.donnees as MaquetteData),
    contratId: contrat.id,
    version: toSummary(row),
  };
}

/** `courante` names the live maquette; anything else a version of the same year. */
export async function compare(
  db: Queryable,
  contrat: ContratRow,
  annee: number,
  de: string,
  a: string,
): Promise<MaquetteDiff> {
  const load = (ref: string) =>
    ref === 'courante'
      ? computeMaquette(db, contrat.id, annee)
      : frozenMaquette(db, contrat, annee, ref);
  return diffMaquettes(await load(de), await load(a));
}
