import { CHAMP_REQUIS_LABELS, CHAMPS_REQUIS_ACTION, type Fiche } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ficheApi } from '../../../api/fiches';
import { useLabel } from '../../../i18n/labels';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { useFicheMutation } from '../queries';

interface PromoteDialogProps {
  fiche: Fiche;
  open: boolean;
  onClose: () => void;
  onPromoted: () => void;
}

/** A fiche action commits the contract: the dialog lists what must be filled in first. */
export function PromoteDialog({ fiche, open, onClose, onPromoted }: PromoteDialogProps) {
  const { t } = useTranslation();
  const promote = useFicheMutation(fiche.id, () => ficheApi.promote(fiche.id), {
    onSuccess: onPromoted,
  });
  const label = useLabel();
  const requis = (champ: string) => {
    const known = CHAMPS_REQUIS_ACTION.find((item) => item === champ);
    const text = known
      ? label(CHAMP_REQUIS_LABELS, known)
      : t(`ficheFields.${champ}` as 'ficheFields.titre', { defaultValue: champ });
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const missing = fiche.manquePourAction;
  const error = promote.error;
  const details = isApiError(error, 'promotion_incomplete') ? error.details : [];
  // Every mandatory item, ticked or not, then anything else the server says is missing.
  const items = [
    ...CHAMPS_REQUIS_ACTION.map((champ) => ({ champ, done: !missing.includes(champ) })),
    ...missing
      .filter((champ) => !CHAMPS_REQUIS_ACTION.some((item) => item === champ))
      .map((champ) => ({ champ, done: false })),
  ];

  return (
    <Dialog
      open={open}
      title={t('promotion.title')}
      onClose={() => {
        promote.reset();
        onClose();
      }}
    >
      <div className="dialog__body">
        <p>{t('promotion.intro')}</p>
        {missing.length === 0 ? (
          <p className="checklist__ready">{t('promotion.ready')}</p>
        ) : (
          <p className="checklist__intro">{t('promotion.missing', { count: missing.length })}</p>
        )}
        <ul className="checklist" aria-label={t('promotion.checklist')}>
          {items.map(({ champ, done }) => (
            <li
              key={champ}
              className={`checklist__item checklist__item--${done ? 'done' : 'todo'}`}
            >
              <span className="checklist__mark" aria-hidden="true">
                {done ? '✓' : '✗'}
              </span>
              {requis(champ)}
              <span className="checklist__state">
                {' '}
                — {done ? t('promotion.filled') : t('promotion.toFill')}
              </span>
            </li>
          ))}
        </ul>
        {error ? (
          <Alert tone="error" title={isApiError(error) ? error.message : t('errors.unexpected')}>
            {details.length > 0 && (
              <ul className="bullets">
                {details.map((detail) => (
                  <li key={detail.path}>{requis(detail.path)}</li>
                ))}
              </ul>
            )}
          </Alert>
        ) : null}
      </div>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => promote.mutate(undefined)} busy={promote.isPending}>
          {t('promotion.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
