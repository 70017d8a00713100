import { describe, expect, it } from 'vitest';
import { isLocked, minutesLeft } from './lockout.js';

const now = new Date('2026-11-23T10:00:00Z');
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('account lockout', () => {
  it('is locked only until the lock date', () => {
    expect(isLocked({ failedLogins: 5, lockedUntil: inMinutes(3) }, now)).toBe(true);
    expect(isLocked({ failedLogins: 5, lockedUntil: inMinutes(-1) }, now)).toBe(false);
    expect(isLocked({ failedLogins: 4, lockedUntil: null }, now)).toBe(false);
  });

  it('tells the whole minutes left, at least one', () => {
    expect(minutesLeft({ failedLogins: 5, lockedUntil: inMinutes(14.2) }, now)).toBe(15);
    expect(minutesLeft({ failedLogins: 5, lockedUntil: inMinutes(0.1) }, now)).toBe(1);
  });
});
