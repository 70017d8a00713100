import { PASSWORD_MIN_LENGTH } from '@trame/shared';
import { useAuthConfig } from './session';

/** The server states its rule; until it has answered, the shared default describes it. */
export function usePasswordMinLength(): number {
  return useAuthConfig().data?.passwordMinLength ?? PASSWORD_MIN_LENGTH;
}
