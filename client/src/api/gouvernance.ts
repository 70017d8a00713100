import type { Decision } from '@trame/shared';
import { api, segment } from './client';

export const gouvernanceApi = {
  /** The décisions about a fiche; a partner reads those of the fiches it carries. */
  ficheDecisions: (ficheId: string) =>
    api.get<{ items: Decision[]; total: number }>(`/fiches/${segment(ficheId)}/decisions`),
};
