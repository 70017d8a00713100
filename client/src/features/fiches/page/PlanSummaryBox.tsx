import type { PlanSummary } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';

/** The plan's totals by status and what remains to find, or the overrun, against the cost. */
export function PlanSummaryBox({
  plan,
  coutCents,
}: {
  plan: PlanSummary;
  coutCents: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="plan-summary">
      <h4 className="plan-summary__title">{t('financement.summary')}</h4>
      <dl className="facts facts--stacked">
        <div className="facts__item">
          <dt>{t('financement.coutShort')}</dt>
          <dd>{coutCents === null ? t('financement.coutUnknown') : format.euros(coutCents)}</dd>
        </div>
        <div className="facts__item plan-summary__total">
          <dt>{t('financement.total')}</dt>
          <dd>{format.euros(plan.totalCents)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('financement.acquis')}</dt>
          <dd>{format.euros(plan.acquisCents)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('financement.sollicite')}</dt>
          <dd>{format.euros(plan.sollicitesCents)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('financement.refuse')}</dt>
          <dd>{format.euros(plan.refusesCents)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('financement.ecart')}</dt>
          <dd>
            {plan.ecartCents === null
              ? t('financement.coutUnknown')
              : plan.ecartCents >= 0
                ? t('financement.resteAFinancer', { montant: format.euros(plan.ecartCents) })
                : t('financement.depassement', { montant: format.euros(-plan.ecartCents) })}
          </dd>
        </div>
      </dl>
      {plan.depasseCout && plan.ecartCents !== null && (
        <div className="alert alert--warning plan-summary__warning" role="status">
          <p className="alert__title">
            <span aria-hidden="true">⚠ </span>
            {t('financement.depasse', { montant: format.euros(-plan.ecartCents) })}
          </p>
        </div>
      )}
    </div>
  );
}
