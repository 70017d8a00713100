import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Fiche, type Locale, sourceLabel } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { type FicheListParams, ficheApi } from '../../api/fiches';
import { isLocale } from '../../i18n/locale';

export const ficheKeys = {
  all: ['fiches'] as const,
  lists: ['fiches', 'list'] as const,
  list: (contratId: string, params: FicheListParams) =>
    ['fiches', 'list', contratId, params] as const,
  detail: (id: string) => ['fiches', 'detail', id] as const,
  history: (id: string) => ['fiches', 'history', id] as const,
  sources: (contratId: string) => ['sources', contratId] as const,
  iso: (contratId: string) => ['iso37101', contratId] as const,
};

/** The maquettes are computed from the fiches' financing: any change to a fiche may move them. */
export const MAQUETTES_KEY = ['maquettes'] as const;

export function useFicheList(contratId: string, params: FicheListParams, enabled = true) {
  return useQuery({
    queryKey: ficheKeys.list(contratId, params),
    queryFn: () => ficheApi.list(contratId, params),
    // The previous page stays on screen while the next one loads, instead of a flash of spinner.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFiche(id: string) {
  return useQuery({ queryKey: ficheKeys.detail(id), queryFn: () => ficheApi.get(id) });
}

export function useFicheHistory(id: string) {
  return useQuery({ queryKey: ficheKeys.history(id), queryFn: () => ficheApi.history(id) });
}

export function useSources(contratId: string) {
  return useQuery({
    queryKey: ficheKeys.sources(contratId),
    queryFn: () => ficheApi.sources(contratId),
    staleTime: 5 * 60_000,
  });
}

export function useIsoMatrix(contratId: string) {
  return useQuery({ queryKey: ficheKeys.iso(contratId), queryFn: () => ficheApi.iso(contratId) });
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}

/** Names a funding source in the interface language, the contract's own sources included. */
export function useSourceLabel(contratId: string) {
  const locale = useLocale();
  const sources = useSources(contratId);
  return (code: string) => sourceLabel(code, locale, sources.data?.items ?? []);
}

/** Everything computed from the fiches is refetched after a write on one of them. */
export function useInvalidateFiches() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ficheKeys.lists }),
      queryClient.invalidateQueries({ queryKey: ['fiches', 'history'] }),
      queryClient.invalidateQueries({ queryKey: ['iso37101'] }),
      queryClient.invalidateQueries({ queryKey: MAQUETTES_KEY }),
    ]);
}

/**
 * A write on one fiche that answers the whole fiche (PATCH, financing lines, promotion): the
 * answer replaces the cached fiche at once, and the lists, history and maquettes are refetched.
 */
export function useFicheMutation<Input>(
  ficheId: string,
  write: (input: Input) => Promise<Fiche>,
  options: {
    onSuccess?: (fiche: Fiche, input: Input) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateFiches();
  return useMutation({
    mutationFn: write,
    onSuccess: async (fiche, input) => {
      queryClient.setQueryData(ficheKeys.detail(ficheId), fiche);
      await invalidate();
      options.onSuccess?.(fiche, input);
    },
    onError: options.onError,
  });
}
