import type { GeoEpciDetail, GeoResult, Page } from '@trame/shared';
import { api, segment } from './client';

export const geoApi = {
  search: (q: string, limit = 20) =>
    api.get<Page<GeoResult>>(`/geo/search?${new URLSearchParams({ q, limit: String(limit) })}`),
  epci: (siren: string) => api.get<GeoEpciDetail>(`/geo/epci/${segment(siren)}`),
};
