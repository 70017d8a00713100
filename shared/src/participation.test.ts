import { describe, expect, it } from 'vitest';
import { comptageAutorise, currentPhase, type PhaseDates, parisDate } from './participation.js';

const phase = (
  id: string,
  ordre: number,
  dateDebut: string | null,
  dateFin: string | null,
  couranteManuelle = false,
): PhaseDates => ({ id, ordre, dateDebut, dateFin, couranteManuelle });

const thouarsais = [
  phase('elaboration', 1, '2021-01-01', '2021-07-08'),
  phase('concertation', 2, '2021-03-01', '2021-05-31'),
  phase('mise_en_oeuvre', 3, '2021-09-01', null),
  phase('evaluation', 4, '2026-01-01', '2026-12-31'),
];

describe('current phase', () => {
  it('follows the dates, start and end days included', () => {
    expect(currentPhase(thouarsais, '2021-01-01')).toEqual({
      phaseId: 'elaboration',
      mode: 'automatique',
    });
    expect(currentPhase(thouarsais, '2021-07-08').phaseId).toBe('elaboration');
    expect(currentPhase(thouarsais, '2021-09-01').phaseId).toBe('mise_en_oeuvre');
  });

  it('picks the phase that started last when phases overlap', () => {
    expect(currentPhase(thouarsais, '2021-02-28').phaseId).toBe('elaboration');
    expect(currentPhase(thouarsais, '2021-03-01').phaseId).toBe('concertation');
    expect(currentPhase(thouarsais, '2021-05-31').phaseId).toBe('concertation');
    // Concertation over, élaboration still running.
    expect(currentPhase(thouarsais, '2021-06-01').phaseId).toBe('elaboration');
  });

  it('lets an open-ended phase run until a later one starts', () => {
    expect(currentPhase(thouarsais, '2025-12-31').phaseId).toBe('mise_en_oeuvre');
    expect(currentPhase(thouarsais, '2026-01-01').phaseId).toBe('evaluation');
    // Évaluation ended; mise en œuvre has no end, so it is current again.
    expect(currentPhase(thouarsais, '2027-01-01').phaseId).toBe('mise_en_oeuvre');
  });

  it('has no current phase between two phases, before the first, or without dates', () => {
    expect(currentPhase(thouarsais, '2021-08-15')).toEqual({
      phaseId: null,
      mode: 'automatique',
    });
    expect(currentPhase(thouarsais, '2020-12-31').phaseId).toBeNull();
    expect(currentPhase([], '2024-01-01').phaseId).toBeNull();
    expect(currentPhase([phase('a', 1, null, null)], '2024-01-01').phaseId).toBeNull();
  });

  it('never places a phase without a start date, even when its end is still ahead', () => {
    expect(currentPhase([phase('a', 1, null, '2030-01-01')], '2024-01-01').phaseId).toBeNull();
  });

  it('breaks a tie on the start day by the order of the phases', () => {
    const same = [phase('x', 2, '2024-01-01', null), phase('y', 5, '2024-01-01', null)];
    expect(currentPhase(same, '2024-06-01').phaseId).toBe('y');
    expect(currentPhase([...same].reverse(), '2024-06-01').phaseId).toBe('y');
  });

  it('honours a phase set by hand, whatever the dates, until the dates decide again', () => {
    const manual = thouarsais.map((p) =>
      p.id === 'evaluation' ? { ...p, couranteManuelle: true } : p,
    );
    expect(currentPhase(manual, '2021-03-15')).toEqual({ phaseId: 'evaluation', mode: 'manuelle' });
    expect(currentPhase(manual, '2021-08-15')).toEqual({ phaseId: 'evaluation', mode: 'manuelle' });
    const undated = [phase('a', 1, '2024-01-01', null), phase('b', 2, null, null, true)];
    expect(currentPhase(undated, '2024-06-01')).toEqual({ phaseId: 'b', mode: 'manuelle' });
  });
});

describe('parisDate', () => {
  it('gives the calendar day in France, not in UTC', () => {
    // 23:30 UTC on 28 February 2021 is 00:30 on 1 March in Paris (winter time, UTC+1).
    expect(parisDate(new Date('2021-02-28T23:30:00Z'))).toBe('2021-03-01');
    expect(parisDate(new Date('2021-02-28T22:30:00Z'))).toBe('2021-02-28');
    // Summer time, UTC+2.
    expect(parisDate(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01');
    expect(parisDate(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
  });
});

describe('counted attendance', () => {
  it('is for public meetings only', () => {
    expect(comptageAutorise('reunion_publique')).toBe(true);
    expect(comptageAutorise('atelier')).toBe(false);
    expect(comptageAutorise('seance')).toBe(false);
  });
});
