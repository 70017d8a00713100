import type {
  createPhaseSchema,
  Evenement,
  evenementSchema,
  Page,
  ParticipationReport,
  Phase,
  PhasesView,
  Presences,
  presencesSchema,
  RapportFormat,
  updateEvenementSchema,
  updatePhaseSchema,
} from '@trame/shared';
import { api, segment } from './client';

type Output<S extends { parse(input: unknown): unknown }> = ReturnType<S['parse']>;

const base = (contratId: string) => `/contrats/${segment(contratId)}`;

export type PeriodeEvenements = 'tous' | 'a_venir' | 'passes';

export const participationApi = {
  phases: (contratId: string) => api.get<PhasesView>(`${base(contratId)}/phases`),
  createPhase: (contratId: string, input: Output<typeof createPhaseSchema>) =>
    api.post<Phase>(`${base(contratId)}/phases`, input),
  updatePhase: (contratId: string, id: string, input: Output<typeof updatePhaseSchema>) =>
    api.patch<Phase>(`${base(contratId)}/phases/${segment(id)}`, input),
  removePhase: (contratId: string, id: string) =>
    api.delete(`${base(contratId)}/phases/${segment(id)}`),
  /** A phase id sets the current phase by hand; null lets the dates decide again. */
  setCurrent: (contratId: string, phaseId: string | null) =>
    api.put<PhasesView>(`${base(contratId)}/phase-courante`, { phaseId }),

  evenements: (contratId: string, periode: PeriodeEvenements) =>
    api.get<Page<Evenement>>(`${base(contratId)}/evenements?periode=${periode}`),
  createEvenement: (contratId: string, input: Output<typeof evenementSchema>) =>
    api.post<Evenement>(`${base(contratId)}/evenements`, input),
  updateEvenement: (contratId: string, id: string, input: Output<typeof updateEvenementSchema>) =>
    api.patch<Evenement>(`${base(contratId)}/evenements/${segment(id)}`, input),
  removeEvenement: (contratId: string, id: string) =>
    api.delete(`${base(contratId)}/evenements/${segment(id)}`),
  presences: (contratId: string, id: string) =>
    api.get<Presences>(`${base(contratId)}/evenements/${segment(id)}/presences`),
  setPresences: (contratId: string, id: string, input: Output<typeof presencesSchema>) =>
    api.put<Presences>(`${base(contratId)}/evenements/${segment(id)}/presences`, input),

  report: (contratId: string) => api.get<ParticipationReport>(`${base(contratId)}/participation`),
  exportUrl: (contratId: string, format: RapportFormat) =>
    `/api/v1${base(contratId)}/participation/export?format=${format}`,
};
