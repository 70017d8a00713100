import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { gouvernanceApi } from '../../api/gouvernance';

export const gouvernanceKeys = {
  ficheDecisions: (ficheId: string) => ['decisions', 'fiche', ficheId] as const,
};

/** A reader without `decision.lire` gets a 403: not an error to show, just nothing to read. */
export function useFicheDecisions(ficheId: string) {
  return useQuery({
    queryKey: gouvernanceKeys.ficheDecisions(ficheId),
    queryFn: () => gouvernanceApi.ficheDecisions(ficheId),
    retry: (count, error) => !(error instanceof ApiError && error.status === 403) && count < 2,
  });
}
