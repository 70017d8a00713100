import type {
  AvisTechnique,
  Categorie,
  ObjetEvolution,
  Role,
  TypeEvenement,
  TypeInstance,
  TypePhase,
} from '@trame/shared';

/**
 * The demo territory: the CRTE of the Communauté de communes du Thouarsais (Deux-Sèvres), one of
 * the pilot territories named in the CRTE guide, with its real 24 communes, and its neighbour the
 * Bocage Bressuirais. The texts are written for the demo; they follow the themes the territory
 * publicly works on (energy transition, industry, health, town centres) without quoting anyone.
 */
export const DEMO_PASSWORD = 'demo-trame';

export const DEMO_USERS: { email: string; nom: string; role: Role; categorie: Categorie }[] = [
  {
    email: 'animateur@trame.test',
    nom: 'Claire Moreau',
    role: 'animateur',
    categorie: 'collectivite',
  },
  { email: 'copil@trame.test', nom: 'Bernard Giraud', role: 'copil', categorie: 'elu' },
  { email: 'cotech@trame.test', nom: 'Sophie Lambert', role: 'cotech', categorie: 'etat' },
  {
    email: 'partenaire@trame.test',
    nom: 'Karim Benali',
    role: 'partenaire',
    categorie: 'entreprise_ess',
  },
  { email: 'habitant@trame.test', nom: 'Julie Rousseau', role: 'habitant', categorie: 'habitant' },
];

export const DEMO_NEIGHBOUR_USER = {
  email: 'animateur.bocage@trame.test',
  nom: 'Thomas Girard',
  categorie: 'collectivite' as Categorie,
};

export const THOUARSAIS = {
  slug: 'crte-thouarsais',
  nom: 'CRTE du Thouarsais',
  epciCode: '247900798',
  description:
    'Contrat de relance et de transition écologique de la Communauté de communes du Thouarsais : ' +
    'le projet de territoire partagé par les communes, l’État et les partenaires pour 2021-2026, ' +
    'autour d’un territoire à énergie positive, d’une industrie qui se transforme et de services ' +
    'accessibles à tous.',
  statut: 'en_mise_en_oeuvre' as const,
  dateDebut: '2021-07-01',
  dateFin: '2026-12-31',
  publie: true,
};

export const BOCAGE = {
  slug: 'crte-bocage-bressuirais',
  nom: 'CRTE du Bocage Bressuirais',
  epciCode: '200040244',
  description:
    'Contrat de relance et de transition écologique de l’Agglomération du Bocage Bressuirais.',
  statut: 'en_mise_en_oeuvre' as const,
  dateDebut: '2021-09-01',
  dateFin: '2026-12-31',
  publie: false,
};

export const SIGNATAIRES = [
  {
    organisation: 'État',
    representant: 'La préfète des Deux-Sèvres',
    qualite: 'Préfète',
    type: 'etat' as const,
    dateSignature: '2021-07-08',
  },
  {
    organisation: 'Communauté de communes du Thouarsais',
    representant: 'Le président',
    qualite: 'Président',
    type: 'epci' as const,
    dateSignature: '2021-07-08',
  },
  {
    organisation: 'Région Nouvelle-Aquitaine',
    representant: 'Le président du conseil régional',
    qualite: 'Président',
    type: 'region' as const,
    dateSignature: null,
  },
  {
    organisation: 'Banque des Territoires',
    representant: 'Le directeur régional',
    qualite: 'Directeur régional',
    type: 'operateur' as const,
    dateSignature: '2021-07-08',
  },
];

export const ORIENTATIONS: { titre: string; description: string; objectifs: string[] }[] = [
  {
    titre: 'Réussir la transition énergétique et écologique',
    description:
      'Poursuivre la trajectoire de territoire à énergie positive : produire localement autant ' +
      'd’énergie renouvelable qu’il en est consommé, sobriété, eau et biodiversité.',
    objectifs: [
      'Développer les énergies renouvelables locales et citoyennes',
      'Rénover le patrimoine bâti public et l’habitat privé',
      'Préserver la ressource en eau et la biodiversité de la vallée du Thouet',
    ],
  },
  {
    titre: 'Accompagner l’industrie, l’emploi et l’économie locale',
    description:
      'Une économie productive qui se transforme, en lien avec le programme Territoires d’industrie.',
    objectifs: [
      'Accompagner la transition écologique des entreprises industrielles',
      'Développer l’économie sociale et solidaire et l’économie circulaire',
      'Soutenir une agriculture durable et les circuits courts',
    ],
  },
  {
    titre: 'Garantir l’accès aux services, à la santé et à la cohésion sociale',
    description:
      'Des services de proximité accessibles à tous les habitants, en ville comme en campagne.',
    objectifs: [
      'Maintenir et renforcer l’offre de soins de proximité',
      'Revitaliser le centre-ville de Thouars et les centres-bourgs',
      'Favoriser l’inclusion numérique',
    ],
  },
  {
    titre: 'Renforcer l’attractivité : patrimoine, culture et mobilités',
    description:
      'Valoriser un patrimoine reconnu et rendre le territoire accessible sans voiture individuelle.',
    objectifs: [
      'Valoriser le patrimoine, la culture et le tourisme',
      'Développer les mobilités alternatives et le covoiturage',
    ],
  },
];

