import { and, eq, inArray, or } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { findUserByEmail, insertUserIfAbsent, type UserRow } from '../auth/users-repository.js';
import type { AppContext } from '../context.js';
import { findContrat } from '../contrats/repository.js';
import { createContrat } from '../contrats/service.js';
import { contratsLiesOf } from '../contrats-lies/repository.js';
import { acceptCooperation, createCooperation } from '../cooperations/service.js';
import {
  contrats,
  contratsLies,
  evenements,
  fiches,
  memberships,
  signataires,
  users,
} from '../db/schema.js';
import { insertFiche, insertFinancement, insertHistory } from '../fiches/repository.js';
import {
  insertDecision,
  insertInstance,
  insertMembre,
  insertSeance,
  replacePoints,
} from '../gouvernance/repository.js';
import { objectifsOf, orientationsOf } from '../orientations/repository.js';
import { createObjectif, createOrientation } from '../orientations/service.js';
import {
  insertEvenement,
  insertPhase,
  membersAmong,
  replacePresences,
} from '../participation/repository.js';
import {
  BOCAGE,
  CONTRATS_LIES,
  COOPERATION,
  DEMO_NEIGHBOUR_USER,
  DEMO_PASSWORD,
  DEMO_USERS,
  EVENEMENTS,
  GOUVERNANCE,
  ORIENTATIONS,
  PHASES,
  SIGNATAIRES,
  THOUARSAIS,
} from './data.js';
import { DEMO_FICHES } from './fiches.js';

const DEMO_EMAILS = [...DEMO_USERS.map((u) => u.email), DEMO_NEIGHBOUR_USER.email];

async function demoUser(
  ctx: AppContext,
  passwordHash: string,
  input: { email: string; nom: string; categorie: string },
) {
  const created = await insertUserIfAbsent(ctx.db, {
    ...input,
    passwordHash,
    emailVerifiedAt: new Date(),
    locale: 'fr',
  });
  return created ?? ((await findUserByEmail(ctx.db, input.email)) as UserRow);
}

/**
 * Loads the demo contract. Idempotent: a demo contract that is already there is left as it is
 * (with whatever people changed in it); `reset` removes the demo data first.
 */
export async function seedDemo(
  ctx: AppContext,
  options: { reset?: boolean } = {},
): Promise<boolean> {
  if (options.reset) await removeDemo(ctx);
  if (await findContrat(ctx.db, THOUARSAIS.slug)) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = new Map<string, UserRow>();
  for (const person of DEMO_USERS)
    people.set(person.email, await demoUser(ctx, passwordHash, person));
  const neighbour = await demoUser(ctx, passwordHash, DEMO_NEIGHBOUR_USER);
  const animateur = people.get('animateur@trame.test')!;

  const thouarsais = await createContrat(ctx.db, ctx.geography, animateur.id, animateur.categorie, {
    ...THOUARSAIS,
  });
  const bocage = await createContrat(ctx.db, ctx.geography, neighbour.id, neighbour.categorie, {
    ...BOCAGE,
  });

  await ctx.db
    .insert(signataires)
    .values(SIGNATAIRES.map((s) => ({ ...s, contratId: thouarsais.id })));
  for (const orientation of ORIENTATIONS) {
    const created = await createOrientation(ctx.db, thouarsais.id, {
      titre: orientation.titre,
      description: orientation.description,
    });
    for (const titre of orientation.objectifs) {
      await createObjectif(ctx.db, thouarsais.id, created.id, { titre, description: '' });
    }
  }
  await ctx.db
    .insert(contratsLies)
    .values(CONTRATS_LIES.map((l) => ({ ...l, contratId: thouarsais.id })));
  for (const person of DEMO_USERS) {
    if (person.role === 'animateur') continue;
    await ctx.db.insert(memberships).values({
      contratId: thouarsais.id,
      userId: people.get(person.email)!.id,
      role: person.role,
      categorie: person.categorie,
      invitedBy: animateur.id,
    });
  }
  const cooperation = await createCooperation(ctx.db, thouarsais.id, animateur.id, {
    ...COOPERATION,
    partenaires: [{ contratId: bocage.id }, { nomExterne: 'Agglomération Saumur Val de Loire' }],
  });
  await acceptCooperation(ctx.db, bocage.id, cooperation.id);
  await seedFiches(ctx, thouarsais.id, animateur.id, people.get('partenaire@trame.test')!.id);
  await seedParticipation(ctx, thouarsais.id, animateur.id, people);
  await seedGouvernance(ctx, thouarsais.id, animateur.id, people);
  return true;
}

/** The contract's phases, and its events with their attendance. */
async function seedParticipation(
  ctx: AppContext,
  contratId: string,
  authorId: string,
  people: Map<string, UserRow>,
): Promise<void> {
  const phaseIds: string[] = [];
  for (const [index, phase] of PHASES.entries()) {
    phaseIds.push((await insertPhase(ctx.db, { ...phase, contratId, ordre: index + 1 })).id);
  }
  const members = new Map(
    (
      await membersAmong(
        ctx.db,
        contratId,
        [...people.values()].map((p) => p.id),
      )
    ).map((m) => [m.userId, m]),
  );
  for (const { phase, participants, comptages, ...evenement } of EVENEMENTS) {
    const row = await insertEvenement(ctx.db, {
      ...evenement,
      contratId,
      phaseId: phaseIds[phase]!,
      createdBy: authorId,
    });
    const named = participants.map((participant, ordre) => {
      if (!('email' in participant)) return { userId: null, ...participant, ordre };
      const member = members.get(people.get(participant.email)!.id)!;
      return { userId: member.userId, nom: member.nom, categorie: member.categorie, ordre };
    });
    await replacePresences(ctx.db, row.id, named, comptages);
  }
}

