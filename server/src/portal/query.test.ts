import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  listHref,
  loginHref,
  pageCount,
  pageLinks,
  parseFicheRef,
  parseListQuery,
  parsePropositionListQuery,
  parsePropositionRef,
  propositionsHref,
  toFicheQuery,
  toPropositionQuery,
} from './query.js';

const ORIENTATION = '0b5c6a52-54f1-4c7e-9a53-2f1a0f6a9c11';

describe('portal addresses', () => {
  it('takes the language from ?lang first, then from the browser', () => {
    expect(chooseLocale({ lang: 'en' }, 'fr')).toEqual({ locale: 'en', linkLang: 'en' });
    expect(chooseLocale({ lang: 'fr' }, 'en')).toEqual({ locale: 'fr', linkLang: 'fr' });
    expect(chooseLocale({}, 'en')).toEqual({ locale: 'en', linkLang: 'en' });
    expect(chooseLocale({ lang: 'de' }, 'fr')).toEqual({ locale: 'fr', linkLang: null });
    expect(chooseLocale({ lang: ['en', 'fr'] }, 'fr')).toEqual({ locale: 'fr', linkLang: null });
  });

  it('reads the list filters, an empty form choice being no filter', () => {
    expect(
      parseListQuery({
        q: '  chaleur ',
        orientation: ORIENTATION,
        maturite: '',
        commune: '79329',
        page: '3',
        utm_source: 'x',
      }),
    ).toEqual({ filters: { q: 'chaleur', orientation: ORIENTATION, commune: '79329' }, page: 3 });
    expect(parseListQuery({ q: '', maturite: 'engagee' })).toEqual({
      filters: { maturite: 'engagee' },
      page: 1,
    });
  });

  it('refuses values that are not acceptable', () => {
    for (const query of [
      { orientation: 'abc' },
      { maturite: 'terminee' },
      { commune: '7932' },
      { page: '0' },
      { page: '2.5' },
      { q: 'x'.repeat(201) },
      { q: ['a', 'b'] },
    ]) {
      expect(parseListQuery(query), JSON.stringify(query)).toBeNull();
    }
  });

  it('builds the list address back in a fixed order, without defaults', () => {
    const filters = { q: 'a&b=c', maturite: 'engagee' as const, orientation: ORIENTATION };
    expect(listHref('crte-x', filters, 2, 'en')).toBe(
      `/p/crte-x/fiches?q=a%26b%3Dc&orientation=${ORIENTATION}&maturite=engagee&page=2&lang=en`,
    );
    expect(listHref('crte-x', {}, 1, null)).toBe('/p/crte-x/fiches');
  });

  it('turns a page into the fiche module’s query', () => {
    expect(toFicheQuery({ filters: { maturite: 'idee', q: 'vélo' }, page: 3 })).toEqual({
      q: 'vélo',
      orientation: undefined,
      maturite: ['idee'],
      commune: undefined,
      sort: 'numero',
      limit: 20,
      offset: 40,
    });
  });

  it('links to the first, the last and the pages around the current one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(41)).toBe(3);
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(10, 50)).toEqual([1, 'ellipsis', 8, 9, 10, 11, 12, 'ellipsis', 50]);
    expect(pageLinks(2, 50)).toEqual([1, 2, 3, 4, 'ellipsis', 50]);
  });

  it('reads a fiche reference as a number or an id', () => {
    expect(parseFicheRef('7')).toEqual({ numero: 7 });
    expect(parseFicheRef('F-007')).toEqual({ numero: 7 });
    expect(parseFicheRef(ORIENTATION.toUpperCase())).toEqual({ id: ORIENTATION });
    for (const bad of ['0', 'F-', '7a', '<script>', '1234567'])
      expect(parseFicheRef(bad)).toBeNull();
  });

  it('reads the proposal list’s status, words and page, and refuses what is not acceptable', () => {
    expect(parsePropositionListQuery({ statut: 'non_retenue', q: ' vélo ', page: '2' })).toEqual({
      filters: { statut: 'non_retenue', q: 'vélo' },
      page: 2,
    });
    expect(parsePropositionListQuery({ statut: '', q: '' })).toEqual({ filters: {}, page: 1 });
    for (const query of [
      { statut: 'acceptee' },
      { statut: ['retenue', 'deposee'] },
      { page: '0' },
    ]) {
      expect(parsePropositionListQuery(query), JSON.stringify(query)).toBeNull();
    }
  });

  it('turns a proposal page into the proposals module’s query, and builds its address back', () => {
    expect(toPropositionQuery({ filters: { statut: 'retenue' }, page: 3 })).toEqual({
      statut: ['retenue'],
      q: undefined,
      limit: 20,
      offset: 40,
    });
    expect(propositionsHref('crte-x', { q: 'a&b', statut: 'retenue' }, 2, 'en')).toBe(
      '/p/crte-x/propositions?statut=retenue&q=a%26b&page=2&lang=en',
    );
    expect(propositionsHref('crte-x', {}, 1, null)).toBe('/p/crte-x/propositions');
  });

  it('reads a proposal reference as its number', () => {
    expect(parsePropositionRef('7')).toBe(7);
    expect(parsePropositionRef('P-007')).toBe(7);
    expect(parsePropositionRef('p7')).toBe(7);
    for (const bad of ['0', 'P-', 'F-007', '<script>', '1234567', ORIENTATION]) {
      expect(parsePropositionRef(bad), bad).toBeNull();
    }
  });

  it('signs in through the app and comes back to the page one was reading', () => {
    expect(loginHref('/contrats/crte-x/fiches/abc')).toBe(
      '/connexion?retour=%2Fcontrats%2Fcrte-x%2Ffiches%2Fabc',
    );
  });
});
