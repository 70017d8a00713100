import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contrat } from '@trame/shared';
import { contratApi } from '../../api/contrats';

export const contratKeys = {
  list: ['contrats'] as const,
  /** Every contract detail, whatever the id or slug it was fetched by. */
  details: ['contrat'] as const,
  detail: (idOrSlug: string) => ['contrat', idOrSlug] as const,
};

export function useContrats() {
  return useQuery({ queryKey: contratKeys.list, queryFn: contratApi.list });
}

export function useContrat(idOrSlug: string) {
  return useQuery({
    queryKey: contratKeys.detail(idOrSlug),
    queryFn: () => contratApi.get(idOrSlug),
  });
}

/**
 * A write on a part of a contract (signataire, orientation, linked contract…). The contract
 * answer embeds those parts, so it is refetched afterwards, as is the list of contracts.
 */
export function useContratMutation<Input, Result>(
  contrat: Pick<Contrat, 'id'>,
  write: (contratId: string, input: Input) => Promise<Result>,
  options: { onSuccess?: (result: Result) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(contrat.id, input),
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contratKeys.details }),
        queryClient.invalidateQueries({ queryKey: contratKeys.list }),
      ]);
      options.onSuccess?.(result);
    },
    onError: options.onError,
  });
}
