import {
  type Action,
  CHAMP_REQUIS_LABELS,
  can,
  type createFicheSchema,
  type Fiche,
  type FicheHistoryEntry,
  type FicheQuery,
  type FicheSummary,
  type FinancementLine,
  type financementSchema,
  type IsoDomaine,
  type IsoFinalite,
  type Locale,
  type Maturite,
  missingForAction,
  type Page,
  planSummary,
  type Role,
  SOURCE_LABELS,
  SOURCES_REFERENCE,
  type StatutFinancement,
  type TypeFiche,
  type updateFicheSchema,
  type updateFinancementSchema,
  type ValidationIssue,
} from '@trame/shared';
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContratRow } from '../contrats/repository.js';
import { communesOf } from '../contrats/repository.js';
import { contratsLiesOf } from '../contrats-lies/repository.js';
import type { Database, Queryable } from '../db/database.js';
import { contrats } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { objectifsOf, orientationsOf } from '../orientations/repository.js';
import { recordContribution } from '../participation/contributions.js';
import { fieldChanges } from './history.js';
import * as repository from './repository.js';

/** Who is asking, in the contract the fiche belongs to. */
export interface Viewer {
  userId: string | null;
  role: Role | null;
}

function contextFor(contrat: ContratRow, viewer: Viewer, fiche?: repository.FicheRow) {
  return {
    role: viewer.role,
    publie: contrat.publie,
    porteur: fiche !== undefined && viewer.userId !== null && fiche.porteurId === viewer.userId,
  };
}

export function mayDo(
  action: Action,
  contrat: ContratRow,
  viewer: Viewer,
  fiche?: repository.FicheRow,
): boolean {
  return can(action, contextFor(contrat, viewer, fiche));
}

/** A public fiche is read by whoever reads the contract; the others need `fiche.lire`. */
export function mayRead(contrat: ContratRow, viewer: Viewer, fiche: repository.FicheRow): boolean {
  if (mayDo('fiche.lire', contrat, viewer, fiche)) return true;
  return fiche.public && mayDo('contrat.lire', contrat, viewer, fiche);
}

const EDITABLE_FIELDS = [
  'titre',
  'resume',
  'maturite',
  'maitreOuvrage',
  'partenaires',
  'porteurId',
  'communes',
  'orientationId',
  'objectifIds',
  'dateDebut',
  'dateFin',
  'jalons',
  'coutCents',
  'indicateurs',
  'isoFinalites',
  'isoDomaines',
  'odd',
  'public',
  'contratLieId',
  'partageAvec',
] as const;

type FicheFields = Omit<z.output<typeof createFicheSchema>, 'type'>;

// ── reading ──

