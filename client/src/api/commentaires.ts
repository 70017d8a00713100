import type {
  AncreInput,
  Commentaire,
  CommentairePublic,
  Fil,
  FileModeration,
  ModeModeration,
  NotificationsPage,
  NotificationView,
  PreferenceEmail,
  SujetCommentaire,
} from '@trame/shared';
import { api, segment } from './client';

const base = (contratId: string) => `/contrats/${segment(contratId)}`;
const one = (contratId: string, id: string) => `${base(contratId)}/commentaires/${segment(id)}`;

/** Members read whole comments; the public reads them without names or moderation. */
export function isMemberView(c: Commentaire | CommentairePublic): c is Commentaire {
  return 'droits' in c;
}

export interface NewCommentaire {
  sujetType: SujetCommentaire;
  sujetId: string;
  corps: string;
  parentId?: string;
  ancre?: AncreInput;
}

export const commentaireApi = {
  list: (contratId: string, sujetType: SujetCommentaire, sujetId: string) =>
    api.get<{ items: Fil[]; total: number }>(
      `${base(contratId)}/commentaires?sujetType=${segment(sujetType)}&sujetId=${segment(sujetId)}`,
    ),
  create: (contratId: string, input: NewCommentaire) =>
    api.post<Commentaire>(`${base(contratId)}/commentaires`, input),
  update: (contratId: string, id: string, corps: string) =>
    api.patch<Commentaire>(one(contratId, id), { corps }),
  remove: (contratId: string, id: string) => api.delete(one(contratId, id)),
  setEtat: (contratId: string, id: string, action: 'resoudre' | 'rouvrir') =>
    api.post<Commentaire>(`${one(contratId, id)}/${action}`),
  report: (contratId: string, id: string, motif: string) =>
    api.post<{ id: string }>(`${one(contratId, id)}/signalements`, { motif }),
  publish: (contratId: string, id: string) =>
    api.post<Commentaire>(`${one(contratId, id)}/publier`),
  hide: (contratId: string, id: string, motif: string) =>
    api.post<Commentaire>(`${one(contratId, id)}/masquer`, { motif }),
  queue: (contratId: string) => api.get<FileModeration>(`${base(contratId)}/moderation`),
  setMode: (contratId: string, mode: ModeModeration) =>
    api.put<{ mode: ModeModeration }>(`${base(contratId)}/moderation/mode`, { mode }),
};

export const notificationApi = {
  list: () => api.get<NotificationsPage>('/notifications?limit=30'),
  unread: () => api.get<{ nonLues: number }>('/notifications/non-lues'),
  read: (id: string) => api.post<NotificationView>(`/notifications/${segment(id)}/lue`),
  readAll: () => api.post<{ nonLues: number }>('/notifications/lues'),
  preference: () => api.get<{ email: PreferenceEmail }>('/me/notifications'),
  setPreference: (email: PreferenceEmail) =>
    api.put<{ email: PreferenceEmail }>('/me/notifications', { email }),
};
