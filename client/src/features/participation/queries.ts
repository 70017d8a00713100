import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PeriodeEvenements, participationApi } from '../../api/participation';

const PARTICIPATION_KEY = ['participation'] as const;

export const participationKeys = {
  all: (contratId: string) => [...PARTICIPATION_KEY, contratId] as const,
  phases: (contratId: string) => [...PARTICIPATION_KEY, contratId, 'phases'] as const,
  evenements: (contratId: string, periode: PeriodeEvenements) =>
    [...PARTICIPATION_KEY, contratId, 'evenements', periode] as const,
  presences: (contratId: string, evenementId: string) =>
    [...PARTICIPATION_KEY, contratId, 'presences', evenementId] as const,
  report: (contratId: string) => [...PARTICIPATION_KEY, contratId, 'report'] as const,
};

export function usePhases(contratId: string) {
  return useQuery({
    queryKey: participationKeys.phases(contratId),
    queryFn: () => participationApi.phases(contratId),
  });
}

export function useEvenements(contratId: string, periode: PeriodeEvenements) {
  return useQuery({
    queryKey: participationKeys.evenements(contratId, periode),
    queryFn: () => participationApi.evenements(contratId, periode),
  });
}

export function usePresences(contratId: string, evenementId: string) {
  return useQuery({
    queryKey: participationKeys.presences(contratId, evenementId),
    queryFn: () => participationApi.presences(contratId, evenementId),
  });
}

export function useParticipationReport(contratId: string) {
  return useQuery({
    queryKey: participationKeys.report(contratId),
    queryFn: () => participationApi.report(contratId),
  });
}

/**
 * A write to phases, events or attendance: everything participation shows of the contract is
 * read again (the current phase, the events' counts and the report depend on each other).
 */
export function useParticipationMutation<Input, Result>(
  contratId: string,
  write: (contratId: string, input: Input) => Promise<Result>,
  options: { onSuccess?: (result: Result) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(contratId, input),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(contratId) });
      options.onSuccess?.(result);
    },
    onError: options.onError,
  });
}
