import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, Me } from '@trame/shared';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth';
import { isApiError } from '../../api/client';
import { clearOfflineCopies } from '../../editor/offline';
import { storeLocale } from '../../i18n/locale';

export const ME_KEY = ['me'] as const;

/** The signed-in person, or null for a visitor. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await authApi.me();
      } catch (error) {
        if (isApiError(error, 'unauthenticated')) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useAuthConfig() {
  return useQuery({ queryKey: ['auth-config'], queryFn: authApi.config, staleTime: Infinity });
}

/** Opens a session from an answer that returns `Me` (login, e-mail verification). */
export function useSignedIn() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return (me: Me) => {
    // Whatever the previous visitor could read must not leak into this session's cache.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth-config' });
    queryClient.setQueryData(ME_KEY, me);
    storeLocale(me.locale);
    void i18n.changeLanguage(me.locale);
  };
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.logout,
    // The documents' offline copies must not stay behind for the next person on this browser.
    // Only once the server has ended the session: the network is there, so the editors have
    // (almost always) sent what was written offline; a failed sign-out keeps the copies.
    onSuccess: () => void clearOfflineCopies(),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth-config' });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

/**
 * Switches the interface language; a signed-in person's choice is saved on their account so it
 * follows them (and their e-mails), a visitor's stays in this browser.
 */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => authApi.updateMe({ locale }),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  });
  return (locale: Locale) => {
    storeLocale(locale);
    void i18n.changeLanguage(locale);
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    if (me && me.locale !== locale) {
      queryClient.setQueryData(ME_KEY, { ...me, locale });
      save.mutate(locale);
    }
  };
}
