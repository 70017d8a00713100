import {
  type Fiche,
  type FinancementLine,
  STATUT_FINANCEMENT_LABELS,
  type StatutFinancement,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { useLabel } from '../../../i18n/labels';
import { Badge, type BadgeTone } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { TableScroll } from '../../../ui/TableScroll';
import { useContratContext } from '../../contrats/context';
import { ficheNumero } from '../FicheBadges';
import { useSourceLabel } from '../queries';

const STATUT_TONES: Record<StatutFinancement, BadgeTone> = {
  acquis: 'success',
  sollicite: 'info',
  refuse: 'warning',
};

export function StatutFinancementBadge({ statut }: { statut: StatutFinancement }) {
  const label = useLabel();
  return <Badge tone={STATUT_TONES[statut]}>{label(STATUT_FINANCEMENT_LABELS, statut)}</Badge>;
}

interface FinancementTableProps {
  fiche: Fiche;
  canEdit: boolean;
  onEdit: (line: FinancementLine) => void;
  onRemove: (line: FinancementLine) => void;
}

/** The plan's lines, by year then source. */
export function FinancementTable({ fiche, canEdit, onEdit, onRemove }: FinancementTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const sourceLabel = useSourceLabel(contrat.id);
  const caption = t('financement.caption', { numero: ficheNumero(fiche.numero) });
  const lines = [...fiche.financements].sort(
    (a, b) => a.annee - b.annee || sourceLabel(a.source).localeCompare(sourceLabel(b.source)),
  );
  if (lines.length === 0) return <p className="muted">{t('financement.empty')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="table table--compact financement-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('financement.source')}</th>
            <th scope="col">{t('financement.annee')}</th>
            <th scope="col">{t('financement.statut')}</th>
            <th scope="col" className="num">
              {t('financement.montant')}
            </th>
            <th scope="col">{t('financement.commentaire')}</th>
            {canEdit && (
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const name = `${sourceLabel(line.source)} ${line.annee}`;
            return (
              <tr key={line.id}>
                <th scope="row">{sourceLabel(line.source)}</th>
                <td className="mono">{line.annee}</td>
                <td>
                  <StatutFinancementBadge statut={line.statut} />
                </td>
                <td className="num">{format.euros(line.montantCents)}</td>
                <td>{line.commentaire || <span className="muted">—</span>}</td>
                {canEdit && (
                  <td className="actions">
                    <Button
                      size="sm"
                      variant="tertiary"
                      onClick={() => onEdit(line)}
                      aria-label={t('financement.editLine', { nom: name })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="tertiary"
                      onClick={() => onRemove(line)}
                      aria-label={t('financement.removeLine', { nom: name })}
                    >
                      {t('common.delete')}
                    </Button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
