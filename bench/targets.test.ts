import { describe, expect, it } from 'vitest';
import { TIMING_TARGETS } from './budgets';
import { targetText, targetVerdict } from './targets';

describe('timing target verdicts', () => {
  it('are the targets of issue 17', () => {
    expect(Object.fromEntries(Object.entries(TIMING_TARGETS).map(([k, t]) => [k, [t.kind, t.limit]]))).toEqual({
      popupFieldsOverFloorMs: ['max', 8],
      resyncOverheadMs: ['max', 5],
      cliOverExtension: ['min', 40],
      contentScriptMs: ['max', 0.3],
      workerHeapBytes: ['max', 3 * 1024 * 1024],
    });
  });

  it('says by how much a maximum is missed or kept, at the limit a pass', () => {
    expect(targetVerdict('resyncOverheadMs', 12.4)).toEqual({ pass: false, text: 'MISS by 7.4 ms' });
    expect(targetVerdict('resyncOverheadMs', 5)).toEqual({ pass: true, text: 'pass (0.0 ms to spare)' });
    expect(targetVerdict('contentScriptMs', 0.41).text).toBe('MISS by 0.11 ms');
    expect(targetVerdict('workerHeapBytes', 3.43 * 1024 * 1024).text).toBe('MISS by 0.43 MB');
  });

  it('treats the CLI ratio as a minimum', () => {
    expect(targetVerdict('cliOverExtension', 33.1)).toEqual({ pass: false, text: 'MISS by 6.9×' });
    expect(targetVerdict('cliOverExtension', 45)).toEqual({ pass: true, text: 'pass (5.0× to spare)' });
    expect(targetText('cliOverExtension')).toBe('≥ 40.0×');
    expect(targetText('popupFieldsOverFloorMs')).toBe('≤ 8.0 ms');
  });

  it('reports a measurement that did not happen as n/a, never as a pass', () => {
    expect(targetVerdict('popupFieldsOverFloorMs', Number.NaN).pass).toBeUndefined();
    expect(targetVerdict('popupFieldsOverFloorMs', undefined).text).toBe('n/a (not measured)');
  });
});
