import { api, segment } from './client';

/** A named version of a collaborative document ("version signée"). */
export interface DocumentVersion {
  id: string;
  nom: string;
  auteur: { id: string; nom: string } | null;
  createdAt: string;
}

/** A version with its whole Yjs state (a base64 update), to show it read-only. */
export interface DocumentVersionState extends DocumentVersion {
  state: string;
}

/** A piece of the word-by-word comparison of a version (before) with the current text (after). */
export interface DiffSegment {
  type: 'egal' | 'ajout' | 'suppression';
  texte: string;
}

const base = (name: string) => `/documents/${segment(name)}/versions`;

export const documentApi = {
  versions: (name: string) => api.get<{ items: DocumentVersion[]; total: number }>(base(name)),
  saveVersion: (name: string, nom: string) => api.post<DocumentVersion>(base(name), { nom }),
  version: (name: string, id: string) =>
    api.get<DocumentVersionState>(`${base(name)}/${segment(id)}`),
  compare: (name: string, id: string) =>
    api.get<{ segments: DiffSegment[] }>(`${base(name)}/${segment(id)}/comparaison`),
  restore: (name: string, id: string) =>
    api.post<{ restauree: boolean }>(`${base(name)}/${segment(id)}/restaurer`),
};
