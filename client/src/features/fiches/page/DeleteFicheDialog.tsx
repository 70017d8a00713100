import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Fiche } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/client';
import { ficheApi } from '../../../api/fiches';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useContratContext } from '../../contrats/context';
import { ficheNumero } from '../FicheBadges';
import { ficheKeys, useInvalidateFiches } from '../queries';

export function DeleteFicheDialog({
  fiche,
  open,
  onClose,
}: {
  fiche: Fiche;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateFiches();
  const { contrat } = useContratContext();
  const remove = useMutation({
    mutationFn: () => ficheApi.remove(fiche.id),
    onSuccess: async () => {
      await invalidate();
      navigate(`/contrats/${contrat.slug}/fiches`);
      queryClient.removeQueries({ queryKey: ficheKeys.detail(fiche.id) });
    },
  });
  return (
    <ConfirmDialog
      open={open}
      title={t('fiche.deleteTitle')}
      confirmLabel={t('fiche.delete')}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() => remove.mutate()}
      busy={remove.isPending}
      error={isApiError(remove.error) ? remove.error.message : null}
    >
      <p>{t('fiche.deleteText', { numero: ficheNumero(fiche.numero), titre: fiche.titre })}</p>
    </ConfirmDialog>
  );
}
