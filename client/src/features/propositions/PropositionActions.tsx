import {
  decisionPropositionSchema,
  masquerPropositionSchema,
  type PropositionDetail,
  propositionReference,
  STATUT_PROPOSITION_LABELS,
  type STATUTS_DECISION,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { propositionApi } from '../../api/propositions';
import { useLabel } from '../../i18n/labels';
import { FormAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/Field';
import { useForm } from '../../ui/form';
import { RadioGroup } from '../../ui/RadioGroup';
import { Section } from '../../ui/Section';
import { useContratContext } from '../contrats/context';
import { usePropositionMutation } from './queries';

type Decision = (typeof STATUTS_DECISION)[number];

/** What the comité technique and the moderators may do with the proposal now. */
export function PropositionActions({
  proposition,
  onAnnounce,
}: {
  proposition: PropositionDetail;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const [dialog, setDialog] = useState<'decider' | 'masquer' | null>(null);
  const { droits } = proposition;
  const publish = usePropositionMutation(
    contrat.id,
    (contratId, id: string) => propositionApi.publish(contratId, id),
    { onSuccess: () => onAnnounce(t('propositions.published')) },
  );
  if (droits.transitions.length === 0 && !droits.publier && !droits.masquer) return null;
  const ref = propositionReference(proposition.numero);
  return (
    <Section title={t('propositions.actions')}>
      <div className="proposition__actions">
        {droits.transitions.length > 0 && (
          <Button onClick={() => setDialog('decider')}>{t('propositions.instruire')}</Button>
        )}
        {droits.publier && (
          <Button
            variant="secondary"
            busy={publish.isPending}
            onClick={() => publish.mutate(proposition.id)}
          >
            {t('propositions.publish')}
          </Button>
        )}
        {droits.masquer && (
          <Button variant="secondary" onClick={() => setDialog('masquer')}>
            {t('propositions.hide')}
          </Button>
        )}
      </div>
      <FormAlert message={publish.error instanceof Error ? publish.error.message : null} />
      <Dialog
        open={dialog === 'decider'}
        title={t('propositions.instruireTitle', { ref })}
        onClose={() => setDialog(null)}
      >
        {dialog === 'decider' && (
          <DecisionForm
            proposition={proposition}
            onCancel={() => setDialog(null)}
            onDone={(message) => {
              setDialog(null);
              onAnnounce(message);
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog === 'masquer'}
        title={t('propositions.hideTitle', { ref })}
        onClose={() => setDialog(null)}
      >
        {dialog === 'masquer' && (
          <HideForm
            proposition={proposition}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              onAnnounce(t('propositions.hidden'));
            }}
          />
        )}
      </Dialog>
    </Section>
  );
}

function DecisionForm({
  proposition,
  onCancel,
  onDone,
}: {
  proposition: PropositionDetail;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { contrat } = useContratContext();
  const choices = proposition.droits.transitions.filter(
    (statut): statut is Decision => statut !== 'deposee',
  );
  const form = useForm({ statut: choices[0] ?? ('' as Decision | ''), motif: '' });
  const decide = usePropositionMutation(
    contrat.id,
    (contratId, input: ReturnType<typeof decisionPropositionSchema.parse>) =>
      propositionApi.decide(contratId, proposition.id, input),
    {
      onSuccess: (saved) =>
        onDone(
          t('propositions.statusChanged', {
            statut: label(STATUT_PROPOSITION_LABELS, saved.statut),
          }),
        ),
      onError: form.showError,
    },
  );
  const submit = form.onSubmit(() => {
    const { statut, motif } = form.values;
    const input = form.validate(decisionPropositionSchema, {
      statut,
      ...(motif.trim() ? { motif } : {}),
    });
    if (input) decide.mutate(input);
  });
  const statut = form.values.statut;
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <RadioGroup
        legend={t('propositions.nouveauStatut')}
        value={statut}
        onChange={(value) => form.set('statut', value)}
        options={choices.map((value) => ({
          value,
          label: label(STATUT_PROPOSITION_LABELS, value),
        }))}
        error={form.errors.statut}
      />
      {statut === 'retenue' && <p className="muted">{t('propositions.retenueHint')}</p>}
      <TextArea
        label={statut === 'non_retenue' ? t('propositions.motifPublic') : t('propositions.note')}
        hint={
          statut === 'non_retenue' ? t('propositions.motifPublicHint') : t('propositions.noteHint')
        }
        value={form.values.motif}
        onChange={(value) => form.set('motif', value)}
        error={form.errors.motif}
        optional={statut !== 'non_retenue'}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" busy={decide.isPending}>
          {t('propositions.confirmDecision')}
        </Button>
      </div>
    </form>
  );
}

function HideForm({
  proposition,
  onCancel,
  onDone,
}: {
  proposition: PropositionDetail;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const form = useForm({ motif: '' });
  const hide = usePropositionMutation(
    contrat.id,
    (contratId, motif: string) => propositionApi.hide(contratId, proposition.id, motif),
    { onSuccess: onDone, onError: form.showError },
  );
  const submit = form.onSubmit(() => {
    const input = form.validate(masquerPropositionSchema, form.values);
    if (input) hide.mutate(input.motif);
  });
  return (
    <form className="form" onSubmit={submit} noValidate ref={form.formRef}>
      <FormAlert message={form.alert} />
      <TextArea
        label={t('propositions.hideMotif')}
        hint={t('propositions.hideMotifHint')}
        value={form.values.motif}
        onChange={(value) => form.set('motif', value)}
        error={form.errors.motif}
      />
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" busy={hide.isPending}>
          {t('propositions.hide')}
        </Button>
      </div>
    </form>
  );
}
