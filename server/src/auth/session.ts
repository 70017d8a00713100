import type { Request } from 'express';
import type { UserRow } from './users-repository.js';

/** passport's callback-style session helpers as promises (passport 0.7 regenerates the session id). */
export function logIn(req: Request, user: UserRow): Promise<void> {
  return new Promise((resolve, reject) =>
    req.logIn(user, (err) => (err ? reject(err) : resolve())),
  );
}

export function logOut(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.logOut((err) => (err ? reject(err) : resolve())));
}
