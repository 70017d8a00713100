import {
  type CommentaireAModerer,
  type FileModeration,
  type ModeModeration,
  moderationModeOf,
  type PropositionAModererView,
  type SujetCommentaire,
} from '@trame/shared';
import * as commentaires from '../commentaires/repository.js';
import { commentairesOf, openSignalements, setModerationMode } from '../commentaires/repository.js';
import { toCommentaire, type ViewContext, type Viewer } from '../commentaires/service.js';
import type { ContratRow } from '../contrats/repository.js';
import type { Queryable } from '../db/database.js';
import { listPropositionsAModerer } from '../propositions/moderation.js';

/**
 * The moderation queue of a contract: comments waiting for a moderator and published ones with
 * open reports (with the reports), and the proposals the proposals module holds for moderation.
 */
export async function fileModeration(
  db: Queryable,
  contrat: ContratRow,
  moderateur: Viewer,
): Promise<FileModeration> {
  const rows = await commentaires.aModerer(db, contrat.id);
  const reports = await openSignalements(
    db,
    contrat.id,
    rows.map((r) => r.id),
  );
  const bySubject = new Map<string, commentaires.CommentaireRow[]>();
  for (const row of rows) {
    const key = `${row.sujetType}\u0000${row.sujetId}`;
    if (!bySubject.has(key)) {
      bySubject.set(
        key,
        await commentairesOf(db, contrat.id, {
          type: row.sujetType as SujetCommentaire,
          id: row.sujetId,
        }),
      );
    }
  }
  const openReports = new Map<string, number>();
  for (const s of reports) openReports.set(s.cibleId, (openReports.get(s.cibleId) ?? 0) + 1);
  const context: ViewContext = {
    contrat,
    viewer: moderateur,
    reported: new Set(),
    openReports,
    repliesByOthers: (row) =>
      (bySubject.get(`${row.sujetType}\u0000${row.sujetId}`) ?? []).filter(
        (r) => r.parentId === row.id && r.auteurId !== row.auteurId,
      ).length,
  };
  const items: CommentaireAModerer[] = rows.map((row) => ({
    // The queue shows the passage as it was written; the subject's page resolves it live.
    commentaire: toCommentaire(
      row,
      row.extrait ? { extrait: row.extrait, passage: null, passageSupprime: false } : null,
      context,
    ),
    signalements: reports
      .filter((s) => s.cibleId === row.id)
      .map((s) => ({
        id: s.id,
        par: s.parId && s.parNom ? { id: s.parId, nom: s.parNom } : null,
        motif: s.motif,
        createdAt: s.createdAt.toISOString(),
      })),
  }));
  const propositions: PropositionAModererView[] = (
    await listPropositionsAModerer(db, contrat.id, { limit: 200 })
  ).items;
  return { mode: moderationModeOf(contrat.moderation), commentaires: items, propositions };
}

export async function setMode(
  db: Queryable,
  contrat: ContratRow,
  mode: ModeModeration,
): Promise<{ mode: ModeModeration }> {
  await setModerationMode(db, contrat.id, mode);
  return { mode };
}
