import {
  type Contrat,
  type ContratSummary,
  type CreateContratInput,
  type Role,
  slugify,
  type UpdateContratInput,
} from '@trame/shared';
import { contratsLiesOf } from '../contrats-lies/repository.js';
import { toContratLie } from '../contrats-lies/service.js';
import { listCooperations } from '../cooperations/service.js';
import type { Database, Queryable } from '../db/database.js';
import { memberships } from '../db/schema.js';
import type { Geography } from '../geo/geography.js';
import { HttpError } from '../http/errors.js';
import { listOrientations } from '../orientations/service.js';
import { resolvePerimetre } from './perimetre.js';
import * as repository from './repository.js';
import { toSignataire } from './signataires.js';

function summary(
  row: repository.ContratRow,
  size: { population: number; nombreCommunes: number },
  role: Role | null,
): ContratSummary {
  return {
    id: row.id,
    slug: row.slug,
    nom: row.nom,
    statut: row.statut as ContratSummary['statut'],
    publie: row.publie,
    epci: row.epciCode && row.epciNom ? { code: row.epciCode, nom: row.epciNom } : null,
    population: size.population,
    nombreCommunes: size.nombreCommunes,
    monRole: role,
  };
}

export async function listContratsOfUser(db: Queryable, userId: string): Promise<ContratSummary[]> {
  const rows = await repository.contratsOfUser(db, userId);
  return rows.map((r) => summary(r.contrat, r, r.role as Role));
}

/** The whole contract as its page shows it: perimeter, signatories, orientations, links. */
export async function contratView(
  db: Queryable,
  row: repository.ContratRow,
  role: Role | null,
): Promise<Contrat> {
  // One query after another: inside a transaction they share a single connection.
  const communes = await repository.communesOf(db, row.id);
  const signataires = await repository.signatairesOf(db, row.id);
  const orientations = await listOrientations(db, row.id);
  const lies = await contratsLiesOf(db, row.id);
  const cooperations = await listCooperations(db, row.id, { member: role !== null });
  const population = communes.reduce((sum, c) => sum + (c.population ?? 0), 0);
  return {
    ...summary(row, { population, nombreCommunes: communes.length }, role),
    description: row.description,
    dateDebut: row.dateDebut,
    dateFin: row.dateFin,
    perimetre: {
      population,
      communes: communes.map((c) => ({
        code: c.code,
        nom: c.nom,
        population: c.population,
        departement: c.departement,
      })),
    },
    signataires: signataires.map(toSignataire),
    orientations,
    contratsLies: lies.map(toContratLie),
    cooperations,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkPeriod(dateDebut: string | null, dateFin: string | null) {
  if (dateDebut && dateFin && dateFin < dateDebut) throw new HttpError('invalid_period');
}

/** A readable, unique address derived from the name: "crte-du-thouarsais", then "-2", "-3"… */
async function freeSlug(db: Queryable, nom: string): Promise<string> {
  const base = slugify(nom).slice(0, 74) || 'contrat';
  let candidate = base.length >= 3 && !repository.looksLikeId(base) ? base : `contrat-${base}`;
  for (let n = 2; await repository.slugExists(db, candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** Unique-index violations carry the index name; the slug is the only one a person can hit. */
function isSlugConflict(error: unknown): boolean {
  const text = `${(error as { cause?: { message?: string } })?.cause?.message ?? ''} ${(error as Error)?.message ?? ''}`;
  return text.includes('contrats_slug_key');
}

export async function createContrat(
  db: Database,
  geography: Geography,
  creatorId: string,
  creatorCategorie: string,
  input: CreateContratInput,
): Promise<Contrat> {
  checkPeriod(input.dateDebut, input.dateFin);
  const perimetre = resolvePerimetre(geography, input);
  try {
    return await db.transaction(async (tx) => {
      await repository.lockSlugs(tx);
      if (input.slug && (await repository.slugExists(tx, input.slug))) {
        throw new HttpError('slug_taken', { slug: input.slug });
      }
      const row = await repository.insertContrat(tx, {
        nom: input.nom,
        slug: input.slug ?? (await freeSlug(tx, input.nom)),
        description: input.description,
        statut: input.statut,
        dateDebut: input.dateDebut,
        dateFin: input.dateFin,
        epciCode: perimetre.epci?.code ?? null,
        epciNom: perimetre.epci?.nom ?? null,
        publie: input.publie,
        createdBy: creatorId,
      });
      await repository.replaceCommunes(tx, row.id, perimetre.communes);
      await tx.insert(memberships).values({
        contratId: row.id,
        userId: creatorId,
        role: 'animateur',
        categorie: creatorCategorie,
        invitedBy: creatorId,
      });
      return contratView(tx, row, 'animateur');
    });
  } catch (error) {
    if (isSlugConflict(error)) throw new HttpError('slug_taken', { slug: input.slug ?? input.nom });
    throw error;
  }
}

export async function updateContrat(
  db: Database,
  geography: Geography,
  current: repository.ContratRow,
  role: Role | null,
  input: UpdateContratInput,
): Promise<Contrat> {
  checkPeriod(
    input.dateDebut !== undefined ? input.dateDebut : current.dateDebut,
    input.dateFin !== undefined ? input.dateFin : current.dateFin,
  );
  const { communes, epciCode, ...fields } = input;
  const perimetreChanged = communes !== undefined || epciCode !== undefined;
  const perimetre = perimetreChanged
    ? resolvePerimetre(geography, {
        epciCode: epciCode !== undefined ? epciCode : current.epciCode,
        communes,
      })
    : null;
  if (perimetre && perimetre.communes.length === 0) {
    throw new HttpError('validation_failed', {}, [{ path: 'communes', message: 'périmètre vide' }]);
  }
  try {
    return await db.transaction(async (tx) => {
      if (
        fields.slug &&
        fields.slug !== current.slug &&
        (await repository.slugExists(tx, fields.slug))
      ) {
        throw new HttpError('slug_taken', { slug: fields.slug });
      }
      const row = await repository.updateContrat(tx, current.id, {
        ...fields,
        ...(perimetre
          ? { epciCode: perimetre.epci?.code ?? null, epciNom: perimetre.epci?.nom ?? null }
          : {}),
      });
      if (perimetre) await repository.replaceCommunes(tx, row.id, perimetre.communes);
      return contratView(tx, row, role);
    });
  } catch (error) {
    if (isSlugConflict(error)) throw new HttpError('slug_taken', { slug: fields.slug ?? '' });
    throw error;
  }
}
