import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { membreApi } from '../../api/contrats';

const membreKeys = {
  membres: (contratId: string) => ['membres', contratId] as const,
  invitations: (contratId: string) => ['invitations', contratId] as const,
};

export function useMembres(contratId: string, enabled: boolean) {
  return useQuery({
    queryKey: membreKeys.membres(contratId),
    queryFn: () => membreApi.list(contratId),
    enabled,
  });
}

export function useInvitations(contratId: string) {
  return useQuery({
    queryKey: membreKeys.invitations(contratId),
    queryFn: () => membreApi.invitations(contratId),
  });
}

/** A change to the people of a contract: members and pending invitations are both reloaded. */
export function useMembreMutation<Input, Result>(
  contratId: string,
  write: (contratId: string, input: Input) => Promise<Result>,
  options: {
    onSuccess?: (result: Result, input: Input) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(contratId, input),
    onSuccess: async (result, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: membreKeys.membres(contratId) }),
        queryClient.invalidateQueries({ queryKey: membreKeys.invitations(contratId) }),
      ]);
      options.onSuccess?.(result, input);
    },
    onError: options.onError,
  });
}