/**
 * The comité de pilotage and the comité technique, with a past séance of each: the avis
 * techniques given on two fiches, then the steering committee that took them into account.
 */
async function seedGouvernance(
  ctx: AppContext,
  contratId: string,
  authorId: string,
  people: Map<string, UserRow>,
): Promise<void> {
  const members = new Map(
    (
      await membersAmong(
        ctx.db,
        contratId,
        [...people.values()].map((p) => p.id),
      )
    ).map((m) => [m.userId, m]),
  );
  const ficheRows = await ctx.db
    .select({ id: fiches.id, numero: fiches.numero })
    .from(fiches)
    .where(eq(fiches.contratId, contratId));
  const ficheId = (numero: number) => ficheRows.find((f) => f.numero === numero)!.id;

  const instanceRows = [];
  for (const { membres, ...instance } of GOUVERNANCE.instances) {
    const row = await insertInstance(ctx.db, { ...instance, contratId });
    instanceRows.push(row);
    for (const membre of membres) {
      const depuis = '2021-07-09';
      if ('nom' in membre) {
        await insertMembre(ctx.db, { ...membre, instanceId: row.id, depuis });
        continue;
      }
      const member = members.get(people.get(membre.email)!.id)!;
      await insertMembre(ctx.db, {
        instanceId: row.id,
        userId: member.userId,
        nom: member.nom,
        categorie: member.categorie,
        depuis,
      });
    }
  }

  for (const seance of GOUVERNANCE.seances) {
    const instance = instanceRows[seance.instance]!;
    // The steering committee's séance is the demo event already in the participation, with its
    // attendance; the comité technique's has no event (the participation figures stay as seeded).
    const [evenement] = seance.evenement
      ? await ctx.db
          .select({ id: evenements.id })
          .from(evenements)
          .where(and(eq(evenements.contratId, contratId), eq(evenements.titre, seance.evenement)))
      : [];
    const row = await insertSeance(ctx.db, {
      contratId,
      instanceId: instance.id,
      date: seance.date,
      heure: seance.heure,
      lieu: seance.lieu,
      statut: 'tenue',
      evenementId: evenement?.id ?? null,
      convoqueeLe: new Date(`${seance.date}T08:00:00Z`),
      createdBy: authorId,
    });
    await replacePoints(
      ctx.db,
      row.id,
      seance.ordreDuJour.map((point) => ({
        titre: point.titre,
        ficheId: point.fiche ? ficheId(point.fiche) : null,
      })),
    );
    for (const avis of seance.avis) {
      await insertDecision(ctx.db, {
        contratId,
        seanceId: row.id,
        type: 'avis_technique',
        avis: avis.avis,
        texte: avis.motifs,
        ficheId: ficheId(avis.fiche),
        createdBy: authorId,
      });
    }
    for (const evolution of seance.evolutions) {
      await insertDecision(ctx.db, {
        contratId,
        seanceId: row.id,
        type: 'evolution_contrat',
        objet: evolution.objet,
        texte: evolution.description,
        ficheIds: evolution.fiches.map(ficheId),
        createdBy: authorId,
      });
    }
  }
}

/** The demo programme: fiches numbered in order, with their plans de financement. */
async function seedFiches(
  ctx: AppContext,
  contratId: string,
  authorId: string,
  partenaireId: string,
): Promise<void> {
  const axes = await orientationsOf(ctx.db, contratId);
  const lies = await contratsLiesOf(ctx.db, contratId);
  const objectifs = await objectifsOf(ctx.db, contratId);
  let numero = 0;
  for (const demo of DEMO_FICHES) {
    const orientation = axes[demo.orientation]!;
    const objectif = objectifs.filter((o) => o.orientationId === orientation.id)[demo.objectif]!;
    const fiche = await insertFiche(ctx.db, {
      contratId,
      numero: ++numero,
      type: demo.type,
      titre: demo.titre,
      resume: demo.resume,
      maturite: demo.maturite,
      maitreOuvrage: demo.maitreOuvrage,
      porteurId: demo.porteurPartenaire ? partenaireId : null,
      communes: demo.communes,
      orientationId: orientation.id,
      objectifIds: [objectif.id],
      dateDebut: demo.debut,
      dateFin: demo.fin,
      coutCents: demo.coutEuros === null ? null : demo.coutEuros * 100,
      isoFinalites: demo.iso[0],
      isoDomaines: demo.iso[1],
      odd: demo.odd,
      public: demo.public,
      indicateurs: demo.indicateurs ?? [],
      contratLieId: lies.find((l) => l.type === demo.contratLie)?.id ?? null,
      createdBy: authorId,
    });
    for (const [source, euros, annee, statut] of demo.financements) {
      await insertFinancement(ctx.db, {
        ficheId: fiche.id,
        source,
        montantCents: Math.round(euros * 100),
        annee,
        statut,
      });
    }
    await insertHistory(ctx.db, [
      {
        ficheId: fiche.id,
        userId: authorId,
        evenement: 'creation',
        apres: { titre: demo.titre, numero },
      },
    ]);
  }
}

/** Removes the demo contracts and accounts (and, by cascade, everything attached to them). */
export async function removeDemo(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(contrats)
      .where(or(eq(contrats.slug, THOUARSAIS.slug), eq(contrats.slug, BOCAGE.slug)));
    await tx.delete(users).where(inArray(users.email, DEMO_EMAILS));
  });
}

export function demoAccounts(): { email: string; role: string }[] {
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role }));
}
