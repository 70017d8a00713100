/**
 * CRTE core indicators ("indicateurs socle") pre-loaded in the indicator catalogue (DESIGN.md §2
 * "Suivi et évaluation").
 *
 * PROVENANCE — READ BEFORE RELYING ON THIS LIST
 *
 * 1. The official document. The CRTE guide in `seeds/000_206e379504b1dcc6.txt` (section
 *    "Suivre, évaluer et faire évoluer son CRTE", line 151) links to the ANCT sheets as
 *    "211020FichesindicateurssocleCRTEV7.pdf" (the file name reads "Fiches indicateurs socle CRTE,
 *    V7, 2021-10-20"), hosted at:
 *    http://www.communecter.org/upload/communecter/organizations/5ca1b2bb40bb4e9352ba351b/file/61928cbba5de9a3d0c74b9b2/211020FichesindicateurssocleCRTEV7.pdf
 *    No stored copy of that PDF, nor of any other ANCT page listing the socle, could be found
 *    (searched: stored web pages, documentation, public code, GitHub issues). Its content is NOT
 *    verified here.
 *
 * 2. What the entries below come from. The CRTE indicator referential that ADEME's
 *    "Territoires en Transitions" platform (open source, repository
 *    https://github.com/incubateur-ademe/territoires-en-transitions) publishes under the name
 *    "Indicateurs CRTE", to let contracts fill in their CRTE indicators (issue #77, "Je peux remplir
 *    les indicateurs CRTE (COT) dans l'outil", 2021-05-21; PR #697, "ajout des .md des indicateurs
 *    CRTE"). Read from:
 *    - `data_layer/postgres/content/23-referentiel-crte.sql`, commit
 *      323aa031b7002a28b5eaa3c45a1795e0e298e4f8 (codes, labels, units, definitions, calculation
 *      method, data sources, frequency, associated environmental objective, public policy,
 *      strategic objective: every field used below);
 *    - cross-checked against `markdown/indicateurs/crte/crte_001.md` … `crte_005.md` (same
 *      content) and a 2023-06-20 dump of the same table (identical labels and units; the
 *      `source` column is empty for every CRTE row).
 *    Each of its 13 sheets carries the fields of a national "fiche indicateur" (définition,
 *    modalités de calcul, sources, périodicité, objectif environnemental associé, politique
 *    publique, objectif stratégique, objectif opérationnel national), and the numbering 1 to 13
 *    is the platform's. That these 13 sheets are ANCT's V7 socle is LIKELY but UNVERIFIED: the
 *    repository never names its upstream document. Check against the PDF above before presenting
 *    the list as the official socle.
 *
 * 3. Not covered. The 2023+ "CRTE nouvelle génération" (contrats pour la réussite de la transition
 *    écologique) and the key indicators of the COP régionales / territorialisation of the
 *    planification écologique (SGPE dashboard): no list of them could be found, so none is here.
 *    The seed documents name no indicator: they only ask the three questions of monitoring
 *    (rythme, résultats, impacts).
 *
 * Labels and units are the source's, unchanged. `description` and `methode` summarise the
 * source's "Définition" and "Modalités de calcul" (not copied in full); `donnees` summarises its
 * "Sources" field.
 */

/** Where a reference indicator comes from; see the header comment for the details. */
export const SOURCES_INDICATEURS = {
  tet_crte: {
    titre: 'Territoires en Transitions — référentiel « Indicateurs CRTE » (13 fiches)',
    editeur: 'ADEME, incubateur Territoires en Transitions',
    date: 'published 2021 (issue #77 of 2021-05-21); dump of 2023-06-20 identical',
    url: 'https://github.com/incubateur-ademe/territoires-en-transitions/blob/323aa031b7002a28b5eaa3c45a1795e0e298e4f8/data_layer/postgres/content/23-referentiel-crte.sql',
    /** False: not checked against ANCT's "Fiches indicateurs socle CRTE V7" (2021-10-20). */
    verifieContreAnct: false,
  },
} as const;
export type SourceIndicateur = keyof typeof SOURCES_INDICATEURS;

/** The official ANCT sheets the CRTE guide (seed 000) links to; not retrieved, see the header. */
export const FICHES_INDICATEURS_SOCLE_ANCT = {
  titre: 'Fiches indicateurs socle CRTE — V7',
  editeur: 'ANCT (Agence nationale de la cohésion des territoires)',
  date: '2021-10-20 (from the file name)',
  url: 'http://www.communecter.org/upload/communecter/organizations/5ca1b2bb40bb4e9352ba351b/file/61928cbba5de9a3d0c74b9b2/211020FichesindicateurssocleCRTEV7.pdf',
} as const;

