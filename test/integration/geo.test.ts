import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../support/app.js';
import { DEMO, expectError, THOUARSAIS_SIREN } from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';

let app: TestApp;
let client: ApiClient;

beforeAll(async () => {
  app = await startApp();
  // Any signed-in person may search: a habitant leads no contract.
  client = await signedIn(app.url, DEMO.habitant);
});
afterAll(() => app?.close());

const search = (query: string) => client.get(`/api/v1/geo/search?${query}`);
const codes = (items: { type: string; code: string }[]) => items.map((i) => `${i.type}:${i.code}`);

describe('searching the official geography', () => {
  it('finds the CC du Thouarsais first, then the commune of Thouars with its population', async () => {
    const reply = await search('q=thouars');
    expect(reply.status).toBe(200);
    const { items, total } = reply.body;
    // Every match is counted, though only the first `limit` are returned.
    expect(total).toBeGreaterThanOrEqual(items.length);
    expect((await search('q=thouars&limit=2')).body).toMatchObject({
      total,
      items: items.slice(0, 2),
    });
    expect(items[0]).toEqual({
      type: 'epci',
      code: THOUARSAIS_SIREN,
      nom: 'CC du Thouarsais',
      nature: 'CC',
      population: expect.any(Number),
      departements: ['79'],
      nombreCommunes: 24,
    });
    // EPCI first, then communes; the commune named exactly comes first among them.
    const firstCommune = items.findIndex((i: any) => i.type === 'commune');
    expect(items.slice(0, firstCommune).every((i: any) => i.type === 'epci')).toBe(true);
    expect(items.slice(firstCommune).every((i: any) => i.type === 'commune')).toBe(true);
    expect(items[firstCommune]).toEqual({
      type: 'commune',
      code: '79329',
      nom: 'Thouars',
      population: 13891,
      departement: '79',
      codesPostaux: ['79100'],
      epci: { code: THOUARSAIS_SIREN, nom: 'CC du Thouarsais' },
    });
    // Other communes containing the word follow: Saint-Jean-de-Thouars, Thouars-sur-Garonne…
    expect(codes(items)).toEqual(expect.arrayContaining(['commune:79259', 'commune:47308']));
  });

  it('ignores case and accents', async () => {
    const upper = (await search('q=THOUARSAIS')).body.items;
    expect(codes(upper)[0]).toBe(`epci:${THOUARSAIS_SIREN}`);
    expect(codes(upper)).toEqual(expect.arrayContaining(['commune:79159', 'commune:79102']));

    for (const q of ['brion pres thouet', 'BRION-PRÈS-THOUET', 'Brion-près-Thouet']) {
      const reply = await search(`q=${encodeURIComponent(q)}`);
      expect(codes(reply.body.items), q).toEqual(['commune:79056']);
      expect(reply.body.items[0]).toMatchObject({
        nom: 'Brion-près-Thouet',
        population: expect.any(Number),
      });
    }
    const accented = codes((await search(`q=${encodeURIComponent('Glénay')}`)).body.items);
    expect(accented).toEqual(codes((await search('q=glenay')).body.items));
    expect(accented).toContain('commune:79134');
  });

  it('finds a commune by its INSEE code and an EPCI by its SIREN', async () => {
    const commune = (await search('q=79329')).body;
    expect(codes(commune.items)).toEqual(['commune:79329']);
    const epci = (await search(`q=${THOUARSAIS_SIREN}`)).body;
    expect(codes(epci.items)).toEqual([`epci:${THOUARSAIS_SIREN}`]);
    const corse = (await search('q=2A004')).body;
    expect(corse.items[0]).toMatchObject({ code: '2A004', nom: 'Ajaccio', departement: '2A' });
  });

  it('filters by type and honours the limit', async () => {
    const communes = (await search('q=thouars&type=commune')).body.items;
    expect(communes.length).toBeGreaterThan(1);
    expect(communes.every((i: any) => i.type === 'commune')).toBe(true);
    expect(communes[0].code).toBe('79329');

    const epcis = (await search('q=thouars&type=epci')).body.items;
    expect(codes(epcis)).toEqual([`epci:${THOUARSAIS_SIREN}`]);

    const two = (await search('q=saint&limit=2')).body;
    expect(two.items).toHaveLength(2);
    const defaults = (await search('q=saint')).body;
    expect(defaults.items).toHaveLength(20);
    const max = (await search('q=saint&limit=50')).body;
    expect(max.items).toHaveLength(50);
    expect(max.items.slice(0, 20)).toEqual(defaults.items);
  });

  it('answers an empty list when nothing matches', async () => {
    const reply = await search('q=zzzqqqxxx');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ items: [], total: 0 });
  });

  it('refuses a query too short or too long, a bad type or limit, with 400', async () => {
    for (const query of [
      'q=t',
      'q=%20%20t%20',
      '',
      `q=${'a'.repeat(101)}`,
      'q=thouars&type=region',
      'q=thouars&limit=0',
      'q=thouars&limit=51',
      'q=thouars&limit=dix',
    ]) {
      const reply = await search(query);
      expectError(reply, 400, 'validation_failed');
      expect(reply.body.error.details.length, query).toBeGreaterThan(0);
    }
  });

  it('is for signed-in people only', async () => {
    const anonymous = new ApiClient(app.url);
    expectError(await anonymous.get('/api/v1/geo/search?q=thouars'), 401, 'unauthenticated');
    expectError(
      await anonymous.get(`/api/v1/geo/epci/${THOUARSAIS_SIREN}`),
      401,
      'unauthenticated',
    );
  });
});

describe('an EPCI and its communes', () => {
  it('lists the 24 communes of the CC du Thouarsais with INSEE codes and populations', async () => {
    const reply = await client.get(`/api/v1/geo/epci/${THOUARSAIS_SIREN}`);
    expect(reply.status).toBe(200);
    const epci = reply.body;
    expect(epci).toMatchObject({
      type: 'epci',
      code: THOUARSAIS_SIREN,
      nom: 'CC du Thouarsais',
      nature: 'CC',
      departements: ['79'],
      nombreCommunes: 24,
    });
    expect(epci.communes).toHaveLength(24);
    expect(new Set(epci.communes.map((c: any) => c.code)).size).toBe(24);
    for (const commune of epci.communes) {
      expect(commune.code).toMatch(/^79\d{3}$/);
      expect(commune.population).toBeGreaterThan(0);
      expect(commune.epci).toEqual({ code: THOUARSAIS_SIREN, nom: 'CC du Thouarsais' });
    }
    expect(epci.communes.map((c: any) => c.nom)).toEqual(
      expect.arrayContaining(['Thouars', 'Brion-près-Thouet', 'Saint-Varent', 'Tourtenay']),
    );
  });

  it('refuses an unknown or malformed SIREN with 400', async () => {
    const unknown = await client.get('/api/v1/geo/epci/999999999');
    expectError(unknown, 400, 'unknown_epci');
    expect(unknown.body.error.message).toContain('999999999');
    for (const code of ['24790079', '2479007980', 'thouarsais', '79329']) {
      expectError(await client.get(`/api/v1/geo/epci/${code}`), 400, 'validation_failed');
    }
  });
});