function toSummary(
  row: repository.FicheRow,
  plan: repository.PlanTotals,
  porteurNom: string | null,
  communeNames: Map<string, string>,
): FicheSummary {
  return {
    id: row.id,
    contratId: row.contratId,
    numero: row.numero,
    type: row.type as TypeFiche,
    titre: row.titre,
    resume: row.resume,
    maturite: row.maturite as Maturite,
    maitreOuvrage: row.maitreOuvrage,
    porteur: row.porteurId && porteurNom ? { id: row.porteurId, nom: porteurNom } : null,
    orientationId: row.orientationId,
    communes: row.communes.map((code) => ({ code, nom: communeNames.get(code) ?? code })),
    coutCents: row.coutCents,
    isoFinalites: row.isoFinalites as IsoFinalite[],
    isoDomaines: row.isoDomaines as IsoDomaine[],
    public: row.public,
    plan: planSummary(
      [
        { montantCents: plan.acquis, statut: 'acquis' },
        { montantCents: plan.sollicite, statut: 'sollicite' },
        { montantCents: plan.refuse, statut: 'refuse' },
      ],
      row.coutCents,
    ),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function communeNamesOf(db: Queryable, contratIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(contratIds)) {
    for (const commune of await communesOf(db, id)) names.set(commune.code, commune.nom);
  }
  return names;
}

export async function listFiches(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  query: FicheQuery,
): Promise<Page<FicheSummary>> {
  const publicOnly = !mayDo('fiche.lire', contrat, viewer);
  const { rows, total } = await repository.listFiches(db, contrat.id, query, publicOnly);
  const names = await communeNamesOf(db, [contrat.id, ...rows.map((r) => r.contratId)]);
  return {
    items: rows.map((row) => toSummary(row, row.plan, row.porteurNom, names)),
    total,
  };
}

function toLine(row: repository.FinancementRow): FinancementLine {
  return {
    id: row.id,
    source: row.source,
    montantCents: row.montantCents,
    annee: row.annee,
    statut: row.statut as StatutFinancement,
    commentaire: row.commentaire,
  };
}

export async function ficheView(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  row: repository.FicheRow,
): Promise<Fiche> {
  const [view] = await ficheViews(db, contrat, viewer, [row]);
  return view!;
}

/** Whole fiches, with a fixed number of queries however many there are (exports read them all). */
export async function ficheViews(
  db: Queryable,
  contrat: ContratRow,
  viewer: Viewer,
  rows: repository.FicheRow[],
): Promise<Fiche[]> {
  const lines = await repository.financementsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await communeNamesOf(db, [contrat.id, ...rows.map((r) => r.contratId)]);
  const porteurs = new Map(
    (
      await repository.userNames(db, [
        ...new Set(rows.flatMap((r) => (r.porteurId ? [r.porteurId] : []))),
      ])
    ).map((u) => [u.id, u.nom]),
  );
  const sharedWith = [...new Set(rows.flatMap((r) => r.partageAvec))];
  const partnerNames = new Map(
    (sharedWith.length > 0
      ? await db
          .select({ id: contrats.id, nom: contrats.nom })
          .from(contrats)
          .where(inArray(contrats.id, sharedWith))
      : []
    ).map((p) => [p.id, p.nom]),
  );
  return rows.map((row) => {
    const own = lines.filter((l) => l.ficheId === row.id);
    const plan = planSummary(
      own.map((l) => ({ montantCents: l.montantCents, statut: l.statut as StatutFinancement })),
      row.coutCents,
    );
    const summary = toSummary(
      row,
      { acquis: 0, sollicite: 0, refuse: 0 },
      row.porteurId ? (porteurs.get(row.porteurId) ?? null) : null,
      names,
    );
    const editable = row.contratId === contrat.id;
    return {
      ...summary,
      plan,
      partenaires: row.partenaires,
      objectifIds: row.objectifIds,
      dateDebut: row.dateDebut,
      dateFin: row.dateFin,
      jalons: row.jalons,
      indicateurs: row.indicateurs,
      odd: row.odd,
      contratLieId: row.contratLieId,
      partageAvec: row.partageAvec.map((id) => ({
        contratId: id,
        nom: partnerNames.get(id) ?? '',
      })),
      financements: own.map(toLine),
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      droits: {
        modifier: editable && mayDo('fiche.modifier', contrat, viewer, row),
        supprimer: editable && mayDo('fiche.supprimer', contrat, viewer, row),
        promouvoir:
          editable && row.type === 'projet' && mayDo('fiche.promouvoir', contrat, viewer, row),
      },
      manquePourAction: missingForAction({ ...row, financements: own.length }),
    };
  });
}

export async function history(db: Queryable, ficheId: string): Promise<FicheHistoryEntry[]> {
  const rows = await repository.historyOf(db, ficheId);
  return rows.map(({ entry, auteurNom }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    auteur: entry.userId && auteurNom ? { id: entry.userId, nom: auteurNom } : null,
    evenement: entry.evenement as FicheHistoryEntry['evenement'],
    champ: entry.champ,
    avant: entry.avant,
    apres: entry.apres,
  }));
}

// ── checking references ──

/**
 * Everything a fiche points to must belong to its contract: communes of the perimeter, its
 * orientations and objectives, its members as porteur, its linked contracts, and partners of an
 * accepted coopération. Each problem is reported on its field, in both languages.
 */
