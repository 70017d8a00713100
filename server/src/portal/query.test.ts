import { describe, expect, it } from 'vitest';
import {
  chooseLocale,
  listHref,
  pageCount,
  pageLinks,
  parseFicheRef,
  parseListQuery,
  toFicheQuery,
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
});
