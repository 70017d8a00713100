import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComparisonTarget, maquetteApi } from '../../api/maquette';
import { MAQUETTES_KEY } from '../fiches/queries';

export const maquetteKeys = {
  index: (contratId: string) => [...MAQUETTES_KEY, contratId, 'index'] as const,
  live: (contratId: string, annee: number) => [...MAQUETTES_KEY, contratId, annee, 'live'] as const,
  version: (contratId: string, annee: number, versionId: string) =>
    [...MAQUETTES_KEY, contratId, annee, 'version', versionId] as const,
  compare: (contratId: string, annee: number, de: string, a: ComparisonTarget) =>
    [...MAQUETTES_KEY, contratId, annee, 'compare', de, a] as const,
};

export function useMaquetteIndex(contratId: string) {
  return useQuery({
    queryKey: maquetteKeys.index(contratId),
    queryFn: () => maquetteApi.index(contratId),
  });
}

/** The live maquette of a year, or a validated version of it when `versionId` is given. */
export function useMaquette(contratId: string, annee: number, versionId: string | null) {
  return useQuery({
    queryKey: versionId
      ? maquetteKeys.version(contratId, annee, versionId)
      : maquetteKeys.live(contratId, annee),
    queryFn: () =>
      versionId
        ? maquetteApi.version(contratId, annee, versionId)
        : maquetteApi.live(contratId, annee),
    // A validated version never changes.
    staleTime: versionId ? Infinity : 0,
  });
}

export function useComparison(contratId: string, annee: number, de: string, a: ComparisonTarget) {
  return useQuery({
    queryKey: maquetteKeys.compare(contratId, annee, de, a),
    queryFn: () => maquetteApi.compare(contratId, annee, de, a),
    staleTime: a === 'courante' ? 0 : Infinity,
  });
}

export function useValidateMaquette(contratId: string, annee: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { libelle: string; valideeLe: string }) =>
      maquetteApi.validate(contratId, annee, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: maquetteKeys.index(contratId) }),
  });
}
