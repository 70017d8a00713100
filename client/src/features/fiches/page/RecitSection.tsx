import { documentName, type Fiche } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { CollaborativeEditor, VersionsPanel } from '../../../editor/lazy';
import { useContratContext } from '../../contrats/context';
import { FicheSectionShell } from './FicheSection';

/**
 * The fiche's narrative (context, description, expected results) as one text written together,
 * live: saved as it is typed, unlike the other sections' forms. Read-only for whoever may not
 * edit the fiche.
 */
export function RecitSection({ fiche }: { fiche: Fiche }) {
  const { t } = useTranslation();
  const { contrat } = useContratContext();
  const name = documentName({ kind: 'fiche', ficheId: fiche.id });
  return (
    <FicheSectionShell id="recit" title={t('recit.title')} description={t('recit.description')}>
      <CollaborativeEditor
        documentName={name}
        editable={fiche.droits.modifier}
        label={t('recit.editorLabel')}
      />
      {contrat.monRole && (
        <VersionsPanel
          documentName={name}
          canEdit={fiche.droits.modifier}
          headingLevel={4}
          title={t('recit.versions')}
        />
      )}
    </FicheSectionShell>
  );
}
