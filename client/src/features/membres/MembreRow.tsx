import {
  CATEGORIE_LABELS,
  CATEGORIES,
  type Categorie,
  type Membre,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { membreApi } from '../../api/contrats';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { Button } from '../../ui/Button';
import { InlineSelect } from '../../ui/InlineSelect';
import { useMe } from '../auth/session';
import { useContratContext } from '../contrats/context';
import { useMembreMutation } from './queries';

interface MembreRowProps {
  membre: Membre;
  canManage: boolean;
  onRemove: (membre: Membre) => void;
  onSaved: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Role and category are chosen first and saved with a button: a select that saved on change
 * would send one request per arrow key, and could demote its own user on the way.
 */
export function MembreRow({ membre, canManage, onRemove, onSaved, onError }: MembreRowProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const format = useFormat();
  const { data: me } = useMe();
  const { contrat } = useContratContext();
  const [role, setRole] = useState<Role>(membre.role);
  const [categorie, setCategorie] = useState<Categorie>(membre.categorie);
  const dirty = role !== membre.role || categorie !== membre.categorie;
  const save = useMembreMutation(
    contrat.id,
    (contratId, input: { role: Role; categorie: Categorie }) =>
      membreApi.update(contratId, membre.userId, input),
    {
      onSuccess: (updated) =>
        onSaved(
          t('membres.saved', {
            nom: updated.nom,
            role: label(ROLE_LABELS, updated.role),
            categorie: label(CATEGORIE_LABELS, updated.categorie),
          }),
        ),
      onError: (caught) => {
        setRole(membre.role);
        setCategorie(membre.categorie);
        onError(isApiError(caught) ? caught.message : t('errors.unexpected'));
      },
    },
  );

  return (
    <tr>
      <th scope="row">
        {membre.nom}
        {membre.userId === me?.id && <span className="cell-sub">{t('membres.you')}</span>}
      </th>
      <td>{membre.email}</td>
      <td>
        {canManage ? (
          <InlineSelect
            label={t('membres.roleOf', { nom: membre.nom })}
            value={role}
            options={ROLES.map((value) => ({ value, label: label(ROLE_LABELS, value) }))}
            onChange={setRole}
          />
        ) : (
          label(ROLE_LABELS, membre.role)
        )}
      </td>
      <td>
        {canManage ? (
          <InlineSelect
            label={t('membres.categorieOf', { nom: membre.nom })}
            value={categorie}
            options={CATEGORIES.map((value) => ({ value, label: label(CATEGORIE_LABELS, value) }))}
            onChange={setCategorie}
          />
        ) : (
          label(CATEGORIE_LABELS, membre.categorie)
        )}
      </td>
      <td>{format.day(membre.depuis)}</td>
      {canManage && (
        <td className="actions">
          {dirty && (
            <Button
              size="sm"
              onClick={() => save.mutate({ role, categorie })}
              busy={save.isPending}
              aria-label={t('membres.saveNamed', { nom: membre.nom })}
            >
              {t('common.save')}
            </Button>
          )}
          <Button
            size="sm"
            variant="tertiary"
            onClick={() => onRemove(membre)}
            aria-label={t('common.removeNamed', { nom: membre.nom })}
          >
            {t('common.remove')}
          </Button>
        </td>
      )}
    </tr>
  );
}