async function checkReferences(
  db: Queryable,
  contrat: ContratRow,
  fields: Partial<FicheFields>,
): Promise<void> {
  const issues: ValidationIssue[] = [];
  if (fields.communes?.length) {
    const perimeter = new Set((await communesOf(db, contrat.id)).map((c) => c.code));
    const outside = fields.communes.filter((code) => !perimeter.has(code));
    if (outside.length > 0) {
      issues.push({
        path: 'communes',
        message: `hors du périmètre du contrat / outside the contract's perimeter : ${outside.join(', ')}`,
      });
    }
  }
  if (fields.orientationId || fields.objectifIds?.length) {
    const orientations = await orientationsOf(db, contrat.id);
    if (fields.orientationId && !orientations.some((o) => o.id === fields.orientationId)) {
      issues.push({
        path: 'orientationId',
        message: 'orientation inconnue dans ce contrat / unknown orientation in this contract',
      });
    }
    if (fields.objectifIds?.length) {
      const objectifs = await objectifsOf(db, contrat.id);
      const unknown = fields.objectifIds.filter((id) => !objectifs.some((o) => o.id === id));
      if (unknown.length > 0) {
        issues.push({
          path: 'objectifIds',
          message: `objectif inconnu dans ce contrat / unknown objective : ${unknown.join(', ')}`,
        });
      }
    }
  }
  if (fields.porteurId) {
    const found = await repository.membersAmong(db, contrat.id, [fields.porteurId]);
    if (found.length === 0) {
      issues.push({
        path: 'porteurId',
        message: 'le porteur doit être membre du contrat / the carrier must be a member',
      });
    }
  }
  if (fields.contratLieId) {
    const lies = await contratsLiesOf(db, contrat.id);
    if (!lies.some((l) => l.id === fields.contratLieId)) {
      issues.push({
        path: 'contratLieId',
        message: 'contrat lié inconnu / unknown linked contract',
      });
    }
  }
  if (fields.partageAvec?.length) {
    const partners = new Set(await repository.cooperationPartners(db, contrat.id));
    const strangers = fields.partageAvec.filter((id) => !partners.has(id));
    if (strangers.length > 0) {
      issues.push({
        path: 'partageAvec',
        message:
          'partage possible seulement avec un contrat partenaire d’une coopération acceptée / only with an accepted coopération partner',
      });
    }
  }
  if (issues.length > 0) throw new HttpError('validation_failed', {}, issues);
}

/** The schema's fields are named and typed as the table's columns: only TypeScript needs telling. */
function toColumns(fields: Partial<FicheFields>): Partial<repository.NewFiche> {
  return fields as Partial<repository.NewFiche>;
}

// ── writing ──

export function createFiche(
  db: Database,
  contrat: ContratRow,
  userId: string,
  input: z.output<typeof createFicheSchema>,
  locale: Locale,
): Promise<repository.FicheRow> {
  return db.transaction((tx) => createFicheIn(tx, contrat, userId, input, locale));
}

/**
 * Creates a fiche inside the caller's transaction — references checked, numbered under the
 * contract's lock, its `creation` history line and its contribution written — so that a module
 * creating a fiche as part of a larger change (a proposal retained) keeps all of it or none.
 */
export async function createFicheIn(
  tx: Queryable,
  contrat: ContratRow,
  userId: string,
  input: z.output<typeof createFicheSchema>,
  locale: Locale,
): Promise<repository.FicheRow> {
  const { type, ...fields } = input;
  if (type === 'action') {
    // A fiche cannot start as an action: it has no financing line yet.
    const missing = missingForAction({ ...fields, financements: 0 });
    throw promotionIncomplete(missing, locale);
  }
  await checkReferences(tx, contrat, fields);
  await repository.lockNumbering(tx, contrat.id);
  const numero = await repository.nextNumero(tx, contrat.id);
  const row = await repository.insertFiche(tx, {
    ...toColumns(fields),
    titre: fields.titre,
    contratId: contrat.id,
    numero,
    type,
    createdBy: userId,
  });
  await repository.insertHistory(tx, [
    {
      ficheId: row.id,
      userId,
      evenement: 'creation',
      champ: null,
      avant: null,
      apres: { titre: row.titre, numero },
    },
  ]);
  await recordContribution(tx, {
    contratId: contrat.id,
    userId,
    type: 'fiche',
    sujet: { type: 'fiche', id: row.id },
  });
  return row;
}

/**
 * Creates many fiches at once, all or none: what an import does. Every imported fiche starts as a
 * fiche projet, whatever the file says: it becomes an action only by promotion, once its plan de
 * financement exists (an import carries none).
 */
