import { TYPES_CONTRIBUTION, type TypeContribution, type TypePhase } from './participation.js';
import { CATEGORIES, type Categorie } from './roles.js';

/**
 * The participation report of a contract: per phase and per stakeholder category, how many
 * people took part, what they contributed, and who came to the events. It holds counts only —
 * never a name — so it can be published as it is.
 */

export interface ParticipationChiffres {
  /** Distinct people: accounts that contributed or were named at an event, and named guests. */
  personnes: number;
  contributions: Record<TypeContribution, number>;
  totalContributions: number;
  /** Named participants at the phase's events (one per person and event). */
  presentsNommes: number;
  /** People counted per category at public meetings, without names. */
  presentsComptes: number;
}

export interface ParticipationCategorie extends ParticipationChiffres {
  categorie: Categorie;
}

export interface ParticipationPhase {
  /** Null for what happened while no phase was current ("hors phase"). */
  phaseId: string | null;
  type: TypePhase | null;
  libelle: string;
  ordre: number | null;
  dateDebut: string | null;
  dateFin: string | null;
  evenements: number;
  /** Every category, in the reference order, zeros included. */
  categories: ParticipationCategorie[];
  total: ParticipationChiffres;
}

export interface ParticipationReport {
  contratId: string;
  /** When the counts were read (ISO instant). */
  genereLe: string;
  phases: ParticipationPhase[];
  /** Per category over the whole contract (a person counted once across phases). */
  categories: ParticipationCategorie[];
  total: ParticipationChiffres & { evenements: number };
}

export interface ReportPhase {
  id: string;
  type: TypePhase;
  libelle: string;
  ordre: number;
  dateDebut: string | null;
  dateFin: string | null;
}

/** What the database counts, grouped; `phaseId` null is "hors phase". */
export interface ReportInputs {
  phases: readonly ReportPhase[];
  contributions: readonly {
    phaseId: string | null;
    categorie: Categorie;
    type: TypeContribution;
    nombre: number;
  }[];
  /** One row per person, phase and category in which they took part; `cle` names the person. */
  personnes: readonly { phaseId: string | null; categorie: Categorie; cle: string }[];
  presences: readonly {
    phaseId: string;
    categorie: Categorie;
    nommes: number;
    comptes: number;
  }[];
  evenements: readonly { phaseId: string; nombre: number }[];
}

/**
 * Who a participant is, for counting distinct people: an account by its id; a guest named at an
 * event by their name, so that "Jeanne Martin" at two workshops is one person.
 */
export function personKey(person: { userId: string | null; nom: string }): string {
  if (person.userId) return `u:${person.userId}`;
  return `n:${person.nom.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')}`;
}

function zeroContributions(): Record<TypeContribution, number> {
  return Object.fromEntries(TYPES_CONTRIBUTION.map((t) => [t, 0])) as Record<
    TypeContribution,
    number
  >;
}

class Tally {
  readonly people = new Set<string>();
  readonly contributions = zeroContributions();
  presentsNommes = 0;
  presentsComptes = 0;

  get empty(): boolean {
    return (
      this.people.size === 0 &&
      this.presentsNommes === 0 &&
      this.presentsComptes === 0 &&
      TYPES_CONTRIBUTION.every((t) => this.contributions[t] === 0)
    );
  }

  chiffres(): ParticipationChiffres {
    return {
      personnes: this.people.size,
      contributions: { ...this.contributions },
      totalContributions: TYPES_CONTRIBUTION.reduce((sum, t) => sum + this.contributions[t], 0),
      presentsNommes: this.presentsNommes,
      presentsComptes: this.presentsComptes,
    };
  }
}

/** One tally per (phase, category), per phase, per category and overall, fed the same rows. */
class Tallies {
  private readonly cells = new Map<string, Tally>();

  at(phaseId: string | null, categorie: Categorie | null): Tally {
    const key = `${phaseId ?? '-'}|${categorie ?? '*'}`;
    let tally = this.cells.get(key);
    if (!tally) {
      tally = new Tally();
      this.cells.set(key, tally);
    }
    return tally;
  }

  /** The four tallies a row of (phase, category) counts in. */
  each(phaseId: string | null, categorie: Categorie, apply: (tally: Tally) => void): void {
    apply(this.at(phaseId, categorie));
    apply(this.at(phaseId, null));
    apply(this.at('all', categorie));
    apply(this.at('all', null));
  }
}

export function buildParticipationReport(
  contratId: string,
  inputs: ReportInputs,
  genereLe: Date,
): ParticipationReport {
  const known = new Set(inputs.phases.map((p) => p.id));
  // The counts and the phases are separate reads: a row of a phase deleted in between is counted
  // with what happened outside any phase, as the database will have it from then on.
  const phaseOf = (id: string | null) => (id !== null && known.has(id) ? id : null);
  const tallies = new Tallies();
  for (const row of inputs.contributions) {
    tallies.each(phaseOf(row.phaseId), row.categorie, (t) => {
      t.contributions[row.type] += row.nombre;
    });
  }
  for (const row of inputs.personnes) {
    tallies.each(phaseOf(row.phaseId), row.categorie, (t) => t.people.add(row.cle));
  }
  for (const row of inputs.presences) {
    tallies.each(phaseOf(row.phaseId), row.categorie, (t) => {
      t.presentsNommes += row.nommes;
      t.presentsComptes += row.comptes;
    });
  }
  const events = new Map<string | null, number>();
  for (const row of inputs.evenements) {
    const phaseId = phaseOf(row.phaseId);
    events.set(phaseId, (events.get(phaseId) ?? 0) + row.nombre);
  }

  const perCategory = (phaseId: string | null) =>
    CATEGORIES.map((categorie) => ({
      categorie,
      ...tallies.at(phaseId, categorie).chiffres(),
    }));
  const phases: ParticipationPhase[] = [...inputs.phases]
    .sort((a, b) => a.ordre - b.ordre)
    .map((phase) => ({
      phaseId: phase.id,
      type: phase.type,
      libelle: phase.libelle,
      ordre: phase.ordre,
      dateDebut: phase.dateDebut,
      dateFin: phase.dateFin,
      evenements: events.get(phase.id) ?? 0,
      categories: perCategory(phase.id),
      total: tallies.at(phase.id, null).chiffres(),
    }));
  const horsPhase = tallies.at(null, null);
  if (!horsPhase.empty || events.has(null)) {
    phases.push({
      phaseId: null,
      type: null,
      libelle: '',
      ordre: null,
      dateDebut: null,
      dateFin: null,
      evenements: events.get(null) ?? 0,
      categories: perCategory(null),
      total: horsPhase.chiffres(),
    });
  }
  let evenements = 0;
  for (const count of events.values()) evenements += count;
  return {
    contratId,
    genereLe: genereLe.toISOString(),
    phases,
    categories: perCategory('all'),
    total: { ...tallies.at('all', null).chiffres(), evenements },
  };
}
