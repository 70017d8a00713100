import type {
  createPropositionSchema,
  DecisionPropositionInput,
  Page,
  Proposition,
  PropositionDetail,
  PropositionPublique,
  PublicationProposition,
  StatutProposition,
} from '@trame/shared';
import { api, segment } from './client';

type Output<S extends { parse(input: unknown): unknown }> = ReturnType<S['parse']>;

const base = (contratId: string) => `/contrats/${segment(contratId)}/propositions`;
const one = (contratId: string, id: string) => `${base(contratId)}/${segment(id)}`;

/** Members read whole proposals; the public reads them without who wrote them. */
export type PropositionVue = Proposition | PropositionPublique;
export type PropositionDetailVue = PropositionDetail | PropositionPublique;

export function isMemberView<T extends PropositionVue>(
  proposition: T,
): proposition is Extract<T, Proposition> {
  return 'droits' in proposition;
}

export interface PropositionListParams {
  statut?: StatutProposition;
  publication?: PublicationProposition;
  limit: number;
  offset: number;
}

function queryString(params: PropositionListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return `?${search.toString()}`;
}

export const propositionApi = {
  list: (contratId: string, params: PropositionListParams) =>
    api.get<Page<PropositionVue>>(`${base(contratId)}${queryString(params)}`),
  get: (contratId: string, id: string) => api.get<PropositionDetailVue>(one(contratId, id)),
  create: (contratId: string, input: Output<typeof createPropositionSchema>) =>
    api.post<PropositionDetail>(base(contratId), input),
  decide: (contratId: string, id: string, input: DecisionPropositionInput) =>
    api.post<PropositionDetail>(`${one(contratId, id)}/statut`, input),
  publish: (contratId: string, id: string) =>
    api.post<PropositionDetail>(`${one(contratId, id)}/publier`),
  hide: (contratId: string, id: string, motif: string) =>
    api.post<PropositionDetail>(`${one(contratId, id)}/masquer`, { motif }),
};
