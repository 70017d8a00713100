import {
  CATEGORIE_LABELS,
  type ParticipationCategorie,
  type ParticipationChiffres,
  type ParticipationPhase,
  RAPPORT_FORMATS,
  TYPE_CONTRIBUTION_LABELS,
  TYPES_CONTRIBUTION,
} from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participationApi } from '../../api/participation';
import { useFormat } from '../../i18n/format';
import { useLabel } from '../../i18n/labels';
import { SelectField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { ErrorState, Loading } from '../../ui/Status';
import { TableScroll } from '../../ui/TableScroll';
import { useContratContext } from '../contrats/context';
import { BarChart } from './BarChart';
import { usePhaseName } from './PhaseName';
import { useParticipationReport } from './queries';

const WHOLE = 'contrat';
const OUTSIDE = 'hors-phase';

const active = (c: ParticipationChiffres) =>
  c.personnes > 0 || c.totalContributions > 0 || c.presentsNommes > 0 || c.presentsComptes > 0;
const presents = (c: ParticipationChiffres) => c.presentsNommes + c.presentsComptes;

/** The participation report: totals, charts with their tables, and the PDF and CSV files. */
export function RapportSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useLabel();
  const phaseName = usePhaseName();
  const { contrat } = useContratContext();
  const report = useParticipationReport(contrat.id);
  const [selected, setSelected] = useState<string>(WHOLE);

  if (report.isPending) return <Loading />;
  if (report.isError) {
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  }
  const { phases, categories, total } = report.data;
  const nameOf = (phase: ParticipationPhase) =>
    phase.type === null
      ? t('rapportParticipation.horsPhase')
      : phaseName({ type: phase.type, libelle: phase.libelle });
  const keyOf = (phase: ParticipationPhase) => phase.phaseId ?? OUTSIDE;
  const shown = phases.find((p) => keyOf(p) === selected);
  const cells: ParticipationCategorie[] = (shown?.categories ?? categories).filter(active);
  const shownTotal: ParticipationChiffres = shown?.total ?? total;
  const columns = [
    t('rapportParticipation.personnes'),
    ...TYPES_CONTRIBUTION.map((type) => label(TYPE_CONTRIBUTION_LABELS, type)),
    t('rapportParticipation.contributions'),
    t('rapportParticipation.nommes'),
    t('rapportParticipation.comptes'),
  ];
  const figures = (c: ParticipationChiffres) => [
    c.personnes,
    ...TYPES_CONTRIBUTION.map((type) => c.contributions[type]),
    c.totalContributions,
    c.presentsNommes,
    c.presentsComptes,
  ];
  const scope = shown ? nameOf(shown) : t('rapportParticipation.contrat');

  return (
    <Section
      title={t('rapportParticipation.title')}
      description={t('rapportParticipation.description')}
    >
      <dl className="facts">
        {(
          [
            ['personnes', total.personnes],
            ['contributions', total.totalContributions],
            ['nommes', total.presentsNommes],
            ['comptes', total.presentsComptes],
            ['evenements', total.evenements],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="facts__item">
            <dt>{t(`rapportParticipation.${key}`)}</dt>
            <dd>{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <ul className="export-links" aria-label={t('rapportParticipation.export')}>
        {RAPPORT_FORMATS.map((fileFormat) => (
          <li key={fileFormat}>
            <a
              className="btn btn--tertiary btn--sm"
              href={participationApi.exportUrl(contrat.id, fileFormat)}
              download
            >
              {t('rapportParticipation.exportAs', { format: fileFormat.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
      {phases.length > 0 && (
        <BarChart
          title={t('rapportParticipation.chartPhases')}
          rowHeader={t('rapportParticipation.phase')}
          series={[
            { key: 'contributions', label: t('rapportParticipation.contributions') },
            { key: 'presents', label: t('rapportParticipation.presents') },
          ]}
          rows={phases.map((phase) => ({
            label: nameOf(phase),
            values: [phase.total.totalContributions, presents(phase.total)],
          }))}
        />
      )}
      <SelectField
        label={t('rapportParticipation.scope')}
        value={selected}
        onChange={setSelected}
        options={[
          { value: WHOLE, label: t('rapportParticipation.contrat') },
          ...phases.map((phase) => ({ value: keyOf(phase), label: nameOf(phase) })),
        ]}
      />
      {cells.length === 0 ? (
        <p className="muted">{t('rapportParticipation.empty')}</p>
      ) : (
        <>
          <BarChart
            title={t('rapportParticipation.chartCategories', { scope })}
            rowHeader={t('rapportParticipation.categorie')}
            series={[{ key: 'personnes', label: t('rapportParticipation.personnes') }]}
            rows={cells.map((cell) => ({
              label: label(CATEGORIE_LABELS, cell.categorie),
              values: [cell.personnes],
            }))}
          />
          <TableScroll label={t('rapportParticipation.tableTitle', { scope })}>
            <table className="table">
              <caption className="sr-only">
                {t('rapportParticipation.tableTitle', { scope })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('rapportParticipation.categorie')}</th>
                  {columns.map((column) => (
                    <th scope="col" key={column} className="num">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cells.map((cell) => (
                  <tr key={cell.categorie}>
                    <th scope="row">{label(CATEGORIE_LABELS, cell.categorie)}</th>
                    {figures(cell).map((value, index) => (
                      <td key={columns[index]} className="num">
                        {format.number(value)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('rapportParticipation.toutes')}</th>
                  {figures(shownTotal).map((value, index) => (
                    <td key={columns[index]} className="num">
                      {format.number(value)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}
      <p className="field__hint">{t('rapportParticipation.note')}</p>
    </Section>
  );
}