/** Every unit the reference indicators use, written as their source writes it. */
export const UNITES_INDICATEUR = [
  '%',
  'ha',
  'km',
  'km²',
  'kg/hab',
  'tonnes',
  'teq CO2',
  'teq CO2/hab',
  'GWh',
  'MWh',
  'MWh/hab',
] as const;
export type UniteIndicateur = (typeof UNITES_INDICATEUR)[number];

export interface IndicateurSocle {
  /** The source's identifier (`crte_<fiche>.<n>`), kept so values can be exchanged with it. */
  readonly code: string;
  /** Number of the source sheet (1 to 13) the indicator belongs to. */
  readonly fiche: number;
  readonly libelle: string;
  readonly unite: UniteIndicateur;
  /** The sheet's "Politique publique". */
  readonly thematique: string;
  /** The sheet's "Objectif environnemental associé". */
  readonly objectifEnvironnemental: string;
  /** The sheet's "Objectif stratégique". */
  readonly objectifStrategique: string;
  readonly description: string;
  readonly methode: string;
  /** Where the data is found (the sheet's "Sources"). */
  readonly donnees: string;
  readonly periodicite: string;
  readonly source: SourceIndicateur;
}

const CLIMAT = 'Lutte contre le changement climatique';
const OBSERVATOIRES = 'Observatoires régionaux de l’énergie, du climat et de l’air';
const ENR_DEFINITION =
  'Production annuelle d’énergie renouvelable du territoire au sens des PCAET (décret n° 2016-849 ' +
  'et arrêté du 4 août 2016) : électricité, chaleur, biométhane et biocarburants. ' +
  'L’hydroélectricité est suivie à part pour que les grandes installations n’écrasent pas les autres filières.';
const ENR_METHODE =
  'Somme de la production par filière et par type d’énergie. Conventions de la fiche : 50 % de la ' +
  'chaleur et de l’électricité issues de l’incinération des déchets comptées renouvelables ; pompes à ' +
  'chaleur retenues selon leur efficacité énergétique ; cogénération fossile exclue.';
const AIR_DEFINITION =
  'Suivi annuel de la qualité de l’air par les émissions de cinq polluants : SO2, NOx, COVNM, PM2,5 et NH3.';
const AIR_METHODE = 'Calcul selon la méthode PCIT définie au niveau national.';
const DMA_METHODE =
  'Cumul des tonnages des déchèteries et des services de collecte ayant fonctionné au moins un jour ' +
  'dans l’année, rapporté à la population légale (INSEE).';

const air = (polluant: string, code: string): IndicateurSocle => ({
  code: `crte_11.1-${code}`,
  fiche: 11,
  libelle: `Emissions annuelles de ${polluant} du territoire (tonnes)`,
  unite: 'tonnes',
  thematique: 'Prévention des risques et santé environnementale',
  objectifEnvironnemental: 'Lutte contre les pollutions',
  objectifStrategique: 'Réduire les émissions de polluants atmosphériques',
  description: AIR_DEFINITION,
  methode: AIR_METHODE,
  donnees: OBSERVATOIRES,
  periodicite: 'Annuelle',
  source: 'tet_crte',
});

