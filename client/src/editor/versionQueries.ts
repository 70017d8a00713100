import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentApi } from '../api/documents';

export const documentKeys = {
  versions: (name: string) => ['documents', name, 'versions'] as const,
  version: (name: string, id: string) => ['documents', name, 'versions', id] as const,
  compare: (name: string, id: string) => ['documents', name, 'versions', id, 'compare'] as const,
};

export function useVersions(name: string) {
  return useQuery({
    queryKey: documentKeys.versions(name),
    queryFn: () => documentApi.versions(name),
  });
}

/** A saved version never changes. */
export function useVersion(name: string, id: string) {
  return useQuery({
    queryKey: documentKeys.version(name, id),
    queryFn: () => documentApi.version(name, id),
    staleTime: Infinity,
  });
}

/** Against the current text, which moves: always asked again. */
export function useComparison(name: string, id: string) {
  return useQuery({
    queryKey: documentKeys.compare(name, id),
    queryFn: () => documentApi.compare(name, id),
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSaveVersion(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (nom: string) => documentApi.saveVersion(name, nom),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.versions(name) }),
  });
}

export function useRestoreVersion(name: string) {
  return useMutation({ mutationFn: (id: string) => documentApi.restore(name, id) });
}
