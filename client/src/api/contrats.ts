import type {
  Contrat,
  ContratLie,
  ContratSummary,
  Cooperation,
  CreateContratInput,
  contratLieSchema,
  cooperationSchema,
  Invitation,
  InviteMembreInput,
  InviteResult,
  Membre,
  Objectif,
  Orientation,
  objectifSchema,
  orientationSchema,
  Page,
  Signataire,
  signataireSchema,
  UpdateContratInput,
  updateContratLieSchema,
  updateCooperationSchema,
  updateMembreSchema,
  updateObjectifSchema,
  updateOrientationSchema,
  updateSignataireSchema,
} from '@trame/shared';
import { api, segment } from './client';

/** What a shared schema yields once it has parsed (and defaulted) the form's values. */
type Output<S extends { parse(input: unknown): unknown }> = ReturnType<S['parse']>;

/** `id` is the contract's uuid or slug: the API accepts both. */
const base = (id: string) => `/contrats/${segment(id)}`;

export const contratApi = {
  list: () => api.get<Page<ContratSummary>>('/contrats'),
  get: (id: string) => api.get<Contrat>(base(id)),
  create: (input: CreateContratInput) => api.post<Contrat>('/contrats', input),
  update: (id: string, input: UpdateContratInput) => api.patch<Contrat>(base(id), input),
  /** A signed-in resident joins a published contract as habitant. */
  join: (id: string) => api.post<Membre>(`${base(id)}/adhesion`),
};

export const signataireApi = {
  create: (id: string, input: Output<typeof signataireSchema>) =>
    api.post<Signataire>(`${base(id)}/signataires`, input),
  update: (id: string, signataireId: string, input: Output<typeof updateSignataireSchema>) =>
    api.patch<Signataire>(`${base(id)}/signataires/${segment(signataireId)}`, input),
  remove: (id: string, signataireId: string) =>
    api.delete(`${base(id)}/signataires/${segment(signataireId)}`),
};

export const orientationApi = {
  create: (id: string, input: Output<typeof orientationSchema>) =>
    api.post<Orientation>(`${base(id)}/orientations`, input),
  update: (id: string, orientationId: string, input: Output<typeof updateOrientationSchema>) =>
    api.patch<Orientation>(`${base(id)}/orientations/${segment(orientationId)}`, input),
  remove: (id: string, orientationId: string) =>
    api.delete(`${base(id)}/orientations/${segment(orientationId)}`),
};

export const objectifApi = {
  create: (id: string, orientationId: string, input: Output<typeof objectifSchema>) =>
    api.post<Objectif>(`${base(id)}/orientations/${segment(orientationId)}/objectifs`, input),
  update: (id: string, objectifId: string, input: Output<typeof updateObjectifSchema>) =>
    api.patch<Objectif>(`${base(id)}/objectifs/${segment(objectifId)}`, input),
  remove: (id: string, objectifId: string) =>
    api.delete(`${base(id)}/objectifs/${segment(objectifId)}`),
};

export const contratLieApi = {
  create: (id: string, input: Output<typeof contratLieSchema>) =>
    api.post<ContratLie>(`${base(id)}/contrats-lies`, input),
  update: (id: string, lieId: string, input: Output<typeof updateContratLieSchema>) =>
    api.patch<ContratLie>(`${base(id)}/contrats-lies/${segment(lieId)}`, input),
  remove: (id: string, lieId: string) => api.delete(`${base(id)}/contrats-lies/${segment(lieId)}`),
};

export const cooperationApi = {
  create: (id: string, input: Output<typeof cooperationSchema>) =>
    api.post<Cooperation>(`${base(id)}/cooperations`, input),
  update: (id: string, cooperationId: string, input: Output<typeof updateCooperationSchema>) =>
    api.patch<Cooperation>(`${base(id)}/cooperations/${segment(cooperationId)}`, input),
  remove: (id: string, cooperationId: string) =>
    api.delete(`${base(id)}/cooperations/${segment(cooperationId)}`),
  accept: (id: string, cooperationId: string) =>
    api.post<Cooperation>(`${base(id)}/cooperations/${segment(cooperationId)}/accepter`),
};

export const membreApi = {
  list: (id: string) => api.get<Page<Membre>>(`${base(id)}/membres`),
  invite: (id: string, input: InviteMembreInput) =>
    api.post<InviteResult>(`${base(id)}/membres`, input),
  update: (id: string, userId: string, input: Output<typeof updateMembreSchema>) =>
    api.patch<Membre>(`${base(id)}/membres/${segment(userId)}`, input),
  remove: (id: string, userId: string) => api.delete(`${base(id)}/membres/${segment(userId)}`),
  invitations: (id: string) => api.get<Page<Invitation>>(`${base(id)}/invitations`),
  cancelInvitation: (id: string, invitationId: string) =>
    api.delete(`${base(id)}/invitations/${segment(invitationId)}`),
};
