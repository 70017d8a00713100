import { type Commune, normalizeSearch } from '@trame/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { type SortDirection, SortHeader } from '../../ui/SortHeader';
import { EmptyState } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { PerimetreEditForm } from './PerimetreEditForm';

type SortKey = 'nom' | 'population';

function compare(key: SortKey) {
  return (a: Commune, b: Commune) =>
    key === 'nom'
      ? a.nom.localeCompare(b.nom, 'fr')
      : (a.population ?? -1) - (b.population ?? -1) || a.nom.localeCompare(b.nom, 'fr');
}

export function PerimetreTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.perimetre')} — ${contrat.nom}`);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'nom',
    direction: 'ascending',
  });
  const [editing, setEditing] = useState(false);
  const { communes, population } = contrat.perimetre;

  const rows = useMemo(() => {
    const needle = normalizeSearch(filter);
    const kept = needle
      ? communes.filter(
          (commune) =>
            normalizeSearch(commune.nom).includes(needle) || commune.code.startsWith(needle),
        )
      : communes;
    const sorted = [...kept].sort(compare(sort.key));
    return sort.direction === 'ascending' ? sorted : sorted.reverse();
  }, [communes, filter, sort]);

  const sortBy = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction:
        current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <Section
      title={t('perimetre.title')}
      description={t('perimetre.summary', {
        count: communes.length,
        population: format.number(population),
      })}
      action={
        allowed('contrat.modifier') && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('perimetre.edit')}
          </Button>
        )
      }
    >
      <div className="toolbar">
        <TextField
          label={t('perimetre.filter')}
          hint={t('perimetre.filterHint')}
          type="search"
          value={filter}
          onChange={setFilter}
          className="toolbar__search"
          autoComplete="off"
        />
        <p className="toolbar__count" aria-live="polite">
          {t('perimetre.shown', { count: rows.length, total: communes.length })}
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('perimetre.noMatch')} />
      ) : (
        <TableScroll label={t('perimetre.caption', { nom: contrat.nom })}>
          <table className="table">
            <caption className="sr-only">{t('perimetre.caption', { nom: contrat.nom })}</caption>
            <thead>
              <tr>
                <SortHeader
                  label={t('perimetre.commune')}
                  active={sort.key === 'nom'}
                  direction={sort.direction}
                  onSort={() => sortBy('nom')}
                />
                <th scope="col">{t('perimetre.insee')}</th>
                <th scope="col">{t('perimetre.departement')}</th>
                <SortHeader
                  label={t('perimetre.population')}
                  active={sort.key === 'population'}
                  direction={sort.direction}
                  onSort={() => sortBy('population')}
                  className="num"
                />
              </tr>
            </thead>
            <tbody>
              {rows.map((commune) => (
                <tr key={commune.code}>
                  <th scope="row">{commune.nom}</th>
                  <td className="mono">{commune.code}</td>
                  <td>{commune.departement}</td>
                  <td className="num">
                    {commune.population === null ? '—' : format.number(commune.population)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('perimetre.total', { count: communes.length })}
                </th>
                <td className="num">{format.number(population)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
      <Dialog
        open={editing}
        title={t('perimetre.edit')}
        onClose={() => setEditing(false)}
        size="lg"
      >
        <PerimetreEditForm contrat={contrat} onDone={() => setEditing(false)} />
      </Dialog>
    </Section>
  );
}
