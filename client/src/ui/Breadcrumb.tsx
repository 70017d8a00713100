import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface BreadcrumbProps {
  parents: { to: string; label: string }[];
  current: string;
}

export function Breadcrumb({ parents, current }: BreadcrumbProps) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <ol>
        {parents.map((parent) => (
          <li key={parent.to}>
            <Link to={parent.to}>{parent.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
