import {
  type Avenant,
  type AvisTechnique,
  avenantVersionNom,
  type avisTechniqueSchema,
  type Categorie,
  type createAvenantSchema,
  type createInstanceSchema,
  type createSeanceSchema,
  type Decision,
  decisionAutorisee,
  type decisionSchema,
  documentName,
  fichesDecidees,
  fichesSansAvis,
  type Instance,
  type InstanceMembre,
  type instanceMembreSchema,
  type Locale,
  type MesureRectificative,
  membreEnFonction,
  nextAvenantNumero,
  type ObjetEvolution,
  type PointOrdreDuJour,
  parisDate,
  type pointOrdreDuJourSchema,
  type presencesSchema,
  type Seance,
  type SeanceSummary,
  type StatutSeance,
  seanceAccepteDecisions,
  TYPE_INSTANCE_LABELS,
  type TypeDecision,
  type TypeInstance,
  type updateSeanceSchema,
  type ValidationIssue,
} from '@trame/shared';
import type { z } from 'zod';
import type { AppContext } from '../context.js';
import type { ContratRow } from '../contrats/repository.js';
import type { Database, Queryable, Transaction } from '../db/database.js';
import * as fichesRepository from '../fiches/repository.js';
import * as fichesService from '../fiches/service.js';
import { HttpError } from '../http/errors.js';
import { orientationsOf } from '../orientations/repository.js';
import * as participation from '../participation/service.js';
import type { SyncServer } from '../realtime/sync-server.js';
import { saveVersion } from '../realtime/versions.js';
import { convocationMail } from './mail.js';
import * as repository from './repository.js';

function invalid(issues: ValidationIssue[]): HttpError {
  return new HttpError('validation_failed', {}, issues);
}

/**
 * The participation and fiches services open their own transaction; given ours, they run in a
 * savepoint of it, so a décision and what it changes are written together or not at all.
 */
const nested = (tx: Transaction): Database => tx as unknown as Database;

// ── instances ──

function toMembre(row: repository.InstanceMembreRow): InstanceMembre {
  return {
    id: row.id,
    userId: row.userId,
    nom: row.nom,
    email: row.email,
    categorie: row.categorie as Categorie,
    depuis: row.depuis,
    jusquA: row.jusquA,
  };
}

export async function listInstances(
  db: Queryable,
  contratId: string,
  now: Date,
): Promise<Instance[]> {
  const rows = await repository.instancesOf(db, contratId);
  const membres = await repository.membresOf(
    db,
    rows.map((r) => r.id),
  );
  const today = parisDate(now);
  return rows.map((row) => {
    const own = membres.filter((m) => m.instanceId === row.id).map(toMembre);
    return {
      id: row.id,
      type: row.type as TypeInstance,
      nom: row.nom,
      description: row.description,
      membres: own.filter((m) => membreEnFonction(m, today)),
      historique: own,
    };
  });
}

async function instanceView(db: Queryable, contratId: string, id: string, now: Date) {
  return (await listInstances(db, contratId, now)).find((i) => i.id === id)!;
}

