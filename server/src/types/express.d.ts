import type { Locale } from '@trame/shared';
import type { UserRow } from '../auth/users-repository.js';

declare global {
  namespace Express {
    interface User extends UserRow {}
    interface Request {
      locale: Locale;
    }
  }
}
