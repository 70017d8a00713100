import {
  ISO_DOMAINE_LABELS,
  ISO_FINALITE_LABELS,
  type IsoDomaine,
  type IsoFinalite,
  MATURITE_LABELS,
  type Maturite,
  STATUT_FINANCEMENT_LABELS,
  type StatutFinancement,
  TYPE_FICHE_LABELS,
  type TypeFiche,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useLabel } from '../../../i18n/labels';
import { useContratContext } from '../../contrats/context';
import { ficheNumero } from '../FicheBadges';
import { useSourceLabel } from '../queries';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns a value recorded by the history (any field of a fiche, or a financing line) into words:
 * amounts in euros, codes as their labels, ids as names, dates in the reader's language.
 */
export function useHistoryValue() {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { contrat } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const communeNom = (code: string) =>
    contrat.perimetre.communes.find((commune) => commune.code === code)?.nom ?? code;
  const objectifs = contrat.orientations.flatMap((orientation) =>
    orientation.objectifs.map((objectif) => ({
      id: objectif.id,
      label: `${orientation.numero}.${objectif.numero} ${objectif.titre}`,
    })),
  );

  const line = (value: Record<string, unknown>): string =>
    [
      typeof value.source === 'string' ? sourceLabel(value.source) : null,
      typeof value.annee === 'number' ? String(value.annee) : null,
      typeof value.montantCents === 'number' ? format.euros(value.montantCents) : null,
      typeof value.statut === 'string' && value.statut in STATUT_FINANCEMENT_LABELS
        ? label(STATUT_FINANCEMENT_LABELS, value.statut as StatutFinancement)
        : null,
      typeof value.commentaire === 'string' && value.commentaire
        ? `« ${value.commentaire} »`
        : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const item = (champ: string | null, value: unknown): string => {
    if (typeof value === 'string') {
      switch (champ) {
        case 'communes':
          return communeNom(value);
        case 'isoFinalites':
          return value in ISO_FINALITE_LABELS
            ? label(ISO_FINALITE_LABELS, value as IsoFinalite)
            : value;
        case 'isoDomaines':
          return value in ISO_DOMAINE_LABELS
            ? label(ISO_DOMAINE_LABELS, value as IsoDomaine)
            : value;
        case 'objectifIds':
          return objectifs.find((objectif) => objectif.id === value)?.label ?? value;
        default:
          return value;
      }
    }
    if (typeof value === 'number') return champ === 'odd' ? `ODD ${value}` : String(value);
    if (isRecord(value)) {
      if ('montantCents' in value || 'source' in value) return line(value);
      if (typeof value.libelle === 'string') {
        const extra = [
          typeof value.date === 'string' ? format.date(value.date) : null,
          value.fait === true ? t('fiche.jalonDone') : null,
          typeof value.cible === 'number'
            ? `${format.decimal(value.cible)} ${String(value.unite ?? '')}`.trim()
            : null,
        ].filter(Boolean);
        return extra.length > 0 ? `${value.libelle} (${extra.join(', ')})` : value.libelle;
      }
      if (typeof value.nom === 'string') return value.nom;
      // A creation or an import records the fiche as it was born.
      if (typeof value.titre === 'string') {
        return typeof value.numero === 'number'
          ? `${ficheNumero(value.numero)} ${value.titre}`
          : value.titre;
      }
    }
    return JSON.stringify(value);
  };

  return (champ: string | null, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.empty');
    if (Array.isArray(value)) {
      return value.length === 0
        ? t('history.empty')
        : value.map((entry) => item(champ, entry)).join(', ');
    }
    if (typeof value === 'boolean') return value ? t('fiches.oui') : t('fiches.non');
    if (typeof value === 'number' && champ === 'coutCents') return format.euros(value);
    if (typeof value === 'string') {
      switch (champ) {
        case 'maturite':
          return value in MATURITE_LABELS ? label(MATURITE_LABELS, value as Maturite) : value;
        case 'type':
          return value in TYPE_FICHE_LABELS ? label(TYPE_FICHE_LABELS, value as TypeFiche) : value;
        case 'dateDebut':
        case 'dateFin':
          return /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.date(value) : value;
        case 'orientationId': {
          const orientation = contrat.orientations.find((o) => o.id === value);
          return orientation ? `${orientation.numero}. ${orientation.titre}` : value;
        }
        case 'public':
          return value;
        default:
          return item(champ, value);
      }
    }
    return item(champ, value);
  };
}
