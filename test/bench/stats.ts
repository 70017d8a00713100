import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Median (mean of the two middle values when even), nearest-rank p95, min and max, in ms. */
export function summarise(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  return {
    runs: n,
    median: n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2,
    p95: sorted[Math.max(0, Math.ceil(0.95 * n) - 1)]!,
    min: sorted[0]!,
    max: sorted[n - 1]!,
  };
}

/** Runs `step` `warmup` times untimed, then `runs` times one after the other, timing each. */
export async function measure(
  warmup: number,
  runs: number,
  step: () => Promise<void>,
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
