import {
  buildParticipationReport,
  type Categorie,
  comptageAutorise,
  type createPhaseSchema,
  currentPhase,
  type Evenement,
  type evenementQuerySchema,
  type evenementSchema,
  type ParticipationReport,
  type Phase,
  type PhasesView,
  type Presences,
  parisDate,
  personKey,
  type presencesSchema,
  type TypeContribution,
  type TypeEvenement,
  type TypePhase,
  type updateEvenementSchema,
  type updatePhaseSchema,
  type ValidationIssue,
} from '@trame/shared';
import type { z } from 'zod';
import type { Database, Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import * as repository from './repository.js';

// ── phases ──

function checkPeriod(dateDebut: string | null, dateFin: string | null): void {
  if (dateDebut && dateFin && dateFin < dateDebut) throw new HttpError('invalid_period');
}

function toPhase(
  row: repository.PhaseRow,
  courante: string | null,
  events: Map<string, number>,
): Phase {
  return {
    id: row.id,
    type: row.type as TypePhase,
    libelle: row.libelle,
    ordre: row.ordre,
    dateDebut: row.dateDebut,
    dateFin: row.dateFin,
    propositions: row.propositions,
    commentaires: row.commentaires,
    consultations: row.consultations,
    courante: row.id === courante,
    evenements: events.get(row.id) ?? 0,
  };
}

/** The contract's phases in order, which one is current on `now`'s day, and by which rule. */
export async function listPhases(db: Queryable, contratId: string, now: Date): Promise<PhasesView> {
  const rows = await repository.phasesOf(db, contratId);
  const events = new Map(
    (await repository.eventCountsByPhase(db, contratId)).map((e) => [e.phaseId, e.nombre]),
  );
  const courante = currentPhase(rows, parisDate(now));
  return {
    items: rows.map((row) => toPhase(row, courante.phaseId, events)),
    total: rows.length,
    courante,
  };
}

/** The phase a contribution made at `at` belongs to: the one set by hand, or by the dates. */
export async function currentPhaseOf(
  db: Queryable,
  contratId: string,
  at: Date,
): Promise<repository.PhaseRow | null> {
  const rows = await repository.phasesOf(db, contratId);
  const { phaseId } = currentPhase(rows, parisDate(at));
  return rows.find((row) => row.id === phaseId) ?? null;
}

async function phaseOrFail(db: Queryable, contratId: string, id: string) {
  const row = await repository.findPhase(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

async function phaseView(db: Queryable, contratId: string, id: string, now: Date) {
  const view = await listPhases(db, contratId, now);
  return view.items.find((p) => p.id === id)!;
}

export function createPhase(
  db: Database,
  contratId: string,
  input: z.output<typeof createPhaseSchema>,
  now: Date,
): Promise<Phase> {
  checkPeriod(input.dateDebut, input.dateFin);
  return db.transaction(async (tx) => {
    await repository.lockPhases(tx, contratId);
    const ordre = await repository.nextPhaseOrdre(tx, contratId);
    const row = await repository.insertPhase(tx, { ...input, contratId, ordre });
    return phaseView(tx, contratId, row.id, now);
  });
}

export function updatePhase(
  db: Database,
  contratId: string,
  id: string,
  input: z.output<typeof updatePhaseSchema>,
  now: Date,
): Promise<Phase> {
  return db.transaction(async (tx) => {
    await repository.lockPhases(tx, contratId);
    const current = await phaseOrFail(tx, contratId, id);
    const { ordre, ...fields } = input;
    checkPeriod(
      fields.dateDebut === undefined ? current.dateDebut : fields.dateDebut,
      fields.dateFin === undefined ? current.dateFin : fields.dateFin,
    );
    if (ordre !== undefined) {
      const last = (await repository.nextPhaseOrdre(tx, contratId)) - 1;
      await repository.movePhase(tx, contratId, id, current.ordre, Math.min(ordre, last));
    }
    await repository.updatePhase(tx, id, fields);
    return phaseView(tx, contratId, id, now);
  });
}

/**
 * A phase that holds events is kept (their attendance would have nowhere to go); the
 * contributions counted in a deleted phase stay in the report, outside any phase.
 */
export function deletePhase(db: Database, contratId: string, id: string): Promise<void> {
  return db.transaction(async (tx) => {
    await repository.lockPhases(tx, contratId);
    const row = await phaseOrFail(tx, contratId, id);
    const events = await repository.eventCountsByPhase(tx, contratId);
    if (events.some((e) => e.phaseId === id)) throw new HttpError('phase_has_evenements');
    await repository.deletePhase(tx, row);
  });
}

/** Sets the current phase by hand, or with `null` goes back to the dates. */
export function setCurrentPhase(
  db: Database,
  contratId: string,
  phaseId: string | null,
  now: Date,
): Promise<PhasesView> {
  return db.transaction(async (tx) => {
    await repository.lockPhases(tx, contratId);
    if (phaseId && !(await repository.findPhase(tx, contratId, phaseId))) {
      throw invalid('phaseId', 'phase inconnue dans ce contrat / unknown phase in this contract');
    }
    await repository.setManualPhase(tx, contratId, phaseId);
    return listPhases(tx, contratId, now);
  });
}

function invalid(path: string, message: string): HttpError {
  return new HttpError('validation_failed', {}, [{ path, message }]);
}

// ── événements ──

function toEvenement(row: repository.EvenementWithCounts): Evenement {
  const { evenement: e } = row;
  return {
    id: e.id,
    phaseId: e.phaseId,
    type: e.type as TypeEvenement,
    titre: e.titre,
    date: e.date,
    heure: e.heure,
    lieu: e.lieu,
    organisateur: e.organisateur,
    description: e.description,
    presents: { nommes: row.nommes, comptes: row.comptes },
  };
}

export async function listEvenements(
  db: Queryable,
  contratId: string,
  query: z.output<typeof evenementQuerySchema>,
  now: Date,
): Promise<Evenement[]> {
  const rows = await repository.evenementsOf(db, contratId, {
    ...query,
    today: parisDate(now),
  });
  return rows.map(toEvenement);
}

export async function findEvenement(
  db: Queryable,
  contratId: string,
  id: string,
): Promise<repository.EvenementWithCounts> {
  const row = await repository.findEvenement(db, contratId, id);
  if (!row) throw new HttpError('not_found');
  return row;
}

async function checkPhase(tx: Queryable, contratId: string, phaseId: string): Promise<void> {
  if (!(await repository.findPhase(tx, contratId, phaseId))) {
    throw invalid('phaseId', 'phase inconnue dans ce contrat / unknown phase in this contract');
  }
}

export function createEvenement(
  db: Database,
  contratId: string,
  userId: string,
  input: z.output<typeof evenementSchema>,
): Promise<Evenement> {
  return db.transaction(async (tx) => {
    // Under the phases lock: the phase cannot be deleted between this check and the insert.
    await repository.lockPhases(tx, contratId);
    await checkPhase(tx, contratId, input.phaseId);
    const row = await repository.insertEvenement(tx, { ...input, contratId, createdBy: userId });
    return toEvenement(await findEvenement(tx, contratId, row.id));
  });
}

export function updateEvenement(
  db: Database,
  contratId: string,
  id: string,
  input: z.output<typeof updateEvenementSchema>,
): Promise<Evenement> {
  return db.transaction(async (tx) => {
    await repository.lockPhases(tx, contratId);
    const current = await findEvenement(tx, contratId, id);
    if (input.phaseId) await checkPhase(tx, contratId, input.phaseId);
    if (input.type && current.comptes > 0 && !comptageAutorise(input.type)) {
      throw new HttpError('comptage_non_autorise');
    }
    await repository.updateEvenement(tx, id, input);
    return toEvenement(await findEvenement(tx, contratId, id));
  });
}

export async function deleteEvenement(db: Queryable, contratId: string, id: string) {
  await findEvenement(db, contratId, id);
  await repository.deleteEvenement(db, id);
}

// ── attendance ──

export async function presencesOf(db: Queryable, evenementId: string): Promise<Presences> {
  const named = await repository.presencesOf(db, evenementId);
  const counted = await repository.comptagesOf(db, evenementId);
  return {
    evenementId,
    participants: named.map((p) => ({
      userId: p.userId,
      nom: p.nom,
      categorie: p.categorie as Categorie,
    })),
    comptages: counted
      .map((c) => ({ categorie: c.categorie as Categorie, nombre: c.nombre }))
      .sort((a, b) => a.categorie.localeCompare(b.categorie)),
  };
}

/**
 * Replaces the attendance of an event. A member is recorded with their name and their category
 * in the contract as they are today; counts per category are for public meetings only.
 */
export function setPresences(
  db: Database,
  contratId: string,
  evenementId: string,
  input: z.output<typeof presencesSchema>,
): Promise<Presences> {
  return db.transaction(async (tx) => {
    const { evenement } = await findEvenement(tx, contratId, evenementId);
    const counted = input.comptages.filter((c) => c.nombre > 0);
    if (counted.length > 0 && !comptageAutorise(evenement.type as TypeEvenement)) {
      throw new HttpError('comptage_non_autorise');
    }
    const wanted = input.participants.flatMap((p) => ('userId' in p ? [p.userId] : []));
    const members = new Map(
      (await repository.membersAmong(tx, contratId, wanted)).map((m) => [m.userId, m]),
    );
    const issues: ValidationIssue[] = input.participants.flatMap((participant, index) =>
      'userId' in participant && !members.has(participant.userId)
        ? [
            {
              path: `participants.${index}.userId`,
              message: 'pas membre du contrat / not a member of the contract',
            },
          ]
        : [],
    );
    if (issues.length > 0) throw new HttpError('validation_failed', {}, issues);
    const named = input.participants.map((participant, ordre) => {
      if (!('userId' in participant)) return { userId: null, ...participant, ordre };
      const member = members.get(participant.userId)!;
      return { userId: member.userId, nom: member.nom, categorie: member.categorie, ordre };
    });
    await repository.replacePresences(tx, evenementId, named, counted);
    return presencesOf(tx, evenementId);
  });
}

// ── the report ──

export async function participationReport(
  db: Queryable,
  contratId: string,
  now: Date,
): Promise<ParticipationReport> {
  const phases = await repository.phasesOf(db, contratId);
  const contributions = await repository.contributionCounts(db, contratId);
  const { contributors, attendees } = await repository.participantsOf(db, contratId);
  const { named, counted } = await repository.attendanceCounts(db, contratId);
  const events = await repository.eventCountsByPhase(db, contratId);
  const presences = [
    ...named.map((n) => ({
      phaseId: n.phaseId,
      categorie: n.categorie,
      nommes: n.nombre,
      comptes: 0,
    })),
    ...counted.map((c) => ({
      phaseId: c.phaseId,
      categorie: c.categorie,
      nommes: 0,
      comptes: c.nombre,
    })),
  ];
  return buildParticipationReport(
    contratId,
    {
      phases: phases.map((p) => ({ ...p, type: p.type as TypePhase })),
      contributions: contributions.map((c) => ({
        ...c,
        categorie: c.categorie as Categorie,
        type: c.type as TypeContribution,
      })),
      personnes: [
        ...contributors.map((c) => ({
          phaseId: c.phaseId,
          categorie: c.categorie as Categorie,
          cle: personKey({ userId: c.userId, nom: '' }),
        })),
        ...attendees.map((a) => ({
          phaseId: a.phaseId,
          categorie: a.categorie as Categorie,
          cle: personKey(a),
        })),
      ],
      presences: presences.map((p) => ({ ...p, categorie: p.categorie as Categorie })),
      evenements: events,
    },
    now,
  );
}
