import {
  ISO_DOMAINES,
  ISO_FINALITES,
  MATURITES,
  type Maturite,
  SOURCES_REFERENCE,
  STATUTS_FINANCEMENT,
  type StatutFinancement,
} from '@trame/shared';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/src/db/database.js';
import { contrats, fiches, financements, orientations } from '../../server/src/db/schema.js';

/**
 * The benchmark's programme: 2,000 fiches with 10 financing lines each, drawn from a seeded
 * generator so that every run (and both databases) load exactly the same rows.
 */

export const FICHES = 2_000;
export const LINES_PER_FICHE = 10;
export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
export const SEED = 0x7a4e_2026;

/** mulberry32: small, fast, and good enough to spread test data. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries.at(-1)![0];
  }
  /** `count` distinct items, in the list's order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

const ACTIONS = [
  'Rénovation énergétique',
  'Réhabilitation',
  'Construction',
  'Extension',
  'Aménagement',
  'Mise en accessibilité',
  'Étude de programmation',
  'Création',
  'Requalification',
  'Modernisation',
];
const OBJETS = [
  'de l’école élémentaire',
  'de la salle polyvalente',
  'du réseau de chaleur bois',
  'd’une maison de santé pluriprofessionnelle',
  'des berges du Thouet',
  'd’une voie verte',
  'du centre-bourg',
  'd’une aire de covoiturage',
  'de la médiathèque',
  'd’un tiers-lieu numérique',
  'du gymnase intercommunal',
  'de logements communaux',
  'de l’éclairage public',
  'de la cantine scolaire',
  'd’une ombrière photovoltaïque',
  'du pôle enfance-jeunesse',
  'd’un atelier relais',
  'des haies bocagères',
  'de la station d’épuration',
  'du cinéma associatif',
];
const PHRASES = [
  'Le projet réduit les consommations d’énergie du bâtiment de plus de 40 %.',
  'Les habitants ont été associés lors de deux ateliers de concertation.',
  'L’opération s’inscrit dans la stratégie de revitalisation du bourg.',
  'Une étude de faisabilité a été conduite en amont avec le CAUE.',
  'Le chantier fera appel à des clauses d’insertion sociale.',
  'Le maître d’ouvrage sollicite un accompagnement en ingénierie.',
  'La mutualisation avec les communes voisines est à l’étude.',
  'Le projet contribue à l’objectif de zéro artificialisation nette.',
  'Les travaux sont phasés pour maintenir l’accueil du public.',
  'Un suivi des usages est prévu pendant trois ans après livraison.',
];
const AUTRES_MAITRES = [
  'Communauté de communes du Thouarsais',
  'Syndicat d’eau du Val du Thouet',
  'SEM Deux-Sèvres Aménagement',
  'Association Familles rurales',
  'Centre intercommunal d’action sociale',
];
const MATURITE_WEIGHTS: readonly (readonly [Maturite, number])[] = [
  ['idee', 10],
  ['en_emergence', 15],
  ['en_instruction', 20],
  ['prete_a_demarrer', 12],
  ['engagee', 25],
  ['realisee', 10],
  ['abandonnee', 8],
];
const SOURCE_WEIGHTS: readonly (readonly [string, number])[] = SOURCES_REFERENCE.map((code) => [
  code,
  ['dsil', 'detr', 'fonds_vert', 'region', 'departement', 'autofinancement'].includes(code) ? 6 : 1,
]);
const STATUT_WEIGHTS: readonly (readonly [StatutFinancement, number])[] = [
  ['acquis', 40],
  ['sollicite', 45],
  ['refuse', 15],
];

export interface Programme {
  fiches: (typeof fiches.$inferInsert)[];
  lines: (typeof financements.$inferInsert)[];
}

/** Everything the programme refers to that the API created first. */
export interface ProgrammeContext {
  contratId: string;
  orientationIds: string[];
  communes: { code: string; nom: string }[];
  /** The demo animateur: creator of every fiche, porteur of some. */
  userId: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function generateProgramme(context: ProgrammeContext, seed = SEED): Programme {
  const rng = new Rng(seed);
  const fichesRows: Programme['fiches'] = [];
  const lines: Programme['lines'] = [];
  const createdAt = new Date('2026-11-01T08:00:00Z');
  for (let numero = 1; numero <= FICHES; numero++) {
    const id = rng.uuid();
    const communes = rng.sample(
      context.communes,
      rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    );
    const maturite = rng.weighted(MATURITE_WEIGHTS);
    const late = MATURITES.indexOf(maturite) >= MATURITES.indexOf('prete_a_demarrer');
    // Log-uniform between 20 k€ and 6 M€, rounded to 100 €; a few fiches have no cost yet.
    const cout = rng.chance(0.05)
      ? null
      : Math.round(10 ** (6.3 + rng.next() * 2.48) / 10_000) * 10_000;
    const debut = rng.int(2021, 2025);
    const fin = Math.min(2026, debut + rng.int(0, 3));
    const maitreOuvrage = rng.chance(0.6)
      ? `Commune de ${communes[0]!.nom}`
      : rng.pick(AUTRES_MAITRES);
    fichesRows.push({
      id,
      contratId: context.contratId,
      numero,
      type: late && rng.chance(0.7) ? 'action' : 'projet',
      titre: `${rng.pick(ACTIONS)} ${rng.pick(OBJETS)} — ${communes[0]!.nom}`,
      resume: rng.sample(PHRASES, rng.int(1, 3)).join(' '),
      maturite,
      maitreOuvrage,
      partenaires: rng.sample(
        ['ADEME', 'Banque des Territoires', 'CAUE 79', 'ANCT'],
        rng.int(0, 2),
      ),
      porteurId: rng.chance(0.3) ? context.userId : null,
      communes: communes.map((c) => c.code),
      orientationId: rng.chance(0.9) ? rng.pick(context.orientationIds) : null,
      dateDebut: `${debut}-${pad(rng.int(1, 12))}-01`,
      dateFin: `${fin}-12-31`,
      jalons: rng.chance(0.5)
        ? [{ libelle: 'Dépôt du permis', date: `${debut}-06-30`, fait: debut < 2026 }]
        : [],
      coutCents: cout,
      indicateurs: rng.chance(0.4)
        ? [{ libelle: 'Économie d’énergie', unite: 'MWh/an', cible: rng.int(10, 500) }]
        : [],
      isoFinalites: rng.sample(ISO_FINALITES, rng.int(1, 2)),
      isoDomaines: rng.sample(ISO_DOMAINES, rng.int(1, 3)),
      odd: rng.sample(
        Array.from({ length: 17 }, (_, i) => i + 1),
        rng.int(1, 3),
      ),
      public: rng.chance(0.6),
      createdBy: context.userId,
      createdAt,
      updatedAt: new Date(createdAt.getTime() + numero * 60_000),
    });
    const base = (cout ?? 500_000_00) / LINES_PER_FICHE;
    for (let n = 0; n < LINES_PER_FICHE; n++) {
      lines.push({
        id: rng.uuid(),
        ficheId: id,
        source: rng.weighted(SOURCE_WEIGHTS),
        montantCents: Math.max(
          100_00,
          Math.round((base * (0.3 + rng.next() * 1.4)) / 100_00) * 100_00,
        ),
        annee: rng.int(debut, fin),
        statut: rng.weighted(STATUT_WEIGHTS),
        commentaire: rng.chance(0.2) ? 'Dossier déposé' : '',
        createdAt,
      });
    }
  }
  return { fiches: fichesRows, lines };
}

/** Inserts the programme with multi-row INSERTs (250 fiches, 1,000 lines a statement). */
export async function insertProgramme(db: Database, programme: Programme): Promise<void> {
  for (let i = 0; i < programme.fiches.length; i += 250) {
    await db.insert(fiches).values(programme.fiches.slice(i, i + 250));
  }
  for (let i = 0; i < programme.lines.length; i += 1_000) {
    await db.insert(financements).values(programme.lines.slice(i, i + 1_000));
  }
}

/** What autovacuum would have done a minute later on a live server: fresh planner statistics. */
export async function analyze(db: Database): Promise<void> {
  await db.execute(sql`VACUUM (ANALYZE) fiches`);
  await db.execute(sql`VACUUM (ANALYZE) financements`);
}

/**
 * Other contracts of the same size in the same tables, as on a shared instance: `count`
 * programmes drawn with other seeds, under contracts and orientations inserted directly.
 */
export async function insertBackground(
  db: Database,
  count: number,
  template: Omit<ProgrammeContext, 'contratId' | 'orientationIds'>,
): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const [contrat] = await db
      .insert(contrats)
      .values({ slug: `banc-voisin-${n}`, nom: `Contrat voisin ${n}`, epciCode: null })
      .returning({ id: contrats.id });
    const axes = await db
      .insert(orientations)
      .values(
        [1, 2, 3, 4].map((numero) => ({ contratId: contrat!.id, numero, titre: `Axe ${numero}` })),
      )
      .returning({ id: orientations.id });
    await insertProgramme(
      db,
      generateProgramme(
        { ...template, contratId: contrat!.id, orientationIds: axes.map((a) => a.id) },
        SEED + n,
      ),
    );
  }
}

/** What the API must answer, computed independently from the generated rows. */
export function expectations(programme: Programme, annee: number, orientationId: string) {
  const alive = new Set(
    programme.fiches.filter((f) => f.maturite !== 'abandonnee').map((f) => f.id!),
  );
  const yearLines = programme.lines.filter(
    (l) => l.annee === annee && l.statut !== 'refuse' && alive.has(l.ficheId),
  );
  return {
    maquetteTotalCents: yearLines.reduce((sum, l) => sum + l.montantCents, 0),
    maquetteRows: new Set(yearLines.map((l) => l.ficheId)).size,
    filteredTotal: programme.fiches.filter(
      (f) =>
        f.orientationId === orientationId &&
        (f.maturite === 'engagee' || f.maturite === 'en_instruction'),
    ).length,
    textTotal: programme.fiches.filter((f) =>
      [f.titre, f.resume ?? '', f.maitreOuvrage ?? ''].some((t) => /chaleur/i.test(t)),
    ).length,
    statuts: STATUTS_FINANCEMENT.map(
      (s) => [s, programme.lines.filter((l) => l.statut === s).length] as const,
    ),
  };
}
