import { documentName } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { CollaborativeEditor, VersionsPanel } from '../../editor/lazy';
import { Alert } from '../../ui/Alert';
import { Section } from '../../ui/Section';
import { usePageTitle } from '../../ui/usePageTitle';
import { useContratContext } from '../contrats/context';

/**
 * The projet de territoire: one text written together, live, by the contract's members who may
 * edit it; read by the others (and by everyone once the contract is published). The named
 * versions are beside it for members.
 */
export function ProjetTab() {
  const { t } = useTranslation();
  const { contrat, allowed } = useContratContext();
  usePageTitle(`${t('projet.title')} — ${contrat.nom}`);
  const name = documentName({ kind: 'projet', contratId: contrat.id });
  const editable = allowed('projet.modifier');
  return (
    <div className={contrat.monRole ? 'grid grid--main-aside projet' : 'projet'}>
      <Section title={t('projet.title')} description={t('projet.intro')}>
        {!editable && <Alert tone="info" title={t('projet.readOnly')} />}
        <CollaborativeEditor
          documentName={name}
          editable={editable}
          label={t('projet.editorLabel')}
        />
      </Section>
      {contrat.monRole && (
        <aside className="card projet__versions">
          <VersionsPanel documentName={name} canEdit={editable} />
        </aside>
      )}
    </div>
  );
}
