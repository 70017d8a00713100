import { eq, lt } from 'drizzle-orm';
import session from 'express-session';
import type { Database } from '../db/database.js';
import { sessions } from '../db/schema.js';

type SessionData = session.SessionData & { passport?: { user?: string } };
type Callback = (err?: unknown) => void;

/**
 * express-session store in the application database (PostgreSQL or PGlite), so sessions survive
 * restarts and are shared by every instance. The user id is kept in its own column so all the
 * sessions of a person can be ended at once (password reset, account removal).
 */
export class DatabaseSessionStore extends session.Store {
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly defaultMaxAgeMs: number,
  ) {
    super();
    this.sweeper = setInterval(() => void this.sweepExpired().catch(() => {}), 15 * 60_000);
    this.sweeper.unref();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() <= Date.now()) return callback(null, null);
        callback(null, row.data as SessionData);
      }, callback);
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    const expiresAt = this.expiryOf(data);
    const userId = data.passport?.user ?? null;
    this.db
      .insert(sessions)
      .values({ sid, data, expiresAt, userId })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt, userId } })
      .then(() => callback?.(), callback);
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    this.db
      .update(sessions)
      .set({ expiresAt: this.expiryOf(data) })
      .where(eq(sessions.sid, sid))
      .then(() => callback?.(), callback);
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => callback?.(), callback);
  }

  async destroyAllOfUser(userId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId));
  }

  async sweepExpired(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private expiryOf(data: SessionData): Date {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + this.defaultMaxAgeMs);
  }
}
