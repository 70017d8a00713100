import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Section } from '../../ui/Section';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { ExportLinks } from './ExportLinks';
import { FicheFiltersForm } from './FicheFiltersForm';
import { FichesBoard } from './FichesBoard';
import { FichesListView } from './FichesListView';
import { ImportDialog } from './ImportDialog';
import { IsoMatrixView } from './IsoMatrixView';
import { NewFicheForm } from './NewFicheForm';
import { type FicheView, useFicheSearch } from './useFicheSearch';

export function FichesTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.fiches')} — ${contrat.nom}`);
  const search = useFicheSearch();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const views: { value: FicheView; label: string }[] = [
    { value: 'tableau', label: t('fiches.viewTable') },
    { value: 'maturite', label: t('fiches.viewBoard') },
    { value: 'iso', label: t('fiches.viewIso') },
  ];

  return (
    <Section
      title={t('fiches.title')}
      description={t('fiches.description')}
      action={
        (allowed('fiche.creer') || allowed('fiche.importer')) && (
          <div className="section__buttons">
            {allowed('fiche.creer') && (
              <Button onClick={() => setCreating(true)}>{t('fiches.new')}</Button>
            )}
            {allowed('fiche.importer') && (
              <Button variant="secondary" onClick={() => setImporting(true)}>
                {t('fiches.import')}
              </Button>
            )}
          </div>
        )
      }
    >
      <LiveStatus message={announcement} />
      <div className="fiches-toolbar">
        <SegmentedControl
          label={t('fiches.views')}
          value={search.view}
          options={views}
          onChange={search.setView}
        />
        <ExportLinks />
      </div>
      {search.view !== 'iso' && (
        <FicheFiltersForm
          filters={search.filters}
          onChange={search.setFilters}
          onClear={search.clearFilters}
        />
      )}
      {search.view === 'tableau' && <FichesListView search={search} />}
      {search.view === 'maturite' && <FichesBoard search={search} />}
      {search.view === 'iso' && <IsoMatrixView />}
      <Dialog open={creating} title={t('fiches.newTitle')} onClose={() => setCreating(false)}>
        <NewFicheForm onCancel={() => setCreating(false)} />
      </Dialog>
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(count) => {
          setImporting(false);
          setAnnouncement(t('importFiches.done', { count }));
        }}
      />
    </Section>
  );
}
