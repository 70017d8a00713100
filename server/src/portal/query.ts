import {
  communeCodeSchema,
  type FicheQuery,
  ID_SHAPE,
  LOCALES,
  type Locale,
  MATURITES,
  type Maturite,
  type PropositionQuery,
  STATUTS_PROPOSITION,
  type StatutProposition,
  uuidSchema,
} from '@trame/shared';
import { z } from 'zod';

/**
 * What a portal address says: the language asked for, the fiche and proposal lists' filters and
 * page, a fiche's or a proposal's reference; and the addresses the pages link to, built back from the same values so a link, the
 * canonical URL and the cache key always agree.
 */

export const PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** How a page's links carry the language: `lang` appears once it was asked for, or for English. */
export interface LocaleChoice {
  locale: Locale;
  /** The `lang` parameter to put in links, or null to let the browser's language decide. */
  linkLang: Locale | null;
}

const langSchema = z.enum(LOCALES);

/** `?lang=en|fr` wins over `Accept-Language` (already negotiated into `negotiated`). */
export function chooseLocale(query: Record<string, unknown>, negotiated: Locale): LocaleChoice {
  const asked = langSchema.safeParse(query.lang);
  if (asked.success) return { locale: asked.data, linkLang: asked.data };
  return { locale: negotiated, linkLang: negotiated === 'fr' ? null : negotiated };
}

/** A form's empty choice ("Toutes") is no filter. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const listQuerySchema = z.object({
  q: optional(z.string().trim().max(200)),
  orientation: optional(uuidSchema),
  maturite: optional(z.enum(MATURITES)),
  commune: optional(communeCodeSchema),
  page: optional(z.coerce.number().int().min(1).max(MAX_PAGE)),
});

export interface ListFilters {
  q?: string;
  orientation?: string;
  maturite?: Maturite;
  commune?: string;
}

export interface ListRequest {
  filters: ListFilters;
  page: number;
}

/** The list's filters and page from the query string; null when a value is not acceptable. */
export function parseListQuery(query: Record<string, unknown>): ListRequest | null {
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) return null;
  const { page, q, ...rest } = parsed.data;
  const filters: ListFilters = { ...rest, ...(q ? { q } : {}) };
  for (const key of Object.keys(filters) as (keyof ListFilters)[]) {
    if (filters[key] === undefined) delete filters[key];
  }
  return { filters, page: page ?? 1 };
}

export function hasFilters(filters: ListFilters): boolean {
  return Object.keys(filters).length > 0;
}

/** The fiche module's list query for one page of public fiches, by number. */
export function toFicheQuery({ filters, page }: ListRequest): FicheQuery {
  return {
    q: filters.q,
    orientation: filters.orientation,
    maturite: filters.maturite ? [filters.maturite] : undefined,
    commune: filters.commune,
    sort: 'numero',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** Page numbers to link to: the first, the last, and two on each side of the current one. */
export function pageLinks(current: number, pages: number): (number | 'ellipsis')[] {
  const shown = new Set([1, pages]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | 'ellipsis')[] = [];
  for (const [index, n] of sorted.entries()) {
    if (index > 0 && n - sorted[index - 1]! > 1) out.push('ellipsis');
    out.push(n);
  }
  return out;
}

function withParams(path: string, params: [string, string | undefined | null][]): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) if (value) search.append(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const homePath = (slug: string) => `/p/${slug}`;
export const listPath = (slug: string) => `/p/${slug}/fiches`;
export const fichePath = (slug: string, numero: number) => `/p/${slug}/fiches/${numero}`;
export const propositionsPath = (slug: string) => `/p/${slug}/propositions`;
export const propositionPath = (slug: string, numero: number) =>
  `/p/${slug}/propositions/${numero}`;
export const participationPath = (slug: string) => `/p/${slug}/participation`;

/** A portal page's address in a language (`lang` null: none in the address). */
export function localized(path: string, lang: Locale | null): string {
  return withParams(path, [['lang', lang]]);
}

/** The list's address for these filters and page, parameters always in the same order. */
export function listHref(
  slug: string,
  filters: ListFilters,
  page: number,
  lang: Locale | null,
): string {
  return withParams(listPath(slug), [
    ['q', filters.q],
    ['orientation', filters.orientation],
    ['maturite', filters.maturite],
    ['commune', filters.commune],
    ['page', page > 1 ? String(page) : null],
    ['lang', lang],
  ]);
}

export type FicheRef = { numero: number } | { id: string };

/** A fiche is addressed by its number in the contract (`7`, `F-007`) or by its id. */
export function parseFicheRef(ref: string): FicheRef | null {
  if (ID_SHAPE.test(ref)) return { id: ref.toLowerCase() };
  const numero = /^(?:f-?)?0*(\d{1,6})$/i.exec(ref)?.[1];
  return numero && Number(numero) > 0 ? { numero: Number(numero) } : null;
}

// ── proposals ──

const propositionListSchema = z.object({
  statut: optional(z.enum(STATUTS_PROPOSITION)),
  q: optional(z.string().trim().max(200)),
  page: optional(z.coerce.number().int().min(1).max(MAX_PAGE)),
});

export interface PropositionFilters {
  statut?: StatutProposition;
  q?: string;
}

export interface PropositionListRequest {
  filters: PropositionFilters;
  page: number;
}

/** The proposal list's filters and page from the query string; null when not acceptable. */
export function parsePropositionListQuery(
  query: Record<string, unknown>,
): PropositionListRequest | null {
  const parsed = propositionListSchema.safeParse(query);
  if (!parsed.success) return null;
  const { page, statut, q } = parsed.data;
  return { filters: { ...(statut ? { statut } : {}), ...(q ? { q } : {}) }, page: page ?? 1 };
}

export function hasPropositionFilters(filters: PropositionFilters): boolean {
  return filters.statut !== undefined || filters.q !== undefined;
}

/** The proposals module's list query for one page of published proposals, newest first. */
export function toPropositionQuery({ filters, page }: PropositionListRequest): PropositionQuery {
  return {
    statut: filters.statut ? [filters.statut] : undefined,
    q: filters.q,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

/** The proposal list's address for these filters and page, parameters always in the same order. */
export function propositionsHref(
  slug: string,
  filters: PropositionFilters,
  page: number,
  lang: Locale | null,
): string {
  return withParams(propositionsPath(slug), [
    ['statut', filters.statut],
    ['q', filters.q],
    ['page', page > 1 ? String(page) : null],
    ['lang', lang],
  ]);
}

/** A proposal is addressed by its number in the contract: `7` or `P-007`. */
export function parsePropositionRef(ref: string): number | null {
  const numero = /^(?:p-?)?0*(\d{1,6})$/i.exec(ref)?.[1];
  return numero && Number(numero) > 0 ? Number(numero) : null;
}

// ── the app, where one signs in to take part ──

export const REGISTER_PATH = '/inscription';
export const appContratPath = (slug: string, rest = '') => `/contrats/${slug}${rest}`;

/** The sign-in page, which returns to `retour` (a path of the app) once signed in. */
export function loginHref(retour: string): string {
  return withParams('/connexion', [['retour', retour]]);
}

/** The public API's export of the participation report (the language follows the browser's). */
export function participationExportHref(slug: string, format: 'csv' | 'pdf'): string {
  return withParams(`/api/v1/contrats/${slug}/participation/export`, [['format', format]]);
}
