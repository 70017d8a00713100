import {
  FICHE_SORTS,
  ISO_DOMAINES,
  ISO_FINALITES,
  type IsoDomaine,
  type IsoFinalite,
  MATURITES,
  type Maturite,
  TYPES_FICHE,
  type TypeFiche,
} from '@trame/shared';
import { useSearchParams } from 'react-router';
import type { FicheListParams } from '../../api/fiches';

export const PAGE_SIZE = 50;

export type FicheSort = (typeof FICHE_SORTS)[number];
export const FICHE_VIEWS = ['tableau', 'maturite', 'iso'] as const;
export type FicheView = (typeof FICHE_VIEWS)[number];

/** What the list shows, all of it in the address so a filtered list can be bookmarked and shared. */
export interface FicheFilters {
  q: string;
  orientation: string;
  maturite: Maturite[];
  type: TypeFiche | '';
  porteur: string;
  source: string;
  commune: string;
  isoDomaine: IsoDomaine | '';
  isoFinalite: IsoFinalite | '';
  public: '' | 'true' | 'false';
}

export const EMPTY_FILTERS: FicheFilters = {
  q: '',
  orientation: '',
  maturite: [],
  type: '',
  porteur: '',
  source: '',
  commune: '',
  isoDomaine: '',
  isoFinalite: '',
  public: '',
};

const TEXT_KEYS = ['q', 'orientation', 'porteur', 'source', 'commune'] as const;

function oneOf<T extends string>(list: readonly T[], value: string | null): T | '' {
  return list.find((item) => item === value) ?? '';
}

export function readFilters(params: URLSearchParams): FicheFilters {
  const filters: FicheFilters = { ...EMPTY_FILTERS };
  for (const key of TEXT_KEYS) filters[key] = params.get(key) ?? '';
  filters.maturite = (params.get('maturite') ?? '')
    .split(',')
    .flatMap((value) => oneOf(MATURITES, value) || []);
  filters.type = oneOf(TYPES_FICHE, params.get('type'));
  filters.isoDomaine = oneOf(ISO_DOMAINES, params.get('isoDomaine'));
  filters.isoFinalite = oneOf(ISO_FINALITES, params.get('isoFinalite'));
  filters.public = oneOf(['true', 'false'] as const, params.get('public'));
  return filters;
}

/** The address of the list with these filters (and the table view, first page). */
export function filtersSearch(filters: Partial<FicheFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text) params.set(key, text);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasFilters(filters: FicheFilters): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value));
}

/** The list's state read from the address, and a way to change part of it. */
export function useFicheSearch() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const sort: FicheSort = oneOf(FICHE_SORTS, params.get('sort')) || 'numero';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const view: FicheView = oneOf(FICHE_VIEWS, params.get('vue')) || 'tableau';

  const apiParams = (limit: number, offset: number): FicheListParams => ({
    q: filters.q.trim() || undefined,
    orientation: filters.orientation || undefined,
    maturite: filters.maturite,
    type: filters.type || undefined,
    porteur: filters.porteur.trim() || undefined,
    source: filters.source || undefined,
    commune: filters.commune || undefined,
    isoDomaine: filters.isoDomaine || undefined,
    isoFinalite: filters.isoFinalite || undefined,
    public: filters.public || undefined,
    sort,
    limit,
    offset,
  });

  /** Changing what is listed goes back to the first page; typing replaces the history entry. */
  const setFilters = (changes: Partial<FicheFilters>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          const text = Array.isArray(value) ? value.join(',') : (value ?? '');
          if (text) next.set(key, text);
          else next.delete(key);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const set = (key: 'sort' | 'page' | 'vue', value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete(key);
      else next.set(key, value);
      if (key === 'sort') next.delete('page');
      return next;
    });

  const clearFilters = () =>
    setParams((previous) => {
      const next = new URLSearchParams();
      for (const key of ['sort', 'vue']) {
        const value = previous.get(key);
        if (value) next.set(key, value);
      }
      return next;
    });

  return {
    filters,
    sort,
    page,
    view,
    apiParams,
    setFilters,
    clearFilters,
    setSort: (value: FicheSort) => set('sort', value === 'numero' ? null : value),
    setPage: (value: number) => set('page', value <= 1 ? null : String(value)),
    setView: (value: FicheView) => set('vue', value === 'tableau' ? null : value),
  };
}
