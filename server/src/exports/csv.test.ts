import { describe, expect, it } from 'vitest';
import { centsToDecimalFr, parseCsv, toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes what a French Excel opens in columns: BOM, semicolons, CRLF', () => {
    const csv = toCsv([
      ['Titre', 'Coût'],
      ['Piste cyclable', '1234,56'],
    ]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toBe('\uFEFFTitre;Coût\r\nPiste cyclable;1234,56\r\n');
  });

  it('quotes fields holding a separator, a quote or a line break, and doubles quotes', () => {
    const text = toCsv([['a;b', 'dit "oui"', 'deux\nlignes', 'simple', null, 3]]).toString('utf8');
    expect(text).toBe('\uFEFF"a;b";"dit ""oui""";"deux\nlignes";simple;;3\r\n');
  });

  it('writes decimals with a comma', () => {
    expect(toCsv([[12.5]]).toString('utf8')).toBe('\uFEFF12,5\r\n');
  });

  it('keeps a typed formula from running when the file is opened, but not a negative amount', () => {
    const text = toCsv([['=HYPERLINK("http://x")', '-12,30', '@SUM(A1)']]).toString('utf8');
    expect(text).toBe('\uFEFF"\'=HYPERLINK(""http://x"")";-12,30;\'@SUM(A1)\r\n');
  });
});

describe('centsToDecimalFr', () => {
  it('writes euros with a comma and no thousands separator', () => {
    expect(centsToDecimalFr(123456)).toBe('1234,56');
    expect(centsToDecimalFr(12345678901)).toBe('123456789,01');
    expect(centsToDecimalFr(5)).toBe('0,05');
    expect(centsToDecimalFr(0)).toBe('0,00');
    expect(centsToDecimalFr(-1230)).toBe('-12,30');
  });
});

describe('parseCsv', () => {
  it('reads back what toCsv wrote, quotes and line breaks included', () => {
    const rows = [
      ['Titre', 'Résumé', 'Coût'],
      ['Halle; marché', 'Sur deux\r\nlignes, "citées"', '1234,56'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('detects a comma-separated file from its header line', () => {
    const file = Buffer.from('Titre,Communes\n"Voie verte","79329; 79293"\n');
    expect(parseCsv(file)).toEqual([
      ['Titre', 'Communes'],
      ['Voie verte', '79329; 79293'],
    ]);
  });

  it('keeps semicolons when the header has more of them than commas', () => {
    const file = Buffer.from('\uFEFFTitre;Coût;Communes\nA;1,5;x,y\n');
    expect(parseCsv(file)).toEqual([
      ['Titre', 'Coût', 'Communes'],
      ['A', '1,5', 'x,y'],
    ]);
  });

  it('keeps empty lines so that record i is spreadsheet line i + 1', () => {
    expect(parseCsv(Buffer.from('a;b\r\n\r\n1;2\r\n'))).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads a file Excel saved in Windows-1252', () => {
    const file = Buffer.from([
      ...Buffer.from('Titre;Maturit'),
      0xe9,
      ...Buffer.from('\r\nR'),
      0xe9,
      ...Buffer.from('novation;Id'),
      0xe9,
      0x65,
      ...Buffer.from('\r\n'),
    ]);
    expect(parseCsv(file)).toEqual([
      ['Titre', 'Maturité'],
      ['Rénovation', 'Idée'],
    ]);
  });

  it('throws on an unclosed quote', () => {
    expect(() => parseCsv(Buffer.from('a;"b\n1;2'))).toThrow();
  });
});
