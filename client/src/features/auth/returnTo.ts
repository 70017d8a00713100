/** Only same-site paths are followed after signing in, never `//evil.example` or a full URL. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value;
}

export function loginPath(returnTo: string): string {
  return returnTo === '/'
    ? '/connexion'
    : `/connexion?${new URLSearchParams({ retour: returnTo })}`;
}
