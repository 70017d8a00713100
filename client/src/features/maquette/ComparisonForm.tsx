import type { MaquetteVersionSummary } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';

interface ComparisonFormProps {
  versions: MaquetteVersionSummary[];
  de: string | null;
  a: string | null;
  onCompare: (de: string, a: string) => void;
}

/** Two sides to compare: a validated version, and another one or the live maquette. */
export function ComparisonForm({ versions, de, a, onCompare }: ComparisonFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [from, setFrom] = useState(de ?? versions[versions.length - 1]?.id ?? '');
  const [to, setTo] = useState(a ?? 'courante');
  const options = versions.map((version) => ({
    value: version.id,
    label: t('maquette.versionOption', {
      libelle: version.libelle,
      date: format.date(version.valideeLe),
    }),
  }));
  const same = from === to;
  return (
    <form
      className="comparison-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (from && !same) onCompare(from, to);
      }}
    >
      <SelectField label={t('maquette.de')} value={from} onChange={setFrom} options={options} />
      <SelectField
        label={t('maquette.a')}
        value={to}
        onChange={setTo}
        options={[{ value: 'courante', label: t('maquette.courante') }, ...options]}
        error={same ? t('maquette.sameVersion') : undefined}
      />
      <div className="comparison-form__submit">
        <Button type="submit" variant="secondary" disabled={!from || same}>
          {t('maquette.compareSubmit')}
        </Button>
      </div>
    </form>
  );
}
