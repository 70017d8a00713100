import type { Cooperation } from '@trame/shared';
import type { ParseKeys } from 'i18next';

/**
 * Where a contract stands in a cooperation. Removing it means different things: the initiator
 * deletes the cooperation for everyone, a partner declines (still pending) or leaves (accepted).
 */
export type Participation = 'initiateur' | 'invite' | 'partenaire' | 'aucune';

export function participationOf(cooperation: Cooperation, contratId: string): Participation {
  if (cooperation.initiateurId === contratId) return 'initiateur';
  const own = cooperation.parties.find((partie) => partie.contratId === contratId);
  if (!own) return 'aucune';
  return own.statut === 'en_attente' ? 'invite' : 'partenaire';
}

/** The words for stepping back from a cooperation, by participation. */
export const REMOVAL_WORDING = {
  initiateur: {
    action: 'common.delete',
    named: 'common.deleteNamed',
    title: 'cooperations.removeTitle',
    text: 'cooperations.removeText',
  },
  invite: {
    action: 'cooperations.decline',
    named: 'cooperations.declineNamed',
    title: 'cooperations.declineTitle',
    text: 'cooperations.declineText',
  },
  partenaire: {
    action: 'cooperations.leave',
    named: 'cooperations.leaveNamed',
    title: 'cooperations.leaveTitle',
    text: 'cooperations.leaveText',
  },
} as const satisfies Record<Exclude<Participation, 'aucune'>, Record<string, ParseKeys>>;
