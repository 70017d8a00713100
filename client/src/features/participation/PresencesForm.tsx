import {
  CATEGORIE_LABELS,
  CATEGORIES,
  type Categorie,
  comptageAutorise,
  type Evenement,
  type Presences,
  presencesSchema,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participationApi } from '../../api/participation';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Checkbox, SelectField, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { ErrorState, Loading } from '../../ui/Status';
import { useContratContext } from '../contrats/context';
import { useMembres } from '../membres/queries';
import { useParticipationMutation, usePresences } from './queries';

type PresencesInput = ReturnType<typeof presencesSchema.parse>;

interface PresencesFormProps {
  evenement: Evenement;
  onDone: () => void;
}

/** Loads what was recorded, then lets the animateur tick members, name guests and count. */
export function PresencesForm({ evenement, onDone }: PresencesFormProps) {
  const { contrat, allowed } = useContratContext();
  const presences = usePresences(contrat.id, evenement.id);
  const membres = useMembres(contrat.id, allowed('membre.lister'));
  if (presences.isPending || membres.isPending) return <Loading />;
  if (presences.isError) {
    return <ErrorState error={presences.error} onRetry={() => void presences.refetch()} />;
  }
  if (membres.isError) {
    return <ErrorState error={membres.error} onRetry={() => void membres.refetch()} />;
  }
  return (
    <AttendanceEditor
      evenement={evenement}
      recorded={presences.data}
      membres={membres.data.items}
      onDone={onDone}
    />
  );
}

interface Guest {
  key: number;
  nom: string;
  categorie: Categorie | '';
}

interface AttendanceEditorProps extends PresencesFormProps {
  recorded: Presences;
  membres: { userId: string; nom: string; categorie: Categorie }[];
}

function AttendanceEditor({ evenement, recorded, membres, onDone }: AttendanceEditorProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const counted = comptageAutorise(evenement.type);
  const [nextKey, setNextKey] = useState(recorded.participants.length);
  const form = useForm({
    membres: recorded.participants.flatMap((p) => (p.userId ? [p.userId] : [])),
    invites: recorded.participants
      .filter((p) => p.userId === null)
      .map((p, key): Guest => ({ key, nom: p.nom, categorie: p.categorie })),
    comptages: Object.fromEntries(
      recorded.comptages.map((c) => [c.categorie, String(c.nombre)]),
    ) as Partial<Record<Categorie, string>>,
  });
  const save = useParticipationMutation(
    contrat.id,
    (contratId, input: PresencesInput) =>
      participationApi.setPresences(contratId, evenement.id, input),
    { onSuccess: onDone, onError: form.showError },
  );
  const { values } = form;
  // The counts sent, in order: an error on `comptages.<i>` belongs to the i-th of them.
  const countedCategories = CATEGORIES.filter((c) => (values.comptages[c] ?? '') !== '');
  const countError = (categorie: Categorie) => {
    const index = countedCategories.indexOf(categorie);
    return index < 0 ? undefined : form.errors[`comptages.${index}.nombre`];
  };
  const setGuest = (key: number, change: Partial<Guest>) =>
    form.set(
      'invites',
      values.invites.map((g) => (g.key === key ? { ...g, ...change } : g)),
    );

  const submit = form.onSubmit(() => {
    const input = form.validate(presencesSchema, {
      participants: [
        ...values.membres.map((userId) => ({ userId })),
        ...values.invites.map(({ nom, categorie }) => ({ nom, categorie: categorie || undefined })),
      ],
      comptages: countedCategories.map((categorie) => ({
        categorie,
        nombre: Number(values.comptages[categorie]),
      })),
    });
    if (input) save.mutate(input);
  });

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <fieldset className="fieldset">
        <legend>{t('presences.members')}</legend>
        {membres.map((membre) => (
          <Checkbox
            key={membre.userId}
            label={`${membre.nom} — ${label(CATEGORIE_LABELS, membre.categorie)}`}
            checked={values.membres.includes(membre.userId)}
            onChange={(checked) =>
              form.set(
                'membres',
                checked
                  ? [...values.membres, membre.userId]
                  : values.membres.filter((id) => id !== membre.userId),
              )
            }
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('presences.guests')}</legend>
        <p className="field__hint">{t('presences.guestsHint')}</p>
        {values.invites.map((guest, index) => (
          <div key={guest.key} className="presence-guest">
            <TextField
              label={t('presences.guestName', { n: index + 1 })}
              value={guest.nom}
              onChange={(nom) => setGuest(guest.key, { nom })}
              error={form.errors[`participants.${values.membres.length + index}.nom`]}
            />
            <SelectField
              label={t('presences.guestCategorie', { n: index + 1 })}
              value={guest.categorie}
              onChange={(categorie) => setGuest(guest.key, { categorie })}
              options={CATEGORIES.map((value) => ({
                value,
                label: label(CATEGORIE_LABELS, value),
              }))}
              placeholder={t('phases.choose')}
              error={form.errors[`participants.${values.membres.length + index}.categorie`]}
            />
            <Button
              size="sm"
              variant="tertiary"
              onClick={() =>
                form.set(
                  'invites',
                  values.invites.filter((g) => g.key !== guest.key),
                )
              }
              aria-label={t('common.removeNamed', {
                nom: guest.nom || t('presences.guestName', { n: index + 1 }),
              })}
            >
              {t('common.remove')}
            </Button>
          </div>
        ))}
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            form.set('invites', [...values.invites, { key: nextKey, nom: '', categorie: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t('presences.addGuest')}
        </Button>
      </fieldset>
      {counted && (
        <fieldset className="fieldset">
          <legend>{t('presences.counts')}</legend>
          <p className="field__hint">{t('presences.countsHint')}</p>
          <div className="presence-counts">
            {CATEGORIES.map((categorie) => (
              <TextField
                key={categorie}
                label={label(CATEGORIE_LABELS, categorie)}
                value={values.comptages[categorie] ?? ''}
                onChange={(value) =>
                  form.set('comptages', { ...values.comptages, [categorie]: value })
                }
                inputMode="numeric"
                error={countError(categorie)}
              />
            ))}
          </div>
        </fieldset>
      )}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
