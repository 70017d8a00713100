import { useQuery } from '@tanstack/react-query';
import type { GeoResult } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoApi } from '../../api/geo';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorState } from '../../ui/Status';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const MIN_QUERY = 2;

interface GeoSearchProps {
  selectedCodes: ReadonlySet<string>;
  selectedEpci: string | null;
  onPickEpci: (code: string) => void;
  onAddCommune: (result: Extract<GeoResult, { type: 'commune' }>) => void;
  /** The EPCI being loaded after a pick, to show its button as busy. */
  loadingEpci: string | null;
  /** The perimeter's validation error, shown on the search box where it can be fixed. */
  error?: string | undefined;
}

/**
 * Searches the official geography. Results are a plain list of buttons under the box rather than
 * a combobox: each result says what picking it does, and screen readers hear how many came back.
 */
export function GeoSearch({
  selectedCodes,
  selectedEpci,
  onPickEpci,
  onAddCommune,
  loadingEpci,
  error,
}: GeoSearchProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const search = useQuery({
    queryKey: ['geo-search', query],
    queryFn: () => geoApi.search(query),
    enabled: query.length >= MIN_QUERY,
    staleTime: 5 * 60_000,
  });
  const results = query.length >= MIN_QUERY ? search.data?.items : undefined;

  const status = (() => {
    if (query.length < MIN_QUERY) return '';
    if (search.isFetching) return t('geo.searching');
    if (results) return t('geo.results', { count: results.length });
    return '';
  })();

  return (
    <div className="geo-search">
      <TextField
        label={t('geo.searchLabel')}
        hint={t('geo.searchHint')}
        type="search"
        value={text}
        onChange={setText}
        error={error}
        autoComplete="off"
        onKeyDown={(event) => {
          // The box sits inside the contract form: Enter searches, it must not submit.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="geo-search__status" aria-live="polite">
        {status}
      </p>
      {search.isError && <ErrorState error={search.error} />}
      {results && results.length > 0 && (
        <ul className="geo-results">
          {results.map((result) => (
            <li key={`${result.type}-${result.code}`} className="geo-results__item">
              <div className="geo-results__text">
                <p className="geo-results__name">
                  {result.nom}{' '}
                  <Badge tone={result.type === 'epci' ? 'info' : 'neutral'}>
                    {result.type === 'epci' ? result.nature || t('geo.epci') : t('geo.commune')}
                  </Badge>
                </p>
                <p className="geo-results__meta">
                  {result.type === 'epci'
                    ? t('geo.epciMeta', {
                        code: result.code,
                        count: result.nombreCommunes,
                        population: format.number(result.population ?? 0),
                        departements: result.departements.join(', '),
                      })
                    : t('geo.communeMeta', {
                        code: result.code,
                        population: format.number(result.population ?? 0),
                        departement: result.departement,
                        epci: result.epci?.nom ?? '—',
                      })}
                </p>
              </div>
              {result.type === 'epci' ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => onPickEpci(result.code)}
                  busy={loadingEpci === result.code}
                  disabled={selectedEpci === result.code}
                  aria-label={
                    selectedEpci === result.code
                      ? t('geo.pickedNamed', { nom: result.nom })
                      : t('geo.pickEpciNamed', { nom: result.nom })
                  }
                >
                  {selectedEpci === result.code ? t('geo.picked') : t('geo.pickEpci')}
                </Button>
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => onAddCommune(result)}
                  disabled={selectedCodes.has(result.code)}
                  aria-label={
                    selectedCodes.has(result.code)
                      ? t('geo.addedNamed', { nom: result.nom })
                      : t('geo.addCommuneNamed', { nom: result.nom })
                  }
                >
                  {selectedCodes.has(result.code) ? t('geo.added') : t('geo.addCommune')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
