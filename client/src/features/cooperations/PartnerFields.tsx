import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import type { FieldErrors } from '../../ui/form';
import { RadioGroup } from '../../ui/RadioGroup';
import { useMe } from '../auth/session';
import { useContratContext } from '../contrats/context';
import { newPartner, type PartnerDraft } from './partners';

interface PartnerFieldsProps {
  partners: PartnerDraft[];
  onChange: (partners: PartnerDraft[]) => void;
  errors: FieldErrors;
}

export function PartnerFields({ partners, onChange, errors }: PartnerFieldsProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { contrat } = useContratContext();
  const listId = useId();
  const suggestions = (me?.memberships ?? []).filter((item) => item.contratId !== contrat.id);

  const update = (key: number, change: Partial<PartnerDraft>) =>
    onChange(
      partners.map((partner) => (partner.key === key ? { ...partner, ...change } : partner)),
    );

  return (
    <fieldset className="fieldset partners">
      <legend className="field__label">{t('cooperations.partners')}</legend>
      <p className="field__hint">{t('cooperations.partnersHint')}</p>
      {errors.partenaires && !partners.some((_p, index) => errors[`partenaires.${index}`]) && (
        <p className="field__error">{errors.partenaires}</p>
      )}
      <datalist id={listId}>
        {suggestions.map((item) => (
          <option key={item.contratId} value={item.slug}>
            {item.nom}
          </option>
        ))}
      </datalist>
      <ol className="partners__list">
        {partners.map((partner, index) => {
          const error =
            errors[`partenaires.${index}`] ??
            errors[`partenaires.${index}.contratId`] ??
            errors[`partenaires.${index}.slug`] ??
            errors[`partenaires.${index}.nomExterne`];
          return (
            <li key={partner.key} className="partners__item">
              <RadioGroup
                legend={t('cooperations.partnerN', { n: index + 1 })}
                value={partner.kind}
                onChange={(kind) => update(partner.key, { kind })}
                options={[
                  { value: 'trame', label: t('cooperations.kindTrame') },
                  { value: 'externe', label: t('cooperations.kindExterne') },
                ]}
              />
              <TextField
                label={
                  partner.kind === 'trame'
                    ? t('cooperations.partnerSlug')
                    : t('cooperations.partnerNom')
                }
                hint={partner.kind === 'trame' ? t('cooperations.partnerSlugHint') : undefined}
                value={partner.value}
                onChange={(value) => update(partner.key, { value })}
                error={error}
                autoComplete="off"
                list={partner.kind === 'trame' ? listId : undefined}
              />
              {partners.length > 1 && (
                <Button
                  size="sm"
                  variant="tertiary"
                  onClick={() => onChange(partners.filter((item) => item.key !== partner.key))}
                  aria-label={t('cooperations.removePartner', { n: index + 1 })}
                >
                  {t('common.remove')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      <Button size="sm" variant="secondary" onClick={() => onChange([...partners, newPartner()])}>
        {t('cooperations.addPartner')}
      </Button>
    </fieldset>
  );
}
