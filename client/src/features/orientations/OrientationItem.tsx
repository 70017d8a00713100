import type { Orientation } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { MoveButtons } from './MoveButtons';
import type { Editing, Removing } from './OrientationsTab';

interface OrientationItemProps {
  orientation: Orientation;
  isFirst: boolean;
  isLast: boolean;
  canManage: boolean;
  onMove: (kind: 'orientation' | 'objectif', id: string, numero: number, delta: -1 | 1) => void;
  onEdit: (editing: Editing) => void;
  onRemove: (removing: Removing) => void;
}

export function OrientationItem({
  orientation,
  isFirst,
  isLast,
  canManage,
  onMove,
  onEdit,
  onRemove,
}: OrientationItemProps) {
  const { t } = useTranslation();
  return (
    <li className="orientation">
      <div className="orientation__header">
        <span className="orientation__numero" aria-hidden="true">
          {orientation.numero}
        </span>
        <h3 className="orientation__title">
          <span className="orientation__kicker">
            {t('orientations.orientationN', { numero: orientation.numero })}
            <span className="sr-only"> : </span>
          </span>
          {orientation.titre}
        </h3>
        {canManage && (
          <div className="orientation__actions">
            <MoveButtons
              idPrefix={`orientation-${orientation.id}`}
              name={orientation.titre}
              isFirst={isFirst}
              isLast={isLast}
              onMove={(delta) => onMove('orientation', orientation.id, orientation.numero, delta)}
            />
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => onEdit({ kind: 'orientation', orientation })}
              aria-label={t('common.editNamed', { nom: orientation.titre })}
            >
              {t('common.edit')}
            </Button>
            <Button
              size="sm"
              variant="tertiary"
              onClick={() => onRemove({ kind: 'orientation', orientation })}
              aria-label={t('common.deleteNamed', { nom: orientation.titre })}
            >
              {t('common.delete')}
            </Button>
          </div>
        )}
      </div>
      {orientation.description && (
        <p className="orientation__description prose">{orientation.description}</p>
      )}
      <div className="objectifs">
        <h4 className="objectifs__title">{t('orientations.objectifs')}</h4>
        {orientation.objectifs.length === 0 ? (
          <p className="muted">{t('orientations.noObjectif')}</p>
        ) : (
          <ol className="objectifs__list">
            {orientation.objectifs.map((objectif, index) => {
              const code = `${orientation.numero}.${objectif.numero}`;
              return (
                <li key={objectif.id} className="objectif">
                  <span className="objectif__numero">{code}</span>
                  <div className="objectif__text">
                    <p className="objectif__title">{objectif.titre}</p>
                    {objectif.description && (
                      <p className="objectif__description">{objectif.description}</p>
                    )}
                  </div>
                  {canManage && (
                    <div className="objectif__actions">
                      <MoveButtons
                        idPrefix={`objectif-${objectif.id}`}
                        name={`${code} ${objectif.titre}`}
                        isFirst={index === 0}
                        isLast={index === orientation.objectifs.length - 1}
                        onMove={(delta) => onMove('objectif', objectif.id, objectif.numero, delta)}
                      />
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => onEdit({ kind: 'objectif', orientation, objectif })}
                        aria-label={t('common.editNamed', { nom: `${code} ${objectif.titre}` })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() =>
                          onRemove({
                            kind: 'objectif',
                            objectif,
                            label: `${code} ${objectif.titre}`,
                          })
                        }
                        aria-label={t('common.deleteNamed', { nom: `${code} ${objectif.titre}` })}
                      >
                        {t('common.delete')}
                      </Button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {canManage && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => onEdit({ kind: 'objectif', orientation, objectif: null })}
            aria-label={t('orientations.addObjectifTo', { numero: orientation.numero })}
          >
            {t('orientations.addObjectif')}
          </Button>
        )}
      </div>
    </li>
  );
}
