import type { Membre } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { MembreRow } from './MembreRow';

interface MembresTableProps {
  membres: Membre[];
  canManage: boolean;
  onRemove: (membre: Membre) => void;
  onAnnounce: (message: string) => void;
}

export function MembresTable({ membres, canManage, onRemove, onAnnounce }: MembresTableProps) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error && <Alert tone="error" title={error} />}
      <TableScroll label={t('membres.caption', { contrat: contrat.nom })}>
        <table className="table">
          <caption className="sr-only">{t('membres.caption', { contrat: contrat.nom })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.nom')}</th>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('fields.role')}</th>
              <th scope="col">{t('fields.categorie')}</th>
              <th scope="col">{t('membres.depuis')}</th>
              {canManage && (
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {membres.map((membre) => (
              <MembreRow
                key={membre.userId}
                membre={membre}
                canManage={canManage}
                onRemove={onRemove}
                onSaved={(message) => {
                  setError(null);
                  onAnnounce(message);
                }}
                onError={setError}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
