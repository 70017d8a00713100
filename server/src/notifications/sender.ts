import { apercu, envoiDu, type Locale, type PreferenceEmail } from '@trame/shared';
import type { AppContext } from '../context.js';
import { digestMail, notificationMail } from '../mail/templates.js';
import * as repository from './repository.js';

/** People read from the database at once; a run goes through all of them, page by page. */
const PAGE = 200;

export interface NotificationSender {
  /** Sends what is due at `now` (the clock is the caller's); the number of e-mails sent. */
  runOnce(now: Date): Promise<number>;
  stop(): Promise<void>;
}

/**
 * E-mails notifications per each person's preference (`envoiDu`: at once, or one daily digest).
 * Safe with several instances: a person is handled under a row lock taken with `SKIP LOCKED`, so
 * one instance sends and the others skip them; what was sent is marked in the same transaction,
 * with `dernier_email_le`, before the lock is released. A mail that fails rolls back, and is
 * retried on the next run.
 */
export function createNotificationSender(ctx: AppContext): NotificationSender {
  const logger = ctx.logger.child({ module: 'notifications' });
  const base = ctx.config.publicUrl;
  const link = (path: string) => new URL(path, base).toString();

  async function sendTo(userId: string, now: Date): Promise<number> {
    return ctx.db.transaction(async (tx) => {
      const person = await repository.lockPerson(tx, userId);
      if (!person) return 0;
      const waiting = await repository.waitingOf(tx, userId);
      const preference = person.preference as PreferenceEmail;
      const due = envoiDu(
        {
          preference,
          dernierEmailLe: person.dernierEmailLe,
          plusAncienne: waiting[0]?.createdAt ?? null,
        },
        now,
      );
      if (!due) return 0;
      const locale: Locale = person.locale === 'en' ? 'en' : 'fr';
      const preferencesUrl = link('/compte');
      const mails =
        preference === 'immediat'
          ? waiting.map((n) =>
              notificationMail(locale, {
                nom: person.nom,
                titre: n.titre,
                extrait: apercu(n.extrait),
                url: link(n.lien),
                preferencesUrl,
              }),
            )
          : [
              digestMail(locale, {
                nom: person.nom,
                items: waiting.map((n) => ({
                  titre: n.titre,
                  extrait: apercu(n.extrait, 140),
                  url: link(n.lien),
                })),
                url: link('/notifications'),
                preferencesUrl,
              }),
            ];
      for (const mail of mails) await ctx.mailer.send({ to: person.email, ...mail });
      await repository.markSent(
        tx,
        userId,
        waiting.map((n) => n.id),
        now,
      );
      return mails.length;
    });
  }

  async function runOnce(now: Date): Promise<number> {
    let sent = 0;
    let after: string | null = null;
    for (;;) {
      const page: string[] = await repository.peopleWaiting(ctx.db, after, PAGE);
      for (const userId of page) {
        try {
          sent += await sendTo(userId, now);
        } catch (err) {
          logger.warn({ err, userId }, 'notification e-mail not sent; retried on the next run');
        }
      }
      if (page.length < PAGE) return sent;
      after = page[page.length - 1]!;
    }
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const intervalMs = ctx.config.notifications.intervalMs;
  if (intervalMs > 0) {
    timer = setInterval(() => {
      running = running.then(() =>
        runOnce(new Date()).catch((err) => logger.warn({ err }, 'notification run failed')),
      );
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
