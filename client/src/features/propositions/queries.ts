import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PropositionListParams, propositionApi } from '../../api/propositions';
import { ficheKeys } from '../fiches/queries';
import { participationKeys, usePhases } from '../participation/queries';

export const propositionKeys = {
  all: (contratId: string) => ['propositions', contratId] as const,
  list: (contratId: string, params: PropositionListParams) =>
    ['propositions', contratId, 'list', params] as const,
  detail: (contratId: string, id: string) => ['propositions', contratId, 'detail', id] as const,
};

export function usePropositions(contratId: string, params: PropositionListParams) {
  return useQuery({
    queryKey: propositionKeys.list(contratId, params),
    queryFn: () => propositionApi.list(contratId, params),
    placeholderData: keepPreviousData,
  });
}

export function useProposition(contratId: string, id: string) {
  return useQuery({
    queryKey: propositionKeys.detail(contratId, id),
    queryFn: () => propositionApi.get(contratId, id),
  });
}

/** Whether the contract's current phase takes proposals (the server refuses them otherwise). */
export function useProposalsOpen(contratId: string): boolean | undefined {
  const phases = usePhases(contratId);
  if (!phases.data) return undefined;
  const current = phases.data.items.find((p) => p.id === phases.data.courante.phaseId);
  return current?.propositions ?? false;
}

/**
 * A write to a proposal: the proposals are read again, and so are the fiches (a proposal retained
 * creates one) and the participation report (a proposal deposited is a contribution).
 */
export function usePropositionMutation<Input, Result>(
  contratId: string,
  write: (contratId: string, input: Input) => Promise<Result>,
  options: { onSuccess?: (result: Result) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(contratId, input),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: propositionKeys.all(contratId) }),
        queryClient.invalidateQueries({ queryKey: ficheKeys.all }),
        queryClient.invalidateQueries({ queryKey: participationKeys.all(contratId) }),
      ]);
      options.onSuccess?.(result);
    },
    onError: options.onError,
  });
}
