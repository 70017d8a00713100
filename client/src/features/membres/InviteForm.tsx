import {
  CATEGORIE_LABELS,
  CATEGORIES,
  type Categorie,
  DEFAULT_CATEGORIE_BY_ROLE,
  type InviteResult,
  inviteMembreSchema,
  ROLE_LABELS,
  ROLES,
  type Role,
} from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { membreApi } from '../../api/contrats';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { useContratContext } from '../contrats/context';
import { useMembreMutation } from './queries';

/** Calls back with what happened (added at once, or invited by e-mail), or null if cancelled. */
export function InviteForm({ onDone }: { onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const form = useForm(
    { email: '', role: 'partenaire' as Role, categorie: '' as Categorie | '', message: '' },
    { fieldByCode: { already_member: 'email' } },
  );
  const invite = useMembreMutation(contrat.id, membreApi.invite, {
    onSuccess: (result: InviteResult) =>
      onDone(
        result.type === 'membre'
          ? t('membres.added', { nom: result.membre.nom })
          : t('membres.invited', { email: result.invitation.email }),
      ),
    onError: form.showError,
  });

  const submit = form.onSubmit(() => {
    const { categorie, message, ...rest } = form.values;
    const input = form.validate(inviteMembreSchema, {
      ...rest,
      categorie: categorie || undefined,
      message: message.trim() || undefined,
    });
    if (input) invite.mutate(input);
  });

  const defaultCategorie = label(CATEGORIE_LABELS, DEFAULT_CATEGORIE_BY_ROLE[form.values.role]);

  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <p className="muted">{t('membres.inviteIntro')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="off"
        value={form.values.email}
        onChange={(value) => form.set('email', value)}
        error={form.errors.email}
      />
      <div className="form__row">
        <SelectField
          label={t('fields.role')}
          value={form.values.role}
          onChange={(value) => form.set('role', value)}
          options={ROLES.map((value) => ({ value, label: label(ROLE_LABELS, value) }))}
          error={form.errors.role}
        />
        <SelectField
          label={t('fields.categorie')}
          value={form.values.categorie}
          onChange={(value) => form.set('categorie', value)}
          placeholder={t('membres.categorieDefault', { categorie: defaultCategorie })}
          options={CATEGORIES.map((value) => ({ value, label: label(CATEGORIE_LABELS, value) }))}
          error={form.errors.categorie}
          optional
        />
      </div>
      <TextArea
        label={t('fields.message')}
        hint={t('membres.messageHint')}
        value={form.values.message}
        onChange={(value) => form.set('message', value)}
        error={form.errors.message}
        optional
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={invite.isPending}>
          {t('membres.sendInvite')}
        </Button>
      </div>
    </form>
  );
}