export function createFiches(
  db: Database,
  contrat: ContratRow,
  userId: string,
  inputs: z.output<typeof createFicheSchema>[],
): Promise<number> {
  return db.transaction(async (tx) => {
    await repository.lockNumbering(tx, contrat.id);
    let numero = await repository.nextNumero(tx, contrat.id);
    for (const input of inputs) {
      const { type: _type, ...fields } = input;
      await checkReferences(tx, contrat, fields);
      const row = await repository.insertFiche(tx, {
        ...toColumns(fields),
        titre: fields.titre,
        contratId: contrat.id,
        numero: numero++,
        type: 'projet',
        createdBy: userId,
      });
      await repository.insertHistory(tx, [
        {
          ficheId: row.id,
          userId,
          evenement: 'import',
          champ: null,
          avant: null,
          apres: { titre: row.titre, numero: row.numero },
        },
      ]);
    }
    return inputs.length;
  });
}

export function updateFiche(
  db: Database,
  contrat: ContratRow,
  userId: string,
  fiche: repository.FicheRow,
  input: z.output<typeof updateFicheSchema>,
): Promise<repository.FicheRow> {
  return db.transaction(async (tx) => {
    const { version, ...fields } = input;
    const current = await repository.findFiche(tx, fiche.id);
    if (!current) throw new HttpError('fiche_not_found');
    if (version !== undefined && version !== current.version) throw new HttpError('fiche_conflict');
    const merged = { ...current, ...fields };
    if (merged.dateDebut && merged.dateFin && merged.dateDebut > merged.dateFin) {
      throw new HttpError('invalid_period');
    }
    const changes = fieldChanges(current, fields as Partial<repository.FicheRow>, EDITABLE_FIELDS);
    if (changes.length === 0) return current;
    const changed = Object.fromEntries(
      changes.map((c) => [c.champ, fields[c.champ as keyof typeof fields]]),
    );
    await checkReferences(tx, contrat, changed);
    const saved = await repository.updateFiche(tx, fiche.id, toColumns(changed), current.version);
    if (!saved) throw new HttpError('fiche_conflict');
    await repository.insertHistory(
      tx,
      changes.map((c) => ({ ficheId: fiche.id, userId, evenement: 'modification', ...c })),
    );
    await countEdit(tx, fiche, userId);
    return saved;
  });
}

function promotionIncomplete(
  missing: readonly (keyof typeof CHAMP_REQUIS_LABELS)[],
  locale: Locale,
) {
  return new HttpError(
    'promotion_incomplete',
    { champs: missing.map((m) => CHAMP_REQUIS_LABELS[m][locale]).join(', ') },
    missing.map((m) => ({ path: m, message: CHAMP_REQUIS_LABELS[m][locale] })),
  );
}

/** Projet → action: refused while a mandatory field of a fiche action is missing. */
export function promoteFiche(
  db: Database,
  userId: string,
  fiche: repository.FicheRow,
  locale: Locale,
): Promise<repository.FicheRow> {
  return db.transaction(async (tx) => {
    const current = await repository.findFiche(tx, fiche.id);
    if (!current) throw new HttpError('fiche_not_found');
    if (current.type === 'action') throw new HttpError('already_action');
    const lines = await repository.financementsOf(tx, [fiche.id]);
    const missing = missingForAction({ ...current, financements: lines.length });
    if (missing.length > 0) throw promotionIncomplete(missing, locale);
    const saved = await repository.updateFiche(tx, fiche.id, { type: 'action' }, current.version);
    if (!saved) throw new HttpError('fiche_conflict');
    await repository.insertHistory(tx, [
      {
        ficheId: fiche.id,
        userId,
        evenement: 'promotion',
        champ: 'type',
        avant: 'projet',
        apres: 'action',
      },
    ]);
    return saved;
  });
}

export async function deleteFiche(db: Queryable, fiche: repository.FicheRow): Promise<void> {
  await repository.deleteFiche(db, fiche.id);
}

// ── plan de financement ──

async function checkFinancement(
  db: Queryable,
  contrat: ContratRow,
  line: { source?: string; annee?: number },
): Promise<void> {
  const issues: ValidationIssue[] = [];
  if (line.source !== undefined) {
    const reference: readonly string[] = SOURCES_REFERENCE;
    const own = await repository.sourcesOf(db, contrat.id);
    if (!reference.includes(line.source) && !own.some((s) => s.code === line.source)) {
      issues.push({
        path: 'source',
        message: `source de financement inconnue / unknown funding source : ${line.source}`,
      });
    }
  }
  if (line.annee !== undefined) {
    const first = contrat.dateDebut ? Number(contrat.dateDebut.slice(0, 4)) : undefined;
    const last = contrat.dateFin ? Number(contrat.dateFin.slice(0, 4)) : undefined;
    if ((first && line.annee < first) || (last && line.annee > last)) {
      issues.push({
        path: 'annee',
        message: `année hors de la période du contrat / year outside the contract's period (${first ?? '…'}–${last ?? '…'})`,
      });
    }
  }
  if (issues.length > 0) throw new HttpError('validation_failed', {}, issues);
}