async function instanceOrFail(db: Queryable, contratId: string, id: string) {
  const row = await repository.findInstance(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

export async function createInstance(
  db: Queryable,
  contratId: string,
  input: z.output<typeof createInstanceSchema>,
  now: Date,
): Promise<Instance> {
  const row = await repository.insertInstance(db, { ...input, contratId });
  return instanceView(db, contratId, row.id, now);
}

/** A member of the contract (name and category as today) or an invited person joins. */
export function addMembre(
  db: Database,
  contratId: string,
  instanceId: string,
  input: z.output<typeof instanceMembreSchema>,
  now: Date,
): Promise<Instance> {
  return db.transaction(async (tx) => {
    await instanceOrFail(tx, contratId, instanceId);
    await repository.lockInstance(tx, instanceId);
    const depuis = input.depuis ?? parisDate(now);
    if ('userId' in input) {
      const member = await repository.contratMember(tx, contratId, input.userId);
      if (!member) {
        throw invalid([
          { path: 'userId', message: 'pas membre du contrat / not a member of the contract' },
        ]);
      }
      if (await repository.openMembership(tx, instanceId, { userId: input.userId })) {
        throw new HttpError('deja_membre_instance');
      }
      await repository.insertMembre(tx, {
        instanceId,
        userId: member.userId,
        nom: member.nom,
        categorie: member.categorie,
        depuis,
      });
    } else {
      if (await repository.openMembership(tx, instanceId, { email: input.email })) {
        throw new HttpError('deja_membre_instance');
      }
      await repository.insertMembre(tx, {
        instanceId,
        nom: input.nom,
        email: input.email,
        categorie: input.categorie,
        depuis,
      });
    }
    return instanceView(tx, contratId, instanceId, now);
  });
}

/** A member leaves on a day; the row stays, so the composition over time can be read back. */
export function endMembre(
  db: Database,
  contratId: string,
  instanceId: string,
  membreId: string,
  jusquA: string | undefined,
  now: Date,
): Promise<Instance> {
  return db.transaction(async (tx) => {
    await instanceOrFail(tx, contratId, instanceId);
    await repository.lockInstance(tx, instanceId);
    const membre = await repository.findMembre(tx, instanceId, membreId);
    if (!membre) throw new HttpError('not_found');
    if (membre.jusquA) throw new HttpError('membre_instance_parti');
    const end = jusquA ?? parisDate(now);
    if (end < membre.depuis) throw new HttpError('invalid_period');
    await repository.endMembre(tx, membre.id, end);
    return instanceView(tx, contratId, instanceId, now);
  });
}

// ── séances ──

function toSummary(row: {
  seance: repository.SeanceRow;
  instance: repository.InstanceRow;
  decisions?: number;
}): SeanceSummary {
  const { seance, instance } = row;
  return {
    id: seance.id,
    instance: { id: instance.id, type: instance.type as TypeInstance, nom: instance.nom },
    date: seance.date,
    heure: seance.heure,
    lieu: seance.lieu,
    statut: seance.statut as StatutSeance,
    convoqueeLe: seance.convoqueeLe?.toISOString() ?? null,
    decisions: row.decisions ?? 0,
  };
}

export async function listSeances(db: Queryable, contratId: string): Promise<SeanceSummary[]> {
  return (await repository.seancesOf(db, contratId)).map(toSummary);
}

async function seanceOrFail(db: Queryable, contratId: string, id: string) {
  const row = await repository.findSeance(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

function toPoint(row: Awaited<ReturnType<typeof repository.pointsOf>>[number]): PointOrdreDuJour {
  return {
    id: row.point.id,
    ordre: row.point.ordre,
    titre: row.point.titre,
    fiche: row.fiche,
    proposition: row.proposition,
    maquetteVersion: row.maquette,
  };
}

export async function seanceView(db: Queryable, contratId: string, id: string): Promise<Seance> {
  const row = await seanceOrFail(db, contratId, id);
  const points = await repository.pointsOf(db, id);
  const decisions = await toDecisions(db, contratId, await repository.decisionsOfSeance(db, id));
  const presents = row.seance.evenementId
    ? (await participation.presencesOf(db, row.seance.evenementId)).participants
    : [];
  return {
    ...toSummary({ ...row, decisions: decisions.length }),
    compteRendu: documentName({ kind: 'seance', seanceId: id }),
    evenementId: row.seance.evenementId,
    ordreDuJour: points.map(toPoint),
    presents,
    decisionsPrises: decisions,
  };
}

/** Every agenda item points into this contract: its fiches, proposals and maquette versions. */
async function checkPoints(
  db: Queryable,
  contratId: string,
  points: z.output<typeof pointOrdreDuJourSchema>[],
): Promise<void> {
  const wanted = (key: 'ficheId' | 'propositionId' | 'maquetteVersionId') =>
    points.flatMap((p) => (p[key] ? [p[key]] : []));
  const known = new Set(
    [
      ...(await repository.fichesIn(db, contratId, wanted('ficheId'))),
      ...(await repository.propositionsIn(db, contratId, wanted('propositionId'))),
      ...(await repository.maquetteVersionsIn(db, contratId, wanted('maquetteVersionId'))),
    ].map((r) => r.id),
  );
  const issues: ValidationIssue[] = points.flatMap((point, index) =>
    (['ficheId', 'propositionId', 'maquetteVersionId'] as const).flatMap((key) =>
      point[key] && !known.has(point[key])
        ? [
            {
              path: `ordreDuJour.${index}.${key}`,
              message: 'inconnu dans ce contrat / unknown in this contract',
            },
          ]
        : [],
    ),
  );
  if (issues.length > 0) throw invalid(issues);
}

/** The day of a séance as an instant, for the phase that covers it. */
const middayOf = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * Links the séance to a `seance` event of the participation phase covering its date, creating the
 * event through the participation service. Outside any phase there is none (null).
 */
async function ensureEvenement(
  tx: Transaction,
  contratId: string,
  userId: string,
  seance: repository.SeanceRow,
  instance: repository.InstanceRow,
): Promise<string | null> {
  if (seance.evenementId) return seance.evenementId;
  const phase = await participation.currentPhaseOf(tx, contratId, middayOf(seance.date));
  if (!phase) return null;
  const evenement = await participation.createEvenement(nested(tx), contratId, userId, {
    phaseId: phase.id,
    type: 'seance',
    titre: `Séance : ${instance.nom}`,
    date: seance.date,
    heure: seance.heure,
    lieu: seance.lieu,
    organisateur: '',
    description: '',
  });
  await repository.updateSeance(tx, seance.id, { evenementId: evenement.id });
  return evenement.id;
}

export function createSeance(
  db: Database,
  contratId: string,
  userId: string,
  input: z.output<typeof createSeanceSchema>,
): Promise<Seance> {
  return db.transaction(async (tx) => {
    const instance = await repository.findInstance(tx, contratId, input.instanceId);
    if (!instance) {
      throw invalid([
        { path: 'instanceId', message: 'instance inconnue dans ce contrat / unknown body' },
      ]);
    }
    await checkPoints(tx, contratId, input.ordreDuJour);
    const { ordreDuJour, ...fields } = input;
    const seance = await repository.insertSeance(tx, { ...fields, contratId, createdBy: userId });
    await repository.replacePoints(tx, seance.id, ordreDuJour);
    await ensureEvenement(tx, contratId, userId, seance, instance);
    return seanceView(tx, contratId, seance.id);
  });
}

/**
 * Changes a séance: date, place, status, agenda. Its participation event follows (date, time and
 * place; the phase covering the new date); cancelling it removes the event and its attendance.
 */
export function updateSeance(
  db: Database,
  contratId: string,
  userId: string,
  id: string,
  input: z.output<typeof updateSeanceSchema>,
): Promise<Seance> {
  return db.transaction(async (tx) => {
    const { seance, instance } = await seanceOrFail(tx, contratId, id);
    const { ordreDuJour, ...fields } = input;
    if (ordreDuJour) {
      await checkPoints(tx, contratId, ordreDuJour);
      await repository.replacePoints(tx, id, ordreDuJour);
    }
    const updated = { ...seance, ...fields };
    if (updated.statut === 'annulee' && seance.evenementId) {
      await participation.deleteEvenement(tx, contratId, seance.evenementId);
      updated.evenementId = null;
      await repository.updateSeance(tx, id, { ...fields, evenementId: null });
    } else {
      await repository.updateSeance(tx, id, fields);
    }
    if (updated.statut !== 'annulee' && updated.evenementId) {
      const phase = await participation.currentPhaseOf(tx, contratId, middayOf(updated.date));
      await participation.updateEvenement(nested(tx), contratId, updated.evenementId, {
        date: updated.date,
        heure: updated.heure,
        lieu: updated.lieu,
        ...(phase ? { phaseId: phase.id } : {}),
      });
    } else if (updated.statut !== 'annulee') {
      await ensureEvenement(tx, contratId, userId, updated, instance);
    }
    return seanceView(tx, contratId, id);
  });
}

/** Sends the convocation with the agenda to every member in office on the séance's day. */
export async function convoquer(
  ctx: AppContext,
  contrat: ContratRow,
  id: string,
): Promise<{ envoyees: number; convoqueeLe: string }> {
  const view = await seanceView(ctx.db, contrat.id, id);
  if (view.statut === 'annulee') throw new HttpError('seance_annulee');
  const recipients = (await repository.destinataires(ctx.db, view.instance.id, view.date)).filter(
    (r): r is typeof r & { email: string } => r.email !== null,
  );
  if (recipients.length === 0) throw new HttpError('convocation_sans_destinataire');
  const url = new URL(`/contrats/${contrat.slug}/gouvernance/seances/${id}`, ctx.config.publicUrl)
    .href;
  for (const recipient of recipients) {
    const content = convocationMail((recipient.locale as Locale | null) ?? 'fr', {
      nom: recipient.nom,
      contratNom: contrat.nom,
      instance: view.instance,
      date: view.date,
      heure: view.heure,
      lieu: view.lieu,
      ordreDuJour: view.ordreDuJour.map((p) => p.titre),
      url,
    });
    await ctx.mailer.send({ to: recipient.email, ...content });
  }
  const convoqueeLe = new Date();
  await repository.updateSeance(ctx.db, id, { convoqueeLe });
  return { envoyees: recipients.length, convoqueeLe: convoqueeLe.toISOString() };
}

/**
 * Records who attended, in the participation module: the séance's event in the phase of its date
 * gets the named participants (members by account, guests by name and category).
 */
export function setPresences(
  db: Database,
  contratId: string,
  userId: string,
  id: string,
  input: z.output<typeof presencesSchema>,
): Promise<Seance> {
  return db.transaction(async (tx) => {
    const { seance, instance } = await seanceOrFail(tx, contratId, id);
    if (seance.statut === 'annulee') throw new HttpError('seance_annulee');
    const evenementId = await ensureEvenement(tx, contratId, userId, seance, instance);
    if (!evenementId) throw new HttpError('seance_hors_phase');
    await participation.setPresences(nested(tx), contratId, evenementId, input);
    return seanceView(tx, contratId, id);
  });
}

// ── décisions ──

type FicheRef = { id: string; numero: number; titre: string };

async function toDecisions(
  db: Queryable,
  contratId: string,
  rows: repository.DecisionWithLinks[],
): Promise<Decision[]> {
  const linked = [...new Set(rows.flatMap((r) => r.decision.ficheIds))];
  const fiches = new Map(
    (await repository.fichesIn(db, contratId, linked)).map((f) => [f.id, f] as const),
  );
  return rows.map((row) => {
    const d = row.decision;
    return {
      id: d.id,
      seance: {
        id: row.seance.id,
        date: row.seance.date,
        instance: { type: row.instance.type as TypeInstance, nom: row.instance.nom },
      },
      type: d.type as TypeDecision,
      avis: d.avis as AvisTechnique | null,
      mesure: d.mesure as MesureRectificative | null,
      objet: d.objet as ObjetEvolution | null,
      texte: d.texte,
      fiche: row.fiche,
      fiches: d.ficheIds.flatMap((ficheId) => {
        const fiche = fiches.get(ficheId);
        return fiche ? [fiche] : [];
      }),
      orientationIds: d.orientationIds,
      maquetteVersion: row.maquette,
      changements: d.changements,
      avenant: row.avenant,
      auteur: d.createdBy && row.auteurNom ? { id: d.createdBy, nom: row.auteurNom } : null,
      createdAt: d.createdAt.toISOString(),
    };
  });
}

/** The séance a décision is recorded in: not cancelled, of an instance that takes that type. */
async function seanceFor(tx: Queryable, contratId: string, id: string, type: TypeDecision) {
  const row = await seanceOrFail(tx, contratId, id);
  if (!seanceAccepteDecisions(row.seance.statut as StatutSeance)) {
    throw new HttpError('seance_annulee');
  }
  const instanceType = row.instance.type as TypeInstance;
  if (!decisionAutorisee(instanceType, type)) {
    throw new HttpError('decision_non_autorisee', {
      instance: TYPE_INSTANCE_LABELS[instanceType].fr,
    });
  }
  return row;
}

async function ficheOfContrat(tx: Queryable, contratId: string, id: string, path: string) {
  const fiche = await fichesRepository.findFiche(tx, id);
  if (!fiche || fiche.contratId !== contratId) {
    throw invalid([{ path, message: 'fiche inconnue dans ce contrat / unknown sheet' }]);
  }
  return fiche;
}

async function decisionView(tx: Queryable, contratId: string, seanceId: string, id: string) {
  const rows = await repository.decisionsOfSeance(tx, seanceId);
  const [view] = await toDecisions(
    tx,
    contratId,
    rows.filter((r) => r.decision.id === id),
  );
  return view!;
}

/** The comité technique's avis on a fiche, with its reasons. */
export function giveAvis(
  db: Database,
  contratId: string,
  seanceId: string,
  userId: string,
  input: z.output<typeof avisTechniqueSchema>,
): Promise<Decision> {
  return db.transaction(async (tx) => {
    await seanceFor(tx, contratId, seanceId, 'avis_technique');
    await ficheOfContrat(tx, contratId, input.ficheId, 'ficheId');
    const row = await repository.insertDecision(tx, {
      contratId,
      seanceId,
      type: 'avis_technique',
      avis: input.avis,
      texte: input.motifs,
      ficheId: input.ficheId,
      createdBy: userId,
    });
    return decisionView(tx, contratId, seanceId, row.id);
  });
}

/** The fiches the steering committee decides on must have had their avis technique. */
async function requireAvis(tx: Queryable, ficheIds: string[], date: string): Promise<void> {
  if (ficheIds.length === 0) return;
  const avis = (await repository.avisOn(tx, ficheIds)).map((a) => ({
    ficheId: a.ficheId!,
    date: a.date,
    seanceStatut: a.seanceStatut as StatutSeance,
  }));
  const missing = fichesSansAvis(ficheIds, avis, date);
  if (missing.length === 0) return;
  const rows = await Promise.all(missing.map((id) => fichesRepository.findFiche(tx, id)));
  const numeros = rows.map((f) => (f ? `F-${String(f.numero).padStart(3, '0')}` : ''));
  throw new HttpError('avis_technique_requis', { fiches: numeros.join(', ') });
}

const lineOf = (line: fichesRepository.FinancementRow) => ({
  id: line.id,
  source: line.source,
  montantCents: line.montantCents,
  annee: line.annee,
  statut: line.statut,
});

/**
 * A steering-committee décision. A mesure rectificative is applied to its fiche through the fiches
 * service (field by field history, financing lines, contributions) in the same transaction as the
 * décision, which keeps what changed, before and after.
 */
export function decide(
  db: Database,
  contrat: ContratRow,
  seanceId: string,
  userId: string,
  input: z.output<typeof decisionSchema>,
): Promise<Decision> {
  return db.transaction(async (tx) => {
    const { seance } = await seanceFor(tx, contrat.id, seanceId, input.type);
    const base = { contratId: contrat.id, seanceId, type: input.type, createdBy: userId };
    let values: repository.NewDecision;
    switch (input.type) {
      case 'programmation_validee': {
        const [version] = await repository.maquetteVersionsIn(tx, contrat.id, [
          input.maquetteVersionId,
        ]);
        if (!version) {
          throw invalid([
            {
              path: 'maquetteVersionId',
              message: 'version de maquette inconnue / unknown version',
            },
          ]);
        }
        values = { ...base, maquetteVersionId: version.id, texte: input.description };
        break;
      }
      case 'evolution_contrat': {
        const known = await repository.fichesIn(tx, contrat.id, input.ficheIds);
        const orientations = new Set((await orientationsOf(tx, contrat.id)).map((o) => o.id));
        const issues: ValidationIssue[] = [
          ...input.ficheIds.flatMap((id, i) =>
            known.some((f) => f.id === id)
              ? []
              : [
                  {
                    path: `ficheIds.${i}`,
                    message: 'fiche inconnue dans ce contrat / unknown sheet',
                  },
                ],
          ),
          ...input.orientationIds.flatMap((id, i) =>
            orientations.has(id)
              ? []
              : [{ path: `orientationIds.${i}`, message: 'orientation inconnue / unknown' }],
          ),
        ];
        if (issues.length > 0) throw invalid(issues);
        await requireAvis(tx, fichesDecidees(input), seance.date);
        values = {
          ...base,
          objet: input.objet,
          texte: input.description,
          ficheIds: input.ficheIds,
          orientationIds: input.orientationIds,
        };
        break;
      }
      case 'mesure_rectificative': {
        const fiche = await ficheOfContrat(tx, contrat.id, input.ficheId, 'ficheId');
        await requireAvis(tx, fichesDecidees(input), seance.date);
        const changements = await applyMesure(tx, contrat, userId, fiche, input);
        values = {
          ...base,
          mesure: input.mesure,
          texte: input.motifs,
          ficheId: fiche.id,
          changements,
        };
        break;
      }
    }
    const row = await repository.insertDecision(tx, values);
    return decisionView(tx, contrat.id, seanceId, row.id);
  });
}

type Mesure = Extract<z.output<typeof decisionSchema>, { type: 'mesure_rectificative' }>;

async function applyMesure(
  tx: Transaction,
  contrat: ContratRow,
  userId: string,
  fiche: fichesRepository.FicheRow,
  input: Mesure,
): Promise<unknown> {
  const db = nested(tx);
  switch (input.mesure) {
    case 'reorienter': {
      const avant = { orientationId: fiche.orientationId, objectifIds: fiche.objectifIds };
      const apres = { orientationId: input.orientationId, objectifIds: input.objectifIds };
      await fichesService.updateFiche(db, contrat, userId, fiche, apres);
      return { avant, apres };
    }
    case 'arreter': {
      await fichesService.updateFiche(db, contrat, userId, fiche, { maturite: 'abandonnee' });
      return { avant: { maturite: fiche.maturite }, apres: { maturite: 'abandonnee' } };
    }
    case 'reallouer': {
      const before = await fichesRepository.financementsOf(tx, [fiche.id]);
      const ids = new Set(before.map((l) => l.id));
      const issues: ValidationIssue[] = [
        ...input.modifications.flatMap((m, i) =>
          ids.has(m.ligneId)
            ? []
            : [{ path: `modifications.${i}.ligneId`, message: 'ligne inconnue / unknown line' }],
        ),
        ...input.suppressions.flatMap((id, i) =>
          ids.has(id)
            ? []
            : [{ path: `suppressions.${i}`, message: 'ligne inconnue / unknown line' }],
        ),
      ];
      if (issues.length > 0) throw invalid(issues);
      for (const { ligneId, ...fields } of input.modifications) {
        await fichesService.updateFinancement(db, contrat, userId, fiche, ligneId, fields);
      }
      for (const line of input.ajouts) {
        await fichesService.addFinancement(db, contrat, userId, fiche, line);
      }
      for (const ligneId of input.suppressions) {
        await fichesService.deleteFinancement(db, userId, fiche, ligneId);
      }
      const after = await fichesRepository.financementsOf(tx, [fiche.id]);
      return { avant: before.map(lineOf), apres: after.map(lineOf) };
    }
  }
}

export async function ficheDecisions(
  db: Queryable,
  contratId: string,
  ficheId: string,
): Promise<Decision[]> {
  return toDecisions(db, contratId, await repository.decisionsOfFiche(db, ficheId));
}

// ── avenants ──

async function toAvenants(
  db: Queryable,
  contratId: string,
  rows: repository.AvenantRow[],
): Promise<Avenant[]> {
  const ids = rows.map((r) => r.id);
  const decisions = await toDecisions(db, contratId, await repository.decisionsOfAvenants(db, ids));
  const versions = await repository.frozenVersionsOf(db, ids);
  return rows.map((row) => {
    const own = decisions.filter((d) => d.avenant?.id === row.id);
    const fiches = new Map<string, FicheRef>();
    for (const d of own) for (const f of d.fiches) fiches.set(f.id, f);
    return {
      id: row.id,
      numero: row.numero,
      objet: row.objet,
      signeLe: row.signeLe,
      decisions: own,
      fiches: [...fiches.values()].sort((a, b) => a.numero - b.numero),
      versions: versions
        .filter((v) => v.avenantId === row.id)
        .map((v) => ({ id: v.id, document: v.name, nom: v.nom })),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** The contract's avenants; drafts only for those who follow governance. */
export async function listAvenants(
  db: Queryable,
  contratId: string,
  drafts: boolean,
): Promise<Avenant[]> {
  return toAvenants(db, contratId, await repository.avenantsOf(db, contratId, !drafts));
}

async function avenantView(db: Queryable, contratId: string, id: string): Promise<Avenant> {
  const row = await repository.findAvenant(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  const [view] = await toAvenants(db, contratId, [row]);
  return view!;
}

/** Opens the next avenant over évolution décisions not yet in one. */
export function createAvenant(
  db: Database,
  contratId: string,
  userId: string,
  input: z.output<typeof createAvenantSchema>,
): Promise<Avenant> {
  return db.transaction(async (tx) => {
    await repository.lockAvenants(tx, contratId);
    const found = await repository.decisionsById(tx, contratId, input.decisionIds);
    const issues: ValidationIssue[] = input.decisionIds.flatMap((id, i) => {
      const decision = found.find((d) => d.id === id);
      if (decision?.type === 'evolution_contrat') return [];
      return [
        {
          path: `decisionIds.${i}`,
          message: decision
            ? 'seule une évolution du contrat entre dans un avenant / only a change to the contract goes into an amendment'
            : 'décision inconnue dans ce contrat / unknown decision',
        },
      ];
    });
    if (issues.length > 0) throw invalid(issues);
    if (found.some((d) => d.avenantId)) throw new HttpError('decision_deja_dans_avenant');
    const numero = nextAvenantNumero(await repository.avenantNumeros(tx, contratId));
    const row = await repository.insertAvenant(tx, {
      contratId,
      numero,
      objet: input.objet,
      createdBy: userId,
    });
    await repository.attachDecisions(tx, row.id, input.decisionIds);
    return avenantView(tx, contratId, row.id);
  });
}

/**
 * Signs an avenant: records the date and freezes a named version « Avenant n°N » of the projet de
 * territoire and of the narrative of each fiche it changes. The versions are taken first (from the
 * live documents), then frozen together with the signature in one transaction; if someone signed
 * first, the versions just taken are dropped.
 */
export async function signAvenant(
  ctx: AppContext,
  sync: SyncServer,
  contratId: string,
  id: string,
  userId: string,
  signeLe: string,
): Promise<Avenant> {
  const avenant = await avenantView(ctx.db, contratId, id);
  if (avenant.signeLe) throw new HttpError('avenant_signe');
  const documents = [
    documentName({ kind: 'projet', contratId }),
    ...avenant.fiches.map((f) => documentName({ kind: 'fiche', ficheId: f.id })),
  ];
  const nom = avenantVersionNom(avenant.numero);
  const versionIds: string[] = [];
  try {
    for (const name of documents) {
      versionIds.push((await saveVersion(ctx.db, sync, name, nom, userId)).id);
    }
    await ctx.db.transaction(async (tx) => {
      if (!(await repository.markSigned(tx, id, signeLe, userId))) {
        throw new HttpError('avenant_signe');
      }
      await repository.freezeVersions(tx, id, versionIds);
    });
  } catch (err) {
    await repository.dropUnfrozenVersions(ctx.db, versionIds);
    throw err;
  }
  return avenantView(ctx.db, contratId, id);
}
