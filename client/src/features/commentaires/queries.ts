import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SujetCommentaire } from '@trame/shared';
import { commentaireApi, notificationApi } from '../../api/commentaires';
import { useLive } from '../../api/live';

export const commentaireKeys = {
  sujet: (contratId: string, sujetType: SujetCommentaire, sujetId: string) =>
    ['commentaires', contratId, sujetType, sujetId] as const,
  moderation: (contratId: string) => ['moderation', contratId] as const,
  notifications: ['notifications'] as const,
};

/** The threads of a subject, refreshed when a live `commentaire` event arrives for it. */
export function useFils(
  contratId: string,
  sujetType: SujetCommentaire,
  sujetId: string,
  liveSubject: string,
) {
  const client = useQueryClient();
  const key = commentaireKeys.sujet(contratId, sujetType, sujetId);
  useLive(liveSubject, 'commentaire', () => void client.invalidateQueries({ queryKey: key }));
  return useQuery({
    queryKey: key,
    queryFn: () => commentaireApi.list(contratId, sujetType, sujetId),
  });
}

/** A write on comments; refreshes the subject's threads and the moderation queue. */
export function useCommentaireMutation<V, R>(contratId: string, run: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['commentaires', contratId] });
      void client.invalidateQueries({ queryKey: commentaireKeys.moderation(contratId) });
    },
  });
}

/** The moderation queue, refreshed live (`moderation:<id>`). */
export function useFileModeration(contratId: string) {
  const client = useQueryClient();
  const key = commentaireKeys.moderation(contratId);
  useLive(
    `moderation:${contratId}`,
    'moderation',
    () => void client.invalidateQueries({ queryKey: key }),
  );
  return useQuery({ queryKey: key, queryFn: () => commentaireApi.queue(contratId) });
}

/** The signed-in person's notifications, refreshed when one arrives live. */
export function useNotifications(enabled: boolean) {
  const client = useQueryClient();
  useLive(
    null,
    'notification',
    () => void client.invalidateQueries({ queryKey: commentaireKeys.notifications }),
  );
  return useQuery({
    queryKey: commentaireKeys.notifications,
    queryFn: notificationApi.list,
    enabled,
  });
}
