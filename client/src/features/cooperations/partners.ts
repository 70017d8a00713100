import { uuidSchema } from '@trame/shared';

/** One partner row of the form: a Trame contract (by slug or id) or a territory outside Trame. */
export interface PartnerDraft {
  key: number;
  kind: 'trame' | 'externe';
  value: string;
}

let nextKey = 0;
export const newPartner = (): PartnerDraft => ({ key: nextKey++, kind: 'trame', value: '' });

export const isUuid = (value: string) => uuidSchema.safeParse(value).success;

/** Accepts a pasted contract address (`…/contrats/crte-x/membres`) as well as a bare slug. */
export function slugFromInput(value: string): string {
  const trimmed = value.trim();
  const match = /\/contrats\/([^/?#]+)/.exec(trimmed);
  return decodeURIComponent(match?.[1] ?? trimmed);
}