/** The reference CRTE indicators, in the order of their sheets (see the header for provenance). */
export const INDICATEURS_SOCLE: readonly IndicateurSocle[] = [
  {
    code: 'crte_1.1',
    fiche: 1,
    libelle: 'Emissions de GES annuelles du territoire (TeqCO2 / an)',
    unite: 'teq CO2',
    thematique: 'Limitation du changement climatique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Réduire les émissions de gaz à effet de serre (GES)',
    description: 'Émissions de gaz à effet de serre totales du territoire.',
    methode:
      'Outil Bilan GES Territoire de l’ADEME (approche globale de préférence) ou méthode équivalente.',
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_1.2',
    fiche: 1,
    libelle: 'Emissions de GES annuelles par habitant (TeqCO2 / an / hab)',
    unite: 'teq CO2/hab',
    thematique: 'Limitation du changement climatique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Réduire les émissions de gaz à effet de serre (GES)',
    description: 'Émissions de gaz à effet de serre totales du territoire, par habitant.',
    methode:
      'Outil Bilan GES Territoire de l’ADEME (approche globale de préférence) ou méthode équivalente, ' +
      'rapporté au nombre d’habitants.',
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_2.1',
    fiche: 2,
    libelle: 'Consommation énergétique finale annuelle (GWh)',
    unite: 'GWh',
    thematique: 'Transition énergétique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Réduire la consommation finale d’énergie',
    description:
      'Consommation énergétique finale du territoire, toutes énergies et tous secteurs confondus.',
    methode:
      'Somme des consommations réelles des utilisateurs finaux, électricité et chaleur (énergies ' +
      'secondaires) comprises.',
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_2.1.hab',
    fiche: 2,
    libelle: 'Consommation énergétique finale annuelle (MWh/hab)',
    unite: 'MWh/hab',
    thematique: 'Transition énergétique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Réduire la consommation finale d’énergie',
    description:
      'Consommation énergétique finale du territoire, toutes énergies et tous secteurs confondus, ' +
      'par habitant.',
    methode:
      'Consommation finale totale du territoire rapportée à la population statistique (INSEE).',
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_3.1',
    fiche: 3,
    libelle: 'Production annuelle d’ENR du territoire hors hydroélectrique (MWh / an)',
    unite: 'MWh',
    thematique: 'Transition énergétique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Augmenter la production d’énergie renouvelable',
    description: ENR_DEFINITION,
    methode: `${ENR_METHODE} Hydroélectricité exclue.`,
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_3.2',
    fiche: 3,
    libelle: 'Production annuelle d’énergie hydroélectrique du territoire (MWh / an)',
    unite: 'MWh',
    thematique: 'Transition énergétique',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Augmenter la production d’énergie renouvelable',
    description: ENR_DEFINITION,
    methode: 'Production annuelle d’énergie hydroélectrique du territoire, comptabilisée à part.',
    donnees: OBSERVATOIRES,
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_4.1',
    fiche: 4,
    libelle: 'Surface Agricole Utile totale du territoire (ha)',
    unite: 'ha',
    thematique: 'Agriculture et alimentation durable',
    objectifEnvironnemental: `${CLIMAT} ; Gestion de la ressource en eau ; Biodiversité`,
    objectifStrategique: 'Développement de l’agriculture biologique',
    description: 'Surface agricole utile (SAU) totale du territoire.',
    methode: 'Somme des surfaces agricoles utiles du territoire.',
    donnees: 'Agence bio ; DRAAF / DDTM',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_4.2',
    fiche: 4,
    libelle: 'Part de la surface agricole utile en agriculture biologique (%)',
    unite: '%',
    thematique: 'Agriculture et alimentation durable',
    objectifEnvironnemental: `${CLIMAT} ; Gestion de la ressource en eau ; Biodiversité`,
    objectifStrategique: 'Développement de l’agriculture biologique',
    description: 'Part de la SAU du territoire certifiée agriculture biologique ou en conversion.',
    methode:
      'Surfaces (en SAU) en agriculture biologique, certifiées ou en conversion, rapportées à la SAU ' +
      'totale du territoire.',
    donnees: 'Agence bio ; DRAAF / DDTM',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_5.1',
    fiche: 5,
    libelle:
      'Part modale des modes actifs et transports en commun dans les déplacements domicile-travail',
    unite: '%',
    thematique: 'Mobilité',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Décarboner la mobilité',
    description:
      'Part des trajets domicile-travail faits principalement à pied, à vélo ou autre mode actif, ou ' +
      'en transport en commun.',
    methode:
      'Trajets domicile-travail dont le mode principal (par durée ou distance) est actif ou collectif, ' +
      'divisés par l’ensemble des trajets domicile-travail, × 100.',
    donnees:
      'INSEE, recensement de la population (déplacements domicile-travail), communes agrégées',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_6.1',
    fiche: 6,
    libelle: 'Linéaire d’aménagements cyclables sécurisés',
    unite: 'km',
    thematique: 'Mobilité',
    objectifEnvironnemental: CLIMAT,
    objectifStrategique: 'Décarboner la mobilité',
    description: 'Longueur des pistes cyclables en site propre et des voies vertes du territoire.',
    methode:
      'Somme des longueurs ; une piste de chaque côté d’une route compte deux fois, une piste ' +
      'bidirectionnelle compte double.',
    donnees: 'amenagements-cyclables.fr ; transport.data.gouv.fr ; DREAL / DDTM',
    periodicite: 'Infra-annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_7.1',
    fiche: 7,
    libelle: 'Population située dans une zone à risque naturel élevé',
    unite: '%',
    thematique: 'Prévention des risques',
    objectifEnvironnemental: 'Adaptation au changement climatique',
    objectifStrategique:
      'Réduire la vulnérabilité vis-à-vis de ces risques naturels ou a minima veiller à ne pas ' +
      'l’accroître, faire émerger des opportunités',
    description:
      'Part de la population résidant en zone de risque naturel fort ou très fort (inondation, ' +
      'submersion marine comprise ; mouvements de terrain).',
    methode:
      'Population en zone d’aléa fort ou très fort (PPR, cartes TRI, porter à connaissance) ' +
      'rapportée à la population totale du territoire.',
    donnees:
      'Fichiers fonciers du Cerema (datafoncier.cerema.fr) croisés avec les zones d’aléas des PPR, ' +
      'TRI et PAC (DDT)',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_8.1',
    fiche: 8,
    libelle: 'Taux de fuite des réseaux d’eau du territoire (%)',
    unite: '%',
    thematique: 'Eau',
    objectifEnvironnemental: 'Gestion de la ressource en eau',
    objectifStrategique: 'Réduire les consommations d’eau',
    description:
      'Pertes des réseaux de distribution d’eau potable : écart entre l’eau produite ou importée et ' +
      'l’eau consommée, comptée ou exportée.',
    methode: '100 − rendement du réseau, selon l’indicateur P104.3 des services d’eau (SISPEA).',
    donnees: 'Observatoire SISPEA (services publics d’eau et d’assainissement), indicateur P104.3',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_9.1',
    fiche: 9,
    libelle: 'Part des cours d’eau en bon état écologique (%)',
    unite: '%',
    thematique: 'Eau',
    objectifEnvironnemental: 'Gestion de la ressource en eau',
    objectifStrategique: 'Restaurer les milieux aquatiques',
    description: 'Part des cours d’eau de surface en bon ou très bon état écologique.',
    methode:
      'Masses d’eau en bon ou très bon état écologique sur l’ensemble des masses d’eau du territoire ' +
      '(une masse d’eau en fait partie si plus de 1 % s’y trouve).',
    donnees: 'Dernière évaluation de l’état des eaux (DCE) publiée par l’agence de l’eau',
    periodicite: 'Tous les 6 ans (état des lieux DCE du bassin)',
    source: 'tet_crte',
  },
  {
    code: 'crte_10.1',
    fiche: 10,
    libelle: 'Collecte annuelle de déchets ménagers et assimilés avec gravats',
    unite: 'kg/hab',
    thematique: 'Economie circulaire et circuits courts',
    objectifEnvironnemental:
      'Economie circulaire, déchets et prévention des risques technologiques',
    objectifStrategique: 'Réduire la production de déchets',
    description:
      'Tonnage des déchets ménagers et assimilés (DMA) collectés dans l’année, gravats compris, par ' +
      'habitant.',
    methode: DMA_METHODE,
    donnees: 'Base SINOE (ADEME)',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  {
    code: 'crte_10.2',
    fiche: 10,
    libelle: 'Collecte annuelle de déchets ménagers et assimilés hors gravats (kg/hab)',
    unite: 'kg/hab',
    thematique: 'Economie circulaire et circuits courts',
    objectifEnvironnemental:
      'Economie circulaire, déchets et prévention des risques technologiques',
    objectifStrategique: 'Réduire la production de déchets',
    description:
      'Tonnage des déchets ménagers et assimilés (DMA) collectés dans l’année, hors gravats, par ' +
      'habitant.',
    methode: DMA_METHODE,
    donnees: 'Base SINOE (ADEME)',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
  air('SO2', 'SO2'),
  air('NOx', 'NOx'),
  air('COVNM', 'COVNM'),
  air('PM2,5', 'PM'),
  air('NH3', 'NH3'),
  {
    code: 'crte_12.1',
    fiche: 12,
    libelle: 'Indicateur de fragmentation des milieux naturels (km²)',
    unite: 'km²',
    thematique: 'Préservation de la biodiversité, Trame verte et bleue',
    objectifEnvironnemental:
      'Biodiversité, protection des espaces naturels, agricoles et forestiers, protection des espèces',
    objectifStrategique:
      'Restaurer et renforcer la biodiversité végétale et animale via les continuités écologiques',
    description:
      'Fragmentation des espaces naturels par la taille effective de maille (méthode CUT ou CBC) : ' +
      'elle diminue quand les barrières (routes, zones urbanisées…) se multiplient.',
    methode:
      'Somme des carrés des surfaces des espaces naturels non fragmentés, rapportée à la surface ' +
      'totale du territoire.',
    donnees:
      'CORINE Land Cover croisée avec la BD Carto de l’IGN ; mise à disposition par le Cerema (sous ' +
      'réserve)',
    periodicite: 'Tous les 6 ans environ (CORINE Land Cover)',
    source: 'tet_crte',
  },
  {
    code: 'crte_13.1',
    fiche: 13,
    libelle: 'Artificialisation des espaces naturels, agricoles, forestiers (ha)',
    unite: 'ha',
    thematique: 'Lutte contre l’artificialisation des sols',
    objectifEnvironnemental:
      'Biodiversité, protection des espaces naturels, agricoles et forestiers',
    objectifStrategique: 'Réduire le rythme d’artificialisation des sols',
    description:
      'Consommation annuelle d’espaces naturels, agricoles ou forestiers (NAF) par des opérations ' +
      'd’aménagement (habitat, activités, infrastructures, équipements…).',
    methode: 'Somme des consommations annuelles d’espaces NAF des communes du territoire.',
    donnees: 'Fichiers fonciers (données fiscales retraitées par le Cerema)',
    periodicite: 'Annuelle',
    source: 'tet_crte',
  },
];