export const CONTRATS_LIES = [
  {
    type: 'territoires_industrie' as const,
    nom: 'Territoire d’industrie Nord Deux-Sèvres',
    articulation: 'valorise' as const,
    relationPerimetre: 'plus_large' as const,
    description:
      'Les actions du programme Territoires d’industrie sont valorisées dans le CRTE ; le ' +
      'programme garde sa gouvernance propre, à l’échelle du Nord Deux-Sèvres.',
    dateSignature: '2019-07-05',
    url: null,
  },
  {
    type: 'petites_villes_de_demain' as const,
    nom: 'Petites villes de demain — Thouars',
    articulation: 'integre' as const,
    relationPerimetre: 'plus_restreint' as const,
    description: 'La convention de revitalisation du centre-ville de Thouars est intégrée au CRTE.',
    dateSignature: '2021-05-20',
    url: null,
  },
  {
    type: 'contrat_local_sante' as const,
    nom: 'Contrat local de santé du Thouarsais',
    articulation: 'valorise' as const,
    relationPerimetre: 'identique' as const,
    description: '',
    dateSignature: null,
    url: null,
  },
];

export const COOPERATION = {
  nom: 'Coopération Nord Deux-Sèvres : industrie et mobilités',
  type: 'projet_commun' as const,
  description:
    'Le Thouarsais et le Bocage Bressuirais mènent ensemble les actions industrielles du ' +
    'Territoire d’industrie et une offre de mobilité entre leurs bassins d’emploi.',
};

/**
 * The phases of the Thouarsais contract, dated from the source documents: the circulaire of
 * 20 November 2020 opens the élaboration of the CRTE, which ends at the signature (8 July 2021);
 * the contract then runs over the mandate, to the end of 2026; its projects were set up for the
 * plan de relance 2020-2022; the concertation took place during the élaboration.
 */
export const PHASES: {
  type: TypePhase;
  libelle: string;
  dateDebut: string;
  dateFin: string;
  propositions: boolean;
  commentaires: boolean;
  consultations: boolean;
}[] = [
  {
    type: 'elaboration',
    libelle: '',
    dateDebut: '2020-11-20',
    dateFin: '2021-07-08',
    propositions: false,
    commentaires: true,
    consultations: false,
  },
  {
    type: 'concertation',
    libelle: 'Concertation sur le projet de territoire',
    dateDebut: '2021-03-01',
    dateFin: '2021-06-15',
    propositions: true,
    commentaires: true,
    consultations: true,
  },
  {
    type: 'mise_en_oeuvre',
    libelle: '',
    dateDebut: '2021-07-09',
    dateFin: '2026-12-31',
    propositions: true,
    commentaires: true,
    consultations: false,
  },
  {
    type: 'montage_operationnel',
    libelle: 'Montage des projets du plan de relance',
    dateDebut: '2021-09-01',
    dateFin: '2022-12-31',
    propositions: false,
    commentaires: true,
    consultations: false,
  },
  {
    type: 'evaluation',
    libelle: 'Évaluation finale du contrat',
    dateDebut: '2026-01-01',
    dateFin: '2026-12-31',
    propositions: false,
    commentaires: true,
    consultations: true,
  },
];

type DemoParticipant = { email: string } | { nom: string; categorie: Categorie };

/** Events of the demo contract, by the position of their phase in `PHASES`. */
export const EVENEMENTS: {
  phase: number;
  type: TypeEvenement;
  titre: string;
  date: string;
  heure: string | null;
  lieu: string;
  organisateur: string;
  description: string;
  participants: DemoParticipant[];
  comptages: { categorie: Categorie; nombre: number }[];
}[] = [
  {
    phase: 1,
    type: 'reunion_publique',
    titre: 'Réunion publique de lancement de la concertation',
    date: '2021-03-18',
    heure: '18:30',
    lieu: 'Thouars',
    organisateur: 'Communauté de communes du Thouarsais',
    description: 'Présentation de la démarche CRTE et du calendrier de la concertation.',
    participants: [{ email: 'animateur@trame.test' }, { email: 'copil@trame.test' }],
    comptages: [
      { categorie: 'habitant', nombre: 58 },
      { categorie: 'association', nombre: 14 },
      { categorie: 'entreprise', nombre: 7 },
      { categorie: 'elu', nombre: 9 },
    ],
  },
  {
    phase: 1,
    type: 'atelier',
    titre: 'Atelier « Territoire à énergie positive »',
    date: '2021-04-13',
    heure: '14:00',
    lieu: 'Thouars',
    organisateur: 'Service transition énergétique',
    description: 'Quelles actions pour produire localement autant d’énergie qu’on en consomme ?',
    participants: [
      { email: 'animateur@trame.test' },
      { email: 'copil@trame.test' },
      { email: 'partenaire@trame.test' },
      { nom: 'Jeanne Martin', categorie: 'association' },
      { nom: 'Paul Renaud', categorie: 'chambre_consulaire' },
      { nom: 'Lucie Fournier', categorie: 'conseil_developpement' },
    ],
    comptages: [],
  },
  {
    phase: 2,
    type: 'seance',
    titre: 'Comité de pilotage : programmation 2025',
    date: '2025-03-20',
    heure: '10:00',
    lieu: 'Thouars, siège de la communauté de communes',
    organisateur: 'Communauté de communes du Thouarsais',
    description: 'Validation de la maquette financière 2025.',
    participants: [
      { email: 'animateur@trame.test' },
      { email: 'copil@trame.test' },
      { email: 'cotech@trame.test' },
    ],
    comptages: [],
  },
  {
    phase: 4,
    type: 'permanence',
    titre: 'Permanence : le CRTE, qu’en pensez-vous ?',
    date: '2026-12-09',
    heure: '09:30',
    lieu: 'Thouars, halle du marché',
    organisateur: 'Équipe projet CRTE',
    description: 'Recueil des avis des habitants pour l’évaluation finale du contrat.',
    participants: [],
    comptages: [],
  },
];

