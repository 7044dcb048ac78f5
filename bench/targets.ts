import { TIMING_TARGETS, type TimingTarget } from './budgets';

// Pass/miss against a timing target (budgets.ts), with the margin in the target's own unit.
// Timings never fail anything: this only words the verdict the bench prints.

const unitOf: Record<TimingTarget, (value: number) => string> = {
  popupFieldsOverFloorMs: (v) => `${v.toFixed(1)} ms`,
  resyncOverheadMs: (v) => `${v.toFixed(1)} ms`,
  cliOverExtension: (v) => `${v.toFixed(1)}×`,
  contentScriptMs: (v) => `${v.toFixed(2)} ms`,
  workerHeapBytes: (v) => `${(v / 1024 / 1024).toFixed(2)} MB`,
};

export const formatTarget = (target: TimingTarget, value: number): string => unitOf[target](value);

/** "≤ 8.0 ms" or "≥ 40.0×". */
export function targetText(target: TimingTarget): string {
  const { limit, kind } = TIMING_TARGETS[target];
  return `${kind === 'max' ? '≤' : '≥'} ${unitOf[target](limit)}`;
}

export interface TargetVerdict {
  pass: boolean | undefined;
  text: string;
}

/** "pass (2.1 ms to spare)", "MISS by 4.4 ms", or "n/a" when nothing was measured. */
export function targetVerdict(target: TimingTarget, value: number | undefined): TargetVerdict {
  if (value === undefined || !Number.isFinite(value)) return { pass: undefined, text: 'n/a (not measured)' };
  const { limit, kind } = TIMING_TARGETS[target];
  const pass = kind === 'max' ? value <= limit : value >= limit;
  const margin = unitOf[target](Math.abs(value - limit));
  return { pass, text: pass ? `pass (${margin} to spare)` : `MISS by ${margin}` };
}
