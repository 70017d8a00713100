import { parisDate, parseDocumentName } from '@trame/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { contributions } from '../db/schema.js';
import { findFiche } from '../fiches/repository.js';
import { recordContribution } from '../participation/contributions.js';

/**
 * Editing a collaborative document counts as one `edition` contribution per person, document and
 * day (in France), in the phase of that moment: the participation report counts who wrote, not
 * keystrokes. The check and the insert run under a lock, so two instances or a restart never
 * count the same day twice.
 */
export async function recordDocumentEdit(
  db: Database,
  name: string,
  userId: string,
  at = new Date(),
): Promise<void> {
  const ref = parseDocumentName(name);
  if (!ref || ref.kind === 'seance') return;
  const contratId =
    ref.kind === 'projet' ? ref.contratId : (await findFiche(db, ref.ficheId))?.contratId;
  if (!contratId) return;
  const day = parisDate(at);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`edition:${name}:${userId}`}))`);
    const [already] = await tx
      .select({ id: contributions.id })
      .from(contributions)
      .where(
        and(
          eq(contributions.sujetType, 'document'),
          eq(contributions.sujetId, name),
          eq(contributions.userId, userId),
          eq(contributions.type, 'edition'),
          sql`(${contributions.occurredAt} AT TIME ZONE 'Europe/Paris')::date = ${day}::date`,
        ),
      )
      .limit(1);
    if (already) return;
    await recordContribution(tx, {
      contratId,
      userId,
      type: 'edition',
      sujet: { type: 'document', id: name },
      occurredAt: at,
    });
  });
}
