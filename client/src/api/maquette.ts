import type {
  ExportFormat,
  MaquetteDiff,
  MaquetteVersionSummary,
  MaquetteView,
} from '@trame/shared';
import { api, segment } from './client';

const base = (contratId: string) => `/contrats/${segment(contratId)}/maquettes`;
const year = (contratId: string, annee: number) => `${base(contratId)}/${annee}`;

export interface MaquetteIndex {
  /** Years with financing, or within the contract's period. */
  annees: number[];
  versions: MaquetteVersionSummary[];
}

/** The later side of a comparison: a validated version, or the live maquette. */
export type ComparisonTarget = string | 'courante';

export const maquetteApi = {
  index: (contratId: string) => api.get<MaquetteIndex>(base(contratId)),
  live: (contratId: string, annee: number) => api.get<MaquetteView>(year(contratId, annee)),
  version: (contratId: string, annee: number, versionId: string) =>
    api.get<MaquetteView>(`${year(contratId, annee)}/versions/${segment(versionId)}`),
  validate: (contratId: string, annee: number, input: { libelle: string; valideeLe: string }) =>
    api.post<MaquetteVersionSummary>(`${year(contratId, annee)}/versions`, input),
  compare: (contratId: string, annee: number, de: string, a: ComparisonTarget) =>
    api.get<MaquetteDiff>(
      `${year(contratId, annee)}/comparaison?de=${segment(de)}&a=${segment(a)}`,
    ),
  exportUrl: (contratId: string, annee: number, format: ExportFormat) =>
    `/api/v1${year(contratId, annee)}/export?format=${format}`,
  /** Every year in one workbook, a sheet per year. */
  exportAllUrl: (contratId: string) => `/api/v1${base(contratId)}/export`,
};