/**
 * The contract's governance, as the CRTE guide describes it: a comité de pilotage (elected
 * officials, the State, signatories, widened to the consular chambers) assisted by a comité
 * technique (services of the communauté de communes and of the State) that meets before each
 * plenary and gives an avis technique on the fiches. Fiches are named by their demo number.
 */
export const GOUVERNANCE: {
  instances: {
    type: TypeInstance;
    nom: string;
    description: string;
    membres: ({ email: string } | { nom: string; email: string; categorie: Categorie })[];
  }[];
  seances: {
    instance: number;
    date: string;
    heure: string;
    lieu: string;
    /** The demo event this séance's attendance is recorded in, by its title. */
    evenement?: string;
    ordreDuJour: { titre: string; fiche?: number }[];
    avis: { fiche: number; avis: AvisTechnique; motifs: string }[];
    evolutions: { objet: ObjetEvolution; description: string; fiches: number[] }[];
  }[];
} = {
  instances: [
    {
      type: 'comite_pilotage',
      nom: 'Comité de pilotage du CRTE du Thouarsais',
      description:
        'Élus du territoire, État et signataires du contrat ; élargi aux chambres consulaires et au conseil de développement.',
      membres: [
        { email: 'animateur@trame.test' },
        { email: 'copil@trame.test' },
        {
          nom: 'Préfecture des Deux-Sèvres — sous-préfecture de Bressuire',
          email: 'crte.thouarsais@deux-sevres.gouv.fr',
          categorie: 'etat',
        },
        {
          nom: 'Chambre de commerce et d’industrie des Deux-Sèvres',
          email: 'territoires@deux-sevres.cci.fr',
          categorie: 'chambre_consulaire',
        },
      ],
    },
    {
      type: 'comite_technique',
      nom: 'Comité technique du CRTE',
      description:
        'Services de la communauté de communes, services déconcentrés de l’État et opérateurs ; se réunit avant chaque comité de pilotage.',
      membres: [
        { email: 'animateur@trame.test' },
        { email: 'cotech@trame.test' },
        {
          nom: 'Direction départementale des territoires des Deux-Sèvres',
          email: 'ddt-crte@deux-sevres.gouv.fr',
          categorie: 'etat',
        },
      ],
    },
  ],
  seances: [
    {
      instance: 1,
      date: '2025-03-06',
      heure: '14:00',
      lieu: 'Thouars, siège de la communauté de communes',
      ordreDuJour: [
        { titre: 'Préparation de la programmation 2025' },
        { titre: 'Avis technique : unité de méthanisation agricole', fiche: 7 },
        { titre: 'Avis technique : requalification de la ZA du Grand Rosé', fiche: 9 },
      ],
      avis: [
        {
          fiche: 7,
          avis: 'favorable_reserves',
          motifs:
            'Projet cohérent avec l’orientation énergie ; plan d’approvisionnement et étude d’impact à compléter avant tout engagement de crédits.',
        },
        {
          fiche: 9,
          avis: 'favorable',
          motifs: 'Maîtrise foncière acquise, calendrier réaliste, plan de financement équilibré.',
        },
      ],
      evolutions: [],
    },
    {
      instance: 0,
      date: '2025-03-20',
      heure: '10:00',
      lieu: 'Thouars, siège de la communauté de communes',
      evenement: 'Comité de pilotage : programmation 2025',
      ordreDuJour: [
        { titre: 'Validation de la maquette financière 2025' },
        { titre: 'Avis du comité technique sur les fiches présentées' },
        { titre: 'Inscription de la requalification de la ZA du Grand Rosé', fiche: 9 },
      ],
      avis: [],
      evolutions: [
        {
          objet: 'actions',
          description:
            'Inscription de la requalification de la zone d’activités du Grand Rosé au programme d’actions du contrat, après avis favorable du comité technique.',
          fiches: [9],
        },
      ],
    },
  ],
};
