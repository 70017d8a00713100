import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoApi } from '../../api/geo';
import { useFormat } from '../../i18n/format';
import { LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { GeoSearch } from './GeoSearch';
import {
  addCommune,
  type Perimeter,
  removeCommune,
  toCommune,
  totalPopulation,
  withEpci,
} from './perimeter';

interface PerimeterPickerProps {
  value: Perimeter;
  onChange: (value: Perimeter) => void;
  error?: string | undefined;
}

export function PerimeterPicker({ value, onChange, error }: PerimeterPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [loadingEpci, setLoadingEpci] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const selectedCodes = useMemo(() => new Set(value.communes.map((c) => c.code)), [value.communes]);

  const pickEpci = async (siren: string) => {
    setLoadingEpci(siren);
    setLoadError(null);
    try {
      const epci = await queryClient.fetchQuery({
        queryKey: ['geo-epci', siren],
        queryFn: () => geoApi.epci(siren),
        staleTime: 30 * 60_000,
      });
      onChange(withEpci({ code: epci.code, nom: epci.nom }, epci.communes));
      setAnnouncement(t('geo.epciPicked', { nom: epci.nom, count: epci.communes.length }));
    } catch (caught) {
      setLoadError(caught);
    } finally {
      setLoadingEpci(null);
    }
  };

  const population = totalPopulation(value.communes);

  return (
    <div className="perimeter-picker">
      <GeoSearch
        selectedCodes={selectedCodes}
        selectedEpci={value.epci?.code ?? null}
        loadingEpci={loadingEpci}
        error={error}
        onPickEpci={(code) => void pickEpci(code)}
        onAddCommune={(result) => {
          onChange(addCommune(value, toCommune(result)));
          setAnnouncement(t('geo.communeAdded', { nom: result.nom }));
        }}
      />
      {loadError !== null && <ErrorState error={loadError} />}
      <LiveStatus message={announcement} />

      <div className="perimeter-picker__selection">
        <div className="perimeter-picker__summary">
          <h3 className="perimeter-picker__title">{t('geo.selection')}</h3>
          {value.epci && (
            <p className="tag">
              <span>
                {t('geo.epci')} : <strong>{value.epci.nom}</strong>
              </span>
              <button
                type="button"
                className="tag__remove"
                onClick={() => onChange({ ...value, epci: null })}
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">{t('geo.removeEpci', { nom: value.epci.nom })}</span>
              </button>
            </p>
          )}
          <p className="perimeter-picker__totals">
            {t('geo.totals', {
              count: value.communes.length,
              population: format.number(population),
            })}
          </p>
        </div>
        {value.communes.length === 0 ? (
          <p className="muted">{t('geo.emptySelection')}</p>
        ) : (
          <TableScroll label={t('geo.selection')} className="table-wrap--tall">
            <table className="table table--compact">
              <caption className="sr-only">{t('geo.selection')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('perimetre.commune')}</th>
                  <th scope="col">{t('perimetre.insee')}</th>
                  <th scope="col" className="num">
                    {t('perimetre.population')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {value.communes.map((commune) => (
                  <tr key={commune.code}>
                    <th scope="row">{commune.nom}</th>
                    <td>{commune.code}</td>
                    <td className="num">
                      {commune.population === null ? '—' : format.number(commune.population)}
                    </td>
                    <td className="actions">
                      <Button
                        size="sm"
                        variant="tertiary"
                        onClick={() => {
                          onChange(removeCommune(value, commune.code));
                          setAnnouncement(t('geo.communeRemoved', { nom: commune.nom }));
                        }}
                        aria-label={t('geo.removeCommuneNamed', { nom: commune.nom })}
                      >
                        {t('common.remove')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </div>
  );
}
