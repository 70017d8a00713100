import { EXPORT_FORMATS, type MaquetteVersionSummary } from '@trame/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { maquetteApi } from '../../api/maquette';
import { useFormat } from '../../i18n/format';
import { Alert, LiveStatus } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Section } from '../../ui/Section';
import { EmptyState, ErrorState, Loading } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';
import { ComparisonForm } from './ComparisonForm';
import { ComparisonView } from './ComparisonView';
import { MaquetteTable } from './MaquetteTable';
import { useMaquette, useMaquetteIndex } from './queries';
import { ValidateDialog } from './ValidateDialog';
import { VersionsList } from './VersionsList';

/** The year shown by default: this year if it has a maquette, else the nearest one before. */
function defaultYear(annees: number[]): number | undefined {
  const now = new Date().getFullYear();
  const sorted = [...annees].sort((a, b) => a - b);
  return sorted.includes(now) ? now : (sorted.filter((y) => y < now).pop() ?? sorted[0]);
}

export function MaquetteTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('sections.maquette')} — ${contrat.nom}`);
  const { annee: anneeParam } = useParams();
  const index = useMaquetteIndex(contrat.id);
  const base = `/contrats/${contrat.slug}/maquette`;

  if (!allowed('maquette.lire')) return <Alert tone="info" title={t('maquette.notAllowed')} />;
  if (index.isPending) return <Loading />;
  if (index.isError) return <ErrorState error={index.error} onRetry={() => void index.refetch()} />;

  const annees = [...index.data.annees].sort((a, b) => a - b);
  if (!anneeParam) {
    const annee = defaultYear(annees);
    if (annee !== undefined) return <Navigate to={`${base}/${annee}`} replace />;
    return (
      <Section title={t('maquette.heading')}>
        <EmptyState title={t('maquette.noYear')} />
      </Section>
    );
  }
  const annee = Number(anneeParam);
  if (!/^\d{4}$/.test(anneeParam)) return <Navigate to={base} replace />;
  const versions = index.data.versions
    .filter((version) => version.annee === annee)
    .sort(
      (a, b) => b.valideeLe.localeCompare(a.valideeLe) || b.createdAt.localeCompare(a.createdAt),
    );
  return (
    <MaquetteYear
      annee={annee}
      annees={annees.includes(annee) ? annees : [...annees, annee].sort((a, b) => a - b)}
      versions={versions}
      base={`${base}/${annee}`}
    />
  );
}

interface MaquetteYearProps {
  annee: number;
  annees: number[];
  versions: MaquetteVersionSummary[];
  base: string;
}

function MaquetteYear({ annee, annees, versions, base }: MaquetteYearProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { contrat, allowed } = useContratContext();
  const [params, setParams] = useSearchParams();
  const [validating, setValidating] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const versionId = params.get('version');
  const de = params.get('de');
  const a = params.get('a');
  const comparing = de !== null && a !== null;
  const version = versions.find((v) => v.id === versionId) ?? null;

  return (
    <>
      <Section
        title={t('maquette.title', { annee })}
        description={t('maquette.description')}
        action={
          allowed('maquette.valider') && (
            <Button onClick={() => setValidating(true)}>{t('maquette.validate')}</Button>
          )
        }
      >
        <LiveStatus message={announcement} />
        <div className="maquette-toolbar">
          <SelectField
            label={t('maquette.annee')}
            value={String(annee)}
            onChange={(value) => navigate(`/contrats/${contrat.slug}/maquette/${value}`)}
            options={annees.map((year) => ({ value: String(year), label: String(year) }))}
            className="maquette-toolbar__year"
          />
          <ul className="export-links" aria-label={t('maquette.export')}>
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a
                  className="btn btn--tertiary btn--sm"
                  href={maquetteApi.exportUrl(contrat.id, annee, format)}
                  download
                >
                  {t('maquette.exportAs', { format: format.toUpperCase(), annee })}
                </a>
              </li>
            ))}
            <li>
              <a
                className="btn btn--tertiary btn--sm"
                href={maquetteApi.exportAllUrl(contrat.id)}
                download
              >
                {t('maquette.exportAll')}
              </a>
            </li>
          </ul>
        </div>
        {comparing ? (
          <>
            <p>
              <Link to={base}>{t('maquette.backToCurrent')}</Link>
            </p>
            <ComparisonView annee={annee} de={de} a={a} versions={versions} />
          </>
        ) : (
          <MaquetteDisplay annee={annee} versionId={versionId} version={version} base={base} />
        )}
      </Section>
      <Section title={t('maquette.versions')} description={t('maquette.versionsDescription')}>
        <VersionsList annee={annee} versions={versions} base={base} current={versionId} />
        {versions.length > 0 && (
          <div className="comparison-box">
            <h3 className="comparison-box__title">{t('maquette.compare')}</h3>
            <ComparisonForm
              key={`${de}-${a}`}
              versions={versions}
              de={de}
              a={a}
              onCompare={(from, to) => setParams({ de: from, a: to })}
            />
          </div>
        )}
      </Section>
      {allowed('maquette.valider') && (
        <ValidateDialog
          annee={annee}
          open={validating}
          onClose={() => setValidating(false)}
          onValidated={(libelle) => {
            setValidating(false);
            setAnnouncement(t('maquette.validated', { libelle }));
          }}
        />
      )}
    </>
  );
}

function MaquetteDisplay({
  annee,
  versionId,
  version,
  base,
}: {
  annee: number;
  versionId: string | null;
  version: MaquetteVersionSummary | null;
  base: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { contrat } = useContratContext();
  const maquette = useMaquette(contrat.id, annee, versionId);
  if (maquette.isPending) return <Loading />;
  if (maquette.isError)
    return <ErrorState error={maquette.error} onRetry={() => void maquette.refetch()} />;
  const frozen = maquette.data.version ?? version;
  return (
    <>
      {frozen && (
        <div className="frozen-banner" role="note">
          <p className="frozen-banner__title">
            {t('maquette.frozen', { date: format.date(frozen.valideeLe) })}
          </p>
          <p className="frozen-banner__text">
            {t('maquette.frozenText', { libelle: frozen.libelle })}{' '}
            <Link to={base}>{t('maquette.backToCurrent')}</Link>
          </p>
        </div>
      )}
      <MaquetteTable
        maquette={maquette.data}
        caption={
          frozen
            ? t('maquette.captionFrozen', {
                annee,
                contrat: contrat.nom,
                date: format.date(frozen.valideeLe),
              })
            : t('maquette.caption', { annee, contrat: contrat.nom })
        }
      />
    </>
  );
}
