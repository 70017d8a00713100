import type {
  CreateFicheInput,
  ExportFormat,
  Fiche,
  FicheHistoryEntry,
  FicheSummary,
  ImportField,
  ImportReport,
  IsoMatrix,
  StatutFinancement,
  UpdateFicheInput,
} from '@trame/shared';
import { api, segment } from './client';

const contrat = (id: string) => `/contrats/${segment(id)}`;
const fiche = (id: string) => `/fiches/${segment(id)}`;

/** The list's query parameters, as the API reads them (lists comma-separated). */
export interface FicheListParams {
  q?: string;
  orientation?: string;
  maturite?: string[];
  type?: string;
  porteur?: string;
  source?: string;
  commune?: string;
  isoDomaine?: string;
  isoFinalite?: string;
  public?: 'true' | 'false';
  sort?: string;
  limit?: number;
  offset?: number;
}

function queryString(params: FicheListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface FinancementInput {
  source: string;
  montantCents: number;
  annee: number;
  statut: StatutFinancement;
  commentaire: string;
}

export interface ContratSource {
  code: string;
  libelle: string;
  reference: boolean;
}

export interface ImportRequest {
  format: ExportFormat;
  contenu: string;
  correspondance?: Record<string, ImportField>;
  simulation?: boolean;
}

export const ficheApi = {
  list: (contratId: string, params: FicheListParams) =>
    api.get<{ items: FicheSummary[]; total: number }>(
      `${contrat(contratId)}/fiches${queryString(params)}`,
    ),
  create: (contratId: string, input: CreateFicheInput) =>
    api.post<Fiche>(`${contrat(contratId)}/fiches`, input),
  get: (id: string) => api.get<Fiche>(fiche(id)),
  update: (id: string, input: UpdateFicheInput) => api.patch<Fiche>(fiche(id), input),
  remove: (id: string) => api.delete(fiche(id)),
  promote: (id: string) => api.post<Fiche>(`${fiche(id)}/promouvoir`),
  history: (id: string) => api.get<{ items: FicheHistoryEntry[] }>(`${fiche(id)}/historique`),
  addFinancement: (id: string, input: FinancementInput) =>
    api.post<Fiche>(`${fiche(id)}/financements`, input),
  updateFinancement: (id: string, ligneId: string, input: Partial<FinancementInput>) =>
    api.patch<Fiche>(`${fiche(id)}/financements/${segment(ligneId)}`, input),
  removeFinancement: (id: string, ligneId: string) =>
    api.request<Fiche>('DELETE', `${fiche(id)}/financements/${segment(ligneId)}`),
  sources: (contratId: string) =>
    api.get<{ items: ContratSource[] }>(`${contrat(contratId)}/sources`),
  addSource: (contratId: string, input: { code: string; libelle: string }) =>
    api.post<ContratSource>(`${contrat(contratId)}/sources`, input),
  iso: (contratId: string) => api.get<IsoMatrix>(`${contrat(contratId)}/iso37101`),
  importFiches: (contratId: string, input: ImportRequest) =>
    api.post<ImportReport>(`${contrat(contratId)}/fiches/import`, input),
  /** A plain link target: the browser downloads the file with the session cookie. */
  exportUrl: (contratId: string, format: ExportFormat) =>
    `/api/v1${contrat(contratId)}/fiches/export?format=${format}`,
};
