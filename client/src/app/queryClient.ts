import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { Me } from '@trame/shared';
import { isApiError } from '../api/client';
import { ME_KEY } from '../features/auth/session';

/** A 4xx will answer the same on retry; only network and server failures are worth retrying. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // The session ended (expired, or signed out in another tab): forget who we were, so the
      // pages that need an account send the person back to the sign-in form.
      onError: (error) => {
        if (!isApiError(error, 'unauthenticated')) return;
        if (queryClient.getQueryData<Me | null>(ME_KEY)) queryClient.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
  return queryClient;
}
