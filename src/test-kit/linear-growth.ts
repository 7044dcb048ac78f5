import { expect } from 'vitest';

// A guard against regex backtracking that holds on any machine: instead of a time bound (which a
// loaded machine, or Stryker's instrumented code, overruns with perfectly linear code), compare how
// the work grows. A quarter of the input takes about a quarter of the time when the work is linear,
// and a sixteenth when it is quadratic, whatever the machine's speed at that moment.

const RUNS = 3;

/** The best of a few timings of `work(size)`, after one untimed warm-up run (JIT, caches). */
function bestTime(work: (size: number) => unknown, size: number): number {
  work(size);
  let best = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    work(size);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Fails when `work` on `size` takes more than 8 times as long as on a quarter of it: linear work
 * measures about 4 here, quadratic about 16. The millisecond of slack keeps sub-millisecond runs,
 * where timer resolution rules, from failing on noise.
 */
export function expectLinearGrowth(work: (size: number) => unknown, size: number, label: string): void {
  const quarter = bestTime(work, Math.ceil(size / 4));
  const whole = bestTime(work, size);
  expect(whole, `${label}: ${whole.toFixed(2)} ms at ${size}, ${quarter.toFixed(2)} ms at a quarter`).toBeLessThan(
    8 * quarter + 1,
  );
}
