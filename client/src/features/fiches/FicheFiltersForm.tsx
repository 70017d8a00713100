import {
  ISO_DOMAINE_LABELS,
  ISO_DOMAINES,
  ISO_FINALITE_LABELS,
  ISO_FINALITES,
  MATURITE_LABELS,
  MATURITES,
  TYPE_FICHE_LABELS,
  TYPES_FICHE,
} from '@trame/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n/labels';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { useContratContext } from '../contrats/context';
import { useSourceLabel, useSources } from './queries';
import { type FicheFilters, hasFilters } from './useFicheSearch';

interface FicheFiltersFormProps {
  filters: FicheFilters;
  onChange: (changes: Partial<FicheFilters>) => void;
  onClear: () => void;
}

/**
 * A typed filter is sent once typing pauses; the local text follows the address when it changes
 * from elsewhere (the filters were reset, the person went back in history).
 */
function useDebouncedText(value: string, onCommit: (text: string) => void) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 350);
  const committed = useRef(value);
  useEffect(() => {
    if (debounced === committed.current) return;
    committed.current = debounced;
    onCommit(debounced);
  }, [debounced, onCommit]);
  useEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(value);
  }, [value]);
  return [text, setText] as const;
}

export function FicheFiltersForm({
  filters: fromAddress,
  onChange: commit,
  onClear,
}: FicheFiltersFormProps) {
  const { t } = useTranslation();
  // The address changes a moment after a choice: show the choice at once meanwhile, so a box
  // never flickers back to its previous state.
  const addressKey = JSON.stringify(fromAddress);
  const [pending, setPending] = useState({ addressKey, filters: fromAddress });
  const filters = pending.addressKey === addressKey ? pending.filters : fromAddress;
  const onChange = (changes: Partial<FicheFilters>) => {
    setPending({ addressKey, filters: { ...filters, ...changes } });
    commit(changes);
  };
  const label = useLabel();
  const { contrat } = useContratContext();
  const sources = useSources(contrat.id);
  const sourceLabel = useSourceLabel(contrat.id);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [q, setQ] = useDebouncedText(filters.q, useStableCommit(onChangeRef, 'q'));
  const [porteur, setPorteur] = useDebouncedText(
    filters.porteur,
    useStableCommit(onChangeRef, 'porteur'),
  );

  const toggleMaturite = (value: (typeof MATURITES)[number], checked: boolean) =>
    onChange({
      maturite: checked
        ? MATURITES.filter((m) => m === value || filters.maturite.includes(m))
        : filters.maturite.filter((m) => m !== value),
    });

  return (
    <search className="filters" aria-label={t('fiches.filters')}>
      <div className="filters__grid">
        <TextField
          label={t('fiches.search')}
          hint={t('fiches.searchHint')}
          type="search"
          value={q}
          onChange={setQ}
          autoComplete="off"
          className="filters__wide"
        />
        <SelectField
          label={t('fiches.type')}
          value={filters.type}
          onChange={(type) => onChange({ type })}
          placeholder={t('fiches.allTypes')}
          options={TYPES_FICHE.map((value) => ({ value, label: label(TYPE_FICHE_LABELS, value) }))}
        />
        <SelectField
          label={t('fiches.orientation')}
          value={filters.orientation}
          onChange={(orientation) => onChange({ orientation })}
          placeholder={t('fiches.allOrientations')}
          options={contrat.orientations.map((orientation) => ({
            value: orientation.id,
            label: `${orientation.numero}. ${orientation.titre}`,
          }))}
        />
        <TextField
          label={t('fiches.porteur')}
          type="search"
          value={porteur}
          onChange={setPorteur}
          autoComplete="off"
        />
        <SelectField
          label={t('fiches.source')}
          value={filters.source}
          onChange={(source) => onChange({ source })}
          placeholder={t('fiches.allSources')}
          options={(sources.data?.items ?? []).map((source) => ({
            value: source.code,
            label: sourceLabel(source.code),
          }))}
        />
        <SelectField
          label={t('fiches.commune')}
          value={filters.commune}
          onChange={(commune) => onChange({ commune })}
          placeholder={t('fiches.allCommunes')}
          options={[...contrat.perimetre.communes]
            .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
            .map((commune) => ({ value: commune.code, label: commune.nom }))}
        />
        <SelectField
          label={t('fiches.isoDomaine')}
          value={filters.isoDomaine}
          onChange={(isoDomaine) => onChange({ isoDomaine })}
          placeholder={t('fiches.allDomaines')}
          options={ISO_DOMAINES.map((value) => ({
            value,
            label: label(ISO_DOMAINE_LABELS, value),
          }))}
        />
        <SelectField
          label={t('fiches.isoFinalite')}
          value={filters.isoFinalite}
          onChange={(isoFinalite) => onChange({ isoFinalite })}
          placeholder={t('fiches.allFinalites')}
          options={ISO_FINALITES.map((value) => ({
            value,
            label: label(ISO_FINALITE_LABELS, value),
          }))}
        />
        {contrat.monRole !== null && (
          <SelectField
            label={t('fiches.visibilite')}
            value={filters.public}
            onChange={(value) => onChange({ public: value })}
            placeholder={t('fiches.allVisibilites')}
            options={[
              { value: 'true', label: t('fiches.publicOnly') },
              { value: 'false', label: t('fiches.privateOnly') },
            ]}
          />
        )}
      </div>
      <fieldset className="fieldset filters__maturites">
        <legend className="field__label">{t('fiches.maturite')}</legend>
        <div className="chips">
          {MATURITES.map((value) => {
            const id = `filtre-maturite-${value}`;
            return (
              <div className="chip" key={value}>
                <input
                  type="checkbox"
                  id={id}
                  checked={filters.maturite.includes(value)}
                  onChange={(event) => toggleMaturite(value, event.target.checked)}
                />
                <label htmlFor={id}>{label(MATURITE_LABELS, value)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {hasFilters(filters) && (
        <div className="filters__reset">
          <Button variant="tertiary" size="sm" onClick={onClear}>
            {t('fiches.resetFilters')}
          </Button>
        </div>
      )}
    </search>
  );
}

/** A commit callback that never changes identity, so the debounce effect does not re-run. */
function useStableCommit(
  ref: { current: (changes: Partial<FicheFilters>) => void },
  key: 'q' | 'porteur',
) {
  const callback = useRef((text: string) => ref.current({ [key]: text }));
  return callback.current;
}