function describeLine(
  line: Pick<repository.FinancementRow, 'source' | 'montantCents' | 'annee' | 'statut'>,
) {
  return {
    source: line.source,
    montantCents: line.montantCents,
    annee: line.annee,
    statut: line.statut,
  };
}

/**
 * One saved change of a fiche — its fields or a line of its plan — is one contribution
 * (`edition`) to the fiche's contract, whatever the number of fields changed.
 */
async function countEdit(tx: Queryable, fiche: repository.FicheRow, userId: string) {
  await recordContribution(tx, {
    contratId: fiche.contratId,
    userId,
    type: 'edition',
    sujet: { type: 'fiche', id: fiche.id },
  });
}

/**
 * A change of the plan is a change of the fiche: new version, a line in its history, and a
 * contribution.
 */
async function touch(tx: Queryable, fiche: repository.FicheRow, userId: string): Promise<void> {
  await repository.updateFiche(tx, fiche.id, {});
  await countEdit(tx, fiche, userId);
}

export function addFinancement(
  db: Database,
  contrat: ContratRow,
  userId: string,
  fiche: repository.FicheRow,
  input: z.output<typeof financementSchema>,
): Promise<void> {
  return db.transaction(async (tx) => {
    await checkFinancement(tx, contrat, input);
    const line = await repository.insertFinancement(tx, { ...input, ficheId: fiche.id });
    await touch(tx, fiche, userId);
    await repository.insertHistory(tx, [
      {
        ficheId: fiche.id,
        userId,
        evenement: 'financement',
        champ: 'financements',
        avant: null,
        apres: describeLine(line),
      },
    ]);
  });
}

export function updateFinancement(
  db: Database,
  contrat: ContratRow,
  userId: string,
  fiche: repository.FicheRow,
  lineId: string,
  input: z.output<typeof updateFinancementSchema>,
): Promise<void> {
  return db.transaction(async (tx) => {
    const line = await repository.findFinancement(tx, fiche.id, lineId);
    if (!line) throw new HttpError('not_found');
    await checkFinancement(tx, contrat, input);
    const after = { ...line, ...input };
    await repository.updateFinancement(tx, lineId, input);
    await touch(tx, fiche, userId);
    await repository.insertHistory(tx, [
      {
        ficheId: fiche.id,
        userId,
        evenement: 'financement',
        champ: 'financements',
        avant: describeLine(line),
        apres: describeLine(after),
      },
    ]);
  });
}

export function deleteFinancement(
  db: Database,
  userId: string,
  fiche: repository.FicheRow,
  lineId: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    const line = await repository.findFinancement(tx, fiche.id, lineId);
    if (!line) throw new HttpError('not_found');
    await repository.deleteFinancement(tx, lineId);
    await touch(tx, fiche, userId);
    await repository.insertHistory(tx, [
      {
        ficheId: fiche.id,
        userId,
        evenement: 'financement',
        champ: 'financements',
        avant: describeLine(line),
        apres: null,
      },
    ]);
  });
}

// ── sources ──

export async function listSources(db: Queryable, contratId: string, locale: Locale) {
  const own = await repository.sourcesOf(db, contratId);
  return [
    ...SOURCES_REFERENCE.map((code) => ({
      code,
      libelle: SOURCE_LABELS[code][locale],
      reference: true,
    })),
    ...own.map((s) => ({ ...s, reference: false })),
  ];
}

export async function addSource(
  db: Queryable,
  contratId: string,
  input: { code: string; libelle: string },
): Promise<void> {
  const reference: readonly string[] = SOURCES_REFERENCE;
  if (reference.includes(input.code)) throw new HttpError('source_exists');
  if (!(await repository.insertSource(db, { contratId, ...input }))) {
    throw new HttpError('source_exists');
  }
}
